/**
 * What the task sheet's formulas compute, in TypeScript: how typed values ("Trạng thái", "Ngày hoàn
 * thành") map onto the reference state rules of ./taskState, and the per-unit counts of the
 * "Theo đơn vị" sheet. The sheet formulas are tested against these functions (HyperFormula), and the
 * CLI summary, the task pane and the file renderer's cached results use them, so all agree.
 * Written out in docs/sheets.md.
 */
import { isoToSerial, serialToIso, MAX_EXCEL_SERIAL } from "./excelDate";
import {
  DEFAULT_SOON_DAYS,
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
  daysLate,
  taskState,
  type TaskStateName,
} from "./taskState";

/** What the roll-up reads of a task; the plan's Task has this shape. */
export interface RollupTask {
  /** The task key that typed values are stored under. */
  key: string;
  /** Canonical lead units. */
  lead: readonly string[];
  deadline: { due: string | null };
}

/** What the roll-up reads of the plan; the plan's Plan has this shape. */
export interface RollupPlan {
  tasks: readonly RollupTask[];
  /** The plan's unit list, in the document's order. */
  units: readonly { name: string }[];
}

/** The statuses staff pick in "Trạng thái" (the sheet's validation list, in this order). */
export const TASK_STATUS = {
  notStarted: "Chưa thực hiện",
  inProgress: "Đang thực hiện",
  done: "Hoàn thành",
  notApplicable: "Không áp dụng",
} as const;

export const TASK_STATUSES: readonly string[] = [
  TASK_STATUS.notStarted,
  TASK_STATUS.inProgress,
  TASK_STATUS.done,
  TASK_STATUS.notApplicable,
];

/**
 * Values typed for one task, as read from the sheet (the task table's input columns "status" and
 * "doneDate"; a row of UserInput.tables.tblNhiemVu fits this shape as it is). A date is an Excel
 * serial number; anything else in the date cell is not a date, exactly as ISNUMBER() sees it.
 */
export interface TaskInput {
  status?: unknown;
  doneDate?: unknown;
}

export type TaskInputs = Readonly<Record<string, TaskInput | undefined>>;

/** Excel's "=" on text: case-insensitive, nothing trimmed; a number never equals a text. */
function sameText(value: unknown, text: string): boolean {
  return typeof value === "string" && value.toLowerCase() === text.toLowerCase();
}

export interface InterpretedInput {
  notApplicable: boolean;
  /** ISO date the task counts as done on; null while not done. */
  done: string | null;
  /** True when "Hoàn thành" was chosen but no completion date typed (counted as on time). */
  doneWithoutDate: boolean;
}

/**
 * The rules the sheet's formulas apply to typed values (docs/sheets.md, "Trạng thái → state"):
 * - "Không áp dụng" wins over everything.
 * - A number in "Ngày hoàn thành" means done on that date, whatever the status says (a typed
 *   completion date is the stronger evidence). The time of day is ignored. A number before Excel's
 *   first date (≤ 0) counts as done on time; after 31/12/9999 as done on 31/12/9999.
 * - "Hoàn thành" without a date means done, on time: the date is unknown, and the sheet cannot
 *   call a task late without evidence. (The coordinator asks for the date; docs say so.)
 * - Anything else (blank, "Chưa thực hiện", "Đang thực hiện", any other text) is not done.
 */
export function interpretTaskInput(
  input: TaskInput | undefined,
  due: string | null,
  asOf: string
): InterpretedInput {
  const status = input?.status;
  if (sameText(status, TASK_STATUS.notApplicable))
    return { notApplicable: true, done: null, doneWithoutDate: false };
  const date = input?.doneDate;
  if (typeof date === "number" && !Number.isNaN(date)) {
    const whole = Math.floor(date);
    if (whole < 1) return { notApplicable: false, done: due ?? asOf, doneWithoutDate: false };
    const iso = whole > MAX_EXCEL_SERIAL ? "9999-12-31" : serialToIso(whole);
    return { notApplicable: false, done: iso ?? due ?? asOf, doneWithoutDate: false };
  }
  if (sameText(status, TASK_STATUS.done))
    return { notApplicable: false, done: due ?? asOf, doneWithoutDate: true };
  return { notApplicable: false, done: null, doneWithoutDate: false };
}

export interface TaskOutcome {
  state: TaskStateName;
  daysLate: number;
}

/** State and days late of one task on `asOf`, as the sheet's "Tình trạng" and "Số ngày trễ" show them. */
export function taskOutcome(
  due: string | null,
  input: TaskInput | undefined,
  asOf: string,
  soonDays: number = DEFAULT_SOON_DAYS
): TaskOutcome {
  const { notApplicable, done } = interpretTaskInput(input, due, asOf);
  const args = { due, done, asOf, soonDays, notApplicable };
  return { state: taskState(args), daysLate: daysLate(args) };
}

/** Due date of a task as the sheet's "Hạn" column holds it (null = empty cell, recurring work). */
export function taskDue(task: RollupTask): string | null {
  const due = task.deadline.due;
  return due !== null && isoToSerial(due) !== null ? due : null;
}

/**
 * Canonical lead units that lead at least one task, in a stable, sensible order: the plan's unit list
 * order (the document's own ranking: Văn phòng Sở first), then names not in that list in order of
 * first appearance.
 */
export function leadUnits(plan: RollupPlan): string[] {
  const leading = new Set<string>();
  const firstSeen: string[] = [];
  for (const task of plan.tasks) {
    for (const unit of task.lead) {
      if (!leading.has(unit)) {
        leading.add(unit);
        firstSeen.push(unit);
      }
    }
  }
  const ordered = plan.units.map((u) => u.name).filter((name) => leading.has(name));
  const known = new Set(ordered);
  return [...ordered, ...firstSeen.filter((name) => !known.has(name))];
}

/**
 * One line of the per-unit roll-up. Formulas and filters find a line by its id, never by its name:
 * names are free text ("Phòng C;D" and "Phòng C,D" are two units, COUNTIFS ignores case and reads
 * "*" and "?" as wildcards), ids are short ASCII tokens no two lines share.
 */
export interface RollupUnit {
  id: string;
  name: string;
}

/** Who answers for a task: the roll-up's lines, and the ids of the lines a task's lead counts for. */
export interface UnitAccounts {
  units: readonly RollupUnit[];
  /** Ids of the lines a task led by these canonical unit names counts for, each once. */
  accountable(lead: readonly string[]): readonly string[];
}

/** Id of the roll-up's line at `index` ("DV1", "DV2", …): ASCII, no wildcard, no separator. */
export const unitLineId = (index: number): string => `DV${index + 1}`;

/** Each lead unit answers for its own tasks: one line per leadUnits() name, ids in that order. */
export function leadAccounts(plan: RollupPlan): UnitAccounts {
  const units = leadUnits(plan).map((name, i) => ({ id: unitLineId(i), name }));
  const idOf = new Map(units.map((u) => [u.name, u.id]));
  return {
    units,
    accountable: (lead) => [...new Set(lead.flatMap((name) => idOf.get(name) ?? []))],
  };
}

export interface UnitRollup {
  /** The line's id (RollupUnit.id). */
  id: string;
  unit: string;
  /** Tasks the unit leads, "Không áp dụng" excluded. */
  total: number;
  /** Done, on time or late. */
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  recurring: number;
  notApplicable: number;
  /** doneOnTime ÷ (done + overdue); null when nothing is done or overdue yet. */
  onTimeRate: number | null;
}

function emptyRollup(id: string, unit: string): UnitRollup {
  return {
    id,
    unit,
    total: 0,
    done: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    dueSoon: 0,
    onTrack: 0,
    recurring: 0,
    notApplicable: 0,
    onTimeRate: null,
  };
}

function count(r: UnitRollup, state: TaskStateName): void {
  if (state === STATE_NOT_APPLICABLE) {
    r.notApplicable += 1;
    return;
  }
  r.total += 1;
  if (state === STATE_DONE) r.doneOnTime += 1;
  else if (state === STATE_DONE_LATE) r.doneLate += 1;
  else if (state === STATE_OVERDUE) r.overdue += 1;
  else if (state === STATE_DUE_SOON) r.dueSoon += 1;
  else if (state === STATE_ON_TRACK) r.onTrack += 1;
  else if (state === STATE_RECURRING) r.recurring += 1;
}

function finish(r: UnitRollup): UnitRollup {
  r.done = r.doneOnTime + r.doneLate;
  const decided = r.done + r.overdue;
  r.onTimeRate = decided === 0 ? null : r.doneOnTime / decided;
  return r;
}

/**
 * Per line of `accounts` (default: each lead unit, leadUnits order): counts of the tasks it answers
 * for by state on `asOf` (ISO). A task led by two units counts for both, once each; "Không áp dụng"
 * counts for neither (only in `notApplicable`). `inputs` are keyed by task key
 * (UserInput.tables.tblNhiemVu can be passed as it is). Lines are keyed by id, never by name.
 */
export function unitRollup(
  plan: RollupPlan,
  inputs: TaskInputs,
  asOf: string,
  soonDays: number = DEFAULT_SOON_DAYS,
  accounts: UnitAccounts = leadAccounts(plan)
): UnitRollup[] {
  const rows = new Map(accounts.units.map((u) => [u.id, emptyRollup(u.id, u.name)]));
  for (const task of plan.tasks) {
    if (task.lead.length === 0) continue;
    const { state } = taskOutcome(taskDue(task), inputs[task.key], asOf, soonDays);
    for (const id of new Set(accounts.accountable(task.lead))) {
      const row = rows.get(id);
      if (row) count(row, state);
    }
  }
  return [...rows.values()].map(finish);
}

/** The whole department: every task with a lead unit counted once ("Toàn cơ quan" row). */
export function planRollup(
  plan: RollupPlan,
  inputs: TaskInputs,
  asOf: string,
  soonDays: number = DEFAULT_SOON_DAYS,
  label = "Toàn cơ quan"
): UnitRollup {
  const r = emptyRollup("", label);
  for (const task of plan.tasks) {
    if (task.lead.length === 0) continue;
    count(r, taskOutcome(taskDue(task), inputs[task.key], asOf, soonDays).state);
  }
  return finish(r);
}
