/**
 * Errors thrown by Office.js (OfficeExtension.Error: `code`, `message`, `debugInfo`) → a message a
 * staff member can act on, in Vietnamese. Anything else becomes a generic message with its text.
 */

/** Thrown by the actions for conditions they detect themselves (damaged table, missing sheet, ...). */
export class ActionError extends Error {
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "ActionError";
    this.details = details;
  }
}

/** The Office error code of `e`, if it has one ("ItemNotFound", ...). */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

const BY_CODE: Record<string, string> = {
  AccessDenied:
    "Excel từ chối thay đổi: trang tính hoặc sổ làm việc đang được bảo vệ (có thể bằng mật khẩu). Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.",
  ItemNotFound:
    "Không tìm thấy trang, bảng hoặc tên cần dùng (có thể đã bị xoá hoặc đổi). Hãy bấm “Tạo/cập nhật bảng theo dõi”.",
  ItemAlreadyExists:
    "Đã có một trang tính, bảng hoặc tên trùng tên với tên phần bổ trợ cần dùng. Hãy đổi tên mục đó rồi thử lại.",
  InvalidArgument:
    "Excel không chấp nhận dữ liệu phần bổ trợ ghi vào. Hãy bấm “Tạo/cập nhật bảng theo dõi” để tạo lại các trang; nếu vẫn lỗi, báo bộ phận CNTT.",
  InvalidReference:
    "Một tham chiếu (tên hoặc vùng) không còn hợp lệ. Hãy bấm “Tạo/cập nhật bảng theo dõi” để tạo lại.",
  InvalidOperation:
    "Excel không cho phép thao tác này lúc này (ví dụ: vùng đang bị khoá, có ô gộp hoặc bảng chồng lên nhau). Hãy bỏ gộp ô hoặc bỏ bảo vệ trên các trang theo dõi rồi thử lại.",
  InsertDeleteConflict:
    "Thao tác chèn/xoá xung đột với một bảng hoặc vùng gộp ô trên trang. Hãy bỏ gộp ô hoặc dời bảng khác ra chỗ khác rồi thử lại.",
  ApiNotFound:
    "Phiên bản Excel này thiếu một chức năng cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.",
  ApiNotAvailable:
    "Phiên bản Excel này thiếu một chức năng cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.",
  NotImplemented:
    "Phiên bản Excel này chưa hỗ trợ thao tác cần dùng. Hãy cập nhật Office hoặc dùng Excel trên web.",
  UnsupportedOperation:
    "Phiên bản Excel này chưa hỗ trợ thao tác cần dùng. Hãy cập nhật Office hoặc dùng Excel trên web.",
  RequestPayloadSizeLimitExceeded:
    "Dữ liệu quá lớn cho một lần ghi của Excel (Excel trên web giới hạn khoảng 5 MB mỗi lần). Hãy dùng Excel trên máy tính, hoặc báo bộ phận CNTT.",
  ResponsePayloadSizeLimitExceeded:
    "Dữ liệu đọc về quá lớn cho Excel (Excel trên web giới hạn khoảng 5 MB mỗi lần). Hãy dùng Excel trên máy tính, hoặc báo bộ phận CNTT.",
  ActivityLimitReached: "Excel đang quá tải. Đợi một lát rồi thử lại.",
  Conflict: "Sổ làm việc đang được người khác sửa cùng lúc. Đợi một lát rồi thử lại.",
  RequestAborted: "Excel đã huỷ yêu cầu (có thể do sổ làm việc bị đóng hoặc tải lại). Hãy thử lại.",
  GeneralException:
    "Excel báo lỗi chung khi thực hiện thao tác. Hãy lưu sổ làm việc, đóng và mở lại ngăn tác vụ rồi thử lại.",
  PropertyNotLoaded:
    "Phần bổ trợ gặp lỗi nội bộ khi đọc sổ làm việc. Hãy thử lại; nếu vẫn lỗi, báo bộ phận CNTT.",
};

export const PASSWORD_PROTECTED =
  "Một trang theo dõi được bảo vệ bằng mật khẩu nên phần bổ trợ không mở khoá được. Hãy bỏ bảo vệ trang đó (Xem lại › Bỏ bảo vệ trang tính, nhập mật khẩu) rồi thử lại.";

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** The Office error code of `e` ("AccessDenied", ...), or null when it is not an Office error. */
export function officeErrorCode(e: unknown): string | null {
  if (!e || typeof e !== "object") return null;
  const err = e as OfficeLikeError;
  if (typeof err.code === "string" && err.code !== "") return err.code;
  if (err.debugInfo && typeof err.debugInfo.code === "string") return err.debugInfo.code;
  return null;
}

/** A Vietnamese, actionable message for anything an action may throw. */
export function describeError(e: unknown): string {
  if (e instanceof ActionError) return e.message;
  const code = officeErrorCode(e);
  const raw =
    e && typeof e === "object" && typeof (e as OfficeLikeError).message === "string"
      ? ((e as OfficeLikeError).message as string)
      : String(e);
  if (code !== null) {
    const where = (e as OfficeLikeError).debugInfo?.errorLocation;
    // A wrong or missing password surfaces as InvalidArgument/AccessDenied on (un)protect. The
    // location ("WorksheetProtection.unprotect") is Office.js's English name: not for staff.
    if (typeof where === "string" && /protect/i.test(where) && code !== "ApiNotFound")
      return PASSWORD_PROTECTED;
    const known = BY_CODE[code];
    if (known) return known;
    return `Excel báo lỗi không lường trước (mã ${code}). Hãy thử lại; nếu vẫn lỗi, gửi cho bộ phận CNTT nội dung: ${raw}`;
  }
  if (e instanceof RangeError)
    return `Phần bổ trợ gặp một giá trị không hợp lệ (${raw}). Hãy kiểm tra ô vừa nhập rồi thử lại.`;
  return `Phần bổ trợ gặp lỗi không lường trước. Hãy thử lại; nếu vẫn lỗi, gửi cho bộ phận CNTT nội dung: ${raw}`;
}
