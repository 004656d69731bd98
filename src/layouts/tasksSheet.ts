/**
 * The "Nhiệm vụ" sheet: the plan's appendix as an Excel table that staff fill, with live state columns.
 * This module holds what other modules find the sheet by (names, positions) and its columns; the
 * formulas are in ./tasksFormulas, the report settings in ./reportSettings, the rows in ./tasksRows and
 * the assembly in ./tasksAssembly. docs/sheets.md describes every column.
 *
 * Layout (rows are fixed so names and print titles are stable):
 *   1 title · 2 plan title · 3 as-of date (NgayBaoCao) · 4 due-soon window (SoNgaySapDenHan)
 *   5 colour legend · 6 table header (tblNhiemVu) · 7… one row per task, with section header rows.
 */
import { TASK_STATUSES, type TaskInputs } from "../domain/unitRollup";
import { cellAddress } from "./a1";
import type { CellFormat, TableColumn, ValidationSpec } from "./model";
import { DATE_FORMAT } from "./style";
import type { UserInput } from "./userInput";

export const TASKS_SHEET_KEY = "tasks";
export const TASKS_SHEET_NAME = "Nhiệm vụ";
export const TASKS_TABLE = "tblNhiemVu";

/** Defined names (workbook-wide) of the two settings cells. */
export const NAME_AS_OF = "NgayBaoCao";
export const NAME_SOON_DAYS = "SoNgaySapDenHan";
/** Defined names over the table body's state and canonical-lead columns, used by "Theo đơn vị". */
export const NAME_STATE_COLUMN = "NV_TinhTrang";
export const NAME_LEAD_COLUMN = "NV_ChuTriChuanHoa";

export const TITLE_ROW = 1;
export const PLAN_TITLE_ROW = 2;
export const AS_OF_ROW = 3;
export const SOON_DAYS_ROW = 4;
export const LEGEND_ROW = 5;
export const TASKS_HEADER_ROW = 6;
export const TASKS_FIRST_BODY_ROW = TASKS_HEADER_ROW + 1;
/** Settings: label in B:D, value in E, hint in F:H (inside the printed columns). */
export const SETTINGS_LABEL_COL = 2;
export const SETTINGS_VALUE_COL = 5;
export const SETTINGS_HINT_COL = 6;
export const SETTINGS_HINT_LAST_COL = 8;
/** Colour legend: label in B:C, the five state colours in D:H. */
export const LEGEND_FIRST_COL = 4;
/** The settings cells NgayBaoCao and SoNgaySapDenHan name ("E3", "E4"). */
export const AS_OF_CELL = cellAddress(AS_OF_ROW, SETTINGS_VALUE_COL);
export const SOON_DAYS_CELL = cellAddress(SOON_DAYS_ROW, SETTINGS_VALUE_COL);

const text: CellFormat = { wrap: true, vertical: "top" };
const centred: CellFormat = { wrap: true, vertical: "top", horizontal: "center" };
/** One line (screen-only columns): never makes the row taller. */
const line: CellFormat = { wrap: false, vertical: "top" };
const input = (f: CellFormat): CellFormat => ({ ...f, locked: false });

/** Column keys of tblNhiemVu, in sheet order from column A. "status" and "doneDate" are what unitRollup reads. */
export const TASK_COLUMN_KEYS = [
  "key",
  // Printed (B:H, the print area): what a printed copy needs.
  "code",
  "task",
  "lead",
  "due",
  "state",
  "daysLate",
  "updateNote",
  // Screen only: the other inputs staff fill, then the plan's details.
  "status",
  "doneDate",
  "progress",
  "evidence",
  "deadline",
  "activities",
  "outputs",
  "coord",
  "note",
  "objective",
  "section",
  "leadKeys",
  "leadText",
] as const;
export type TaskColumnKey = (typeof TASK_COLUMN_KEYS)[number];

/** 1-based sheet column of a task column (A = 1). */
export const taskColumn = (key: TaskColumnKey): number => TASK_COLUMN_KEYS.indexOf(key) + 1;

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

/**
 * Every column but its key; "doneDate"'s validation depends on the plan's year (taskColumns).
 *
 * Only the printed columns (B:H) wrap: a row is as tall as its tallest wrapped cell, so a long
 * "Hoạt động" list in a screen-only column would make the printed row tall and the printed sheet
 * twice as long. The screen-only columns show one line; the whole text is in the cell (formula bar).
 * The printed widths add up to the width of an A4 landscape page at 100 % (no shrinking).
 */
const COLUMN_SPECS: Record<TaskColumnKey, Omit<TableColumn, "key">> = {
  key: { header: "Khóa", role: "key", width: 9, hidden: true, format: { locked: true } },
  code: { header: "Mã", role: "plan", width: 5.5, format: centred },
  task: { header: "Nhiệm vụ trọng tâm", role: "plan", width: 66, format: text },
  lead: { header: "Chủ trì", role: "plan", width: 22, format: text },
  due: {
    header: "Hạn",
    role: "computed",
    width: 10.5,
    format: { ...centred, numberFormat: DATE_FORMAT, locked: true },
  },
  state: {
    header: "Tình trạng",
    role: "computed",
    width: 11.5,
    format: { ...centred, locked: true },
  },
  daysLate: {
    header: "Số ngày trễ",
    role: "computed",
    width: 8,
    // Zero shows as an empty cell: leadership reads the late ones.
    format: { ...centred, numberFormat: "0;-0;;@", locked: true },
  },
  updateNote: { header: "Ghi chú cập nhật", role: "input", width: 19, format: input(text) },
  status: {
    header: "Trạng thái",
    role: "input",
    width: 15,
    format: input(line),
    validation: statusValidation(),
  },
  doneDate: {
    header: "Ngày hoàn thành",
    role: "input",
    width: 11,
    format: input({ ...line, horizontal: "center", numberFormat: DATE_FORMAT }),
  },
  progress: {
    header: "Tiến độ (%)",
    role: "input",
    width: 8,
    format: input({ ...line, horizontal: "center", numberFormat: "0" }),
    validation: progressValidation,
  },
  evidence: { header: "Minh chứng", role: "input", width: 18, format: input(line) },
  deadline: { header: "Thời gian hoàn thành", role: "plan", width: 24, format: line },
  activities: { header: "Hoạt động", role: "plan", width: 40, format: line },
  outputs: { header: "Kết quả/sản phẩm", role: "plan", width: 30, format: line },
  coord: { header: "Phối hợp", role: "plan", width: 22, format: line },
  note: { header: "Ghi chú", role: "plan", width: 14, format: line },
  // The objective's code: the objective's text is printed once, in the row above its tasks.
  objective: { header: "Mục tiêu", role: "plan", width: 9, format: line },
  section: { header: "Phần", role: "plan", width: 9, format: line },
  leadKeys: {
    header: "Chủ trì (chuẩn hoá)",
    role: "plan",
    width: 20,
    hidden: true,
    format: { locked: true },
  },
  // The document's own wording of the lead (the printed Chủ trì shows the canonical names).
  leadText: {
    header: "Chủ trì (theo văn bản)",
    role: "plan",
    width: 20,
    hidden: true,
    format: { ...line, locked: true },
  },
};

/** The printed columns: from the first column (the hidden key) to "Ghi chú cập nhật". */
export const TASKS_LAST_PRINTED_KEY: TaskColumnKey = "updateNote";

/** Header text of a column (what the add-in finds a column by in the live table). */
export const taskColumnHeader = (key: TaskColumnKey): string => COLUMN_SPECS[key].header;

/** The table's columns (before any user column is appended). */
export function taskColumns(year: number): TableColumn[] {
  return TASK_COLUMN_KEYS.map((key) => ({
    key,
    ...COLUMN_SPECS[key],
    ...(key === "doneDate" ? { validation: doneDateValidation(year) } : {}),
  }));
}

/** Header aliases accepted when reading an older table (extractTableInput's `aliases`). */
export const TASK_HEADER_ALIASES: Record<string, readonly string[]> = {
  key: ["Khoá", "Key"],
  progress: ["Tiến độ", "Tiến độ %"],
  updateNote: ["Ghi chú cập nhật tiến độ"],
};

/** Typed inputs of the task table in the shape unitRollup reads. */
export function taskInputsOf(userInput: UserInput | undefined): TaskInputs {
  return userInput?.tables[TASKS_TABLE] ?? {};
}
