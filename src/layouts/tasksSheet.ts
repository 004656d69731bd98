/**
 * The "Nhiệm vụ" sheet: the plan's appendix as an Excel table that staff fill, with live state columns.
 * Plain data (src/layouts/model.ts); drawn by the Office.js and the exceljs renderers alike.
 *
 * Layout (rows are fixed so names and print titles are stable):
 *   1 title · 2 plan title · 3 as-of date (NgayBaoCao) · 4 due-soon window (SoNgaySapDenHan)
 *   5 colour legend · 6 table header (tblNhiemVu) · 7… one row per task, with section header rows.
 * Every formula is plain Excel (Excel 2016, LibreOffice): same-row A1 references and the two names,
 * never CCHC.*; the state rules equal src/domain/taskState.ts through src/domain/unitRollup.ts.
 * docs/sheets.md describes every column.
 */
import type { Plan, Task } from "../plan/types";
import { isoToSerial, parseDateText, serialToIso, todayIso } from "../domain/excelDate";
import {
  DEFAULT_SOON_DAYS,
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
} from "../domain/taskState";
import {
  TASK_STATUS,
  TASK_STATUSES,
  taskDue,
  taskOutcome,
  type TaskInputs,
} from "../domain/unitRollup";
import { cellAddress, columnLetters, rangeAddress } from "./a1";
import type {
  Block,
  CellFormat,
  ConditionalRule,
  DefinedName,
  Scalar,
  SheetLayout,
  TableColumn,
  TableRow,
  TableSpec,
  ValidationSpec,
} from "./model";
import type { UserInput } from "./userInput";
import { applyTableInput, type OrphanInput, type TableInputRows } from "./userInputMerge";

export const TASKS_SHEET_KEY = "tasks";
export const TASKS_SHEET_NAME = "Nhiệm vụ";
export const TASKS_TABLE = "tblNhiemVu";

/** Defined names (workbook-wide) of the two settings cells. */
export const NAME_AS_OF = "NgayBaoCao";
export const NAME_SOON_DAYS = "SoNgaySapDenHan";
/** Defined names over the table body's state and canonical-lead columns, used by "Theo đơn vị". */
export const NAME_STATE_COLUMN = "NV_TinhTrang";
export const NAME_LEAD_COLUMN = "NV_ChuTriChuanHoa";

export const FONT = { name: "Times New Roman", size: 11 } as const;

const TITLE_ROW = 1;
const PLAN_TITLE_ROW = 2;
export const AS_OF_ROW = 3;
export const SOON_DAYS_ROW = 4;
const LEGEND_ROW = 5;
export const TASKS_HEADER_ROW = 6;
export const TASKS_FIRST_BODY_ROW = TASKS_HEADER_ROW + 1;
/** Settings: label in B:D, value in E, hint in F:K. */
const SETTINGS_LABEL_COL = 2;
const SETTINGS_VALUE_COL = 5;
const SETTINGS_HINT_COL = 6;
const SETTINGS_HINT_LAST_COL = 11;

export const DATE_FORMAT = "dd/mm/yyyy";
/** Key prefix of rows that are not tasks (section headers, orphan group header, orphan objectives). */
export const HEADER_KEY_PREFIX = "§";

/** Colours of the state highlighting (fill, font), shared by the rules and the legend. */
export const STATE_COLORS = {
  [STATE_OVERDUE]: { fill: "#FFC7CE", font: "#9C0006" },
  [STATE_DUE_SOON]: { fill: "#FFEB9C", font: "#9C5700" },
  [STATE_DONE]: { fill: "#C6EFCE", font: "#006100" },
  [STATE_DONE_LATE]: { fill: "#F8CBAD", font: "#833C0B" },
  [STATE_NOT_APPLICABLE]: { fill: "#D9D9D9", font: "#595959" },
} as const;
const HIGHLIGHTED_STATES = [
  STATE_OVERDUE,
  STATE_DUE_SOON,
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_NOT_APPLICABLE,
] as const;

const SECTION_FORMAT: CellFormat = { font: { bold: true }, fill: "#DDEBF7", locked: true };
const SUBSECTION_FORMAT: CellFormat = {
  font: { bold: true, italic: true },
  fill: "#EDF3FA",
  locked: true,
};
const NOTE_ROW_FORMAT: CellFormat = { font: { italic: true, color: "#595959" }, locked: true };

const text: CellFormat = { wrap: true, vertical: "top" };
const centred: CellFormat = { wrap: true, vertical: "top", horizontal: "center" };
const input = (f: CellFormat): CellFormat => ({ ...f, locked: false });

/** Column keys of tblNhiemVu, in sheet order from column A. "status" and "doneDate" are what unitRollup reads. */
export const TASK_COLUMN_KEYS = [
  "key",
  "section",
  "objective",
  "code",
  "task",
  "activities",
  "outputs",
  "lead",
  "coord",
  "deadline",
  "note",
  "status",
  "doneDate",
  "progress",
  "evidence",
  "updateNote",
  "due",
  "state",
  "daysLate",
  "leadKeys",
] as const;
export type TaskColumnKey = (typeof TASK_COLUMN_KEYS)[number];

/** 1-based sheet column of a task column (A = 1). */
export const taskColumn = (key: TaskColumnKey): number => TASK_COLUMN_KEYS.indexOf(key) + 1;
const letter = (key: TaskColumnKey): string => columnLetters(taskColumn(key));

function statusValidation(): ValidationSpec {
  return {
    rule: { type: "list", values: [...TASK_STATUSES] },
    errorTitle: "Trạng thái không hợp lệ",
    errorMessage: `Chọn một trong: ${TASK_STATUSES.join(", ")}.`,
    prompt: "Chọn trạng thái thực hiện nhiệm vụ.",
  };
}

function doneDateValidation(year: number): ValidationSpec {
  return {
    rule: { type: "date", min: `${year - 1}-01-01`, max: `${year + 5}-12-31` },
    errorTitle: "Ngày hoàn thành không hợp lệ",
    errorMessage: `Nhập ngày dạng dd/mm/yyyy, từ 01/01/${year - 1} đến 31/12/${year + 5}.`,
    prompt: "Ngày nhiệm vụ hoàn thành (dd/mm/yyyy). Có ngày là tính đã hoàn thành.",
  };
}

const progressValidation: ValidationSpec = {
  rule: { type: "decimal", min: 0, max: 100 },
  errorTitle: "Tiến độ không hợp lệ",
  errorMessage: "Nhập một số từ 0 đến 100 (phần trăm khối lượng đã làm).",
};

/** The table's columns (before any user column is appended). */
export function taskColumns(year: number): TableColumn[] {
  const cols: Record<TaskColumnKey, TableColumn> = {
    key: {
      key: "key",
      header: "Khóa",
      role: "key",
      width: 9,
      hidden: true,
      format: { locked: true },
    },
    section: { key: "section", header: "Phần", role: "plan", width: 5, format: centred },
    objective: { key: "objective", header: "Mục tiêu", role: "plan", width: 18, format: text },
    code: { key: "code", header: "Mã", role: "plan", width: 5, format: centred },
    task: { key: "task", header: "Nhiệm vụ trọng tâm", role: "plan", width: 22, format: text },
    activities: { key: "activities", header: "Hoạt động", role: "plan", width: 23, format: text },
    outputs: { key: "outputs", header: "Kết quả/sản phẩm", role: "plan", width: 17, format: text },
    lead: { key: "lead", header: "Chủ trì", role: "plan", width: 12, format: text },
    coord: { key: "coord", header: "Phối hợp", role: "plan", width: 10, format: text },
    deadline: {
      key: "deadline",
      header: "Thời gian hoàn thành",
      role: "plan",
      width: 10,
      format: centred,
    },
    note: { key: "note", header: "Ghi chú", role: "plan", width: 6, format: text },
    status: {
      key: "status",
      header: "Trạng thái",
      role: "input",
      width: 11,
      format: input(text),
      validation: statusValidation(),
    },
    doneDate: {
      key: "doneDate",
      header: "Ngày hoàn thành",
      role: "input",
      width: 10.5,
      format: input({ ...centred, numberFormat: DATE_FORMAT }),
      validation: doneDateValidation(year),
    },
    progress: {
      key: "progress",
      header: "Tiến độ (%)",
      role: "input",
      width: 6.5,
      format: input({ ...centred, numberFormat: "0" }),
      validation: progressValidation,
    },
    evidence: {
      key: "evidence",
      header: "Minh chứng",
      role: "input",
      width: 11,
      format: input(text),
    },
    updateNote: {
      key: "updateNote",
      header: "Ghi chú cập nhật",
      role: "input",
      width: 11,
      format: input(text),
    },
    due: {
      key: "due",
      header: "Hạn",
      role: "computed",
      width: 10.5,
      format: { ...centred, numberFormat: DATE_FORMAT, locked: true },
    },
    state: {
      key: "state",
      header: "Tình trạng",
      role: "computed",
      width: 11,
      format: { ...centred, locked: true },
    },
    daysLate: {
      key: "daysLate",
      header: "Số ngày trễ",
      role: "computed",
      width: 6,
      // Zero shows as an empty cell: leadership reads the late ones.
      format: { ...centred, numberFormat: "0;-0;;@", locked: true },
    },
    leadKeys: {
      key: "leadKeys",
      header: "Chủ trì (chuẩn hoá)",
      role: "plan",
      width: 20,
      hidden: true,
      format: { locked: true },
    },
  };
  return TASK_COLUMN_KEYS.map((k) => cols[k]);
}

/** Header aliases accepted when reading an older table (extractTableInput's `aliases`). */
export const TASK_HEADER_ALIASES: Record<string, readonly string[]> = {
  key: ["Khoá", "Key"],
  progress: ["Tiến độ", "Tiến độ %"],
  updateNote: ["Ghi chú cập nhật tiến độ"],
};

// ---------------------------------------------------------------------------------------------
// Canonical lead column and the unit filter

/**
 * Separator of the units in the hidden column. Not "|": HyperFormula (and LibreOffice with regular
 * expressions on) read criteria as patterns where "|" means "or", so "*|A|*" would match everything.
 * ";" is neither a wildcard nor a pattern character, and no unit name in the plan contains it.
 */
export const UNIT_SEPARATOR = ";";

/** A unit name as stored between separators: a separator inside a name becomes ",". */
const unitToken = (unit: string): string => unit.split(UNIT_SEPARATOR).join(",");

/** The hidden "Chủ trì (chuẩn hoá)" value: ";Văn phòng Sở;Bộ phận một cửa;"; "" when no lead unit. */
export function leadKeysCell(lead: readonly string[]): string {
  const units = [...new Set(lead.map(unitToken))];
  return units.length === 0
    ? ""
    : `${UNIT_SEPARATOR}${units.join(UNIT_SEPARATOR)}${UNIT_SEPARATOR}`;
}

/** Escapes COUNTIFS / AutoFilter wildcards (* ? ~) so a unit name matches literally. */
export function escapeWildcards(s: string): string {
  return s.replace(/[~*?]/g, (c) => `~${c}`);
}

/**
 * Criterion that matches the hidden lead column of tasks led by `unit` (COUNTIFS, and the table's
 * AutoFilter "equals" criterion): "*;Văn phòng Sở;*". The separators keep "Văn phòng Sở" from
 * matching inside a longer unit name.
 */
export function unitCriterion(unit: string): string {
  return `*${UNIT_SEPARATOR}${escapeWildcards(unitToken(unit))}${UNIT_SEPARATOR}*`;
}

/** Criterion matching every task that has a lead unit (the hidden value starts with the separator). */
export const ANY_UNIT_CRITERION = `${UNIT_SEPARATOR}*`;

// ---------------------------------------------------------------------------------------------
// Formulas (same-row A1 references; `r` is the sheet row)

/** Excel string literal. */
export const xlString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function dueFormula(due: string | null): string {
  if (due === null) return '=""';
  const [y, m, d] = due.split("-").map(Number);
  return `=DATE(${y},${m},${d})`;
}

/** "Tình trạng": taskState() of the typed values, as in docs/sheets.md. */
export function stateFormula(r: number): string {
  const S = `${letter("status")}${r}`;
  const D = `${letter("doneDate")}${r}`;
  const H = `${letter("due")}${r}`;
  const asOf = `INT(${NAME_AS_OF})`;
  const q = xlString;
  return (
    `=IF(${S}=${q(TASK_STATUS.notApplicable)},${q(STATE_NOT_APPLICABLE)},` +
    `IF(OR(ISNUMBER(${D}),${S}=${q(TASK_STATUS.done)}),` +
    `IF(OR(NOT(ISNUMBER(${D})),NOT(ISNUMBER(${H})),INT(${D})<=${H}),${q(STATE_DONE)},${q(STATE_DONE_LATE)}),` +
    `IF(NOT(ISNUMBER(${H})),${q(STATE_RECURRING)},` +
    `IF(${asOf}>${H},${q(STATE_OVERDUE)},` +
    `IF(${H}-${asOf}<=${NAME_SOON_DAYS},${q(STATE_DUE_SOON)},${q(STATE_ON_TRACK)})))))`
  );
}

/** "Số ngày trễ": daysLate() of the typed values. */
export function daysLateFormula(r: number): string {
  const S = `${letter("status")}${r}`;
  const D = `${letter("doneDate")}${r}`;
  const H = `${letter("due")}${r}`;
  const q = xlString;
  return (
    `=IF(OR(${S}=${q(TASK_STATUS.notApplicable)},NOT(ISNUMBER(${H}))),0,` +
    `IF(ISNUMBER(${D}),MAX(0,INT(${D})-${H}),` +
    `IF(${S}=${q(TASK_STATUS.done)},0,MAX(0,INT(${NAME_AS_OF})-${H}))))`
  );
}

/** Conditional-format formula for the body's first row: the row's own "Tình trạng" cell. */
export function stateRuleFormula(firstBodyRow: number, state: string): string {
  return `=$${letter("state")}${firstBodyRow}=${xlString(state)}`;
}

// ---------------------------------------------------------------------------------------------
// Report settings (as-of date, due-soon window)

export interface TasksSheetOptions {
  /** ISO date → NgayBaoCao fixed to it; null → "=TODAY()"; omitted → the user's cell value, else "=TODAY()". */
  asOf?: string | null;
  /** Due-soon window in days; omitted → the user's cell value, else 7. */
  soonDays?: number;
  userInput?: UserInput;
  /** Today's ISO date for the cached results of "=TODAY()" (default: the machine's local date). */
  today?: string;
}

export interface ReportSettings {
  /** Content of the NgayBaoCao cell: a date serial, or a formula ("=TODAY()", or the user's own). */
  asOfCell: Scalar;
  /** The as-of date the cached results are computed for (ISO). */
  asOf: string;
  soonDaysCell: Scalar;
  soonDays: number;
  notes: string[];
}

const TODAY_FORMULA = "=TODAY()";

/** An ISO date Excel can hold as a date. */
const isValidIso = (iso: string): boolean => isoToSerial(iso) !== null;

function evaluateAsOfFormula(formula: string, today: string): string | null {
  const f = formula.replace(/\s+/g, "").toUpperCase();
  if (f === TODAY_FORMULA) return today;
  const m = /^=DATE\((\d{4}),(\d{1,2}),(\d{1,2})\)$/.exec(f);
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
    return isValidIso(iso) ? iso : null;
  }
  return null;
}

/**
 * What NgayBaoCao and SoNgaySapDenHan will hold, and the values the cached results use.
 * A fixed date or window the user set in the workbook is kept unless the caller sets one.
 */
export function resolveReportSettings(opts: TasksSheetOptions): ReportSettings {
  const today = opts.today ?? todayIso();
  if (!isValidIso(today)) throw new RangeError(`Ngày hôm nay không hợp lệ: ${today}`);
  const notes: string[] = [];
  const names = opts.userInput?.names ?? {};

  let asOfCell: Scalar = TODAY_FORMULA;
  let asOf = today;
  if (typeof opts.asOf === "string") {
    const serial = isValidIso(opts.asOf) ? isoToSerial(opts.asOf) : null;
    if (serial === null)
      throw new RangeError(`Ngày báo cáo không hợp lệ: "${opts.asOf}" (cần YYYY-MM-DD).`);
    asOfCell = serial;
    asOf = opts.asOf;
  } else if (opts.asOf === undefined) {
    const kept = names[NAME_AS_OF];
    if (typeof kept === "number") {
      const iso = serialToIso(kept);
      if (iso !== null && iso !== "1900-02-29") {
        asOfCell = kept;
        asOf = iso;
      } else notes.push(`Ngày báo cáo cũ (${kept}) không phải là ngày hợp lệ: dùng ngày hôm nay.`);
    } else if (typeof kept === "string" && kept.trim().startsWith("=")) {
      asOfCell = kept.trim();
      const evaluated = evaluateAsOfFormula(kept, today);
      asOf = evaluated ?? today;
      if (evaluated === null)
        notes.push(`Giữ công thức ngày báo cáo ${kept}; giá trị tạm tính theo ngày hôm nay.`);
    } else if (typeof kept === "string" && kept.trim() !== "") {
      const iso = parseDateText(kept);
      const serial = iso === null ? null : isoToSerial(iso);
      if (iso !== null && serial !== null) {
        asOfCell = serial;
        asOf = iso;
      } else notes.push(`Ngày báo cáo cũ "${kept}" không đọc được: dùng ngày hôm nay.`);
    }
  }

  let soonDaysCell: Scalar = DEFAULT_SOON_DAYS;
  let soonDays: number = DEFAULT_SOON_DAYS;
  if (opts.soonDays !== undefined) {
    if (!(Number.isFinite(opts.soonDays) && opts.soonDays >= 0)) {
      throw new RangeError(
        `Số ngày "sắp đến hạn" không hợp lệ: ${opts.soonDays} (cần một số không âm).`
      );
    }
    soonDaysCell = opts.soonDays;
    soonDays = opts.soonDays;
  } else {
    const kept = names[NAME_SOON_DAYS];
    if (typeof kept === "number" && Number.isFinite(kept) && kept >= 0) {
      soonDaysCell = kept;
      soonDays = kept;
    } else if (typeof kept === "string" && kept.trim().startsWith("=")) {
      soonDaysCell = kept.trim();
      notes.push(
        `Giữ công thức số ngày "sắp đến hạn" ${kept}; giá trị tạm tính là ${DEFAULT_SOON_DAYS}.`
      );
    } else if (
      kept !== undefined &&
      kept !== null &&
      !(typeof kept === "string" && kept.trim() === "")
    ) {
      notes.push(
        `Số ngày "sắp đến hạn" cũ (${String(kept)}) không hợp lệ: dùng ${DEFAULT_SOON_DAYS}.`
      );
    }
  }
  return { asOfCell, asOf, soonDaysCell, soonDays, notes };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** Text that cannot be mistaken for a formula by a renderer ("=…" is a formula in the model). */
export function plainText(s: string): string {
  return /^[=+\-@]/.test(s) ? ` ${s}` : s;
}

/** A list cell: one item per line, bulleted when there are several. */
export function listText(items: readonly string[]): string {
  const clean = items.map((s) => s.trim().replace(/^[-–•+]\s*/, "")).filter((s) => s !== "");
  if (clean.length === 1) return plainText(clean[0]);
  return clean.map((s) => `• ${s}`).join("\n");
}

function objectiveText(o: Task["objective"]): string {
  const t = o.text.trim();
  if (o.code === "" || t.startsWith(o.code)) return plainText(t);
  return plainText(`${o.code}. ${t}`);
}

function sectionLabel(task: Pick<Task, "section" | "subsection">): string {
  return task.subsection ? `${task.section} (${task.subsection})` : task.section;
}

interface RowContext {
  width: number;
  rowOf: (index: number) => number;
}

function blankCells(width: number): Scalar[] {
  return Array.from({ length: width }, () => null);
}

function put(cells: Scalar[], key: TaskColumnKey, value: Scalar): void {
  cells[taskColumn(key) - 1] = value;
}

function headerRow(
  key: string,
  section: string,
  title: string,
  format: CellFormat,
  width: number
): TableRow {
  const cells = blankCells(width);
  put(cells, "key", key);
  put(cells, "section", section);
  put(cells, "objective", plainText(title));
  return { key, cells, results: blankCells(width), format };
}

/** Formula cells of a task-like row (due, state, days late) at sheet row `r`. */
function computedCells(cells: Scalar[], due: string | null, r: number): void {
  put(cells, "due", dueFormula(due));
  put(cells, "state", stateFormula(r));
  put(cells, "daysLate", daysLateFormula(r));
}

function taskRow(task: Task, r: number, width: number): TableRow {
  const cells = blankCells(width);
  put(cells, "key", task.key);
  put(cells, "section", sectionLabel(task));
  put(cells, "objective", objectiveText(task.objective));
  put(cells, "code", task.code);
  put(cells, "task", plainText(task.text));
  put(cells, "activities", listText(task.activities));
  put(cells, "outputs", listText(task.outputs));
  put(cells, "lead", plainText(task.leadText));
  put(cells, "coord", plainText(task.coordText));
  put(cells, "deadline", plainText(task.deadline.text));
  put(cells, "note", plainText(task.note));
  put(cells, "leadKeys", leadKeysCell(task.lead));
  computedCells(cells, taskDue(task), r);
  return { key: task.key, cells };
}

function orphanObjectiveRow(o: Plan["orphanObjectives"][number], width: number): TableRow {
  const key = `${HEADER_KEY_PREFIX}MT:${o.section}:${o.subsection ?? ""}:${o.code}`;
  const cells = blankCells(width);
  put(cells, "key", key);
  put(cells, "section", sectionLabel(o));
  put(cells, "objective", objectiveText({ code: o.code, text: o.text }));
  put(cells, "task", "(Tài liệu không ghi nhiệm vụ cho mục tiêu này)");
  return { key, cells, results: blankCells(width), format: NOTE_ROW_FORMAT };
}

const ORPHAN_GROUP_KEY = `${HEADER_KEY_PREFIX}+`;

/** A row holding values typed for a task the plan no longer has (or a row the user added). */
function orphanRow(orphan: OrphanInput, r: number, width: number): TableRow {
  const cells = blankCells(width);
  const v = orphan.values;
  put(cells, "key", orphan.key);
  const fromUser = (k: TaskColumnKey): Scalar => {
    const x = v[k];
    return typeof x === "string" ? plainText(x) : typeof x === "number" ? x : null;
  };
  const code = /^(.+)#\d+$/.exec(orphan.key)?.[1] ?? null;
  put(cells, "section", fromUser("section"));
  put(cells, "objective", fromUser("objective"));
  put(cells, "code", fromUser("code") ?? code);
  put(
    cells,
    "task",
    fromUser("task") ??
      (code !== null
        ? "(Nhiệm vụ không còn trong kế hoạch – dữ liệu đã nhập được giữ lại)"
        : "(Dòng do người dùng thêm)")
  );
  for (const k of ["activities", "outputs", "lead", "coord", "deadline", "note"] as const)
    put(cells, k, fromUser(k));
  computedCells(cells, null, r);
  return { key: orphan.key, cells };
}

/** Tasks of a section (or subsection) in document order. */
function tasksIn(plan: Plan, section: string, subsection: string | null): Task[] {
  return plan.tasks.filter((t) => t.section === section && (t.subsection ?? null) === subsection);
}

function planRows(plan: Plan, ctx: RowContext): TableRow[] {
  const rows: TableRow[] = [];
  const push = (make: (r: number) => TableRow): void => {
    rows.push(make(ctx.rowOf(rows.length)));
  };
  const placed = new Set<string>();
  const objectivesOf = (section: string, sub: string | null) =>
    plan.orphanObjectives.filter((o) => o.section === section && (o.subsection ?? null) === sub);

  for (const section of plan.sections) {
    push(() =>
      headerRow(
        `${HEADER_KEY_PREFIX}${section.id}`,
        section.id,
        `${section.id}. ${section.title}`,
        SECTION_FORMAT,
        ctx.width
      )
    );
    const groups: (string | null)[] = [null, ...section.subsections.map((s) => s.id)];
    for (const sub of groups) {
      if (sub !== null) {
        const title = section.subsections.find((s) => s.id === sub)?.title ?? "";
        push(() =>
          headerRow(
            `${HEADER_KEY_PREFIX}${sub}`,
            sub,
            `${sub}. ${title}`,
            SUBSECTION_FORMAT,
            ctx.width
          )
        );
      }
      for (const task of tasksIn(plan, section.id, sub)) {
        placed.add(task.key);
        push((r) => taskRow(task, r, ctx.width));
      }
      for (const o of objectivesOf(section.id, sub)) push(() => orphanObjectiveRow(o, ctx.width));
    }
  }
  // Tasks whose section is not among plan.sections still get a row (a data problem must stay visible).
  const rest = plan.tasks.filter((t) => !placed.has(t.key));
  if (rest.length > 0) {
    push(() =>
      headerRow(
        `${HEADER_KEY_PREFIX}?`,
        "",
        "Nhiệm vụ không thuộc phần nào của kế hoạch",
        SECTION_FORMAT,
        ctx.width
      )
    );
    for (const task of rest) push((r) => taskRow(task, r, ctx.width));
  }
  if (rows.length === 0) {
    push(() =>
      headerRow(
        `${HEADER_KEY_PREFIX}0`,
        "",
        "Kế hoạch không có nhiệm vụ nào",
        NOTE_ROW_FORMAT,
        ctx.width
      )
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Cached results

function cachedResults(
  row: TableRow,
  inputs: TableInputRows,
  settings: ReportSettings
): Scalar[] | undefined {
  if (row.key.startsWith(HEADER_KEY_PREFIX)) return row.results;
  const results = blankCells(row.cells.length);
  const dueCell = row.cells[taskColumn("due") - 1];
  const m = typeof dueCell === "string" ? /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(dueCell) : null;
  const due = m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : null;
  const typed = inputs[row.key];
  const { state, daysLate } = taskOutcome(due, typed, settings.asOf, settings.soonDays);
  results[taskColumn("due") - 1] = due === null ? "" : isoToSerial(due);
  results[taskColumn("state") - 1] = state;
  results[taskColumn("daysLate") - 1] = daysLate;
  return results;
}

// ---------------------------------------------------------------------------------------------
// The sheet

export interface TasksSheetBuild {
  sheet: SheetLayout;
  settings: ReportSettings;
  /** Values typed for rows the plan no longer has; kept as rows at the end of the table. */
  orphans: OrphanInput[];
  /** The table's input rows as used (UserInput.tables.tblNhiemVu, or {}). */
  inputs: TableInputRows;
  /** Sheet rows of the table body (first and last). */
  bodyRows: { first: number; last: number };
}

function settingsBlocks(settings: ReportSettings, lastCol: number, plan: Plan): Block[] {
  const label = (row: number, s: string): Block => ({
    at: cellAddress(row, SETTINGS_LABEL_COL),
    cells: [[s, null, null]],
    merge: true,
    format: { font: { bold: true }, horizontal: "right", vertical: "center" },
  });
  const hint = (row: number, s: string): Block => ({
    at: cellAddress(row, SETTINGS_HINT_COL),
    cells: [[s, ...Array.from({ length: SETTINGS_HINT_LAST_COL - SETTINGS_HINT_COL }, () => null)]],
    merge: true,
    format: { font: { italic: true, color: "#595959" }, vertical: "center" },
  });
  const width = lastCol - 1;
  const asOfSerial = isoToSerial(settings.asOf);
  const asOfIsFormula = typeof settings.asOfCell === "string";
  const soonIsFormula = typeof settings.soonDaysCell === "string";
  return [
    {
      at: cellAddress(TITLE_ROW, 2),
      cells: [
        [
          `THEO DÕI THỰC HIỆN NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM ${plan.year}`,
          ...blankCells(width - 1),
        ],
      ],
      merge: true,
      format: { font: { bold: true, size: 14 }, horizontal: "center", vertical: "center" },
    },
    {
      at: cellAddress(PLAN_TITLE_ROW, 2),
      cells: [[plainText(plan.title), ...blankCells(width - 1)]],
      merge: true,
      format: { font: { italic: true }, horizontal: "center", vertical: "center" },
    },
    label(AS_OF_ROW, "Ngày báo cáo:"),
    {
      at: cellAddress(AS_OF_ROW, SETTINGS_VALUE_COL),
      cells: [[settings.asOfCell]],
      ...(asOfIsFormula ? { results: [[asOfSerial]] } : {}),
      format: {
        numberFormat: DATE_FORMAT,
        horizontal: "left",
        font: { bold: true, color: "#C00000" },
        locked: false,
        border: "thin",
      },
    },
    hint(
      AS_OF_ROW,
      "Công thức =TODAY() là hôm nay; nhập một ngày (dd/mm/yyyy) để xem tình trạng tại ngày đó."
    ),
    label(SOON_DAYS_ROW, "Số ngày “sắp đến hạn”:"),
    {
      at: cellAddress(SOON_DAYS_ROW, SETTINGS_VALUE_COL),
      cells: [[settings.soonDaysCell]],
      ...(soonIsFormula ? { results: [[settings.soonDays]] } : {}),
      format: {
        numberFormat: "0",
        horizontal: "left",
        font: { bold: true },
        locked: false,
        border: "thin",
      },
    },
    hint(SOON_DAYS_ROW, "Nhiệm vụ chưa xong, còn không quá số ngày này đến hạn, được tô vàng."),
    label(LEGEND_ROW, "Chú thích màu:"),
    ...HIGHLIGHTED_STATES.map((state, i): Block => ({
      at: cellAddress(LEGEND_ROW, SETTINGS_VALUE_COL + i),
      cells: [[state]],
      format: {
        fill: STATE_COLORS[state].fill,
        font: { color: STATE_COLORS[state].font, bold: true },
        horizontal: "center",
        vertical: "center",
        // "Hoàn thành trễ hạn" is wider than the narrow columns H and I: wrap rather than clip.
        wrap: true,
        border: "thin",
      },
    })),
  ];
}

function settingsValidations(): ValidationSpec[] {
  return [
    {
      range: cellAddress(AS_OF_ROW, SETTINGS_VALUE_COL),
      rule: { type: "date", min: "1900-03-01", max: "9999-12-31" },
      errorTitle: "Ngày báo cáo không hợp lệ",
      errorMessage: "Nhập một ngày dạng dd/mm/yyyy, hoặc công thức =TODAY() để lấy ngày hôm nay.",
      prompt: "Ngày dùng để tính quá hạn / sắp đến hạn.",
    },
    {
      range: cellAddress(SOON_DAYS_ROW, SETTINGS_VALUE_COL),
      rule: { type: "wholeNumber", min: 0, max: 366 },
      errorTitle: "Số ngày không hợp lệ",
      errorMessage: "Nhập số ngày nguyên từ 0 đến 366.",
    },
  ];
}

/** Builds the sheet and reports what was carried over. */
export function composeTasksSheet(plan: Plan, opts: TasksSheetOptions = {}): TasksSheetBuild {
  const settings = resolveReportSettings(opts);
  const columns = taskColumns(plan.year);
  const width = columns.length;
  const rowOf = (index: number): number => TASKS_FIRST_BODY_ROW + index;
  const base: TableSpec = {
    name: TASKS_TABLE,
    at: cellAddress(TASKS_HEADER_ROW, 1),
    columns,
    rows: planRows(plan, { width, rowOf }),
    style: "TableStyleLight9",
    headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
  };

  const inputs: TableInputRows = opts.userInput?.tables[TASKS_TABLE] ?? {};
  const applied = applyTableInput(base, inputs, {
    orphanHeader: () =>
      headerRow(
        ORPHAN_GROUP_KEY,
        "",
        "Dữ liệu đã nhập cho các dòng không còn trong kế hoạch (được giữ lại, không tính vào thống kê)",
        SECTION_FORMAT,
        width
      ),
    orphanRow: (orphan, index) => orphanRow(orphan, rowOf(index), width),
  });
  const rows = applied.table.rows.map((row) => ({
    ...row,
    results: cachedResults(row, inputs, settings),
  }));
  const table: TableSpec = { ...applied.table, rows };

  const first = TASKS_FIRST_BODY_ROW;
  const last = TASKS_FIRST_BODY_ROW + rows.length - 1;
  const lastCol = table.columns.length;
  const body = rangeAddress(first, 1, last, lastCol);
  const columnRange = (key: TaskColumnKey): string =>
    rangeAddress(first, taskColumn(key), last, taskColumn(key), true);

  const rules: ConditionalRule[] = HIGHLIGHTED_STATES.map((state) => ({
    type: "expression",
    range: body,
    formula: stateRuleFormula(first, state),
    format: { fill: STATE_COLORS[state].fill, fontColor: STATE_COLORS[state].font },
    stopIfTrue: true,
  }));

  const names: DefinedName[] = [
    {
      name: NAME_AS_OF,
      ref: cellAddress(AS_OF_ROW, SETTINGS_VALUE_COL, true),
      comment: "Ngày báo cáo: =TODAY() hoặc một ngày cố định",
    },
    {
      name: NAME_SOON_DAYS,
      ref: cellAddress(SOON_DAYS_ROW, SETTINGS_VALUE_COL, true),
      comment: "Số ngày trước hạn được coi là sắp đến hạn",
    },
    {
      name: NAME_STATE_COLUMN,
      ref: columnRange("state"),
      comment: "Cột Tình trạng của bảng tblNhiemVu",
    },
    {
      name: NAME_LEAD_COLUMN,
      ref: columnRange("leadKeys"),
      comment: "Cột Chủ trì (chuẩn hoá) của bảng tblNhiemVu",
    },
  ];

  const sheet: SheetLayout = {
    key: TASKS_SHEET_KEY,
    name: TASKS_SHEET_NAME,
    tabColor: "#1F4E79",
    font: { ...FONT },
    columnWidths: table.columns.map((c) => c.width),
    blocks: settingsBlocks(settings, taskColumn("daysLate"), plan),
    table,
    rules,
    validations: settingsValidations(),
    names,
    freeze: { rows: TASKS_HEADER_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${TASKS_HEADER_ROW}:${TASKS_HEADER_ROW}`,
      fitToWidth: true,
      header: `Theo dõi nhiệm vụ CCHC năm ${plan.year}`,
    },
    protect: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
    charts: [],
  };
  return { sheet, settings, orphans: applied.orphans, inputs, bodyRows: { first, last } };
}

/** The "Nhiệm vụ" sheet layout. */
export function buildTasksSheet(plan: Plan, opts: TasksSheetOptions = {}): SheetLayout {
  return composeTasksSheet(plan, opts).sheet;
}

/** Typed inputs of the task table in the shape unitRollup reads. */
export function taskInputsOf(userInput: UserInput | undefined): TaskInputs {
  return userInput?.tables[TASKS_TABLE] ?? {};
}
