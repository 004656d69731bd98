/**
 * Formula values for the fake Excel: the whole fake workbook (cells + defined names) loaded into
 * HyperFormula (test-only, GPL; with the CCHC functions registered by ./hyperformula) whenever a
 * value is read after a change. Excel errors come back as their text ("#N/A"), as Excel's
 * `range.values` gives them.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { createEngine } from "./hyperformula";
import type { BookModel, FakeCalculator, Scalar, SheetModel } from "./fakeExcel";
import { keyCol, keyRow } from "./fake-excel/model";

export function hyperFormulaCalculator(): FakeCalculator {
  let engine: HyperFormula | null = null;
  return {
    calculate(book: BookModel) {
      engine?.destroy();
      const sheets: Record<string, RawCellContent[][]> = {};
      for (const s of book.sheets) {
        const rows: RawCellContent[][] = [];
        for (const [key, cell] of s.cells) {
          if (cell.v === null) continue;
          const r = keyRow(key) - 1;
          const c = keyCol(key) - 1;
          while (rows.length <= r) rows.push([]);
          const row = rows[r];
          while (row.length < c) row.push(null);
          row[c] = cell.quote && typeof cell.v === "string" ? `'${cell.v}` : cell.v;
        }
        sheets[s.name] = rows.map((row) => row.map((v) => (v === undefined ? null : v)));
      }
      const names: Record<string, RawCellContent> = {};
      for (const n of book.names) {
        const f = n.formula(book);
        if (f && f !== "=#REF!") names[n.name] = f;
      }
      const hf = createEngine(sheets, { names });
      engine = hf;
      return (sheet: SheetModel, row: number, col: number): Scalar => {
        const id = hf.getSheetId(sheet.name);
        if (id === undefined) return "";
        const v = hf.getCellValue({ sheet: id, row: row - 1, col: col - 1 });
        if (v instanceof DetailedCellError) return v.value;
        if (v === null || v === undefined) return "";
        if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
        return String(v);
      };
    },
  };
}
