/**
 * What the importer reads, whatever the file was: the body's paragraphs (title, targets section)
 * and the tables as rows of cell texts. Readers (text, .docx, .xlsx) produce this; the rest of
 * src/import is pure and never knows which file format a plan came from.
 */

export interface SourceRow {
  /** Cell texts in column order; a line break inside a cell is "\n"; merged-away cells are "". */
  cells: string[];
  /** The row follows a page break (text form): it may continue the row before it. */
  afterBreak: boolean;
  /** Where the row is, for messages: "dòng 212", "bảng 1, hàng 5", "Sheet1!A7". */
  where: string;
}

export interface SourceDocument {
  /** Paragraphs of the body in order (empty for a pasted table). */
  paragraphs: string[];
  /** Tables in document order. */
  tables: SourceRow[][];
}

/** The file holds no plan the importer can read: a Vietnamese message saying what to do. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/** Collapses spaces, drops leftover HTML tags (the seed's leaked `<ul>`) and trims. */
export function tidyCell(text: string): string {
  return text
    .normalize("NFC")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** Lower case, no diacritics (đ → d), punctuation as spaces: for matching words of any spelling. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9/%]+/g, " ")
    .trim();
}
