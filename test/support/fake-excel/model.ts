/**
 * The in-memory workbook behind the fake Excel API: cells (constants or formulas), formats as an
 * ordered log of range operations, tables, defined names, conditional formats, data validation,
 * protection, charts. It knows nothing about load/sync; api.ts adds those semantics on top.
 * It also offers the things USERS do in Excel (type a value, sort, filter, insert rows, add a column
 * beside a table, rename a sheet), so tests can play a user between two runs of an action.
 */
import {
  boxAddress,
  cellCount,
  contains,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  sheetPrefix,
  shiftFormulaRows,
  type Box,
} from "./address";
import { columnLetters } from "../../../src/layouts/a1";

export type Scalar = string | number | boolean | null;

/** Error shaped like OfficeExtension.Error (code + debugInfo). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export interface CellModel {
  /** A constant, or a formula string starting with "=". */
  v: Scalar;
  /** Text entered with a leading apostrophe (so "2.10" or "=x" stay text). */
  quote?: boolean;
  nf?: string;
}

export interface FormatOp {
  box: Box;
  /** "font.name", "fill.color", "wrapText", "columnWidth", "protection.locked", "reset", ... */
  prop: string;
  value: unknown;
  seq: number;
}

export interface CfModel {
  box: Box;
  type: string;
  props: Record<string, unknown>;
}

export interface DvModel {
  box: Box;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  source: Box;
  seriesBy: string;
  props: Record<string, unknown>;
  series: { props: Record<string, unknown>; xValues?: string; values?: string }[];
  position?: { start: string; end?: string };
}

export interface ProtectionModel {
  protected: boolean;
  options: Record<string, boolean>;
  password?: string;
}

export interface FilterCriteria {
  filterOn: "Custom" | "Values";
  criterion1?: string;
  criterion2?: string;
  operator?: "And" | "Or";
  values?: string[];
}

let nextId = 1;

export class SheetModel {
  readonly id = `{sheet-${nextId++}}`;
  name: string;
  visibility = "Visible";
  tabColor = "";
  readonly cells = new Map<number, CellModel>();
  fmt: FormatOp[] = [];
  cfs: CfModel[] = [];
  dvs: DvModel[] = [];
  merges: Box[] = [];
  hiddenCols = new Set<number>();
  hiddenRows = new Set<number>();
  /** Rows hidden by a table filter (recomputed when a filter is applied or cleared). */
  filterHidden = new Set<number>();
  freeze: { rows: number; columns: number } | null = null;
  page: Record<string, unknown> = {};
  printTitleRows: string | null = null;
  protection: ProtectionModel = { protected: false, options: {} };
  charts: ChartModel[] = [];
  constructor(name: string) {
    this.name = name;
  }
}

export class TableModel {
  readonly id = `${nextId++}`;
  name: string;
  sheet: SheetModel;
  /** Whole table including the header row. */
  box: Box;
  style = "TableStyleMedium2";
  showFilterButton = true;
  showBandedRows = true;
  filters = new Map<number, FilterCriteria>();
  constructor(name: string, sheet: SheetModel, box: Box) {
    this.name = name;
    this.sheet = sheet;
    this.box = box;
  }
  get bodyBox(): Box {
    return { ...this.box, top: this.box.top + 1 };
  }
  get headerBox(): Box {
    return { ...this.box, bottom: this.box.top };
  }
}

export class NameModel {
  name: string;
  sheet: SheetModel | null;
  box: Box | null;
  /** For names that are not references (constants or formulas). */
  constant: string | null;
  comment: string;
  visible = true;
  constructor(
    name: string,
    sheet: SheetModel | null,
    box: Box | null,
    constant: string | null,
    comment = ""
  ) {
    this.name = name;
    this.sheet = sheet;
    this.box = box;
    this.constant = constant;
    this.comment = comment;
  }
  formula(book: BookModel): string {
    if (this.box && this.sheet && book.sheets.includes(this.sheet))
      return `=${sheetPrefix(this.sheet.name)}!${boxAddress(this.box, true)}`;
    if (this.box) return "=#REF!";
    return this.constant ?? "";
  }
}

/** Computes values of formula cells; plug HyperFormula in (see fakeExcelCalc.ts). */
export interface FakeCalculator {
  calculate(book: BookModel): (sheet: SheetModel, row: number, col: number) => Scalar;
}

export const cellKey = (row: number, col: number): number => (row - 1) * MAX_COLUMNS + (col - 1);
export const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS) + 1;
export const keyCol = (key: number): number => (key % MAX_COLUMNS) + 1;

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export function checkSheetName(name: string): void {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    INVALID_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name "${name}" is invalid.`);
  }
}

export function checkDefinedName(name: string): void {
  if (
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name) ||
    name.length > 255
  ) {
    throw new FakeOfficeError("InvalidArgument", `The name "${name}" is not valid.`);
  }
}

/** What Excel makes of a string written through `range.values`/`range.formulas` into a General cell. */
export function coerceInput(s: string): CellModel {
  if (s.startsWith("'")) return { v: s.slice(1), quote: true };
  if (s.startsWith("=")) return { v: s };
  const t = s.trim();
  if (/^[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t))
    return { v: Number(t.replace(/,/g, "")) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  // Excel reads "-abc" / "+abc" typed into a cell as a formula.
  if (/^[+-]\s*[^\d\s.]/.test(s)) return { v: `=${s}` };
  return { v: s };
}

/** Minimal syntax check of an en-US formula: balanced quotes and parentheses, no ";" separators. */
export function checkFormula(f: string): void {
  let depth = 0;
  let inStr = false;
  for (let i = 1; i < f.length; i += 1) {
    const ch = f[i];
    if (inStr) {
      if (ch === '"') {
        if (f[i + 1] === '"') i += 1;
        else inStr = false;
      }
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "(") depth += 1;
    else if (ch === ")") {
      depth -= 1;
      if (depth < 0) break;
    } else if (ch === ";") {
      throw new FakeOfficeError(
        "InvalidArgument",
        `Formula uses ";" (formulasLocal syntax?): ${f}`
      );
    }
  }
  if (inStr || depth !== 0 || f.length < 2)
    throw new FakeOfficeError("InvalidArgument", `There is a problem with this formula: ${f}`);
}

/** Wildcard match as Excel filters and COUNTIF do: * any run, ? one char, ~ escapes; case-insensitive. */
export function wildcardMatch(pattern: string, text: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) {
      re += pattern[i + 1].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      i += 1;
    } else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i").test(text);
}

export class BookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  activeSheet: SheetModel | null = null;
  calculator: FakeCalculator | null = null;
  /** Bumped on every change of cell content, so calculated values are recomputed lazily. */
  version = 0;
  private calcCache: {
    version: number;
    get: (sheet: SheetModel, row: number, col: number) => Scalar;
  } | null = null;
  private seq = 0;
  private tableCounter = 0;
  calculationMode = "Automatic";

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // ---- lookup -------------------------------------------------------------------------------

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  mustSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (sheet "${name}").`
      );
    return s;
  }

  table(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  mustTable(name: string): TableModel {
    const t = this.table(name);
    if (!t)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (table "${name}").`
      );
    return t;
  }

  name(name: string): NameModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** Resolves "'Sheet'!A1:B2" (or a local address on `defaultSheet`). */
  resolve(address: string, defaultSheet?: SheetModel): { sheet: SheetModel; box: Box } {
    let parsed;
    try {
      parsed = parseAddress(address);
    } catch {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing (address "${address}").`
      );
    }
    const sheet = parsed.sheet === null ? defaultSheet : this.sheet(parsed.sheet);
    if (!sheet)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The address "${address}" names no existing sheet.`
      );
    return { sheet, box: parsed.box };
  }

  // ---- sheets -------------------------------------------------------------------------------

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i += 1;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.sheet(n))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
    const s = new SheetModel(n);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet)
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    sheet.name = name;
    this.version += 1;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1)
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    this.version += 1;
  }

  // ---- cells --------------------------------------------------------------------------------

  getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** Content as `range.formulas` returns it: formula text, constant, or "" for an empty cell. */
  formulaAt(sheet: SheetModel, row: number, col: number): Scalar {
    const c = this.getCell(sheet, row, col);
    return c === undefined || c.v === null ? "" : c.v;
  }

  /** Value as `range.values` returns it (formulas calculated when a calculator is plugged in). */
  valueAt(sheet: SheetModel, row: number, col: number): Scalar {
    const c = this.getCell(sheet, row, col);
    if (c === undefined || c.v === null) return "";
    if (typeof c.v === "string" && c.v.startsWith("=") && !c.quote) {
      if (!this.calculator) return "";
      if (!this.calcCache || this.calcCache.version !== this.version) {
        this.calcCache = { version: this.version, get: this.calculator.calculate(this) };
      }
      const v = this.calcCache.get(sheet, row, col);
      return v === null || v === undefined ? "" : v;
    }
    return c.v;
  }

  numberFormatAt(sheet: SheetModel, row: number, col: number): string {
    return this.getCell(sheet, row, col)?.nf ?? "General";
  }

  /** Writes one cell as Office.js does for `range.formulas`/`range.values` (null = leave as is). */
  writeInput(sheet: SheetModel, row: number, col: number, input: Scalar): void {
    if (input === null || input === undefined) return;
    const key = cellKey(row, col);
    const old = sheet.cells.get(key);
    const nf = old?.nf;
    let cell: CellModel;
    if (input === "") cell = { v: null };
    else if (typeof input === "number") {
      if (!Number.isFinite(input))
        throw new FakeOfficeError("InvalidArgument", `Invalid number ${input}`);
      cell = { v: input };
    } else if (typeof input === "boolean") cell = { v: input };
    else if (typeof input === "string") {
      if (nf === "@") cell = { v: input, quote: !input.startsWith("'") ? undefined : true };
      else {
        cell = coerceInput(input);
        if (typeof cell.v === "string" && cell.v.startsWith("=") && !cell.quote)
          checkFormula(cell.v);
      }
      if (input.length > 32767)
        throw new FakeOfficeError("InvalidArgument", "Text longer than 32,767 characters.");
    } else throw new FakeOfficeError("InvalidArgument", `Unsupported cell input ${String(input)}`);
    if (nf !== undefined) cell.nf = nf;
    if (cell.v === null && cell.nf === undefined) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
    this.version += 1;
  }

  setNumberFormat(sheet: SheetModel, row: number, col: number, nf: Scalar): void {
    if (nf === null || nf === undefined) return;
    const key = cellKey(row, col);
    const old = sheet.cells.get(key) ?? { v: null };
    const text = String(nf);
    if (text === "General") delete old.nf;
    else old.nf = text;
    if (old.v === null && old.nf === undefined) sheet.cells.delete(key);
    else sheet.cells.set(key, old);
  }

  clearContents(sheet: SheetModel, box: Box): void {
    for (const key of [...sheet.cells.keys()]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) {
        const cell = sheet.cells.get(key) as CellModel;
        if (cell.nf !== undefined) sheet.cells.set(key, { v: null, nf: cell.nf });
        else sheet.cells.delete(key);
      }
    }
    this.version += 1;
  }

  clearFormats(sheet: SheetModel, box: Box): void {
    for (const [key, cell] of [...sheet.cells.entries()]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (
        r >= box.top &&
        r <= box.bottom &&
        c >= box.left &&
        c <= box.right &&
        cell.nf !== undefined
      ) {
        delete cell.nf;
        if (cell.v === null) sheet.cells.delete(key);
      }
    }
    this.logFormat(sheet, box, "reset", true);
  }

  logFormat(sheet: SheetModel, box: Box, prop: string, value: unknown): void {
    sheet.fmt.push({ box: { ...box }, prop, value, seq: this.nextSeq() });
  }

  /** The latest value of a format property covering a cell (undefined: never set, or reset since). */
  formatAt(sheet: SheetModel, row: number, col: number, prop: string): unknown {
    for (let i = sheet.fmt.length - 1; i >= 0; i -= 1) {
      const op = sheet.fmt[i];
      if (row < op.box.top || row > op.box.bottom || col < op.box.left || col > op.box.right)
        continue;
      if (op.prop === "reset") return undefined;
      if (op.prop === prop) return op.value;
    }
    return undefined;
  }

  isLocked(sheet: SheetModel, row: number, col: number): boolean {
    const v = this.formatAt(sheet, row, col, "protection.locked");
    return v === undefined ? true : Boolean(v);
  }

  /** Bounding box of cells with content (or null when the sheet is empty). */
  usedBox(sheet: SheetModel): Box | null {
    let box: Box | null = null;
    for (const [key, cell] of sheet.cells) {
      if (cell.v === null) continue;
      const r = keyRow(key);
      const c = keyCol(key);
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.bottom = Math.max(box.bottom, r);
        box.left = Math.min(box.left, c);
        box.right = Math.max(box.right, c);
      }
    }
    return box;
  }

  isRowHidden(sheet: SheetModel, row: number): boolean {
    return sheet.hiddenRows.has(row) || sheet.filterHidden.has(row);
  }

  // ---- tables -------------------------------------------------------------------------------

  addTable(sheet: SheetModel, box: Box, hasHeaders: boolean): TableModel {
    if (cellCount(box) > 5_000_000 || box.bottom - box.top < 1) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "A table needs a header row and at least one body row."
      );
    }
    for (const t of this.tablesOn(sheet)) {
      if (intersects(t.box, box))
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
    }
    if (sheet.merges.some((m) => intersects(m, box)))
      throw new FakeOfficeError("InvalidOperation", "A table can't contain merged cells.");
    const top = box.top;
    const finalBox = { ...box };
    if (!hasHeaders) {
      throw new FakeOfficeError("NotImplemented", "The fake only supports tables with headers.");
    }
    const seen = new Set<string>();
    for (let c = box.left; c <= box.right; c += 1) {
      const raw = this.formulaAt(sheet, top, c);
      let h = raw === "" || raw === null ? `Column${c - box.left + 1}` : String(raw);
      let base = h;
      let n = 2;
      while (seen.has(h.toLowerCase())) {
        h = `${base}${n}`;
        n += 1;
      }
      base = h;
      seen.add(h.toLowerCase());
      const cell = this.getCell(sheet, top, c);
      if (raw !== h || !cell || typeof cell.v !== "string") {
        sheet.cells.set(cellKey(top, c), { v: h, quote: true, nf: cell?.nf });
      }
    }
    this.tableCounter += 1;
    let name = `Table${this.tableCounter}`;
    while (this.table(name)) {
      this.tableCounter += 1;
      name = `Table${this.tableCounter}`;
    }
    const t = new TableModel(name, sheet, finalBox);
    this.tables.push(t);
    this.version += 1;
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    checkDefinedName(name);
    const other = this.table(name);
    if ((other && other !== t) || this.name(name)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `A table or name called "${name}" already exists.`
      );
    }
    t.name = name;
  }

  tableHeaders(t: TableModel): string[] {
    const out: string[] = [];
    for (let c = t.box.left; c <= t.box.right; c += 1)
      out.push(String(this.formulaAt(t.sheet, t.box.top, c)));
    return out;
  }

  convertTableToRange(t: TableModel): void {
    // Rows the filter hid stay hidden, now as plain hidden rows (callers must unhide them).
    for (const r of t.sheet.filterHidden) t.sheet.hiddenRows.add(r);
    t.sheet.filterHidden.clear();
    this.tables = this.tables.filter((x) => x !== t);
  }

  deleteTable(t: TableModel): void {
    this.clearContents(t.sheet, t.box);
    this.clearFormats(t.sheet, t.box);
    t.sheet.filterHidden.clear();
    this.tables = this.tables.filter((x) => x !== t);
  }

  /** Re-evaluates every column filter of the table's sheet. */
  applyFilters(t: TableModel): void {
    const sheet = t.sheet;
    sheet.filterHidden.clear();
    for (const table of this.tablesOn(sheet)) {
      for (let r = table.bodyBox.top; r <= table.bodyBox.bottom; r += 1) {
        for (const [offset, crit] of table.filters) {
          const v = this.valueAt(sheet, r, table.box.left + offset);
          if (!filterAccepts(crit, v)) {
            sheet.filterHidden.add(r);
            break;
          }
        }
      }
    }
  }

  /** Sorts the table's body rows by one column (cells move with their formats; same-row references follow). */
  sortTable(t: TableModel, columnOffset: number, ascending = true): void {
    const body = t.bodyBox;
    const rows: { row: number; cells: (CellModel | undefined)[]; key: Scalar }[] = [];
    for (let r = body.top; r <= body.bottom; r += 1) {
      const cells: (CellModel | undefined)[] = [];
      for (let c = body.left; c <= body.right; c += 1) cells.push(this.getCell(t.sheet, r, c));
      rows.push({ row: r, cells, key: this.valueAt(t.sheet, r, body.left + columnOffset) });
    }
    const rank = (v: Scalar): [number, string | number] => {
      if (v === "" || v === null) return [3, 0];
      if (typeof v === "number") return [0, v];
      if (typeof v === "boolean") return [2, v ? 1 : 0];
      return [1, v.toLowerCase()];
    };
    const sorted = [...rows].sort((a, b) => {
      const [ka, va] = rank(a.key);
      const [kb, vb] = rank(b.key);
      if (ka !== kb) return ka - kb; // blanks last either way
      if (va === vb) return a.row - b.row;
      const cmp = va < vb ? -1 : 1;
      return ascending ? cmp : -cmp;
    });
    sorted.forEach((src, i) => {
      const dest = body.top + i;
      src.cells.forEach((cell, j) => {
        const key = cellKey(dest, body.left + j);
        if (!cell) {
          t.sheet.cells.delete(key);
          return;
        }
        const moved = { ...cell };
        if (typeof moved.v === "string" && moved.v.startsWith("=") && !moved.quote) {
          const delta = dest - src.row;
          moved.v = shiftFormulaRows(moved.v, (row, abs) => (abs ? row : row + delta));
        }
        t.sheet.cells.set(key, moved);
      });
    });
    this.version += 1;
    this.applyFilters(t);
  }

  /** Inserts whole sheet rows before `at` (as the user does with right-click › Insert). */
  insertRows(sheet: SheetModel, at: number, count: number): void {
    const shiftRow = (row: number): number => (row >= at ? row + count : row);
    const moved = new Map<number, CellModel>();
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      moved.set(cellKey(shiftRow(r), c), cell);
    }
    sheet.cells.clear();
    for (const [k, v] of moved) sheet.cells.set(k, v);
    // References to moved rows follow them, on every sheet (plain A1 refs to this sheet only).
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (typeof cell.v !== "string" || !cell.v.startsWith("=") || cell.quote) continue;
        if (s === sheet) cell.v = shiftFormulaRows(cell.v, (row) => shiftRow(row));
      }
    }
    const grow = (b: Box): Box => {
      if (b.bottom === MAX_ROWS && b.top === 1) return b;
      if (b.top >= at)
        return { ...b, top: b.top + count, bottom: Math.min(MAX_ROWS, b.bottom + count) };
      if (b.bottom >= at) return { ...b, bottom: Math.min(MAX_ROWS, b.bottom + count) };
      return b;
    };
    for (const t of this.tablesOn(sheet)) {
      // A row inserted right below the header or inside the body extends the table.
      if (at > t.box.top && at <= t.box.bottom) t.box = { ...t.box, bottom: t.box.bottom + count };
      else if (at <= t.box.top)
        t.box = { ...t.box, top: t.box.top + count, bottom: t.box.bottom + count };
    }
    sheet.fmt = sheet.fmt.map((op) => ({ ...op, box: grow(op.box) }));
    sheet.cfs = sheet.cfs.map((cf) => ({ ...cf, box: grow(cf.box) }));
    sheet.dvs = sheet.dvs.map((dv) => ({ ...dv, box: grow(dv.box) }));
    sheet.merges = sheet.merges.map(grow);
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map(shiftRow));
    sheet.filterHidden = new Set([...sheet.filterHidden].map(shiftRow));
    for (const n of this.names) if (n.sheet === sheet && n.box) n.box = grow(n.box);
    this.version += 1;
  }

  // ---- validation of writes against protection ------------------------------------------------

  assertCanWrite(sheet: SheetModel, box: Box, inputs?: Scalar[][]): void {
    if (!sheet.protection.protected) return;
    for (let r = box.top; r <= box.bottom; r += 1) {
      for (let c = box.left; c <= box.right; c += 1) {
        const input = inputs ? inputs[r - box.top]?.[c - box.left] : "";
        if (input === null || input === undefined) continue;
        if (this.isLocked(sheet, r, c)) {
          throw new FakeOfficeError(
            "AccessDenied",
            `The cell ${sheetPrefix(sheet.name)}!${columnLetters(c)}${r} is protected: the sheet must be unprotected first.`
          );
        }
      }
    }
  }

  assertCanFormat(
    sheet: SheetModel,
    allow?:
      | "allowFormatCells"
      | "allowFormatColumns"
      | "allowFormatRows"
      | "allowAutoFilter"
      | "allowSort"
  ): void {
    if (!sheet.protection.protected) return;
    if (allow && sheet.protection.options[allow]) return;
    throw new FakeOfficeError(
      "AccessDenied",
      `The sheet "${sheet.name}" is protected: unprotect it before changing it.`
    );
  }

  contains = contains;

  /**
   * A restore point. Office.js applies nothing of a batch that is never synced (the batch function
   * threw before its sync), while this fake applies operations at once; the context takes a restore
   * point before the first operation after a sync and rolls back to it in that case.
   */
  checkpoint(): () => void {
    const sheets = [...this.sheets];
    const tables = [...this.tables];
    const names = [...this.names];
    const active = this.activeSheet;
    const version = this.version;
    const sheetStates = sheets.map((sh) => ({
      sh,
      name: sh.name,
      visibility: sh.visibility,
      tabColor: sh.tabColor,
      cells: new Map([...sh.cells].map(([k, c]) => [k, { ...c }])),
      fmt: [...sh.fmt],
      cfs: sh.cfs.map((cf) => ({ ...cf, props: { ...cf.props } })),
      dvs: sh.dvs.map((dv) => ({ ...dv })),
      merges: [...sh.merges],
      hiddenCols: new Set(sh.hiddenCols),
      hiddenRows: new Set(sh.hiddenRows),
      filterHidden: new Set(sh.filterHidden),
      freeze: sh.freeze,
      page: { ...sh.page },
      printTitleRows: sh.printTitleRows,
      protection: { ...sh.protection, options: { ...sh.protection.options } },
      charts: sh.charts.map((c) => ({
        ...c,
        props: { ...c.props },
        series: c.series.map((x) => ({ ...x, props: { ...x.props } })),
      })),
    }));
    const tableStates = tables.map((t) => ({
      t,
      name: t.name,
      sheet: t.sheet,
      box: { ...t.box },
      style: t.style,
      filters: new Map(t.filters),
    }));
    const nameStates = names.map((n) => ({
      n,
      name: n.name,
      sheet: n.sheet,
      box: n.box,
      constant: n.constant,
      comment: n.comment,
      visible: n.visible,
    }));
    return () => {
      this.sheets = sheets;
      this.tables = tables;
      this.names = names;
      this.activeSheet = active;
      for (const st of sheetStates) Object.assign(st.sh, { ...st, sh: undefined });
      for (const st of sheetStates) delete (st.sh as unknown as { sh?: unknown }).sh;
      for (const st of tableStates)
        Object.assign(st.t, {
          name: st.name,
          sheet: st.sheet,
          box: st.box,
          style: st.style,
          filters: st.filters,
        });
      for (const st of nameStates)
        Object.assign(st.n, {
          name: st.name,
          sheet: st.sheet,
          box: st.box,
          constant: st.constant,
          comment: st.comment,
          visible: st.visible,
        });
      this.version = version + 1;
    };
  }
}

export function filterAccepts(crit: FilterCriteria, value: Scalar): boolean {
  const text = value === null ? "" : String(value);
  if (crit.filterOn === "Values")
    return (crit.values ?? []).some((v) => v.toLowerCase() === text.toLowerCase());
  const one = (c: string | undefined): boolean => {
    if (c === undefined || c === "") return true;
    if (c.startsWith("<>")) return !wildcardMatch(c.slice(2), text);
    if (c.startsWith("=")) return wildcardMatch(c.slice(1), text);
    return wildcardMatch(c, text);
  };
  const a = one(crit.criterion1);
  if (crit.criterion2 === undefined) return a;
  const b = one(crit.criterion2);
  return crit.operator === "Or" ? a || b : a && b;
}
