/**
 * A revised plan imported into a workbook that already tracks one: the values typed for a task or a
 * target follow it when its identity (task key, indicator id) is unchanged, else when its text is
 * (a renumbered task). Other tables of typed values (Lịch sử: snapshots already reported) are
 * carried as they are. What matches neither stays keyed as it was: the build keeps such rows at the
 * end of their table and lists them, so nothing typed is dropped.
 */
import type { Plan } from "../plan/types";
import { INDICATORS_TABLE } from "./indicatorsSheet";
import { RECURRING_TABLE } from "./recurringSheet";
import { TASKS_TABLE } from "./tasksSheet";
import type { UserInput } from "./userInput";
import type { TableInputRows } from "./userInputMerge";

export interface Revision {
  userInput: UserInput;
  /** Vietnamese, one line per row that moved to a new identity because its text matched. */
  moved: string[];
}

const sameText = (s: string): string =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function rekey(
  rows: TableInputRows | undefined,
  oldTexts: ReadonlyMap<string, string>,
  newItems: readonly { key: string; text: string }[],
  label: string,
  moved: string[]
): TableInputRows | undefined {
  if (!rows) return rows;
  const newKeys = new Set(newItems.map((i) => i.key));
  const out = { ...rows };
  for (const key of Object.keys(rows)) {
    if (newKeys.has(key)) continue;
    const text = oldTexts.get(key);
    if (text === undefined) continue;
    const target = newItems.find((i) => sameText(i.text) === sameText(text) && !(i.key in out));
    if (!target) continue;
    out[target.key] = rows[key];
    delete out[key];
    moved.push(`${label} ${key} → ${target.key} (khớp theo nội dung)`);
  }
  return out;
}

export function carryInputToRevisedPlan(input: UserInput, oldPlan: Plan, newPlan: Plan): Revision {
  const moved: string[] = [];
  const tables = { ...input.tables };
  const oldTaskTexts = new Map(oldPlan.tasks.map((t) => [t.key, t.text]));
  const newTasks = newPlan.tasks.map((t) => ({ key: t.key, text: t.text }));
  const tasks = rekey(input.tables[TASKS_TABLE], oldTaskTexts, newTasks, "Nhiệm vụ", moved);
  if (tasks) tables[TASKS_TABLE] = tasks;
  // A recurring task's quarter marks follow it like its other typed values (one line said for both).
  const recurring = rekey(input.tables[RECURRING_TABLE], oldTaskTexts, newTasks, "", []);
  if (recurring) tables[RECURRING_TABLE] = recurring;
  const indicators = rekey(
    input.tables[INDICATORS_TABLE],
    new Map(oldPlan.indicators.map((i) => [i.id, i.text])),
    newPlan.indicators.map((i) => ({ key: i.id, text: i.text })),
    "Chỉ tiêu",
    moved
  );
  if (indicators) tables[INDICATORS_TABLE] = indicators;
  return { userInput: { ...input, tables }, moved };
}
