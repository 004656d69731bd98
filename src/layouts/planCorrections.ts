/**
 * What the coordinator's corrections of a plan in its workbook share (the Chỉ tiêu definitions,
 * indicatorEdits.ts; a task's deadline and lead, taskEdits.ts): how a typed cell compares with what
 * the sheet wrote, and how a correction is recorded in the plan so the document's wording is kept.
 */
import type { Scalar } from "./model";
import { literalText } from "./cellText";

/** A cell as text for comparison: literal-text formulas unwrapped, numbers as written, trimmed. */
export function definitionText(v: Scalar | undefined): string | undefined {
  if (v === null || v === undefined || typeof v === "boolean") return undefined;
  const s = typeof v === "number" ? String(v) : (literalText(v) ?? v);
  const t = s.normalize("NFC").replace(/\s+/g, " ").trim();
  return t === "" ? undefined : t;
}

export interface Correction {
  field: string;
  original: string;
  corrected: string;
}

/**
 * Records `field` corrected from `before` to `after`: a second correction of a field keeps the
 * document's original; a correction back to the original removes the record.
 */
export function recordCorrection(
  item: { corrections?: Correction[] },
  field: string,
  before: string,
  after: string
): void {
  const list = (item.corrections ??= []);
  const earlier = list.find((c) => c.field === field);
  if (earlier) earlier.corrected = after;
  else list.push({ field, original: before, corrected: after });
  if (earlier && earlier.original === after) list.splice(list.indexOf(earlier), 1);
  if (list.length === 0) delete item.corrections;
}
