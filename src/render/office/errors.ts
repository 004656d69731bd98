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
  InvalidArgument: "Excel không chấp nhận dữ liệu ghi vào (đối số không hợp lệ).",
  InvalidReference:
    "Một tham chiếu (tên hoặc vùng) không còn hợp lệ. Hãy bấm “Tạo/cập nhật bảng theo dõi” để tạo lại.",
  InvalidOperation:
    "Excel không cho phép thao tác này lúc này (ví dụ: vùng đang bị khoá, có ô gộp hoặc bảng chồng lên nhau).",
  InsertDeleteConflict: "Thao tác chèn/xoá xung đột với một bảng hoặc vùng gộp ô trên trang.",
  ApiNotFound:
    "Phiên bản Excel này thiếu một chức năng cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.",
  ApiNotAvailable:
    "Phiên bản Excel này thiếu một chức năng cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.",
  NotImplemented: "Phiên bản Excel này chưa hỗ trợ thao tác cần dùng.",
  UnsupportedOperation: "Phiên bản Excel này chưa hỗ trợ thao tác cần dùng.",
  RequestPayloadSizeLimitExceeded:
    "Dữ liệu quá lớn cho một lần ghi của Excel (Excel trên web giới hạn khoảng 5 MB mỗi lần).",
  ResponsePayloadSizeLimitExceeded:
    "Dữ liệu đọc về quá lớn cho Excel (Excel trên web giới hạn khoảng 5 MB mỗi lần).",
  ActivityLimitReached: "Excel đang quá tải. Đợi một lát rồi thử lại.",
  Conflict: "Sổ làm việc đang được người khác sửa cùng lúc. Đợi một lát rồi thử lại.",
  RequestAborted: "Excel đã huỷ yêu cầu (có thể do sổ làm việc bị đóng hoặc tải lại).",
  GeneralException: "Excel báo lỗi chung khi thực hiện thao tác.",
  PropertyNotLoaded: "Lỗi nội bộ của phần bổ trợ (đọc dữ liệu chưa tải).",
};

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** The Office error code of `e` ("AccessDenied", ...), or null when it is not an Office error. */
function officeErrorCode(e: unknown): string | null {
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
    // A wrong or missing password surfaces as InvalidArgument/AccessDenied on (un)protect.
    if (typeof where === "string" && /protect/i.test(where) && code !== "ApiNotFound")
      return `${BY_CODE.AccessDenied} (${where})`;
    const known = BY_CODE[code];
    const detail = typeof where === "string" && where !== "" ? ` (${where})` : "";
    if (known) return `${known}${detail}`;
    return `Excel báo lỗi ${code}${detail}: ${raw}`;
  }
  if (e instanceof RangeError) return `Giá trị không hợp lệ: ${raw}`;
  return `Lỗi không mong đợi: ${raw}`;
}
