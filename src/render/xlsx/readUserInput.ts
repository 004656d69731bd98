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

interface TableCells {
  sheet: string;
  via: FoundTable["via"];
  header: string[];
  body: Scalar[][];
  /** Sheet position of the body's first cell (typed formulas are kept relative to it). */
  origin: { row: number; col: number };
}

function readGrid(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number
): Scalar[][] {
  const out: Scalar[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const cells: Scalar[] = [];
    for (let c = left; c <= right; c++) cells.push(cellScalar(row.getCell(c)));
    out.push(cells);
  }
  return out;
}

function headerTexts(ws: ExcelJS.Worksheet, row: number, left: number, right: number): string[] {
  const r = ws.getRow(row);
  const out: string[] = [];
  for (let c = left; c <= right; c++) out.push(cellText(r.getCell(c)));
  return out;
}

/** The table object exceljs loaded, if any: its range comes from the file's table part. */
function viaTableObject(wb: ExcelJS.Workbook, name: string): TableCells | null {
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
    return {
      sheet: ws.name,
      via: "table",
      header: headerTexts(ws, r.top, r.left, r.right),
      body: r.bottom > r.top ? readGrid(ws, r.top + 1, r.left, r.bottom, r.right) : [],
      origin: { row: r.top + 1, col: r.left },
    };
  }
  return null;
}

/**
 * Fallback when the table object is gone (a file saved by a tool that drops tables, or a table
 * converted to a range): the row, on any sheet, that holds the key column's header and at least one
 * input column's header and matches most of the table's headers (two tables share some headers, e.g.
 * "Ghi chú cập nhật"). The body runs to the sheet's last used row.
 */
function viaHeaderRow(wb: ExcelJS.Workbook, spec: TableSpec): TableCells | null {
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
      const texts = headerTexts(ws, r, 1, ws.columnCount);
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
  return {
    sheet: ws.name,
    via: "header",
    header: texts.slice(left, right + 1),
    body: ws.rowCount > row ? readGrid(ws, row + 1, left + 1, ws.rowCount, right + 1) : [],
    origin: { row: row + 1, col: left + 1 },
  };
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

async function loadWorkbook(data: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
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
  fileName = "tệp nguồn"
): Promise<FileUserInput> {
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
    const cells = viaTableObject(wb, spec.name) ?? viaHeaderRow(wb, spec);
    if (!cells) {
      notes.push(
        `Không thấy bảng ${spec.name} trong “${fileName}”: bảng này được tạo mới, không có dữ liệu cũ.`
      );
      continue;
    }
    const result = extractTableInput(spec.columns, cells.header, cells.body, {
      tableName: spec.name,
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
