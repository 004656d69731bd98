/**
 * A year filled in as units would fill it, for the periodic report's tests: tasks done in different
 * report windows (on the 14th and the 15th too), late, not applicable, not done; recurring tasks
 * reported in some quarters, not applicable in others; milestone-then-recurring work; monthly numbers
 * for every target (some months missing).
 */
import { isoToSerial } from "../../src/domain/excelDate";
import { QUARTER_MARK, quarterEvidenceKey, quarterMarkKey } from "../../src/domain/recurring";
import type { Scalar } from "../../src/layouts/model";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import { RECURRING_TABLE } from "../../src/layouts/recurringSheet";
import { ROSTER_TABLE, composeRosterSheet } from "../../src/layouts/rosterSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import type { UserInput } from "../../src/layouts/userInput";
import type { Plan } from "../../src/plan/types";

const serial = (iso: string): number => isoToSerial(iso) as number;

/** Done dates on window boundaries and inside windows of 2024. */
const DONE_DATES = [
  "2023-12-20",
  "2024-01-14",
  "2024-01-15",
  "2024-03-14",
  "2024-03-15",
  "2024-05-02",
  "2024-06-14",
  "2024-06-15",
  "2024-09-14",
  "2024-10-30",
  "2024-12-14",
  "2024-12-20",
];

export function filledYear(plan: Plan): UserInput {
  const tasks: Record<string, Record<string, Scalar>> = {};
  const recurring: Record<string, Record<string, Scalar>> = {};
  plan.tasks.forEach((task, i) => {
    const kind = i % 5;
    if (kind === 0 || kind === 1 || (task.deadline.recurring && task.deadline.due !== null)) {
      tasks[task.key] = {
        status: "Hoàn thành",
        doneDate: serial(DONE_DATES[i % DONE_DATES.length]),
        evidence: `Số ${i + 1}/BC-SKHCN`,
      };
    } else if (kind === 2) tasks[task.key] = { status: "Không áp dụng" };
    else if (kind === 3) tasks[task.key] = { status: "Đang thực hiện", progress: 50 };
    else if (i % 10 === 9) tasks[task.key] = { status: "Hoàn thành" }; // no date typed
    if (task.deadline.recurring) {
      const marks: Record<string, Scalar> = {};
      for (let q = 1; q <= 4; q++) {
        const pick = (i + q) % 4;
        if (pick === 0) continue; // not reported
        marks[quarterMarkKey(q)] =
          pick === 3 ? QUARTER_MARK.notApplicable : pick === 2 ? "đã thực hiện" : QUARTER_MARK.done;
        if (pick !== 3) marks[quarterEvidenceKey(q)] = `Minh chứng quý ${q}`;
      }
      // Some tasks reported in every quarter, so "done in the period" occurs for recurring work.
      if (i % 7 === 0) for (let q = 1; q <= 4; q++) marks[quarterMarkKey(q)] = QUARTER_MARK.done;
      recurring[task.key] = marks;
    }
  });
  const indicators: Record<string, Record<string, Scalar>> = {};
  plan.indicators.forEach((ind, i) => {
    const row: Record<string, Scalar> = {};
    for (let m = 1; m <= 12; m++) {
      if ((m + i) % 6 === 0) continue; // a month without numbers
      if (ind.unit === "%") {
        const total = 20 + 3 * m + i;
        row[`den${m}`] = total;
        row[`num${m}`] = Math.floor(total * Math.min(1, 0.84 + ((i % 7) * 0.025 + m * 0.004)));
      } else row[`num${m}`] = (m + i) % 4 === 0 ? 1 : 0;
    }
    indicators[ind.id] = row;
  });
  return {
    tables: { [TASKS_TABLE]: tasks, [RECURRING_TABLE]: recurring, [INDICATORS_TABLE]: indicators },
    names: {},
  };
}

/** The unit the coordinator adds in withGroupMembers (a name no plan uses). */
export const ADDED_MEMBER = "Phòng Thành viên thêm (thử)";

/**
 * `typed` plus a "Đơn vị" list as a coordinator fills it: the plan's first group lead gets two member
 * units — a unit added by hand and the plan's first real lead unit — so each of that group's tasks
 * counts for both; the other groups keep no members (each answers for its tasks itself). Returns the
 * group's name too. Any plan with a group lead and a unit lead will do.
 */
export function withGroupMembers(
  plan: Plan,
  typed: UserInput
): { userInput: UserInput; group: string } {
  const entries = composeRosterSheet(plan, undefined).entries;
  const group = entries.find((e) => e.kind === "group" && e.planName !== null);
  const unit = entries.find((e) => e.kind === "unit" && e.planName !== null);
  if (!group?.planName || !unit?.planName)
    throw new Error("withGroupMembers: the plan needs a group lead and a unit lead");
  return {
    group: group.planName,
    userInput: {
      ...typed,
      tables: {
        ...typed.tables,
        [ROSTER_TABLE]: {
          [unit.planName]: { name: unit.name, kind: "Đơn vị", groups: group.name },
          "+1": { name: ADDED_MEMBER, kind: "Đơn vị", groups: group.name },
        },
      },
    },
  };
}
