/**
 * The in-memory workbook, first half: the sheets, tables and names it holds, lookups, and the cells
 * (typed input, formulas, calculated values, number formats, the format log). ./book.ts adds
 * tables, what users do (sort, filter, insert rows), protection checks and restore points.
 */
import { parseAddress, type Box } from "./address";
import {
  type Scalar,
  FakeOfficeError,
  type CellModel,
  SheetModel,
  TableModel,
  NameModel,
  type FakeCalculator,
  cellKey,
  keyRow,
  keyCol,
  checkSheetName,
  coerceInput,
  checkFormula,
} from "./model";

/** Excel finds sheets, tables and names case-insensitively. */
function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  const lower = name.toLowerCase();
  return items.find((item) => item.name.toLowerCase() === lower);
}

function mustExist<T>(item: T | undefined, kind: string, name: string): T {
  if (item === undefined)
    throw new FakeOfficeError(
      "ItemNotFound",
      `The requested resource doesn't exist (${kind} "${name}").`
    );
  return item;
}

export abstract class BookCells {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  activeSheet: SheetModel | null = null;
  /** What the user selected (Workbook.getSelectedRange); null: cell A1 of the active sheet. */
  selection: { sheet: SheetModel; box: Box } | null = null;
  calculator: FakeCalculator | null = null;
  /** Bumped on every change of cell content, so calculated values are recomputed lazily. */
  version = 0;
  protected calcCache: {
    version: number;
    get: (sheet: SheetModel, row: number, col: number) => Scalar;
  } | null = null;
  protected seq = 0;
  protected tableCounter = 0;
  calculationMode = "Automatic";

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // ---- lookup -------------------------------------------------------------------------------

  sheet(name: string): SheetModel | undefined {
    return byName(this.sheets, name);
  }

  mustSheet(name: string): SheetModel {
    return mustExist(this.sheet(name), "sheet", name);
  }

  table(name: string): TableModel | undefined {
    return byName(this.tables, name);
  }

  mustTable(name: string): TableModel {
    return mustExist(this.table(name), "table", name);
  }

  name(name: string): NameModel | undefined {
    return byName(this.names, name);
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
    const old: CellModel = { ...(sheet.cells.get(key) ?? { v: null }) };
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
        if (cell.v === null) sheet.cells.delete(key);
        else sheet.cells.set(key, { v: cell.v, ...(cell.quote ? { quote: true } : {}) });
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
}
