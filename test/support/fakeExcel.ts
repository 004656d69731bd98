/**
 * An in-memory fake of the part of the Excel JavaScript API the add-in uses, strict about Office.js
 * semantics (see fake-excel/context.ts and client.ts): properties readable only after load + sync,
 * batches that stop at the first failing operation, null objects, API versions, protection. It counts `context.sync()`
 * calls (including the implicit final sync Excel.run does when work is still queued) so tests can
 * assert round trips as numbers.
 *
 * Pure TypeScript, no node APIs: the browser test bundles it as the fake Excel host.
 *
 *   const fake = createFakeExcel({ apiVersion: "1.9" });
 *   await createOrUpdate({ run: fake.run, isSetSupported: fake.isSetSupported, ... });
 *   fake.lastRun.syncs  // → 3
 *   fake.user.typeInTable("tblNhiemVu", "2.23#2", "Trạng thái", "Hoàn thành");
 */
import { boxAddress, parseLocal, shiftFormulaRows, type Box } from "./fake-excel/address";
import { FakeRequestContext, type FakeExcelState } from "./fake-excel/context";
import { BookModel } from "./fake-excel/book";
import {
  FakeOfficeError,
  cellKey,
  keyCol,
  keyRow,
  type FakeCalculator,
  type Scalar,
  type SheetModel,
  type TableModel,
} from "./fake-excel/model";

export { FakeOfficeError, BookModel };
export type { FakeCalculator, Scalar, SheetModel, TableModel, Box };
export { FakeRequestContext };

export interface FakeExcelOptions {
  /** Highest ExcelApi 1.x the fake host supports (default "1.17"). */
  apiVersion?: string;
  /** Computes formula values (e.g. HyperFormula, see fakeExcelCalc.ts); without it formulas read as "". */
  calculator?: FakeCalculator;
  /** Whether CustomFunctionsRuntime 1.1 is supported (default true, as on Microsoft 365). */
  customFunctions?: boolean;
  /** Sheets of the new workbook (default one "Sheet1"). */
  sheets?: string[];
}

export interface RunRecord {
  syncs: number;
  ops: number;
  error?: unknown;
}

export interface FakeTableView {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  /** Body content as range.formulas returns it. */
  body: Scalar[][];
  /** Body values (formulas calculated when a calculator is set). */
  values: Scalar[][];
  hiddenRows: number[];
}

export class FakeExcel {
  readonly book = new BookModel();
  readonly state: FakeExcelState;
  readonly runs: RunRecord[] = [];
  readonly user: FakeUser;
  private readonly customFunctions: boolean;

  constructor(opts: FakeExcelOptions = {}) {
    this.customFunctions = opts.customFunctions ?? true;
    const m = /^1\.(\d+)$/.exec(opts.apiVersion ?? "1.17");
    if (!m) throw new Error(`apiVersion must look like "1.9", got ${opts.apiVersion}`);
    this.state = { book: this.book, apiMinor: Number(m[1]), syncCount: 0, opCount: 0 };
    this.book.calculator = opts.calculator ?? null;
    for (const s of opts.sheets ?? ["Sheet1"]) this.book.addSheet(s);
    this.user = new FakeUser(this.book);
  }

  /** Total `context.sync()` round trips so far. */
  get syncCount(): number {
    return this.state.syncCount;
  }

  get lastRun(): RunRecord {
    const r = this.runs[this.runs.length - 1];
    if (!r) throw new Error("no Excel.run yet");
    return r;
  }

  /** Syncs of all runs since `fromRun` (an index into runs). */
  syncsSince(fromRun: number): number {
    return this.runs.slice(fromRun).reduce((n, r) => n + r.syncs, 0);
  }

  /** Office's `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (name: string, minVersion?: string | number): boolean => {
    if (name === "CustomFunctionsRuntime")
      return this.customFunctions && (minVersion === undefined || String(minVersion) === "1.1");
    if (name !== "ExcelApi") return false;
    if (minVersion === undefined) return true;
    const m = /^1\.(\d+)$/.exec(String(minVersion));
    return m !== null && Number(m[1]) <= this.state.apiMinor;
  };

  /** `Excel.run`: a fresh context per batch, and a final sync if work is still queued when it ends. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this.state);
    const opsBefore = this.state.opCount;
    const record: RunRecord = { syncs: 0, ops: 0 };
    this.runs.push(record);
    try {
      const result = await batch(ctx);
      if (ctx.hasPendingWork) await ctx.sync();
      return result;
    } catch (e) {
      ctx.discardUnsynced();
      record.error = e;
      throw e;
    } finally {
      record.syncs = ctx.syncs;
      record.ops = this.state.opCount - opsBefore;
    }
  };

  // ---- inspection (test side, no load/sync) --------------------------------------------------

  sheet(nameOrTable: string): SheetModel {
    const t = this.book.table(nameOrTable);
    if (t) return t.sheet;
    return this.book.mustSheet(nameOrTable);
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  table(name: string): FakeTableView {
    const t = this.book.mustTable(name);
    const headers = this.book.tableHeaders(t);
    const body: Scalar[][] = [];
    const values: Scalar[][] = [];
    const hiddenRows: number[] = [];
    for (let r = t.box.top + 1; r <= t.box.bottom; r += 1) {
      const f: Scalar[] = [];
      const v: Scalar[] = [];
      for (let c = t.box.left; c <= t.box.right; c += 1) {
        f.push(this.book.formulaAt(t.sheet, r, c));
        v.push(this.book.valueAt(t.sheet, r, c));
      }
      body.push(f);
      values.push(v);
      if (this.book.isRowHidden(t.sheet, r)) hiddenRows.push(r);
    }
    return {
      name: t.name,
      sheet: t.sheet.name,
      address: boxAddress(t.box),
      headers,
      body,
      values,
      hiddenRows,
    };
  }

  hasTable(name: string): boolean {
    return this.book.table(name) !== undefined;
  }

  /** Content of a cell as range.formulas would give it. */
  cell(sheet: string, address: string): Scalar {
    const s = this.book.mustSheet(sheet);
    const b = parseLocal(address);
    return this.book.formulaAt(s, b.top, b.left);
  }

  value(sheet: string, address: string): Scalar {
    const s = this.book.mustSheet(sheet);
    const b = parseLocal(address);
    return this.book.valueAt(s, b.top, b.left);
  }

  numberFormat(sheet: string, address: string): string {
    const s = this.book.mustSheet(sheet);
    const b = parseLocal(address);
    return this.book.numberFormatAt(s, b.top, b.left);
  }

  /** Latest value of a format property (e.g. "font.name", "fill.color") at one cell. */
  formatAt(sheet: string, address: string, prop: string): unknown {
    const s = this.book.mustSheet(sheet);
    const b = parseLocal(address);
    return this.book.formatAt(s, b.top, b.left, prop);
  }

  isLocked(sheet: string, address: string): boolean {
    const s = this.book.mustSheet(sheet);
    const b = parseLocal(address);
    return this.book.isLocked(s, b.top, b.left);
  }

  /** Defined names → their reference formula ("='Nhiệm vụ'!$C$3"). */
  names(): Record<string, string> {
    return Object.fromEntries(this.book.names.map((n) => [n.name, n.formula(this.book)]));
  }

  /** A deep copy of everything a user could see, to check that a refused action changed nothing. */
  snapshot(): string {
    const book = this.book;
    return JSON.stringify({
      sheets: book.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
        fmt: s.fmt.map((f) => [f.box, f.prop, f.value]),
        cfs: s.cfs,
        dvs: s.dvs,
        merges: s.merges,
        hiddenCols: [...s.hiddenCols],
        hiddenRows: [...s.hiddenRows],
        filterHidden: [...s.filterHidden],
        freeze: s.freeze,
        page: s.page,
        printTitleRows: s.printTitleRows,
        protection: s.protection,
        charts: s.charts,
        tabColor: s.tabColor,
      })),
      tables: book.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        box: t.box,
        style: t.style,
        filters: [...t.filters],
      })),
      names: book.names.map((n) => [n.name, n.formula(book), n.comment]),
    });
  }
}

/** What a person does in Excel between two runs of an action (no load/sync, no API versions). */
export class FakeUser {
  constructor(private readonly book: BookModel) {}

  private tableModel(name: string): TableModel {
    return this.book.mustTable(name);
  }

  /** Body row (sheet row number) of the row whose column `keyHeader` holds `key`. */
  rowOf(tableName: string, key: string, keyHeader?: string): number {
    const t = this.tableModel(tableName);
    const headers = this.book.tableHeaders(t);
    const kc = keyHeader === undefined ? 0 : headers.indexOf(keyHeader);
    if (kc < 0) throw new Error(`no column ${keyHeader}`);
    for (let r = t.box.top + 1; r <= t.box.bottom; r += 1) {
      if (String(this.book.formulaAt(t.sheet, r, t.box.left + kc)) === key) return r;
    }
    throw new Error(`no row with key ${key} in ${tableName}`);
  }

  columnOf(tableName: string, header: string): number {
    const t = this.tableModel(tableName);
    const i = this.book.tableHeaders(t).indexOf(header);
    if (i < 0) throw new Error(`no column "${header}" in ${tableName}`);
    return t.box.left + i;
  }

  /**
   * Types into a cell as Excel does (numbers, dates as serials, text; "=..." is a formula; a leading
   * apostrophe keeps text). Refuses, like Excel, when the sheet is protected and the cell locked.
   */
  type(sheet: SheetModel, row: number, col: number, input: Scalar): void {
    if (sheet.protection.protected && this.book.isLocked(sheet, row, col)) {
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell is on a protected sheet and locked (row ${row}, column ${col}).`
      );
    }
    this.book.writeInput(sheet, row, col, input === null ? "" : input);
    this.fillCalculatedColumn(sheet, row, col, input);
  }

  /**
   * Excel's calculated columns: a formula typed into a table column whose other body cells are all
   * empty fills the whole column, each row's copy shifted to its own row.
   */
  private fillCalculatedColumn(sheet: SheetModel, row: number, col: number, input: Scalar): void {
    if (typeof input !== "string" || !input.startsWith("=") || input.length < 2) return;
    const t = this.book
      .tablesOn(sheet)
      .find(
        (x) =>
          row >= x.bodyBox.top && row <= x.bodyBox.bottom && col >= x.box.left && col <= x.box.right
      );
    if (!t) return;
    const others: number[] = [];
    for (let r = t.bodyBox.top; r <= t.bodyBox.bottom; r += 1) {
      if (r === row) continue;
      if (this.book.formulaAt(sheet, r, col) !== "") return;
      others.push(r);
    }
    for (const r of others)
      this.book.writeInput(
        sheet,
        r,
        col,
        shiftFormulaRows(input, (x, abs) => (abs ? x : x + r - row))
      );
  }

  /** Selects a range, as the user does before "Nhập kế hoạch" from the selection. */
  select(sheet: string, address: string): void {
    const s = this.book.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.book.selection = { sheet: s, box: this.book.resolve(address, s).box };
  }

  /** Pastes rows of text from a cell on (a table copied out of Word). */
  paste(sheet: string, at: string, rows: string[][]): void {
    const s = this.book.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const { top, left } = this.book.resolve(at, s).box;
    rows.forEach((r, i) => r.forEach((v, j) => v !== "" && this.type(s, top + i, left + j, v)));
  }

  typeInTable(
    tableName: string,
    key: string,
    header: string,
    input: Scalar,
    keyHeader?: string
  ): void {
    const t = this.tableModel(tableName);
    this.type(
      t.sheet,
      this.rowOf(tableName, key, keyHeader),
      this.columnOf(tableName, header),
      input
    );
  }

  /** Lifts a sheet's protection, as staff can (no password). */
  unprotect(sheet: string): void {
    this.book.mustSheet(sheet).protection = { protected: false, options: {} };
  }

  sortTable(tableName: string, header: string, ascending = true): void {
    const t = this.tableModel(tableName);
    const offset = this.book.tableHeaders(t).indexOf(header);
    if (offset < 0) throw new Error(`no column ${header}`);
    this.book.sortTable(t, offset, ascending);
  }

  /** Autofilter: keep rows whose column `header` matches the custom criterion (e.g. "=*Sở*"). */
  filterTable(tableName: string, header: string, criterion1: string): void {
    const t = this.tableModel(tableName);
    const offset = this.book.tableHeaders(t).indexOf(header);
    if (offset < 0) throw new Error(`no column ${header}`);
    t.filters.set(offset, { filterOn: "Custom", criterion1 });
    this.book.applyFilters(t);
  }

  clearFilters(tableName: string): void {
    const t = this.tableModel(tableName);
    t.filters.clear();
    this.book.applyFilters(t);
  }

  /** Inserts blank sheet rows before body row `bodyIndex` (0 = right under the header). */
  /** Excel offers no table-row insert on a protected sheet (the command is disabled). */
  insertRowsInTable(tableName: string, bodyIndex: number, count: number): void {
    const t = this.tableModel(tableName);
    if (t.sheet.protection.protected)
      throw new FakeOfficeError("AccessDenied", "Rows cannot be inserted on a protected sheet.");
    const at = Math.min(t.box.top + 1 + bodyIndex, t.box.bottom);
    this.book.insertRows(t.sheet, at, count);
  }

  /** Types a header right of the table and values beside some rows; Excel grows the table by one column. */
  addColumnRight(
    tableName: string,
    header: string,
    valuesByRow: Map<number, Scalar> = new Map()
  ): number {
    const t = this.tableModel(tableName);
    const col = t.box.right + 1;
    this.book.writeInput(t.sheet, t.box.top, col, `'${header}`);
    for (const [row, v] of valuesByRow)
      this.book.writeInput(t.sheet, row, col, v === null ? "" : v);
    t.box = { ...t.box, right: col };
    return col;
  }

  renameSheet(oldName: string, newName: string): void {
    this.book.renameSheet(this.book.mustSheet(oldName), newName);
  }

  /** Deletes whole columns' content of a table column and its header (damage). */
  blankHeader(tableName: string, header: string, replacement: string): void {
    const t = this.tableModel(tableName);
    const col = this.columnOf(tableName, header);
    this.book.writeInput(t.sheet, t.box.top, col, `'${replacement}`);
  }

  protect(sheet: string, options: Record<string, boolean> = {}, password?: string): void {
    const s = this.book.mustSheet(sheet);
    s.protection = { protected: true, options, password };
  }

  /** Cell contents of the whole sheet as "A1" → content (for debugging and fine checks). */
  dump(sheet: string): Record<string, Scalar> {
    const s = this.book.mustSheet(sheet);
    const out: Record<string, Scalar> = {};
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const c = s.cells.get(k);
      if (c && c.v !== null)
        out[boxAddress({ top: keyRow(k), left: keyCol(k), bottom: keyRow(k), right: keyCol(k) })] =
          c.v;
    }
    return out;
  }
}

export function createFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(opts);
}

/** Internal helper re-exported for the calculator. */
export { cellKey };
