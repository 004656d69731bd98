/**
 * Sheet layouts as plain data: what each sheet holds (cells, formulas, formats, rules, validation,
 * names, print set-up). Two renderers draw the same layouts: src/render/office (live workbook, Office.js)
 * and src/render/xlsx (file, exceljs). Nothing here may import Office.js, React or exceljs.
 *
 * Conventions shared by both renderers:
 * - Addresses are A1 strings local to the sheet ("B5", "A4:R50"); never sheet-qualified.
 * - A cell value that is a string starting with "=" is a formula in en-US syntax (`,` separators),
 *   written through `range.formulas` (Office.js) or `{ formula }` (exceljs). Formulas use plain A1
 *   references (no structured `[@col]` refs, which are UI shorthand and not valid in a file) and
 *   never call CCHC.* functions inside conditional-format rules.
 * - Colours are "#RRGGBB". Widths are in Excel character units. Number formats are en-US codes.
 */

export type Scalar = string | number | boolean | null;

/**
 * Key prefix of table rows that are not data (section headers, objectives, notes). Section header
 * rows are locked through their row format; objective rows have none (one format call per row would
 * grow with the plan), so they look like and behave as task rows without formulas.
 */
export const HEADER_KEY_PREFIX = "§";

export interface FontFormat {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export interface CellFormat {
  font?: FontFormat;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  numberFormat?: string;
  /** Protection flag of the cell (only matters while the sheet is protected). Default: locked. */
  locked?: boolean;
  border?: "thin";
}

/** A rectangular block written in one call. */
export interface Block {
  /** Top-left cell; the block's size follows from `cells`. */
  at: string;
  cells: Scalar[][];
  format?: CellFormat;
  /** Merge the block's cells into one (titles). */
  merge?: boolean;
  /** Cached results of formula cells, same shape as `cells` (used by the file renderer only). */
  results?: Scalar[][];
}

export type ColumnRole =
  /** Hidden stable row identity (task key / indicator id); user input is matched on it. */
  | "key"
  /** Text of the plan: locked. */
  | "plan"
  /** Typed by staff: unlocked, preserved across re-runs. */
  | "input"
  /**
   * The plan's own text, open to the coordinator's corrections: written from the plan, unlocked, read
   * back like input and compared with the plan before a rebuild (what differs is an edit, see
   * indicatorEdits.ts); not counted as a typed value.
   */
  | "definition"
  /** Formula: locked, rewritten on every run. */
  | "computed";

export type Validation =
  | { type: "list"; values: string[] }
  | { type: "wholeNumber"; min?: number; max?: number }
  | { type: "decimal"; min?: number; max?: number }
  | { type: "date"; min?: string; max?: string };

export interface ValidationSpec {
  /** A1 range, or omitted when attached to a table column (then it covers the column's body). */
  range?: string;
  rule: Validation;
  /** Vietnamese error alert. */
  errorTitle: string;
  errorMessage: string;
  prompt?: string;
}

export interface TableColumn {
  key: string;
  header: string;
  role: ColumnRole;
  width: number;
  format?: CellFormat;
  validation?: ValidationSpec;
  hidden?: boolean;
}

export interface TableRow {
  /** Value of the "key" column; section header rows use a key starting with HEADER_KEY_PREFIX. */
  key: string;
  /** One entry per column, in column order (formulas as "=..."). */
  cells: Scalar[];
  /** Cached results for formula cells (file renderer), same length as `cells`. */
  results?: Scalar[];
  /** Extra format of the whole row (e.g. section header rows). */
  format?: CellFormat;
  /**
   * Per-cell number formats that override the column's, same length as `cells`, null = keep the
   * column's. Needed where one column holds rates in some rows and counts in others (0.95 shown
   * "95%", 2 shown "2").
   */
  numberFormats?: (string | null)[];
}

export interface TableSpec {
  /** Workbook-wide table name, e.g. "tblNhiemVu"; the add-in finds its data by this name. */
  name: string;
  /** Header row's first cell, e.g. "A5". */
  at: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Built-in table style, e.g. "TableStyleLight9". */
  style: string;
  /**
   * Format of the header row on top of the table style, e.g. wrapped, centred headers so narrow
   * columns ("Thời gian hoàn thành") print readably.
   */
  headerFormat?: CellFormat;
  /**
   * Read back keyed rows whose input cells are all empty too (as rows with no values), so a row the
   * user cleared stays cleared instead of being filled again (the "Đơn vị" list prefills its rows).
   */
  keepBlankRows?: boolean;
}

export interface RuleFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export type ConditionalRule =
  | { type: "expression"; range: string; formula: string; format: RuleFormat; stopIfTrue?: boolean }
  | {
      type: "iconSet";
      range: string;
      /** Excel icon set name, e.g. "3TrafficLights1", "3Symbols". */
      iconSet: string;
      /** Thresholds of the 2nd and 3rd icon, as numbers (type "num") or percents (type "percent"). */
      thresholds: { type: "num" | "percent"; value: number }[];
      reverse?: boolean;
    }
  | { type: "dataBar"; range: string; color: string }
  | { type: "colorScale"; range: string; colors: [string, string] | [string, string, string] };

export interface DefinedName {
  name: string;
  /** A1 cell or range on this sheet. */
  ref: string;
  comment?: string;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Rows repeated on every printed page, e.g. "5:5". */
  titleRows?: string;
  fitToWidth?: boolean;
  /**
   * A1 range printed instead of the whole used range, so leadership prints the summary columns
   * and not the 24 monthly input columns.
   */
  printArea?: string;
  /** Centre-header text printed on each page. */
  header?: string;
  /**
   * Rows that start a new printed page (a manual page break above each), so a section's title and
   * table header never print alone at the foot of a page, away from their rows.
   */
  breakBefore?: number[];
}

export interface ChartSpec {
  type: "barClustered" | "columnClustered";
  title: string;
  /** Category labels and values, A1 ranges on this sheet. */
  categories: string;
  values: string;
  seriesName: string;
  /** Top-left cell where the chart is placed, and its size in cells. */
  at: string;
  widthCols: number;
  heightRows: number;
}

export interface SheetLayout {
  /** Stable identity of the sheet for the add-in ("tasks", "units", "indicators"). */
  key: string;
  /** Sheet name shown to users (Vietnamese); users may rename it, the table name finds it again. */
  name: string;
  tabColor?: string;
  /** "veryHidden": data only the add-in and `--from` read (the stored plan); users cannot unhide it. */
  visibility?: "veryHidden";
  font: { name: string; size: number };
  /** Column widths from column A, in character units. */
  columnWidths: number[];
  blocks: Block[];
  table?: TableSpec;
  rules: ConditionalRule[];
  validations: ValidationSpec[];
  names: DefinedName[];
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Protect without a password so staff can lift it; input cells are unlocked. */
  protect?: { allowAutoFilter: boolean; allowSort: boolean; allowFormatColumns: boolean };
  charts: ChartSpec[];
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
}
