/**
 * The .xlsx reader of `cchc import`: every worksheet as a table (a plan table pasted into Excel:
 * merged cells for section rows and objectives, line breaks inside cells, the header anywhere near
 * the top); rows above the first table row with a single filled cell are the "body" (title, year).
 * Only merged-cell masters keep their text, as in Word, so rows.ts reads both the same way.
 */
import ExcelJS from "exceljs";
import { formatDmy } from "../../domain/isoDate";
import { notOfficeZip } from "../../import/docx";
import { ImportError, type SourceDocument, type SourceRow } from "../../import/model";
import { cellText } from "../../render/xlsx/readCells";

function textOf(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return "";
  // A deadline pasted as "30/6/2025" may have become a date: show it as the document wrote it.
  if (cell.value instanceof Date && !Number.isNaN(cell.value.getTime())) {
    return formatDmy(cell.value.toISOString().slice(0, 10));
  }
  return cellText(cell);
}

export async function readXlsxPlan(bytes: Uint8Array): Promise<SourceDocument> {
  const problem = notOfficeZip(bytes, "xlsx");
  if (problem) throw new ImportError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ImportError("Tệp .xlsx bị hỏng (không đọc được). Hãy mở bằng Excel và lưu lại.");
  }
  const doc: SourceDocument = { paragraphs: [], tables: [] };
  wb.eachSheet((ws) => {
    const rows: SourceRow[] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(textOf(row.getCell(c)));
      rows.push({ cells, afterBreak: false, where: `${ws.name}, hàng ${r}` });
      const filled = cells.filter((c) => c.trim() !== "");
      if (r <= 15 && filled.length === 1) doc.paragraphs.push(filled[0].trim());
    }
    doc.tables.push(rows);
  });
  return doc;
}
