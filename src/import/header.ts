/**
 * Finding the appendix table by its header row, whatever its wording or column order: each header
 * cell is read for its meaning (TT/STT, Nhiệm vụ/Nội dung, Chủ trì/Cơ quan chủ trì/Đơn vị thực hiện,
 * Thời gian hoàn thành/Thời hạn, Sản phẩm/Kết quả, …). A two-row header ("Đơn vị" over "Chủ trì |
 * Phối hợp") is read as one.
 */
import { fold, type SourceRow } from "./model";

/** What a column of an appendix table means. */
export const CONCEPTS = [
  "rowNo",
  "objective",
  "task",
  "activities",
  "outputs",
  "lead",
  "coord",
  "deadline",
  "note",
] as const;
export type Concept = (typeof CONCEPTS)[number];

export type Columns = Partial<Record<Concept, number>>;

export interface HeaderMatch {
  /** Index of the table in the document and of the header's last row in that table. */
  table: number;
  row: number;
  columns: Columns;
}

/** Order matters: "Thời gian thực hiện" is a deadline and "Đơn vị phối hợp" a coordinator, not a lead. */
const MEANINGS: readonly [Concept, RegExp][] = [
  ["rowNo", /^(s?tt|so tt|so thu tu|thu tu)$/],
  ["note", /^ghi chu/],
  ["coord", /phoi hop/],
  ["deadline", /thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/],
  ["outputs", /san pham|ket qua/],
  ["objective", /muc tieu|chi tieu/],
  ["task", /nhiem vu|noi dung|cong viec|ten nhiem vu/],
  ["activities", /hoat dong|giai phap|cach thuc|bien phap/],
  ["lead", /chu tri|thuc hien|phu trach|dau moi|don vi|co quan|trach nhiem/],
];

export function conceptOf(label: string): Concept | undefined {
  const f = fold(label);
  if (f === "") return undefined;
  return MEANINGS.find(([, re]) => re.test(f))?.[0];
}

function columnsOf(labels: readonly string[]): Columns {
  const columns: Columns = {};
  labels.forEach((label, i) => {
    const c = conceptOf(label);
    if (c !== undefined && columns[c] === undefined) columns[c] = i;
  });
  return columns;
}

/** A header needs the task column and a lead or deadline column, and three meanings in all. */
function acceptable(columns: Columns): boolean {
  return (
    columns.task !== undefined &&
    (columns.lead !== undefined || columns.deadline !== undefined) &&
    Object.keys(columns).length >= 3
  );
}

/** True when a row repeats the header (tables repeat it on every page) or numbers the columns. */
export function isHeaderLike(row: SourceRow, columns: Columns): boolean {
  const cells = row.cells.map((c) => c.trim()).filter((c) => c !== "");
  if (cells.length >= 3 && cells.every((c) => /^\(?\d{1,2}\)?$/.test(c))) return true;
  const again = columnsOf(row.cells);
  return acceptable(again) && again.task === columns.task;
}

/** The first row (within `maxRows` of a table's top) whose cells read as an appendix header. */
export function findHeader(tables: readonly SourceRow[][], maxRows = 40): HeaderMatch | undefined {
  for (let t = 0; t < tables.length; t++) {
    const rows = tables[t];
    for (let r = 0; r < Math.min(rows.length, maxRows); r++) {
      const one = columnsOf(rows[r].cells);
      const next = rows[r + 1];
      // Two-row header: the lower label is the precise one ("Chủ trì" under "Đơn vị").
      const two = next
        ? columnsOf(rows[r].cells.map((top, i) => (next.cells[i] ?? "").trim() || top))
        : {};
      const twoBetter =
        Object.keys(one).length >= 2 &&
        acceptable(two) &&
        Object.keys(two).length > Object.keys(one).length &&
        next !== undefined &&
        next.cells.filter((c) => conceptOf(c) !== undefined).length >= 2;
      if (twoBetter) return { table: t, row: r + 1, columns: two };
      if (acceptable(one)) return { table: t, row: r, columns: one };
    }
  }
  return undefined;
}
