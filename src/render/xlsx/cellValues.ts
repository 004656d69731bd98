import type { CellValue, CellErrorValue } from "exceljs";
import { EXCEL_ERROR_TEXTS } from "../../domain/result";
import type { Scalar } from "../../layouts/model";
import { literalText } from "../../layouts/cellText";

function isFormula(value: Scalar | undefined): value is string {
  return typeof value === "string" && value.startsWith("=") && value.length > 1;
}

type FormulaResult = number | string | boolean | Date | CellErrorValue;

function toResult(result: Scalar | undefined): FormulaResult | undefined {
  if (result === null || result === undefined) return undefined;
  if (typeof result === "number") return Number.isFinite(result) ? result : { error: "#NUM!" };
  if (typeof result === "string" && EXCEL_ERROR_TEXTS.has(result))
    return { error: result as CellErrorValue["error"] };
  return result;
}

/**
 * A layout cell as exceljs wants it. Formulas lose their leading "=" (exceljs stores them bare) and
 * carry the cached result computed by the layout, so a reader that does not recalculate still shows
 * the right numbers; the workbook is flagged fullCalcOnLoad so real spreadsheets recompute anyway.
 */
export function toCellValue(value: Scalar | undefined, result?: Scalar): CellValue {
  if (value === null || value === undefined) return null;
  if (isFormula(value)) {
    // ="…" alone is text that starts with "=" (cellText.ts): written as the text cell it was.
    const text = literalText(value);
    if (text !== null) return text;
    const r = toResult(result);
    return r === undefined
      ? { formula: value.slice(1), date1904: false }
      : { formula: value.slice(1), result: r, date1904: false };
  }
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}
