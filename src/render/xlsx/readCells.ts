import type ExcelJS from "exceljs";
import { EPOCH_1899_12_30, MS_PER_DAY } from "../../domain/excelDate";
import { xlString } from "../../layouts/excelFacts";
import type { Scalar } from "../../layouts/model";
import { literalText, textCell } from "../../layouts/cellText";

/** A Date read by exceljs → the Excel serial number the cell really holds (time of day kept). */
export function dateToSerial(date: Date): number | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  // exceljs reads dates as UTC; serials of dates after 28/02/1900 count days from 30/12/1899.
  const serial = (t - EPOCH_1899_12_30) / MS_PER_DAY;
  // Round away float noise from the ms conversion (1 ms ≈ 1.2e-8 days).
  return Math.round(serial * 1e8) / 1e8;
}

/**
 * A cell's content as UserInput holds it: constants as themselves (dates as serials, as Office.js reads
 * them), formulas as "=...", rich text as its plain text, and a hyperlink whose text differs from its
 * address as a HYPERLINK formula so neither the link nor its label is lost.
 */
export function cellScalar(cell: ExcelJS.Cell): Scalar {
  const s = rawScalar(cell);
  // Only a formula cell is a formula: a text that starts with "=" stays text (cellText.ts).
  return typeof s === "string" && !isFormulaCell(cell) ? textCell(s) : s;
}

function isFormulaCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  if (v === null || typeof v !== "object" || v instanceof Date) return false;
  return (
    "formula" in v ||
    "sharedFormula" in v ||
    typeof (v as { hyperlink?: unknown }).hyperlink === "string"
  );
}

function rawScalar(cell: ExcelJS.Cell): Scalar {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = cell.formula;
      return formula ? `=${formula}` : null;
    }
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === "string" ? r.text : ""))
        .join("");
    }
    if (typeof o.hyperlink === "string") {
      const link = o.hyperlink;
      const text =
        typeof o.text === "string"
          ? o.text
          : Array.isArray((o.text as { richText?: unknown })?.richText)
            ? cellTextOf(o.text)
            : "";
      if (!text || text === link) return link;
      return `=HYPERLINK(${xlString(link)},${xlString(text)})`;
    }
    if (typeof o.error === "string") return o.error;
    if (typeof o.text === "string") return o.text;
  }
  return null;
}

function cellTextOf(v: unknown): string {
  const rich = (v as { richText?: { text?: unknown }[] }).richText ?? [];
  return rich.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
}

/** Plain text of a header cell (what a user sees), trimmed. */
export function cellText(cell: ExcelJS.Cell): string {
  const s = cellScalar(cell);
  if (s === null) return "";
  if (typeof s === "string" && s.startsWith("=")) {
    const text = literalText(s);
    if (text !== null) return text.trim();
    const r = (cell.value as { result?: unknown } | null)?.result;
    return r === undefined || r === null ? "" : String(r).trim();
  }
  return String(s).trim();
}
