/**
 * Each task's standing at the end of a report window (the periodic CCHC report): done in the window,
 * done before it, overdue at the window end, on track, or not applicable. Recurring tasks are judged
 * by their quarter marks (./recurring). The Báo cáo sheet's formulas compute the same; both are
 * tested against `cchc report --json`. Rules: docs/report.md.
 */
import { daysBetween, formatDmy } from "./isoDate";
import { QUARTER_LABELS, quarterWindow, type Period } from "./reportPeriods";
import { quarterMarkKey, quarterOf, readQuarterMark, recurringQuarters } from "./recurring";
import {
  interpretTaskInput,
  taskDue,
  type RollupPlan,
  type RollupTask,
  type TaskInputs,
} from "./unitRollup";

/** What the report reads of a task; the plan's Task has this shape. */
export interface ReportTask extends RollupTask {
  /** Position in document order (ties in lists are broken by it). */
  seq: number;
  code: string;
  text: string;
  /** Section id as printed ("I" … "VII"). */
  section: string;
  deadline: { due: string | null; recurring: boolean };
}

/** What the report reads of the plan; the plan's Plan has this shape. */
export interface ReportPlan extends RollupPlan {
  year: number;
  tasks: readonly ReportTask[];
  sections: readonly { id: string; title: string }[];
}

export type ReportTaskState =
  "doneInPeriod" | "doneBefore" | "overdue" | "onTrack" | "notApplicable";

/** Quarter marks typed for recurring tasks: task key → "q1".."q4" → mark (see recurring.ts). */
export type RecurringInputs = Readonly<
  Record<string, Readonly<Record<string, unknown>> | undefined>
>;

export interface ReportTaskOutcome {
  task: ReportTask;
  state: ReportTaskState;
  /** Judged by quarter marks (recurring work, or a milestone task once its milestone is done). */
  asRecurring: boolean;
  /** The date it was due by at the window end: its due date, or the window end of its first unreported quarter. */
  due: string | null;
  /** Days from `due` to the window end, when overdue; else 0. */
  daysLate: number;
}

/** Done date of a task as the report counts it; "Hoàn thành" without a date counts within the window. */
export function reportDoneDate(
  task: ReportTask,
  inputs: TaskInputs,
  period: Period
): string | null {
  const due = taskDue(task);
  const read = interpretTaskInput(inputs[task.key], due, period.to);
  if (read.done === null) return null;
  return read.doneWithoutDate && read.done > period.to ? period.to : read.done;
}

function recurringOutcome(
  task: ReportTask,
  marks: Readonly<Record<string, unknown>> | undefined,
  period: Period,
  quarters: number[]
): ReportTaskOutcome {
  const applicable = quarters.filter(
    (q) => readQuarterMark(marks?.[quarterMarkKey(q)]) !== "notApplicable"
  );
  if (applicable.length === 0)
    return { task, state: "notApplicable", asRecurring: true, due: null, daysLate: 0 };
  const missing = applicable.find((q) => readQuarterMark(marks?.[quarterMarkKey(q)]) !== "done");
  if (missing === undefined)
    return { task, state: "doneInPeriod", asRecurring: true, due: null, daysLate: 0 };
  const due = quarterWindow(period.year, missing).to;
  return {
    task,
    state: "overdue",
    asRecurring: true,
    due,
    daysLate: daysBetween(due, period.to),
  };
}

/** The standing of one task at the end of `period`'s window. */
export function reportTaskOutcome(
  task: ReportTask,
  inputs: TaskInputs,
  recurring: RecurringInputs,
  period: Period
): ReportTaskOutcome {
  const due = taskDue(task);
  const typed = interpretTaskInput(inputs[task.key], due, period.to);
  if (typed.notApplicable)
    return { task, state: "notApplicable", asRecurring: false, due, daysLate: 0 };
  const done = reportDoneDate(task, inputs, period);
  const doneByEnd = done !== null && done <= period.to;
  if (task.deadline.recurring) {
    // Milestone-then-recurring: only the milestone can be late until it is done; after that the
    // quarters following the milestone's quarter are reported like any recurring work.
    const quarters = recurringQuarters(period.year, due).filter((q) => period.quarters.includes(q));
    if (due === null || (doneByEnd && quarters.length > 0))
      return recurringOutcome(task, recurring[task.key], period, quarters);
  }
  if (doneByEnd) {
    const state = done >= period.from ? "doneInPeriod" : "doneBefore";
    return { task, state, asRecurring: false, due, daysLate: 0 };
  }
  if (due !== null && period.to > due) {
    return {
      task,
      state: "overdue",
      asRecurring: false,
      due,
      daysLate: daysBetween(due, period.to),
    };
  }
  return { task, state: "onTrack", asRecurring: false, due, daysLate: 0 };
}

export interface TaskFigures {
  /** Tasks in the plan with a lead unit, not-applicable ones included. */
  total: number;
  doneInPeriod: number;
  /** Done by the window end: in the window or before it. */
  doneToDate: number;
  overdue: number;
  onTrack: number;
  notApplicable: number;
}

/** The figures in the order reports print them, with their column labels. */
export const FIGURE_LABELS: readonly [keyof TaskFigures, string][] = [
  ["total", "Số nhiệm vụ"],
  ["doneInPeriod", "Hoàn thành trong kỳ"],
  ["doneToDate", "Lũy kế hoàn thành"],
  ["onTrack", "Đang thực hiện trong hạn"],
  ["overdue", "Quá hạn"],
  ["notApplicable", "Không áp dụng"],
];

/** How the Báo cáo sheet names each standing (its helper table and COUNTIFS use these). */
export const REPORT_STATE_LABELS: Record<ReportTaskState, string> = {
  doneInPeriod: "Hoàn thành trong kỳ",
  doneBefore: "Hoàn thành trước kỳ",
  overdue: "Quá hạn",
  onTrack: "Trong hạn",
  notApplicable: "Không áp dụng",
};

export const emptyTaskFigures = (): TaskFigures => ({
  total: 0,
  doneInPeriod: 0,
  doneToDate: 0,
  overdue: 0,
  onTrack: 0,
  notApplicable: 0,
});

export function addOutcome(f: TaskFigures, state: ReportTaskState): void {
  f.total += 1;
  if (state === "doneInPeriod") {
    f.doneInPeriod += 1;
    f.doneToDate += 1;
  } else if (state === "doneBefore") f.doneToDate += 1;
  else if (state === "overdue") f.overdue += 1;
  else if (state === "onTrack") f.onTrack += 1;
  else f.notApplicable += 1;
}

/** Outcomes of every task that has a lead unit, in plan order. */
export function reportTaskOutcomes(
  plan: ReportPlan,
  inputs: TaskInputs,
  recurring: RecurringInputs,
  period: Period
): ReportTaskOutcome[] {
  return plan.tasks
    .filter((t) => t.lead.length > 0)
    .map((t) => reportTaskOutcome(t, inputs, recurring, period));
}

/** Figures per section, in the plan's section order. */
export function sectionFigures(
  plan: ReportPlan,
  outcomes: readonly ReportTaskOutcome[]
): { section: string; title: string; figures: TaskFigures }[] {
  return plan.sections.map((s) => {
    const figures = emptyTaskFigures();
    for (const o of outcomes) if (o.task.section === s.id) addOutcome(figures, o.state);
    return { section: s.id, title: s.title, figures };
  });
}

/** A task's text cut to `max` characters at a word boundary, for lists ("which unit is late on what"). */
export function shortTaskText(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, "")}…`;
}

/** "hạn 04/01/2024, trễ 162 ngày" / "Quý I chưa báo cáo, kỳ kết thúc 14/03/2024, trễ 92 ngày". */
export function overdueDetail(o: ReportTaskOutcome, year: number): string {
  if (o.due === null) return `trễ ${o.daysLate} ngày`;
  const late = o.daysLate > 0 ? `, trễ ${o.daysLate} ngày` : "";
  if (!o.asRecurring) return `hạn ${formatDmy(o.due)}${late}`;
  const q = quarterOf(year, o.due);
  const quarter = q === null ? "Quý" : QUARTER_LABELS[q - 1];
  return `${quarter} chưa báo cáo, kỳ kết thúc ${formatDmy(o.due)}${late}`;
}

/** How much of a task's text an overdue line shows (the Báo cáo sheet's formulas cut it the same). */
export const OVERDUE_TEXT_MAX = 60;

/** "2.1 Ban hành Kế hoạch … (hạn 04/01/2024, trễ 162 ngày)". */
export function overdueLine(o: ReportTaskOutcome, year: number, max = OVERDUE_TEXT_MAX): string {
  return `${o.task.code} ${shortTaskText(o.task.text, max)} (${overdueDetail(o, year)})`;
}

/**
 * How many overdue tasks a unit's printed list (Báo cáo, section 2) shows: a line takes at most three
 * printed lines in its column, so 8 of them and the closing "… và N" line stay well under Excel's
 * 409 pt row (the row would be cut off on paper beyond it). The rest are counted, not listed.
 */
export const OVERDUE_LIST_MAX = 8;

/** The closing line of a cut list, around the number of tasks left out (formulas write the same). */
export const OVERDUE_MORE = [
  "… và ",
  " nhiệm vụ quá hạn khác (xem trang Nhiệm vụ, lọc theo đơn vị)",
] as const;

/**
 * A unit's overdue tasks as the Báo cáo sheet prints them: one line each, in plan order, at most
 * OVERDUE_LIST_MAX, then "… và N nhiệm vụ quá hạn khác …" for the rest.
 */
export function overdueListText(overdue: readonly ReportTaskOutcome[], year: number): string {
  const lines = overdue.slice(0, OVERDUE_LIST_MAX).map((o) => overdueLine(o, year));
  const more = overdue.length - lines.length;
  if (more > 0) lines.push(`${OVERDUE_MORE[0]}${more}${OVERDUE_MORE[1]}`);
  return lines.join("\n");
}
