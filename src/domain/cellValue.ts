/**
 * Reading the values Excel hands to a custom function: numbers, text, booleans, blanks (null, "" or
 * undefined), error values (a `CustomFunctions.Error`-like `{ code: "#N/A" }` object, or the error's
 * text), and ranges as 2-D arrays. Pure: the error objects are recognised by shape, not by class, so
 * this layer does not depend on the Office runtime.
 */
import { errorKindOfLiteral, fail, ok, type Failure, type Result } from "./result";

/** Longest piece of offending text quoted back in a message. */
const QUOTE_MAX = 40;

export function quote(text: string): string {
  const t = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
  return `"${t}"`;
}

/**
 * Excel data-type values (the generated functions.json sets allowCustomDataForDataTypeAny, so `any`
 * parameters may receive them: { type: "FormattedNumber", basicValue: 45296, numberFormat }, an
 * error as { type: "Error", basicValue: "#N/A" }, ...) are read through their basic value.
 * Anything else is returned unchanged.
 */
export function unwrapCellValue(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown };
  if (typeof o.type !== "string" || !("basicValue" in o)) return v;
  const b = o.basicValue;
  return typeof b === "number" || typeof b === "string" || typeof b === "boolean" || b === null
    ? b
    : v;
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The Excel error carried by an input value, passed on with its own message when it has one.
 * Null when the value is not an error.
 */
export function inputError(v: unknown, label: string): Failure | null {
  if (typeof v === "string") {
    if (!v.trimStart().startsWith("#")) return null;
    const kind = errorKindOfLiteral(v);
    return kind ? fail(kind, `${label}: ô đầu vào có lỗi ${v.trim()}.`) : null;
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const code =
    (v as { code?: unknown; errorCode?: unknown }).code ?? (v as { errorCode?: unknown }).errorCode;
  if (typeof code !== "string") return null;
  const kind = errorKindOfLiteral(code);
  if (!kind) return null;
  const message = (v as { message?: unknown }).message;
  const detail = typeof message === "string" && message.trim() !== "" ? ` ${message.trim()}` : "";
  return fail(kind, `${label}: ô đầu vào có lỗi ${code.trim()}.${detail}`);
}

const NUMBER_TEXT_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * Number typed as text: "12", "0.953", "95%", "1e3". Ambiguous forms ("1,234" is 1234 in en-US
 * and 1.234 in vi-VN, "1.234.567") are refused rather than guessed. Null when not a number.
 */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_TEXT_RE.test(t)) return null;
  const percent = t.endsWith("%");
  const n = Number(percent ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

function describe(v: unknown): string {
  if (typeof v === "string") return `chữ ${quote(v)}`;
  if (typeof v === "boolean") return `giá trị logic ${v ? "TRUE" : "FALSE"}`;
  if (typeof v === "number") return `số ${String(v)}`;
  return "một giá trị không đọc được";
}

/**
 * One number from one cell value. Blank → null (the caller decides what blank means). Booleans are
 * refused: a TRUE in a column of counts is a typing slip, not 1.
 */
export function readNumber(raw: unknown, label: string): Result<number | null> {
  const v = unwrapCellValue(raw);
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? ok(v)
      : fail("num", `${label}: ${describe(v)} không phải là số hữu hạn.`);
  }
  if (isBlank(v)) return ok(null);
  const err = inputError(v, label);
  if (err) return err;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    return n === null ? fail("value", `${label}: ${describe(v)} không phải là số.`) : ok(n);
  }
  return fail("value", `${label}: ${describe(v)} không phải là số.`);
}

/**
 * A single value where one cell is expected. Excel passes ranges as 2-D arrays; a 1×1 range (at any
 * nesting depth) is its only cell, anything larger is refused.
 */
export function readScalar(v: unknown, label: string): Result<unknown> {
  let cur = v;
  while (Array.isArray(cur)) {
    if (cur.length === 0) return ok(null);
    if (cur.length > 1) return fail("value", `${label}: cần một ô, không phải một vùng nhiều ô.`);
    cur = cur[0];
  }
  return ok(unwrapCellValue(cur));
}

/** A scalar number, unwrapping a 1×1 range first. */
export function readScalarNumber(v: unknown, label: string): Result<number | null> {
  const s = readScalar(v, label);
  return s.ok ? readNumber(s.value, label) : s;
}
