/**
 * Text that stays text. In a layout a string starting with "=" is a formula (model.ts), so a text
 * that starts with "=" (a plan's `=HYPERLINK(…)`, a note typed as `=ABC không phải công thức`) is
 * carried as a formula made of one string literal, `="=ABC…"`: lossless, and harmless to any reader
 * that evaluates it. Both renderers write such a formula back as a plain text cell, so no text from a
 * plan, a file or a user ever becomes a live formula, and a typed text never becomes one either.
 */
import { xlString } from "./excelFacts";

/** A text as a layout cell value. */
export function textCell(s: string): string {
  return s.startsWith("=") ? `=${xlString(s)}` : s;
}

const LITERAL = /^="(=(?:[^"]|"")*)"$/s;

/**
 * The text a textCell() value carries: a formula that is nothing but one string literal whose text
 * starts with "=" (`="=…"`), else null. Any other formula, `=""` included, stays a formula.
 */
export function literalText(formula: string): string | null {
  const m = LITERAL.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}
