/**
 * The "Thường xuyên" sheet: one row per recurring task ("Thường xuyên", and "Tháng 01/2024 Thường
 * xuyên" after its milestone), where the lead unit records for each quarter whether the work was
 * carried out, with its evidence. The report (src/domain/reportTasks.ts, the Báo cáo sheet) reads
 * these marks; "Tình trạng" shows the row's state on NgayBaoCao (src/domain/recurring.ts). Pure data.
 */
import { textCell } from "./cellText";
import type { Plan, Task } from "../plan/types";
import { quarterWindow, QUARTER_LABELS } from "../domain/reportPeriods";
import {
  QUARTER_MARK,
  QUARTER_MARKS,
  RECURRING_STATE,
  quarterEvidenceKey,
  quarterMarkKey,
  recurringQuarters,
  recurringRowState,
} from "../domain/recurring";
import { taskDue } from "../domain/unitRollup";
import { columnLetters } from "./a1";
import type {
  CellFormat,
  ConditionalRule,
  Scalar,
  SheetLayout,
  TableColumn,
  TableRow,
  TableSpec,
} from "./model";
import type { UserInput } from "./userInput";
import { applyTableInput, type OrphanInput } from "./userInputMerge";
import { xlString } from "./excelFacts";
import { perRow } from "./rowTemplate";
import { PALETTE, SHEET_FONT, SHEET_PROTECTION } from "./style";
import { NAME_AS_OF } from "./tasksSheet";

export const RECURRING_SHEET_KEY = "recurring";
export const RECURRING_SHEET_NAME = "Thường xuyên";
export const RECURRING_TABLE = "tblThuongXuyen";
export const RECURRING_HEADER_ROW = 4;
/** No quarter is reported as recurring (the milestone is in the last quarter). */
const NO_QUARTER = 5;

const QUARTERS = [1, 2, 3, 4] as const;
export const RECURRING_COLUMN_KEYS = [
  "key",
  "code",
  "task",
  "lead",
  "fromQuarter",
  ...QUARTERS.flatMap((q) => [quarterMarkKey(q), quarterEvidenceKey(q)]),
  "state",
] as const;

const letter = (key: string): string =>
  columnLetters((RECURRING_COLUMN_KEYS as readonly string[]).indexOf(key) + 1);

const top: CellFormat = { wrap: true, vertical: "top", locked: true };
const typed: CellFormat = { wrap: true, vertical: "top", locked: false, fill: "#FFF9E5" };

/** The table's columns (the add-in looks for them before building, see targets.ts). */
export function recurringColumns(): TableColumn[] {
  const plan = (key: string, header: string, width: number, hidden = false): TableColumn => ({
    key,
    header,
    role: key === "key" ? "key" : "plan",
    width,
    format: top,
    ...(hidden ? { hidden } : {}),
  });
  const quarterColumns = QUARTERS.flatMap((q): TableColumn[] => {
    const w = quarterWindow(2000, q);
    const window = `${w.from.slice(8)}/${w.from.slice(5, 7)}–${w.to.slice(8)}/${w.to.slice(5, 7)}`;
    return [
      {
        key: quarterMarkKey(q),
        header: `${QUARTER_LABELS[q - 1]} (${window})`,
        role: "input",
        width: 13,
        format: typed,
        validation: {
          rule: { type: "list", values: [...QUARTER_MARKS] },
          errorTitle: "Giá trị không hợp lệ",
          errorMessage: `Chọn một trong: ${QUARTER_MARKS.join(", ")}.`,
          prompt: `Nhiệm vụ đã được thực hiện trong ${QUARTER_LABELS[q - 1]} chưa?`,
        },
      },
      {
        key: quarterEvidenceKey(q),
        header: `Minh chứng ${QUARTER_LABELS[q - 1]}`,
        role: "input",
        width: 18,
        format: typed,
      },
    ];
  });
  return [
    plan("key", "Khóa", 8, true),
    plan("code", "Mã NV", 7),
    plan("task", "Nhiệm vụ", 40),
    plan("lead", "Đơn vị chủ trì", 18),
    { ...plan("fromQuarter", "Theo dõi từ quý", 8), format: { ...top, horizontal: "center" } },
    ...quarterColumns,
    {
      key: "state",
      header: "Tình trạng (ngày báo cáo)",
      role: "computed",
      width: 16,
      format: { ...top, font: { bold: true } },
    },
  ];
}

/** First quarter a recurring task is reported by quarter marks (5 = none). */
export function fromQuarterOf(task: Task, year: number): number {
  return recurringQuarters(year, taskDue(task))[0] ?? NO_QUARTER;
}

/** The "Tình trạng" formula of sheet row r: recurringRowState() on NgayBaoCao. */
export function recurringStateFormula(year: number, r: number | string): string {
  const from = `$${letter("fromQuarter")}${r}`;
  const mark = (q: number): string => `$${letter(quarterMarkKey(q))}${r}`;
  const asOf = `INT(${NAME_AS_OF})`;
  const end = (q: number): string => `DATE(${year},${q * 3},14)`;
  const reported = (q: number): string =>
    `OR(${mark(q)}=${xlString(QUARTER_MARK.done)},${mark(q)}=${xlString(QUARTER_MARK.notApplicable)})`;
  const late = QUARTERS.map((q) => `AND(${from}<=${q},${asOf}>${end(q)},NOT(${reported(q)}))*1`);
  const current = `IF(${asOf}<=${end(1)},1,IF(${asOf}<=${end(2)},2,IF(${asOf}<=${end(3)},3,4)))`;
  const currentMark = `CHOOSE(${current},${QUARTERS.map(mark).join(",")})`;
  const s = (text: string): string => xlString(text);
  return (
    `=IF(${late.join("+")}>0,${s(RECURRING_STATE.overdue)},` +
    `IF(${current}<${from},${s(RECURRING_STATE.notStarted)},` +
    `IF(${currentMark}=${s(QUARTER_MARK.done)},${s(RECURRING_STATE.done)},` +
    `IF(${currentMark}=${s(QUARTER_MARK.notApplicable)},${s(RECURRING_STATE.notApplicable)},` +
    `${s(RECURRING_STATE.notReported)}))))`
  );
}

function rules(year: number, first: number, last: number): ConditionalRule[] {
  if (last < first) return [];
  const stateCell = `$${letter("state")}${first}`;
  const stateRange = `${letter("state")}${first}:${letter("state")}${last}`;
  const byState = (state: string, colors: { fill: string; font: string }): ConditionalRule => ({
    type: "expression",
    range: stateRange,
    formula: `=${stateCell}=${xlString(state)}`,
    format: { fill: colors.fill, fontColor: colors.font },
  });
  // A quarter's cell turns red once its window has ended without a mark.
  const lateCells = QUARTERS.map((q): ConditionalRule => {
    const c = letter(quarterMarkKey(q));
    const cell = `$${c}${first}`;
    return {
      type: "expression",
      range: `${c}${first}:${c}${last}`,
      formula:
        `=AND($${letter("fromQuarter")}${first}<=${q},INT(${NAME_AS_OF})>DATE(${year},${q * 3},14),` +
        `${cell}<>${xlString(QUARTER_MARK.done)},${cell}<>${xlString(QUARTER_MARK.notApplicable)})`,
      format: { fill: PALETTE.bad.fill, fontColor: PALETTE.bad.font },
    };
  });
  return [
    byState(RECURRING_STATE.overdue, PALETTE.bad),
    byState(RECURRING_STATE.done, PALETTE.good),
    byState(RECURRING_STATE.notReported, PALETTE.warning),
    ...lateCells,
  ];
}

/** A row typed by a user (or of a task the plan no longer has): kept with its values, state blank. */
function orphanRow(orphan: OrphanInput): TableRow {
  const text = (key: string): Scalar => {
    const v = orphan.values[key];
    return typeof v === "string" || typeof v === "number" ? v : null;
  };
  const cells = RECURRING_COLUMN_KEYS.map((k) => (k === "key" ? orphan.key : text(k)));
  return { key: orphan.key, cells };
}

export interface RecurringSheetOptions {
  userInput?: UserInput;
  /** The report date the cached "Tình trạng" results are computed for (ISO). */
  asOf: string;
}

export interface RecurringSheetBuild {
  sheet: SheetLayout;
  orphans: OrphanInput[];
}

export function composeRecurringSheet(
  plan: Plan,
  opts: RecurringSheetOptions
): RecurringSheetBuild {
  const tasks = plan.tasks.filter((t) => t.deadline.recurring);
  const first = RECURRING_HEADER_ROW + 1;
  const stateOf = perRow((r) => ({ state: recurringStateFormula(plan.year, r) }));
  const base: TableSpec = {
    name: RECURRING_TABLE,
    at: `A${RECURRING_HEADER_ROW}`,
    columns: recurringColumns(),
    rows: tasks.map((t, i) => {
      const from = fromQuarterOf(t, plan.year);
      const cells = RECURRING_COLUMN_KEYS.map((k) => {
        if (k === "key") return t.key;
        if (k === "code") return textCell(t.code);
        if (k === "task") return textCell(t.text);
        if (k === "lead") return textCell(t.leadText);
        if (k === "fromQuarter") return from;
        if (k === "state") return stateOf(first + i).state;
        return null;
      });
      return { key: t.key, cells };
    }),
    style: "TableStyleLight9",
    headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
  };
  const applied = applyTableInput(base, opts.userInput?.tables[RECURRING_TABLE], { orphanRow });
  const stateIndex = RECURRING_COLUMN_KEYS.indexOf("state");
  // Cached results, for viewers that do not recalculate (the file is recalculated on open anyway).
  const rows = applied.table.rows.map((row, i) => {
    const task = tasks[i];
    if (!task) return row;
    const marks = opts.userInput?.tables[RECURRING_TABLE]?.[task.key];
    const results: Scalar[] = row.cells.map(() => null);
    results[stateIndex] = recurringRowState(
      plan.year,
      fromQuarterOf(task, plan.year),
      marks,
      opts.asOf
    ).state;
    return { ...row, results };
  });
  const table = { ...applied.table, rows };
  const last = RECURRING_HEADER_ROW + rows.length;
  const sheet: SheetLayout = {
    key: RECURRING_SHEET_KEY,
    name: RECURRING_SHEET_NAME,
    tabColor: "#7030A0",
    font: SHEET_FONT,
    columnWidths: table.columns.map((c) => c.width),
    blocks: [
      {
        at: "B1",
        cells: [[`NHIỆM VỤ THƯỜNG XUYÊN: THỰC HIỆN THEO QUÝ NĂM ${plan.year}`]],
        format: { font: { bold: true, size: 13 } },
      },
      {
        at: "B2",
        cells: [
          [
            "Mỗi quý, đơn vị chủ trì chọn “Đã thực hiện” (kèm minh chứng) hoặc “Không áp dụng”. " +
              "Quý hết kỳ số liệu (ngày 14 tháng cuối quý) mà chưa chọn là quá hạn. " +
              `Nhiệm vụ có mốc đầu (“Tháng 01/${plan.year} Thường xuyên”) theo dõi mốc ở trang Nhiệm vụ, từ quý sau mốc ở đây.`,
          ],
        ],
        format: { font: { italic: true } },
      },
    ],
    table,
    rules: rules(plan.year, first, last),
    validations: [],
    names: [],
    freeze: { rows: RECURRING_HEADER_ROW, columns: 3 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${RECURRING_HEADER_ROW}:${RECURRING_HEADER_ROW}`,
      fitToWidth: true,
      header: `Nhiệm vụ thường xuyên năm ${plan.year}`,
    },
    protect: { ...SHEET_PROTECTION },
    charts: [],
  };
  return { sheet, orphans: applied.orphans };
}
