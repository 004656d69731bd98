/**
 * How layout values cross into Excel through `range.formulas`, and how typed values come back.
 *
 * Writing: a string starting with "=" is a formula (the model's rule). Any other string is text, but
 * Excel would turn some texts into something else ("2.10" → the number 2.1, "01/2024" → a date,
 * "TRUE" → a boolean, "-abc" → a formula, a leading apostrophe vanishes), so such texts get a leading
 * apostrophe, which Excel stores as "text, exactly as typed". null becomes "" (null in a formulas
 * array would mean "leave the cell unchanged").
 *
 * Reading: `range.formulas` gives a formula's text, but it also gives the text of a TEXT cell that
 * merely starts with "=" (its apostrophe is not returned), so values are read too: a cell whose value
 * equals its "formula" is text. Such text is kept as a formula that yields the same text (="=abc"),
 * which both renderers and every Excel understand.
 */
import { EXCEL_ERROR_TEXTS } from "../../domain/result";
import type { Scalar } from "../../layouts/model";
import { literalText, textCell } from "../../layouts/cellText";

const NUMBER_LIKE = /^[\s\d.,:/\-+%$€()eE]*\d[\s\d.,:/\-+%$€()eE]*$/;
const DATE_WITH_MONTH_NAME = /^\s*(\d{1,2}[\s\-/]+[A-Za-z]{3,9}|[A-Za-z]{3,9}[\s\-/]+\d{1,4})\b/;

/** True when Excel would not keep `s` as the same text if it were written as is. */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  if (/^[\s]*[-+=@']/.test(s)) return true;
  if (NUMBER_LIKE.test(s)) return true;
  if (/^\s*(true|false)\s*$/i.test(s)) return true;
  // Error texts all start with "#": so long task texts are not upper-cased only to be looked up.
  const t = s.trim();
  if (t.startsWith("#") && EXCEL_ERROR_TEXTS.has(t.toUpperCase())) return true;
  return DATE_WITH_MONTH_NAME.test(s);
}

/** A layout value → what to put in a `range.formulas` array. */
export function toFormulaInput(v: Scalar | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  // A formula that is only a string literal is how the layout carries text starting with "=".
  const text = v.startsWith("=") ? literalText(v) : v;
  if (text === null) return v;
  return needsTextGuard(text) ? `'${text}` : text;
}

export function toFormulaGrid(
  rows: readonly (readonly (Scalar | undefined)[])[],
  width: number
): (string | number | boolean)[][] {
  return rows.map((row) => {
    const out = new Array<string | number | boolean>(width);
    for (let i = 0; i < width; i += 1) out[i] = toFormulaInput(row[i]);
    return out;
  });
}

/**
 * One cell as read (its `formulas` and `values` entries) → the value to keep: null for an empty cell,
 * the formula for a formula cell, the constant otherwise.
 */
export function readCell(formula: unknown, value: unknown): Scalar {
  if (typeof formula === "string" && formula.startsWith("=")) {
    if (typeof value === "string" && value === formula) return textCell(formula);
    return formula;
  }
  const v = formula === undefined ? value : formula;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Merges a `formulas` and a `values` grid of the same range, cell by cell, with readCell. */
export function readGrid(
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[]
): Scalar[][] {
  return formulas.map((row, r) => row.map((f, c) => readCell(f, values[r]?.[c])));
}
