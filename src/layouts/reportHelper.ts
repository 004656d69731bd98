/**
 * The Báo cáo sheet's helper table (tblBaoCaoNV, right of the printed area): one row per task with
 * its standing at the chosen window's end (formulas of ./reportFormulas.ts). Right of it, one column
 * per unit line of the "Đơn vị" list (as on "Theo đơn vị"): the rows of its first OVERDUE_LIST_MAX
 * overdue tasks, then those tasks' lines joined — a fixed number of cells per unit at any plan size.
 * Cached results come from the domain (src/domain/reportTasks.ts) so a viewer that does not
 * recalculate shows the same.
 */
import { textCell } from "./cellText";
import type { Plan, Task } from "../plan/types";
import { isoToSerial } from "../domain/excelDate";
import { reportAccounts, type Report, type ReportInputs } from "../domain/reportFigures";
import { quarterMarkKey, readQuarterMark } from "../domain/recurring";
import {
  OVERDUE_LIST_MAX,
  OVERDUE_TEXT_MAX,
  REPORT_STATE_LABELS,
  overdueLine,
  reportDoneDate,
  shortTaskText,
  type ReportTaskOutcome,
} from "../domain/reportTasks";
import { taskDue, type RollupUnit } from "../domain/unitRollup";
import { columnLetters } from "./a1";
import type { Block, Scalar, TableColumn, TableSpec } from "./model";
import { fromQuarterOf } from "./recurringSheet";
import { perRow } from "./rowTemplate";
import {
  HELPER_COLUMN_KEYS,
  helperFormulas,
  helperLetter,
  overdueLinesFormula,
  overduePositionFormula,
  type HelperColumnKey,
} from "./reportFormulas";
import { DATE_FORMAT } from "./style";
import { leadKeysCell, unitCriterion } from "./tasksFormulas";

export const REPORT_HELPER_TABLE = "tblBaoCaoNV";
/** First column of the helper table (L), outside the printed area B:I. */
export const HELPER_FIRST_COL = 12;
export const HELPER_HEADER_ROW = 8;

const HEADERS: Record<HelperColumnKey, string> = {
  key: "Khóa",
  code: "Mã NV",
  section: "Lĩnh vực",
  leadKeys: "Chủ trì (mã đơn vị)",
  recurring: "Thường xuyên",
  due: "Hạn",
  fromQuarter: "Theo quý từ",
  text: "Nội dung (rút gọn)",
  status: "Trạng thái",
  typedDate: "Ngày HT nhập",
  m1: "Quý I",
  m2: "Quý II",
  m3: "Quý III",
  m4: "Quý IV",
  done: "Ngày HT tính",
  asRecurring: "Tính theo quý",
  applicable: "Số quý phải báo cáo",
  firstMissing: "Quý chưa báo cáo",
  state: "Tình trạng cuối kỳ",
  dueAtEnd: "Hạn tính trễ",
  daysLate: "Số ngày trễ",
  line: "Dòng quá hạn",
  overdueKeys: "Chủ trì (nếu quá hạn)",
};

export const reportTasks = (plan: Plan): Task[] => plan.tasks.filter((t) => t.lead.length > 0);

/** Column letter of each unit line's overdue list (right of the table), by the line's id. */
function unitListLetters(units: readonly Pick<RollupUnit, "id">[]): Map<string, string> {
  return new Map(
    units.map((unit, i) => [
      unit.id,
      columnLetters(HELPER_FIRST_COL + HELPER_COLUMN_KEYS.length + i),
    ])
  );
}

const blankIfNone = (v: unknown): Scalar =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";

/** What the row's formulas compute, from the domain. */
function rowResults(
  plan: Plan,
  task: Task,
  report: Report,
  inputs: ReportInputs,
  o: ReportTaskOutcome | undefined,
  accountable: readonly string[]
): Partial<Record<HelperColumnKey, Scalar>> {
  const p = report.period;
  const typed = inputs.tasks[task.key];
  const marks = inputs.recurring[task.key];
  const from = fromQuarterOf(task, plan.year);
  const inPeriod = p.quarters.filter((q) => q >= from);
  const read = (q: number) => readQuarterMark(marks?.[quarterMarkKey(q)]);
  const done = reportDoneDate(task, inputs.tasks, p);
  const due = taskDue(task);
  return {
    due: due === null ? "" : isoToSerial(due),
    status: blankIfNone(typed?.status),
    typedDate: blankIfNone(typed?.doneDate),
    m1: blankIfNone(marks?.q1),
    m2: blankIfNone(marks?.q2),
    m3: blankIfNone(marks?.q3),
    m4: blankIfNone(marks?.q4),
    done: done === null ? "" : isoToSerial(done),
    asRecurring: o?.asRecurring ?? false,
    applicable: inPeriod.filter((q) => read(q) !== "notApplicable").length,
    firstMissing: inPeriod.find((q) => read(q) === "none") ?? 0,
    state: o ? REPORT_STATE_LABELS[o.state] : "",
    dueAtEnd: o?.state === "overdue" && o.due ? isoToSerial(o.due) : "",
    daysLate: o?.daysLate ?? 0,
    line: o?.state === "overdue" ? overdueLine(o, plan.year) : "",
    overdueKeys: o?.state === "overdue" ? leadKeysCell(accountable) : "",
  };
}

/** The helper table's columns (fixed: the add-in looks for them before building, see targets.ts). */
export function helperColumns(): TableColumn[] {
  return HELPER_COLUMN_KEYS.map((key): TableColumn => ({
    key,
    header: HEADERS[key],
    role: key === "key" ? "key" : "computed",
    width: key === "line" ? 40 : key === "text" ? 24 : 9,
    format: {
      vertical: "top",
      locked: true,
      ...(key === "dueAtEnd" || key === "done" ? { numberFormat: DATE_FORMAT } : {}),
    },
  }));
}

export interface ReportHelper {
  table: TableSpec;
  /** Right of the table, one column per unit line: header, positions of its overdue tasks, lines. */
  unitLists: Block;
  /** The cell of each unit line's joined overdue lines, by the line's id (none without tasks). */
  unitLinesCell: ReadonlyMap<string, string>;
}

export function reportHelper(plan: Plan, report: Report, inputs: ReportInputs): ReportHelper {
  // The lines of "Theo đơn vị": a group's task counts for each member unit of the "Đơn vị" list.
  const accounts = reportAccounts(plan, inputs);
  const units = accounts.units;
  const tasks = reportTasks(plan);
  const first = HELPER_HEADER_ROW + 1;
  const outcomes = new Map(report.outcomes.map((o) => [o.task.key, o]));
  // Per unit, the body rows (1-based) of its first OVERDUE_LIST_MAX overdue tasks and their lines.
  const found = units.map(() => ({ rows: [] as number[], lines: "" }));
  const formulasOf = perRow((r) => helperFormulas(plan.year, HELPER_FIRST_COL, r));
  const rows = tasks.map((task, i) => {
    const r = first + i;
    const answering = accounts.accountable(task.lead);
    const due = taskDue(task);
    const f = formulasOf(r);
    const plain: Partial<Record<HelperColumnKey, Scalar>> = {
      key: task.key,
      code: textCell(task.code),
      section: task.section,
      leadKeys: leadKeysCell(answering),
      recurring: task.deadline.recurring ? 1 : 0,
      due:
        due === null
          ? ""
          : `=DATE(${Number(due.slice(0, 4))},${Number(due.slice(5, 7))},${Number(due.slice(8))})`,
      fromQuarter: fromQuarterOf(task, plan.year),
      text: textCell(shortTaskText(task.text, OVERDUE_TEXT_MAX)),
    };
    const result = rowResults(plan, task, report, inputs, outcomes.get(task.key), answering);
    if (result.line) {
      units.forEach((unit, u) => {
        const list = found[u];
        if (!answering.includes(unit.id) || list.rows.length >= OVERDUE_LIST_MAX) return;
        list.rows.push(i + 1);
        list.lines += `\n${String(result.line)}`;
      });
    }
    return {
      key: task.key,
      cells: HELPER_COLUMN_KEYS.map((k) => f[k] ?? plain[k] ?? null),
      results: HELPER_COLUMN_KEYS.map((k) =>
        f[k] !== undefined || k === "due" ? (result[k] ?? null) : null
      ),
    };
  });
  const column = (key: HelperColumnKey): string => {
    const c = helperLetter(HELPER_FIRST_COL, key);
    return `$${c}$${first}:$${c}$${first + tasks.length - 1}`;
  };
  // Under each unit's header: the rows of its overdue tasks (one cell each), then their lines.
  const letters = unitListLetters(units);
  const positions = units.map((unit) =>
    Array.from({ length: OVERDUE_LIST_MAX }, (_, k) => `${letters.get(unit.id)}${first + k}`)
  );
  const linesRow = first + OVERDUE_LIST_MAX;
  const listCells: Scalar[][] = [];
  const listResults: Scalar[][] = [];
  if (tasks.length > 0) {
    for (let k = 0; k < OVERDUE_LIST_MAX; k += 1) {
      listCells.push(
        units.map((unit, u) =>
          overduePositionFormula(
            k === 0 ? null : positions[u][k - 1],
            column("overdueKeys"),
            tasks.length,
            unitCriterion(unit.id)
          )
        )
      );
      listResults.push(found.map((f) => f.rows[k] ?? 0));
    }
    listCells.push(positions.map((p) => overdueLinesFormula(p, column("line"))));
    listResults.push(found.map((f) => f.lines));
  }
  return {
    table: {
      name: REPORT_HELPER_TABLE,
      at: `${columnLetters(HELPER_FIRST_COL)}${HELPER_HEADER_ROW}`,
      columns: helperColumns(),
      rows,
      style: "TableStyleLight1",
    },
    unitLists: {
      at: `${columnLetters(HELPER_FIRST_COL + HELPER_COLUMN_KEYS.length)}${HELPER_HEADER_ROW}`,
      cells: [units.map((u) => textCell(`Quá hạn: ${u.name}`)), ...listCells],
      results: [units.map(() => null), ...listResults],
      format: { vertical: "top", locked: true },
    },
    unitLinesCell: new Map(
      tasks.length === 0 ? [] : units.map((u) => [u.id, `${letters.get(u.id)}${linesRow}`])
    ),
  };
}
