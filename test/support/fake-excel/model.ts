/**
 * The data of the in-memory workbook behind the fake Excel API: cells (constants or formulas),
 * formats as an ordered log of range operations, tables, defined names, conditional formats, data
 * validation, protection, charts; and Excel's rules for names and typed input. The workbook itself
 * is BookModel (./book.ts); ./context.ts and ./client.ts add the load/sync semantics on top.
 */
import { boxAddress, MAX_COLUMNS, sheetPrefix, type Box } from "./address";
import type { BookCells } from "./bookCells";

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

/**
 * A sheet's cells, able to undo what a batch changed (BookModel.checkpoint): the first change to a
 * cell after `startJournal` records what it held. Copying every cell at every checkpoint cost the
 * 100× plan's create 9 copies of ~300,000 cells, most of the fake's time and garbage. Cells are
 * never changed in place (the fake replaces them; fakeRollback.test.ts fails otherwise), so the cell
 * recorded at the first change is the cell as the last sync left it.
 */
export class CellStore extends Map<number, CellModel> {
  /** One per open checkpoint (two runs may overlap). */
  private readonly journals = new Set<Map<number, CellModel | undefined>>();

  private record(key: number): void {
    for (const journal of this.journals) if (!journal.has(key)) journal.set(key, super.get(key));
  }

  override set(key: number, cell: CellModel): this {
    if (this.journals.size) this.record(key);
    return super.set(key, cell);
  }

  override delete(key: number): boolean {
    if (this.journals.size) this.record(key);
    return super.delete(key);
  }

  override clear(): void {
    if (this.journals.size) for (const key of super.keys()) this.record(key);
    super.clear();
  }

  /** Records changes from now on: `undo` puts back what they replaced, `end` stops recording. */
  startJournal(): { undo: () => void; end: () => void } {
    const journal = new Map<number, CellModel | undefined>();
    this.journals.add(journal);
    return {
      undo: () => {
        this.journals.delete(journal);
        for (const [key, cell] of journal) {
          if (cell === undefined) super.delete(key);
          else super.set(key, cell);
        }
      },
      end: () => void this.journals.delete(journal),
    };
  }
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
  readonly cells = new CellStore();
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
  /** Manual page breaks (Worksheet.horizontalPageBreaks): the rows that start a new page. */
  rowBreaks = new Set<number>();
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
  formula(book: BookCells): string {
    if (this.box && this.sheet && book.sheets.includes(this.sheet))
      return `=${sheetPrefix(this.sheet.name)}!${boxAddress(this.box, true)}`;
    if (this.box) return "=#REF!";
    return this.constant ?? "";
  }
}

/** Computes values of formula cells; plug HyperFormula in (see fakeExcelCalc.ts). */
export interface FakeCalculator {
  calculate(book: BookCells): (sheet: SheetModel, row: number, col: number) => Scalar;
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
