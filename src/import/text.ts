/**
 * The text form of a plan (copied from Word or OCR'd from a PDF, as the seed): paragraphs, then the
 * appendix as tab-separated rows. A blank line inside the table is a page break, after which a row
 * may continue the one before it; rows.ts decides that, this reader only marks it.
 */
import type { SourceDocument, SourceRow } from "./model";

export function readTextPlan(text: string): SourceDocument {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const paragraphs: string[] = [];
  const rows: SourceRow[] = [];
  let inTable = false;
  let afterBreak = false;
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      afterBreak = inTable;
      return;
    }
    if (!inTable && line.includes("\t")) inTable = true;
    if (!inTable) {
      paragraphs.push(line.trim());
      return;
    }
    rows.push({ cells: line.split("\t"), afterBreak, where: `dòng ${i + 1}` });
    afterBreak = false;
  });
  return { paragraphs, tables: rows.length ? [rows] : [] };
}
