/**
 * THE reference rules of a task's state on an as-of date. The custom functions CCHC.STATUS and
 * CCHC.DAYSLATE wrap them, the plain-Excel formulas of the task sheet are tested against them, and
 * the per-unit roll-ups count with them. Written out in docs/state-rules.md; change both together.
 *
 * Dates are ISO strings (YYYY-MM-DD); day differences are counted as Excel counts them (serials).
 */
import { isExcelIso, isoToSerial } from "./excelDate";

/** The state names, exactly as the sheets show them (the task sheet's formulas use the same strings). */
export const TASK_STATES = {
  notApplicable: "Không áp dụng",
  done: "Hoàn thành",
  doneLate: "Hoàn thành trễ hạn",
  overdue: "Quá hạn",
  dueSoon: "Sắp đến hạn",
  onTrack: "Trong hạn",
  recurring: "Thường xuyên",
} as const;

export type TaskStateName = (typeof TASK_STATES)[keyof typeof TASK_STATES];

export const STATE_NOT_APPLICABLE = TASK_STATES.notApplicable;
export const STATE_DONE = TASK_STATES.done;
export const STATE_DONE_LATE = TASK_STATES.doneLate;
export const STATE_OVERDUE = TASK_STATES.overdue;
export const STATE_DUE_SOON = TASK_STATES.dueSoon;
export const STATE_ON_TRACK = TASK_STATES.onTrack;
export const STATE_RECURRING = TASK_STATES.recurring;

/** Every state, in the order reports list them. */
export const ALL_TASK_STATES: readonly TaskStateName[] = [
  STATE_OVERDUE,
  STATE_DUE_SOON,
  STATE_ON_TRACK,
  STATE_RECURRING,
  STATE_DONE_LATE,
  STATE_DONE,
  STATE_NOT_APPLICABLE,
];

/** "Due soon" window in days when none is given. */
export const DEFAULT_SOON_DAYS = 7;

export interface TaskStateInput {
  /** Due date (ISO); null when the task has none (recurring work). */
  due: string | null;
  /** Date the task was done (ISO); null while not done. */
  done: string | null;
  /** The date the state is computed for (ISO). */
  asOf: string;
  /** A task due within this many days (inclusive) is "due soon". Default 7. */
  soonDays?: number;
  /** The unit marked the task as not applicable. */
  notApplicable?: boolean;
}

function checkIso(name: string, value: string | null, nullable: boolean): void {
  if (value === null && nullable) return;
  if (!isExcelIso(value)) {
    // Callers validate user input first; reaching this is a programming error, so fail loudly.
    throw new RangeError(
      `taskState: ${name} phải là ngày ISO YYYY-MM-DD, nhận được ${JSON.stringify(value)}`
    );
  }
}

function checkInput(input: TaskStateInput): void {
  checkIso("due", input.due, true);
  checkIso("done", input.done, true);
  checkIso("asOf", input.asOf, false);
  const soon = input.soonDays;
  if (soon !== undefined && !(Number.isFinite(soon) && soon >= 0)) {
    throw new RangeError(`taskState: soonDays phải là số không âm, nhận được ${String(soon)}`);
  }
}

/** Excel serial of a validated ISO date (null stays null). */
function serialOf(iso: string | null): number | null {
  return iso === null ? null : (isoToSerial(iso) ?? 0);
}

/**
 * The rules, in order:
 * 1. notApplicable → "Không áp dụng".
 * 2. done: no due date, or done ≤ due → "Hoàn thành"; else "Hoàn thành trễ hạn".
 * 3. not done, no due date → "Thường xuyên".
 * 4. asOf > due → "Quá hạn".
 * 5. due − asOf ≤ soonDays → "Sắp đến hạn" (the due day itself included).
 * 6. else "Trong hạn".
 */
export function taskState(input: TaskStateInput): TaskStateName {
  checkInput(input);
  if (input.notApplicable) return STATE_NOT_APPLICABLE;
  return taskStateOnSerials(
    serialOf(input.due),
    serialOf(input.done),
    serialOf(input.asOf) ?? 0,
    input.soonDays ?? DEFAULT_SOON_DAYS
  );
}

/**
 * Rules 2–6 on Excel serials (whole days; null: no date), the form Excel passes dates in: what
 * taskState applies after checking its ISO dates, and CCHC.STATUS's fast path for plain serials.
 */
export function taskStateOnSerials(
  due: number | null,
  done: number | null,
  asOf: number,
  soonDays: number
): TaskStateName {
  if (done !== null) return due === null || done <= due ? STATE_DONE : STATE_DONE_LATE;
  if (due === null) return STATE_RECURRING;
  const daysLeft = due - asOf;
  if (daysLeft < 0) return STATE_OVERDUE;
  if (daysLeft <= soonDays) return STATE_DUE_SOON;
  return STATE_ON_TRACK;
}

/**
 * Whole days late: done → max(0, done − due); not done → max(0, asOf − due); no due date or not
 * applicable → 0.
 */
export function daysLate(input: TaskStateInput): number {
  checkInput(input);
  const { due, done, asOf } = input;
  if (input.notApplicable || due === null) return 0;
  return Math.max(0, (serialOf(done ?? asOf) ?? 0) - (serialOf(due) ?? 0));
}
