/**
 * The CCHC custom functions. Thin wrappers over src/domain: each reads Excel's arguments, calls the
 * domain, and turns a domain failure into a CustomFunctions.Error. The JSDoc blocks below ARE the
 * metadata: custom-functions-metadata-plugin generates functions.json from them (the namespace CCHC
 * comes from the manifest) and appends the CustomFunctions.associate calls itself.
 *
 * Keep this bundle small: import only domain modules and src/plan/indicators (never zod, never the
 * task data). Optional arguments arrive as null, never undefined, so no TypeScript defaults here.
 * Parameters are typed `unknown` (metadata type "any") so that Excel does not coerce text or blanks
 * before the domain can report them; RATE's are matrices so a range arrives whole. Return types are
 * written out as unions: the generator refuses a type alias there.
 */
import {
  readDate,
  readDeadlineText,
  readDue,
  readYear,
  AS_OF_LABEL,
  DEADLINE_LABEL,
  DONE_LABEL,
} from "../domain/cellDate";
import { inputError, isBlank, readScalar, readScalarNumber } from "../domain/cellValue";
import {
  isoToSerial,
  MAX_EXCEL_SERIAL,
  serialToIso,
  todayIso,
  todaySerial,
} from "../domain/excelDate";
import { lookupIndicator, resolveTarget, targetValue } from "../domain/indicatorTarget";
import {
  attainment,
  met,
  parseComparison,
  rate,
  readMeasure,
  ACTUAL_LABEL,
  TARGET_LABEL,
} from "../domain/rates";
import { fail, ok, type ErrorKind, type Result } from "../domain/result";
import { daysLate, taskState, taskStateOnSerials, DEFAULT_SOON_DAYS } from "../domain/taskState";
import { getIndicatorTargets } from "../plan/indicators";
import { workbookTargetsOr } from "../plan/workbookTargets";
import type { Comparison } from "../domain/rates";

// Numbers only: the indicator texts would add ~3.5 KB gzip to a bundle that must load first and small.
const INDICATOR_TARGETS = getIndicatorTargets();
/** The open workbook's plan targets when the task pane has read them (shared runtime), else 2024's. */
const targets = () => workbookTargetsOr(INDICATOR_TARGETS);

const SOON_DAYS_LABEL = "Số ngày sắp đến hạn (soon_days)";

/**
 * Excel can return only these codes from a custom function; #REF! and #NAME? passed on from an
 * input become #VALUE! (the message keeps the original error's name). Excel shows the custom
 * message for #VALUE! and #N/A only; for #DIV/0! and #NUM! it is kept but not displayed.
 */
function errorCode(kind: ErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "div0":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    case "null":
      return CustomFunctions.ErrorCode.nullReference;
    case "value":
    case "ref":
    case "name":
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

type Scalar = number | string | boolean;

function toCell<T extends Scalar>(r: Result<T>): T | CustomFunctions.Error {
  if (!r.ok) return new CustomFunctions.Error(errorCode(r.error), r.message);
  if (typeof r.value === "number" && !Number.isFinite(r.value)) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidNumber,
      "Kết quả không phải số hữu hạn."
    );
  }
  return r.value;
}

/** Last line of defence: whatever happens inside, Excel gets a value or an error, never an exception. */
function guarded<T extends Scalar>(body: () => Result<T>): T | CustomFunctions.Error {
  try {
    return toCell(body());
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message})` : "";
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `Lỗi không mong đợi khi tính${detail}.`
    );
  }
}

function readAsOf(v: unknown): Result<string> {
  const d = readDate(v, AS_OF_LABEL);
  if (!d.ok) return d;
  return ok(d.value ?? todayIso());
}

function readSoonDays(v: unknown): Result<number> {
  const n = readScalarNumber(v, SOON_DAYS_LABEL);
  if (!n.ok) return n;
  if (n.value === null) return ok(DEFAULT_SOON_DAYS);
  if (n.value < 0) return fail("num", `${SOON_DAYS_LABEL}: không được âm (${n.value}).`);
  return ok(n.value);
}

/**
 * A plain number the date readers take as a date (1 … 31/12/9999, time of day dropped) or as "no
 * date" (0 → null). Undefined for anything else: the full reader then decides, with its message.
 */
function plainSerial(v: unknown): number | null | undefined {
  if (typeof v !== "number") return undefined;
  if (v === 0) return null;
  return v >= 1 && v < MAX_EXCEL_SERIAL + 1 ? Math.floor(v) : undefined;
}

/**
 * STATUS when every argument is a plain serial (what a column of =CCHC.STATUS(due, done, as_of)
 * passes): the state straight from the serials, without ISO dates. Undefined: take the full path,
 * which reads text, ranges and errors and words the messages.
 */
function statusOfSerials(
  due: unknown,
  doneDate: unknown,
  asOf: unknown,
  soonDays: unknown
): string | undefined {
  const d = plainSerial(due);
  const done = doneDate === null || doneDate === undefined ? null : plainSerial(doneDate);
  const at = asOf === null || asOf === undefined ? todaySerial() : plainSerial(asOf);
  const soon =
    soonDays === null || soonDays === undefined
      ? DEFAULT_SOON_DAYS
      : typeof soonDays === "number" && Number.isFinite(soonDays) && soonDays >= 0
        ? soonDays
        : undefined;
  if (d === undefined || done === undefined || at === undefined || at === null) return undefined;
  if (soon === undefined) return undefined;
  return taskStateOnSerials(d, done, at, soon);
}

interface TaskDates {
  due: string | null;
  done: string | null;
  asOf: string;
}

function readTaskDates(due: unknown, doneDate: unknown, asOf: unknown): Result<TaskDates> {
  const d = readDue(due);
  if (!d.ok) return d;
  const done = readDate(doneDate, DONE_LABEL);
  if (!done.ok) return done;
  const a = readAsOf(asOf);
  if (!a.ok) return a;
  return ok({ due: d.value, done: done.value, asOf: a.value });
}

interface Comparand {
  actual: number;
  target: number;
  comparison: Comparison;
}

function readComparand(actual: unknown, target: unknown, comparison: unknown): Result<Comparand> {
  const a = readMeasure(actual, ACTUAL_LABEL);
  if (!a.ok) return a;
  const t = resolveTarget(target, targets(), TARGET_LABEL);
  if (!t.ok) return t;
  if (t.value.value < 0) return fail("num", `${TARGET_LABEL}: không được âm (${t.value.value}).`);
  const c = parseComparison(comparison, t.value.comparison ?? undefined);
  if (!c.ok) return c;
  return ok({ actual: a.value, target: t.value.value, comparison: c.value });
}

/**
 * Tỷ lệ = tổng số đạt ÷ tổng số, dạng phân số (0,953 hiển thị 95,3% khi định dạng %). Mỗi đối số là một số hoặc một vùng ô (được cộng lại; ô trống tính là 0). Tổng bằng 0 → #DIV/0!; số âm hoặc số đạt lớn hơn tổng → #NUM!; chữ không phải số → #VALUE!.
 * @customfunction RATE
 * @param part Số đạt (tử số): một số hoặc một vùng ô, ví dụ B2:B13 (hồ sơ nộp trực tuyến).
 * @param total Tổng số (mẫu số): một số hoặc một vùng ô, ví dụ C2:C13 (tổng hồ sơ tiếp nhận).
 * @returns Tỷ lệ từ 0 đến 1.
 */
export function RATE(part: unknown[][], total: unknown[][]): number | CustomFunctions.Error {
  return guarded(() => rate(part, total));
}

/**
 * Mức đạt so với chỉ tiêu, dạng phân số (1 = đúng bằng chỉ tiêu): thực tế ÷ chỉ tiêu khi càng cao càng tốt (">=", ">"), chỉ tiêu ÷ thực tế khi càng thấp càng tốt ("<=", "<"). Ô trống → #N/A; số âm → #NUM!; chia cho 0 → #DIV/0!.
 * @customfunction ATTAIN
 * @param actual Giá trị thực tế, ví dụ kết quả của CCHC.RATE (0,953).
 * @param target Chỉ tiêu: một số (0,95 cho 95%; 2 cho 2 sáng kiến) hoặc mã chỉ tiêu của kế hoạch, ví dụ "3.6".
 * @param [comparison] Phép so sánh: ">=" (mặc định), ">", "<=", "<" hoặc "="; bỏ trống khi target là mã chỉ tiêu thì dùng phép so sánh của chỉ tiêu đó.
 * @returns Mức đạt, 1 = 100% chỉ tiêu.
 */
export function ATTAIN(
  actual: unknown,
  target: unknown,
  comparison?: unknown
): number | CustomFunctions.Error {
  return guarded(() => {
    const c = readComparand(actual, target, comparison);
    return c.ok ? attainment(c.value.actual, c.value.target, c.value.comparison) : c;
  });
}

/**
 * Có đạt chỉ tiêu không: TRUE hoặc FALSE theo phép so sánh (">" là lớn hơn hẳn, ví dụ "trên 95%"). Ô trống → #N/A; số âm → #NUM!.
 * @customfunction MET
 * @param actual Giá trị thực tế, ví dụ kết quả của CCHC.RATE.
 * @param target Chỉ tiêu: một số (0,95 cho 95%) hoặc mã chỉ tiêu của kế hoạch, ví dụ "3.6".
 * @param [comparison] Phép so sánh: ">=" (mặc định), ">", "<=", "<" hoặc "="; bỏ trống khi target là mã chỉ tiêu thì dùng phép so sánh của chỉ tiêu đó.
 * @returns TRUE nếu đạt, FALSE nếu chưa đạt.
 */
export function MET(
  actual: unknown,
  target: unknown,
  comparison?: unknown
): boolean | CustomFunctions.Error {
  return guarded(() => {
    const c = readComparand(actual, target, comparison);
    return c.ok ? met(c.value.actual, c.value.target, c.value.comparison) : c;
  });
}

/**
 * Chỉ tiêu của kế hoạch CCHC theo mã: chỉ tiêu % trả về phân số (95% → 0,95), chỉ tiêu đếm trả về số lượng (2 sáng kiến → 2). Mã không có → #N/A kèm cách viết mã.
 * @customfunction TARGET
 * @param id Mã chỉ tiêu, ví dụ "3.5b", "3.6" hoặc "PL.III.1.2a".
 * @returns Giá trị chỉ tiêu.
 */
export function TARGET(id: unknown): number | CustomFunctions.Error {
  return guarded(() => {
    const found = lookupIndicator(id, targets());
    return found.ok ? ok(targetValue(found.value)) : found;
  });
}

/**
 * Hạn hoàn thành của một thời hạn ghi bằng chữ, dạng ngày Excel (định dạng dd/mm/yyyy để xem): "Quý I/2024" → 31/03/2024, "Tháng 01/2024" → 31/01/2024. Việc thường xuyên không có hạn và chữ không đọc được → #N/A kèm lý do.
 * @customfunction DUE
 * @param deadline_text Thời hạn như kế hoạch ghi, ví dụ "Quý I/2024", "Trước ngày 05/01/2024", "Năm 2024".
 * @param [year] Năm dùng khi thời hạn không ghi năm, ví dụ 2024.
 * @returns Ngày hạn (số ngày Excel).
 */
export function DUE(deadline_text: unknown, year?: unknown): number | CustomFunctions.Error {
  return guarded(() => {
    const y = readYear(year);
    if (!y.ok) return y;
    const s = readScalar(deadline_text, DEADLINE_LABEL);
    if (!s.ok) return s;
    const v = s.value;
    if (typeof v === "number") {
      const iso = v === 0 ? null : serialToIso(v);
      return iso === null
        ? fail("num", `${DEADLINE_LABEL}: ${v} không phải là một ngày Excel hợp lệ.`)
        : ok(Math.floor(v));
    }
    if (isBlank(v)) return fail("na", `${DEADLINE_LABEL}: chưa có thời hạn (ô trống).`);
    const err = inputError(v, DEADLINE_LABEL);
    if (err) return err;
    if (typeof v !== "string")
      return fail("value", `${DEADLINE_LABEL}: cần thời hạn bằng chữ, ví dụ "Quý I/2024".`);
    const d = readDeadlineText(v.trim(), DEADLINE_LABEL, y.value);
    if (!d.ok) return d;
    if (d.value.due === null) {
      return fail(
        "na",
        `${DEADLINE_LABEL}: "${v.trim()}" là việc thường xuyên, không có hạn cụ thể.`
      );
    }
    const serial = isoToSerial(d.value.due);
    return serial === null
      ? fail("num", `${DEADLINE_LABEL}: ngày hạn nằm ngoài phạm vi của Excel.`)
      : ok(serial);
  });
}

/**
 * Tình trạng nhiệm vụ vào ngày báo cáo: "Hoàn thành", "Hoàn thành trễ hạn", "Quá hạn", "Sắp đến hạn", "Trong hạn" hoặc "Thường xuyên" (không có hạn). Nên truyền ngày báo cáo (TODAY() hoặc một ô) để kết quả tự cập nhật.
 * @customfunction STATUS
 * @param due Hạn: ngày Excel, chữ dd/mm/yyyy, hoặc thời hạn như kế hoạch ghi ("Quý I/2024", "Thường xuyên").
 * @param [done_date] Ngày hoàn thành (bỏ trống nếu chưa xong).
 * @param [as_of] Ngày báo cáo; bỏ trống là hôm nay (khi tính lại). Nên dùng TODAY() hoặc ô ngày báo cáo.
 * @param [soon_days] Số ngày trước hạn được coi là "Sắp đến hạn"; mặc định 7.
 * @returns Tình trạng bằng tiếng Việt.
 */
export function STATUS(
  due: unknown,
  done_date?: unknown,
  as_of?: unknown,
  soon_days?: unknown
): string | CustomFunctions.Error {
  const fast = statusOfSerials(due, done_date, as_of, soon_days);
  if (fast !== undefined) return fast;
  return guarded(() => {
    const dates = readTaskDates(due, done_date, as_of);
    if (!dates.ok) return dates;
    const soon = readSoonDays(soon_days);
    if (!soon.ok) return soon;
    return ok(taskState({ ...dates.value, soonDays: soon.value }));
  });
}

/**
 * Số ngày trễ hạn (số nguyên, 0 nếu không trễ): đã xong thì tính từ hạn đến ngày hoàn thành, chưa xong thì đến ngày báo cáo. Không có hạn → 0.
 * @customfunction DAYSLATE
 * @param due Hạn: ngày Excel, chữ dd/mm/yyyy, hoặc thời hạn như kế hoạch ghi ("Quý I/2024").
 * @param [done_date] Ngày hoàn thành (bỏ trống nếu chưa xong).
 * @param [as_of] Ngày báo cáo; bỏ trống là hôm nay (khi tính lại). Nên dùng TODAY() hoặc ô ngày báo cáo.
 * @returns Số ngày trễ.
 */
export function DAYSLATE(
  due: unknown,
  done_date?: unknown,
  as_of?: unknown
): number | CustomFunctions.Error {
  return guarded(() => {
    const dates = readTaskDates(due, done_date, as_of);
    return dates.ok ? ok(daysLate(dates.value)) : dates;
  });
}
