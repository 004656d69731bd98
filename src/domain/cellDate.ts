/**
 * Date arguments of the custom functions: an Excel date serial, a date text dd/mm/yyyy, or (for a
 * due date) a deadline text in the plan's language ("Quý I/2024", "Thường xuyên").
 * Blank and 0 both mean "no date": 0 is what `=A1` yields for an empty A1, and 00/01/1900 is no
 * one's deadline.
 */
import { inputError, isBlank, quote, readScalar } from "./cellValue";
import { parseDeadline } from "./deadline";
import { isoToSerial, parseDateText, serialToIso } from "./excelDate";
import { fail, ok, type Result } from "./result";

const DUE_LABEL = "Hạn (due)";
export const DONE_LABEL = "Ngày hoàn thành (done_date)";
export const AS_OF_LABEL = "Ngày báo cáo (as_of)";
export const DEADLINE_LABEL = "Thời hạn (deadline_text)";
const YEAR_LABEL = "Năm (year)";

const DATE_HINT = "nhập ngày dạng dd/mm/yyyy hoặc một ô ngày";

function fromSerial(n: number, label: string): Result<string | null> {
  if (n === 0) return ok(null);
  const iso = serialToIso(n);
  return iso === null
    ? fail("num", `${label}: ${n} không phải là một ngày Excel hợp lệ.`)
    : ok(iso);
}

/**
 * A plain date: serial or dd/mm/yyyy text. Blank / 0 → null. Other text or a boolean → #VALUE!;
 * a number outside Excel's dates (negative, after 31/12/9999) → #NUM!; an error value is passed on.
 */
export function readDate(v: unknown, label: string): Result<string | null> {
  const s = readScalar(v, label);
  if (!s.ok) return s;
  const value = s.value;
  if (typeof value === "number") return fromSerial(value, label);
  if (isBlank(value)) return ok(null);
  const err = inputError(value, label);
  if (err) return err;
  if (typeof value === "string") {
    const iso = parseDateText(value);
    return iso !== null
      ? ok(iso)
      : fail("value", `${label}: ${quote(value)} không phải là ngày; ${DATE_HINT}.`);
  }
  return fail("value", `${label}: cần một ngày; ${DATE_HINT}.`);
}

export interface DeadlineDate {
  /** The due date (ISO): the end of the period, or the first milestone of milestone-then-recurring work. */
  due: string | null;
  recurring: boolean;
  /** What the parser understood (Vietnamese), for messages. */
  understood: string;
}

/**
 * A deadline text → its due date, through the plan's deadline parser. Unreadable text → #N/A with
 * the parser's reason. Recurring work without a milestone gives due = null.
 */
export function readDeadlineText(text: string, label: string, year?: number): Result<DeadlineDate> {
  let parsed: ReturnType<typeof parseDeadline>;
  try {
    parsed = parseDeadline(text, year === undefined ? {} : { year });
  } catch {
    return fail("na", `${label}: không đọc được thời hạn ${quote(text)}.`);
  }
  const due = parsed.due ?? parsed.firstMilestone ?? null;
  if (due === null && !parsed.recurring) {
    const reason = parsed.error ? ` ${parsed.error}` : "";
    return fail("na", `${label}: không đọc được thời hạn ${quote(text)}.${reason}`);
  }
  if (due !== null && isoToSerial(due) === null) {
    return fail(
      "num",
      `${label}: thời hạn ${quote(text)} cho ngày ${due} nằm ngoài phạm vi ngày của Excel.`
    );
  }
  return ok({ due, recurring: parsed.recurring, understood: parsed.understood ?? "" });
}

/**
 * The due-date argument of STATUS / DAYSLATE: a serial, a date text, or a deadline text.
 * Blank / 0 → null (no due date, like recurring work).
 */
export function readDue(v: unknown, label: string = DUE_LABEL): Result<string | null> {
  const s = readScalar(v, label);
  if (!s.ok) return s;
  const value = s.value;
  if (typeof value === "string" && !isBlank(value) && !inputError(value, label)) {
    const iso = parseDateText(value);
    if (iso !== null) return ok(iso);
    const d = readDeadlineText(value.trim(), label);
    return d.ok ? ok(d.value.due) : d;
  }
  return readDate(value, label);
}

/** The optional year of CCHC.DUE: blank → undefined (the parser's default); a whole year 1900–9999. */
export function readYear(v: unknown): Result<number | undefined> {
  const s = readScalar(v, YEAR_LABEL);
  if (!s.ok) return s;
  const value = s.value;
  if (isBlank(value)) return ok(undefined);
  const err = inputError(value, YEAR_LABEL);
  if (err) return err;
  if (typeof value !== "number" && typeof value !== "string")
    return fail("value", `${YEAR_LABEL}: cần một năm, ví dụ 2024.`);
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n))
    return fail("value", `${YEAR_LABEL}: ${quote(String(value))} không phải là năm, ví dụ 2024.`);
  if (!Number.isInteger(n) || n < 1900 || n > 9999)
    return fail("num", `${YEAR_LABEL}: ${n} không phải là năm từ 1900 đến 9999.`);
  return ok(n);
}
