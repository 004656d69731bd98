import ExcelJS from "exceljs";
import type { Scalar, TableSpec, WorkbookLayout } from "../../layouts/model";
import type { UserInput } from "../../layouts/userInput";
import { parseCell, parseRange } from "../../layouts/a1";
import {
  extractTableInput,
  normalizeHeader,
  userInputFrom,
  type ExtractedTableInput,
} from "../../layouts/userInputMerge";
import { cellScalar, cellText } from "./readCells";

/** A file that cannot be used as a source of typed values; the message is Vietnamese and complete. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export interface FoundTable {
  table: string;
  sheet: string;
  /** "table": the Excel table object was read; "header": found by its header row (table object lost). */
  via: "table" | "header";
  bodyRows: number;
}

export interface FileUserInput {
  userInput: UserInput;
  found: FoundTable[];
  /** Things worth telling the user that did not stop anything (Vietnamese). */
  notes: string[];
}

/** How far down a sheet the header-row fallback looks for a table's header. */
const HEADER_SEARCH_ROWS = 200;
/** How far right a header is looked for (the layouts use about 40 columns). */
const MAX_HEADER_COLUMNS = 500;

/**
 * What `--from` reads at most (docs/workbook-file.md): rows holding data in one table (the 2024 plan
 * has about 60; 300 times the plan about 13,000) and the file's size.
 */
export interface ReadLimits {
  maxRows?: number;
  maxBytes?: number;
}
export const DEFAULT_READ_LIMITS: Required<ReadLimits> = {
  maxRows: 50_000,
  maxBytes: 100 * 1024 * 1024,
};

interface TableCells {
  sheet: string;
  via: FoundTable["via"];
  header: string[];
  body: Scalar[][];
  /** Sheet position of the body (typed formulas are kept relative to it); rows: each body row's. */
  origin: { row: number; col: number; rows: number[] };
}

/** A table's cells from its header row and area (only rows with data; see readGrid). */
function tableCells(
  ws: ExcelJS.Worksheet,
  via: TableCells["via"],
  header: string[],
  area: { top: number; left: number; bottom: number; right: number },
  limits: Required<ReadLimits>,
  what: string
): TableCells {
  const { body, rows } =
    area.bottom >= area.top ? readGrid(ws, area, limits, what) : { body: [], rows: [] };
  return { sheet: ws.name, via, header, body, origin: { row: area.top, col: area.left, rows } };
}

/**
 * The rows of a sheet area that hold something, with their sheet row numbers. Only rows the file
 * really has are visited: a table claiming A6:T1048576, or one stray cell on the last row, costs
 * nothing more than the rows with data. More than `maxRows` of them is refused.
 */
function readGrid(
  ws: ExcelJS.Worksheet,
  area: { top: number; left: number; bottom: number; right: number },
  limits: Required<ReadLimits>,
  what: string
): { body: Scalar[][]; rows: number[] } {
  const body: Scalar[][] = [];
  const rows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < area.top || r > area.bottom) return;
    const cells: Scalar[] = [];
    for (let c = area.left; c <= area.right; c++) cells.push(cellScalar(row.getCell(c)));
    if (cells.every((v) => v === null)) return;
    body.push(cells);
    rows.push(r);
    if (body.length > limits.maxRows) {
      throw new WorkbookFileError(
        `${what} có ${body.length} dòng có dữ liệu, quá giới hạn ${limits.maxRows} dòng ` +
          `mà lệnh này đọc (docs/workbook-file.md). Hãy xóa các dòng thừa ở cuối bảng rồi chạy lại.`
      );
    }
  });
  return { body, rows };
}

function headerTexts(ws: ExcelJS.Worksheet, row: number, left: number, right: number): string[] {
  const r = ws.getRow(row);
  const out: string[] = [];
  for (let c = left; c <= right; c++) out.push(cellText(r.getCell(c)));
  return out;
}

/** Rightmost column that holds something in `row` (0 when none), without creating cells. */
function lastColumn(ws: ExcelJS.Worksheet, row: number): number {
  let last = 0;
  ws.getRow(row).eachCell({ includeEmpty: false }, (_cell, c) => {
    last = Math.max(last, c);
  });
  return Math.min(last, MAX_HEADER_COLUMNS);
}

/** The table object exceljs loaded, if any: its range comes from the file's table part. */
function viaTableObject(
  wb: ExcelJS.Workbook,
  name: string,
  limits: Required<ReadLimits>,
  what: string
): TableCells | null {
  for (const ws of wb.worksheets) {
    const tables =
      (
        ws as unknown as {
          tables?: Record<string, { table?: { tableRef?: string; ref?: string } }>;
        }
      ).tables ?? {};
    const found = Object.entries(tables).find(([n]) => n.toLowerCase() === name.toLowerCase());
    const ref = found?.[1]?.table?.tableRef ?? found?.[1]?.table?.ref;
    if (!ref) continue;
    let r;
    try {
      r = ref.includes(":") ? parseRange(ref) : null;
    } catch {
      r = null;
    }
    if (!r) continue;
    // A range claiming columns up to XFD is cut at the header row's last header.
    const right = Math.min(r.right, Math.max(r.left, lastColumn(ws, r.top)));
    const area = { top: r.top + 1, left: r.left, bottom: r.bottom, right };
    return tableCells(ws, "table", headerTexts(ws, r.top, r.left, right), area, limits, what);
  }
  return null;
}

/**
 * Fallback when the table object is gone (a file saved by a tool that drops tables, or a table
 * converted to a range): the row, on any sheet, that holds the key column's header and at least one
 * input column's header and matches most of the table's headers (two tables share some headers, e.g.
 * "Ghi chú cập nhật"). The body runs to the sheet's last used row.
 */
function viaHeaderRow(
  wb: ExcelJS.Workbook,
  spec: TableSpec,
  limits: Required<ReadLimits>,
  what: string
): TableCells | null {
  const key = spec.columns.find((c) => c.role === "key");
  if (!key) return null;
  const keyHeader = normalizeHeader(key.header);
  const allHeaders = new Set(spec.columns.map((c) => normalizeHeader(c.header)));
  const inputHeaders = new Set(
    spec.columns.filter((c) => c.role === "input").map((c) => normalizeHeader(c.header))
  );
  let best: {
    ws: ExcelJS.Worksheet;
    row: number;
    texts: string[];
    normal: string[];
    score: number;
  } | null = null;
  for (const ws of wb.worksheets) {
    const lastRow = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= lastRow; r++) {
      const texts = headerTexts(ws, r, 1, lastColumn(ws, r));
      const normal = texts.map(normalizeHeader);
      if (!normal.includes(keyHeader) || !normal.some((h) => inputHeaders.has(h))) continue;
      const score = new Set(normal.filter((h) => allHeaders.has(h))).size;
      if (!best || score > best.score) best = { ws, row: r, texts, normal, score };
    }
  }
  if (!best) return null;
  const { ws, row, texts, normal } = best;
  // The table spans the contiguous run of non-blank headers around the key column.
  const keyAt = normal.indexOf(keyHeader);
  let left = keyAt;
  while (left > 0 && normal[left - 1] !== "") left--;
  let right = keyAt;
  while (right + 1 < normal.length && normal[right + 1] !== "") right++;
  const area = { top: row + 1, left: left + 1, bottom: ws.rowCount, right: right + 1 };
  return tableCells(ws, "header", texts.slice(left, right + 1), area, limits, what);
}

/** Values of the layout's defined names in the file (a fixed NgayBaoCao, a changed SoNgaySapDenHan, …). */
function readNames(wb: ExcelJS.Workbook, layout: WorkbookLayout): Record<string, Scalar> {
  const wanted = new Set(layout.sheets.flatMap((s) => s.names.map((n) => n.name.toLowerCase())));
  const model =
    (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  const out: Record<string, Scalar> = {};
  for (const { name, ranges } of model) {
    if (!wanted.has(name.toLowerCase()) || ranges.length !== 1) continue;
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ranges[0]);
    if (!m) continue;
    const sheetName = (m[1] ?? m[2]).replace(/''/g, "'");
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    let at;
    try {
      at = parseCell(m[3]);
    } catch {
      continue; // a range, not one cell: not a value we carry over
    }
    const value = cellScalar(ws.getCell(at.row, at.col));
    const canonical = layout.sheets
      .flatMap((s) => s.names)
      .find((n) => n.name.toLowerCase() === name.toLowerCase())!.name;
    // Formulas travel too (the layout keeps a user's own formula; =TODAY() is its default anyway).
    if (value !== null) out[canonical] = value;
  }
  return out;
}

export async function loadWorkbook(data: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (
    data.length >= 4 &&
    data[0] === 0xd0 &&
    data[1] === 0xcf &&
    data[2] === 0x11 &&
    data[3] === 0xe0
  ) {
    throw new WorkbookFileError(
      `Tệp “${fileName}” là định dạng Excel 97-2003 (.xls). Hãy mở và lưu lại thành .xlsx rồi chạy lại.`
    );
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new WorkbookFileError(
      `Tệp “${fileName}” không phải tệp Excel .xlsx (không đúng định dạng).`
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new WorkbookFileError(
      `Không đọc được tệp “${fileName}”: tệp .xlsx bị hỏng hoặc không hợp lệ (${why}).`
    );
  }
  return wb;
}

/**
 * The values staff typed in an earlier workbook file (for `cchc workbook --from`), matched by the
 * CURRENT layout's tables: tables found by name (or by their header row), columns by header text,
 * rows by the hidden key. Throws WorkbookFileError when the file is not an .xlsx, holds none of the
 * tables, or a table is damaged beyond recognition; nothing is written in that case.
 */
export async function readUserInputFromFile(
  data: Uint8Array,
  layout: WorkbookLayout,
  fileName = "tệp nguồn",
  readLimits: ReadLimits = {}
): Promise<FileUserInput> {
  const limits = { ...DEFAULT_READ_LIMITS, ...readLimits };
  if (data.length > limits.maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1).replace(".", ",");
    throw new WorkbookFileError(
      `Tệp “${fileName}” lớn ${mb(data.length)} MB, quá giới hạn ${mb(limits.maxBytes)} MB mà lệnh này đọc ` +
        `(sổ theo dõi thường dưới 1 MB): hãy kiểm tra đúng tệp chưa, hoặc xóa các trang/dòng thừa rồi lưu lại.`
    );
  }
  const wb = await loadWorkbook(data, fileName);
  // Only tables where staff type something carry values (tblTheoDonVi is all formulas).
  const specs = layout.sheets
    .flatMap((s) => (s.table ? [s.table] : []))
    .filter(
      (t) => t.columns.some((c) => c.role === "key") && t.columns.some((c) => c.role === "input")
    );
  const found: FoundTable[] = [];
  const notes: string[] = [];
  const extracted: Record<string, ExtractedTableInput> = {};
  const problems: string[] = [];

  for (const spec of specs) {
    const what = `Bảng ${spec.name} trong “${fileName}”`;
    const cells =
      viaTableObject(wb, spec.name, limits, what) ?? viaHeaderRow(wb, spec, limits, what);
    if (!cells) {
      notes.push(
        `Không thấy bảng ${spec.name} trong “${fileName}”: bảng này được tạo mới, không có dữ liệu cũ.`
      );
      continue;
    }
    const result = extractTableInput(spec.columns, cells.header, cells.body, {
      tableName: spec.name,
      keepBlankRows: spec.keepBlankRows === true,
      origin: cells.origin,
    });
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `Trang “${cells.sheet}”: ${p}`));
      continue;
    }
    extracted[spec.name] = result;
    notes.push(...result.notes);
    found.push({
      table: spec.name,
      sheet: cells.sheet,
      via: cells.via,
      bodyRows: cells.body.length,
    });
  }

  if (problems.length > 0) {
    throw new WorkbookFileError(
      `Tệp “${fileName}” không dùng được làm nguồn dữ liệu:\n- ${problems.join("\n- ")}`
    );
  }
  if (found.length === 0) {
    throw new WorkbookFileError(
      `Tệp “${fileName}” không phải sổ theo dõi CCHC: không có bảng ${specs.map((s) => s.name).join(", ")} ` +
        `(và không thấy dòng tiêu đề của chúng).`
    );
  }
  return { userInput: userInputFrom(extracted, readNames(wb, layout)), found, notes };
}
