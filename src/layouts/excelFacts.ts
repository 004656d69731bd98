/**
 * What Excel itself imposes, written once for the layouts and both renderers: formula text (string
 * literals, DATE formulas), data-validation limits, the whole-number range and the date range.
 */
/** An Excel string literal: quoted, inner quotes doubled. */
export const xlString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * "2024-03-31" → "=DATE(2024,3,31)"; null for text not shaped YYYY-MM-DD. The calendar is not
 * checked: "1900-02-29" gives Excel's fictitious day (serial 60), as it should.
 */
export function dateFormula(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `=DATE(${Number(m[1])},${Number(m[2])},${Number(m[3])})` : null;
}

/**
 * "=DATE(2024,3,31)" (spaces and case ignored) → "2024-03-31", without checking the calendar;
 * null for any other formula.
 */
export function dateFormulaIso(formula: string): string | null {
  const f = formula.replace(/\s+/g, "").toUpperCase();
  const m = /^=DATE\((\d{4}),(\d{1,2}),(\d{1,2})\)$/.exec(f);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : null;
}

/** Excel refuses files (and Office.js refuses writes) whose validation alert texts exceed these. */
export const VALIDATION_TITLE_MAX = 32;
export const VALIDATION_MESSAGE_MAX = 255;

/** Cuts a text to `max` characters, marking the cut with "…". */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whole-number validation without bounds still needs two: Excel's 32-bit integer range. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** First and last dates Excel shows (1900 date system). */
export const EXCEL_FIRST_DATE_ISO = "1900-01-01";
export const EXCEL_LAST_DATE_ISO = "9999-12-31";
