/**
 * Never lose what users typed. Two directions:
 * - extractTableInput: a table as read from a workbook (header texts + body cells) → the typed values,
 *   keyed by the hidden key column, columns matched BY HEADER TEXT, so sorting, filtering, inserted
 *   blank rows, reordered columns and a user column added at the right all survive.
 * - applyTableInput: a freshly built table layout + those values → the layout with the values back in
 *   the input cells of the matching rows; user columns appended; values for keys the plan no longer
 *   has ("orphans") kept as extra rows at the end and reported.
 * Pure data; both renderers (Office.js, exceljs) and the layout builders share it.
 */
import type { Scalar, TableColumn, TableRow, TableSpec } from "./model";
import type { UserInput } from "./userInput";
import { parseCell, type CellPos } from "./a1";
import { a1ToR1C1, r1c1ToA1 } from "./formulaRefs";
import { literalText } from "./cellText";

/** table row key → column key → value (what UserInput.tables holds for one table). */
export type TableInputRows = Record<string, Record<string, Scalar>>;

/**
 * Column key of a column the user added to the table: "+" followed by its header text. Such columns
 * are carried over as input columns, so their values follow their rows.
 */
const USER_COLUMN_PREFIX = "+";
/** Key given to a row that had typed values but no key (a row the user inserted): "+1", "+2", … */
export const SYNTHETIC_KEY_PREFIX = "+";

const userColumnKey = (header: string): string => `${USER_COLUMN_PREFIX}${header}`;
const isUserColumnKey = (key: string): boolean => key.startsWith(USER_COLUMN_PREFIX);

export interface ExtractOptions {
  /** For messages ("tblNhiemVu"), where people who know the file's tables read them (the CLI). */
  tableName?: string;
  /** For messages staff read (the task pane): the table is named by its sheet, not its internal name. */
  sheetName?: string;
  /** Older header texts that still identify a column: column key → headers. */
  aliases?: Record<string, readonly string[]>;
  /** Keep keyed rows without any typed value, as rows with no values (TableSpec.keepBlankRows). */
  keepBlankRows?: boolean;
  /**
   * Sheet position of the body's first cell. When given, typed formulas are kept in relative R1C1
   * (see formulaRefs.ts), so they follow their row's key wherever that row is written next.
   */
  origin?: CellPos & {
    /** Sheet row of each body row, when the body skips empty rows (else origin.row + index). */
    rows?: readonly number[];
  };
}

export interface ExtractedTableInput {
  /** False when the table is damaged beyond recognition: then `problems` says why and nothing may change. */
  ok: boolean;
  rows: TableInputRows;
  /** Why the table cannot be used (Vietnamese); non-empty exactly when ok is false. */
  problems: string[];
  /** Things worth telling the user that did not stop anything (Vietnamese). */
  notes: string[];
  /** Header texts of columns the user added (kept as "+header" column keys). */
  userColumns: string[];
}

/** Blank as Excel sees an empty cell; whitespace-only text counts as blank too. */
function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Header text compared loosely: Unicode NFC, whitespace collapsed, case ignored. */
export function normalizeHeader(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}

/** A value worth keeping: finite numbers, booleans, non-blank text (formulas included). */
function keepable(v: unknown): v is Scalar {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "boolean") return true;
  return typeof v === "string" && v.trim() !== "";
}

function keyText(v: unknown): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  // A key that starts with "=" was written as text and is read back as a literal (cellText.ts).
  return typeof v === "string" ? (literalText(v) ?? v).trim() : "";
}

function sameValues(a: Record<string, Scalar>, b: Record<string, Scalar>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function nextSyntheticKey(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${SYNTHETIC_KEY_PREFIX}${n}`)) n += 1;
  const key = `${SYNTHETIC_KEY_PREFIX}${n}`;
  taken.add(key);
  return key;
}

export interface ColumnSlot {
  index: number;
  /** Column key the value is stored under. */
  key: string;
  role: TableColumn["role"] | "user";
}

/**
 * Which column of the table as read is which: each header cell matched by its text (or an alias) to a
 * layout column, the others the user's ("+header"). Renderers use it to read only the columns the
 * merge keeps (key, input and user columns; plan columns only for rows without a key).
 */
export function matchHeader(
  columns: readonly TableColumn[],
  headerRow: readonly Scalar[] | readonly string[],
  aliases?: Record<string, readonly string[]>
): { slots: ColumnSlot[]; matched: Set<string>; userColumns: string[] } {
  const byHeader = new Map<string, TableColumn>();
  for (const col of columns) {
    byHeader.set(normalizeHeader(col.header), col);
    for (const alias of aliases?.[col.key] ?? []) {
      const n = normalizeHeader(alias);
      if (!byHeader.has(n)) byHeader.set(n, col);
    }
  }

  const slots: ColumnSlot[] = [];
  const matched = new Set<string>();
  const userColumns: string[] = [];
  headerRow.forEach((cell, index) => {
    const col = byHeader.get(normalizeHeader(cell));
    if (col && !matched.has(col.key)) {
      matched.add(col.key);
      slots.push({ index, key: col.key, role: col.role });
      return;
    }
    // Not one of ours (or a second column with the same header): the user's, kept under its header.
    const header = isBlankValue(cell) ? `Cột ${index + 1}` : String(cell).trim();
    let key = userColumnKey(header);
    for (let n = 2; slots.some((s) => s.key === key); n += 1)
      key = userColumnKey(`${header} (${n})`);
    slots.push({ index, key, role: "user" });
    userColumns.push(key.slice(USER_COLUMN_PREFIX.length));
  });
  return { slots, matched, userColumns };
}

/** True for a cell value the merge keeps (see keepable). */
export const isKeptValue = (v: unknown): boolean => keepable(v);

/**
 * Reads the typed values of a table. `headerRow` is the table's header texts as read; `body` its rows
 * (formulas or values, as read: a formula cell gives its formula text, which is kept as it is).
 * Keyed rows keep their input-column and user-column values; a row without a key but with typed values
 * gets a synthetic key ("+1") and keeps its plan-column text too, so nothing typed is dropped.
 */
export function extractTableInput(
  columns: readonly TableColumn[],
  headerRow: readonly Scalar[] | readonly string[],
  body: readonly (readonly Scalar[])[],
  opts: ExtractOptions = {}
): ExtractedTableInput {
  const table = opts.sheetName
    ? `bảng trên trang “${opts.sheetName}”`
    : opts.tableName
      ? `bảng ${opts.tableName}`
      : "bảng";
  const problems: string[] = [];
  const notes: string[] = [];

  const { slots, matched, userColumns } = matchHeader(columns, headerRow, opts.aliases);

  const keyColumn = columns.find((c) => c.role === "key");
  const keySlot = slots.find((s) => s.role === "key");
  const inputColumns = columns.filter((c) => c.role === "input");
  if (headerRow.length === 0) {
    problems.push(`Không đọc được dòng tiêu đề của ${table}.`);
  } else if (!keyColumn || !keySlot) {
    problems.push(
      `Không tìm thấy cột khóa “${keyColumn?.header ?? "khóa"}” trong ${table}: không biết dòng nào là nhiệm vụ nào. Hãy khôi phục tên cột (Ctrl+Z hoặc gõ lại tiêu đề) rồi chạy lại.`
    );
  }
  if (
    headerRow.length > 0 &&
    inputColumns.length > 0 &&
    !inputColumns.some((c) => matched.has(c.key))
  ) {
    problems.push(
      `Không tìm thấy cột nhập liệu nào (${inputColumns.map((c) => `“${c.header}”`).join(", ")}) trong ${table}. Hãy khôi phục tiêu đề các cột (Ctrl+Z hoặc gõ lại) rồi chạy lại.`
    );
  }
  if (problems.length > 0) return { ok: false, rows: {}, problems, notes, userColumns };

  for (const col of inputColumns) {
    if (!matched.has(col.key))
      notes.push(`Không thấy cột “${col.header}” trong ${table}; cột sẽ được tạo lại (trống).`);
  }

  const ks = keySlot as ColumnSlot;
  const keptSlots = slots.filter(
    (s) => s.role === "input" || s.role === "definition" || s.role === "user"
  );
  const planSlots = slots.filter((s) => s.role === "plan");
  const taken = new Set<string>(body.map((r) => keyText(r[ks.index])).filter((k) => k !== ""));
  const rows: TableInputRows = {};
  const seen = new Set<string>();
  let keyedRows = 0;
  let rowsWithValues = 0;

  const origin = opts.origin;
  body.forEach((cells, i) => {
    const values: Record<string, Scalar> = {};
    for (const s of keptSlots) {
      const v = cells[s.index];
      if (!keepable(v)) continue;
      values[s.key] =
        origin && typeof v === "string" && v.startsWith("=")
          ? a1ToR1C1(v, origin.rows?.[i] ?? origin.row + i, origin.col + s.index)
          : v;
    }
    let key = keyText(cells[ks.index]);
    if (key !== "") keyedRows += 1;
    if (Object.keys(values).length === 0) {
      if (key !== "") seen.add(key);
      if (key !== "" && opts.keepBlankRows && !(key in rows)) rows[key] = values;
      return;
    }
    rowsWithValues += 1;
    if (key === "") {
      // A row the user inserted and typed into: keep everything typed, plan-column text included.
      for (const s of planSlots) {
        const v = cells[s.index];
        if (keepable(v) && !(typeof v === "string" && v.startsWith("="))) values[s.key] = v;
      }
      key = nextSyntheticKey(taken);
      notes.push(
        `Dòng ${i + 1} của ${table} không có khóa nhưng có dữ liệu: được giữ lại ở cuối bảng (khóa ${key}).`
      );
    } else if (seen.has(key)) {
      const first = rows[key];
      if (first && sameValues(first, values)) return;
      if (first) {
        const copy = nextSyntheticKey(taken);
        notes.push(
          `Khóa “${key}” xuất hiện nhiều lần trong ${table} với dữ liệu khác nhau: bản sau được giữ ở cuối bảng (khóa ${copy}).`
        );
        key = copy;
      }
    }
    seen.add(key);
    rows[key] = values;
  });

  if (rowsWithValues > 0 && keyedRows === 0) {
    return {
      ok: false,
      rows: {},
      problems: [
        `Cột khóa của ${table} bị xóa trắng: không biết dữ liệu đã nhập thuộc nhiệm vụ nào. Hãy khôi phục cột (Ctrl+Z) rồi chạy lại.`,
      ],
      notes,
      userColumns,
    };
  }
  return { ok: true, rows, problems, notes, userColumns };
}

/** Values typed for a row key that the new layout has no row for. */
export interface OrphanInput {
  table: string;
  key: string;
  values: Record<string, Scalar>;
}

/** Row keys with at least one kept value that are not among `knownKeys`, in input order. */
export function findOrphans(
  table: string,
  rows: TableInputRows | undefined,
  knownKeys: Iterable<string>
): OrphanInput[] {
  const known = new Set(knownKeys);
  return Object.entries(rows ?? {})
    .filter(([key, values]) => !known.has(key) && Object.values(values).some(keepable))
    .map(([key, values]) => ({ table, key, values }));
}

/** Header texts of user columns that hold at least one value, in order of first appearance. */
export function userColumnHeaders(
  rows: TableInputRows | undefined,
  specKeys: Iterable<string>
): string[] {
  const known = new Set(specKeys);
  const out: string[] = [];
  for (const values of Object.values(rows ?? {})) {
    for (const [colKey, v] of Object.entries(values)) {
      if (isUserColumnKey(colKey) && !known.has(colKey) && keepable(v)) {
        const header = colKey.slice(USER_COLUMN_PREFIX.length);
        if (!out.includes(header)) out.push(header);
      }
    }
  }
  return out;
}

/** How a carried-over user column looks: an unlocked, wrapped input column. */
function userColumnSpec(header: string): TableColumn {
  return {
    key: userColumnKey(header),
    header,
    role: "input",
    width: 14,
    format: { wrap: true, vertical: "top", locked: false },
  };
}

export interface ApplyOptions {
  /** Builds the row that holds an orphan's values; `rowIndex` is its 0-based index among the table's rows. */
  orphanRow?: (orphan: OrphanInput, rowIndex: number, columns: readonly TableColumn[]) => TableRow;
  /** A header row put before the orphan rows (e.g. "§+" with a title). */
  orphanHeader?: (rowIndex: number, columns: readonly TableColumn[]) => TableRow;
}

export interface AppliedTableInput {
  table: TableSpec;
  orphans: OrphanInput[];
}

function fitRow(row: TableRow, width: number): TableRow {
  // Rows built for these columns already fit (every row but the orphans'): not copied.
  const fits = (xs: readonly unknown[] | undefined): boolean =>
    xs === undefined || xs.length === width;
  if (fits(row.cells) && fits(row.results) && fits(row.numberFormats)) return row;
  const pad = <T>(xs: readonly T[] | undefined): T[] | undefined =>
    xs === undefined
      ? undefined
      : Array.from({ length: width }, (_, i) => (i < xs.length ? xs[i] : (null as T)));
  return {
    ...row,
    cells: pad(row.cells) as Scalar[],
    ...(row.results ? { results: pad(row.results) } : {}),
    ...(row.numberFormats ? { numberFormats: pad(row.numberFormats) } : {}),
  };
}

/**
 * Puts typed values back into a freshly built table: user columns are appended (role "input"),
 * orphan rows appended at the end when `orphanRow` is given (else only reported), then every row whose
 * key has values gets them in its input cells. The table given is not modified.
 */
export function applyTableInput(
  table: TableSpec,
  rows: TableInputRows | undefined,
  opts: ApplyOptions = {}
): AppliedTableInput {
  const input = rows ?? {};
  // Excel needs unique headers: a user column named like one of ours gets a suffix (its key stays).
  const headers = new Set(table.columns.map((c) => normalizeHeader(c.header)));
  const extra = userColumnHeaders(
    input,
    table.columns.map((c) => c.key)
  ).map((header) => {
    let shown = header;
    for (let n = 2; headers.has(normalizeHeader(shown)); n += 1) shown = `${header} (${n})`;
    headers.add(normalizeHeader(shown));
    return { ...userColumnSpec(header), header: shown };
  });
  const columns = [...table.columns, ...extra];
  const outRows = table.rows.map((r) => fitRow(r, columns.length));
  const orphans = findOrphans(
    table.name,
    input,
    table.rows.map((r) => r.key)
  );

  if (opts.orphanRow && orphans.length > 0) {
    if (opts.orphanHeader)
      outRows.push(fitRow(opts.orphanHeader(outRows.length, columns), columns.length));
    for (const orphan of orphans)
      outRows.push(fitRow(opts.orphanRow(orphan, outRows.length, columns), columns.length));
  }

  const writable = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.role === "input" || c.role === "definition");
  const at = parseCell(table.at);
  const filled = outRows.map((row, r) => {
    const values = input[row.key];
    if (!values) return row;
    const cells = [...row.cells];
    for (const { c, i } of writable) {
      const v = values[c.key];
      if (!keepable(v)) continue;
      // Typed formulas are relative R1C1 (extractTableInput): anchored here, at the row's new place.
      cells[i] =
        typeof v === "string" && v.startsWith("=") ? r1c1ToA1(v, at.row + 1 + r, at.col + i) : v;
    }
    return { ...row, cells };
  });
  return { table: { ...table, columns, rows: filled }, orphans };
}

/** Assembles a UserInput from the tables read (only those that extracted cleanly) and the names read. */
export function userInputFrom(
  tables: Record<string, ExtractedTableInput>,
  names: Record<string, Scalar> = {}
): UserInput {
  const out: UserInput = { tables: {}, names: { ...names } };
  for (const [name, extracted] of Object.entries(tables)) {
    if (extracted.ok) out.tables[name] = extracted.rows;
  }
  return out;
}
