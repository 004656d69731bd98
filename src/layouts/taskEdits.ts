/**
 * A task's deadline and lead unit corrected by hand in the "Nhiệm vụ" sheet (issue 11). The "Chủ trì"
 * and "Thời gian hoàn thành" cells are definition cells (open to the coordinator): before a rebuild
 * the values read back are compared with what the sheet was built from (the plan stored in the
 * workbook), and only what differs is a person's edit. A deadline is read again with the deadline
 * parser (its due date, recurrence); a lead is read into units like the document's. An edit that
 * cannot be applied (a deadline with no date the parser can read, an empty lead) is listed in
 * Vietnamese and stays in its cell as typed, and the task keeps its deadline or lead until it is
 * fixed: a due date is never guessed. Applied edits are recorded in the task (`corrections`, with the
 * document's wording) and the plan is stored again, so Hạn, Tình trạng, Theo đơn vị, Báo cáo, the task
 * pane and `--from` follow.
 */
import { parseDeadline } from "../domain/deadline";
import { formatDmy } from "../domain/isoDate";
import { canonicalUnits } from "../plan/units";
import type { Plan, Task } from "../plan/types";
import type { Scalar } from "./model";
import { definitionText, recordCorrection } from "./planCorrections";
import { TASKS_TABLE } from "./tasksSheet";
import type { UserInput } from "./userInput";
import type { TableInputRows } from "./userInputMerge";

/** The task table's columns whose typed values are corrections of the plan. */
export const TASK_DEFINITION_KEYS = ["lead", "deadline"] as const;
export type TaskDefinitionKey = (typeof TASK_DEFINITION_KEYS)[number];

const FIELD_NAMES: Record<TaskDefinitionKey, string> = {
  lead: "chủ trì",
  deadline: "thời gian hoàn thành",
};

/** The definition cells' texts as the Nhiệm vụ sheet writes them (tasksRows.ts). */
export function taskDefinitionTexts(task: Task): Record<TaskDefinitionKey, string> {
  const canonical = task.lead.join(", ");
  return { lead: canonical === "" ? task.leadText : canonical, deadline: task.deadline.text };
}

export interface TaskEditsResult {
  plan: Plan;
  userInput: UserInput | undefined;
  /** What changed, one Vietnamese line each. */
  changes: string[];
  /** Edits refused, one Vietnamese line each; the typed values stay in their cells. */
  problems: string[];
}

const clone = (t: Task): Task => JSON.parse(JSON.stringify(t)) as Task;

const dueText = (task: Task): string =>
  task.deadline.due !== null
    ? `hạn ${formatDmy(task.deadline.due)}${task.deadline.recurring ? ", sau đó thường xuyên" : ""}`
    : task.deadline.recurring
      ? "thường xuyên, không có hạn"
      : "không có hạn";

/** Applies one typed field to `task`; a refusal says why, in Vietnamese. */
function applyField(
  task: Task,
  field: TaskDefinitionKey,
  typed: string,
  plan: Plan
): { ok: true } | { ok: false; message: string } {
  if (field === "lead") {
    const lead = canonicalUnits(typed, plan.units);
    if (lead.length === 0) return { ok: false, message: "không đọc được tên đơn vị nào" };
    task.lead = lead;
    // The stored plan derives the lead from its text (plan/build.ts); the document's is in corrections.
    task.leadText = typed;
    return { ok: true };
  }
  const d = parseDeadline(typed, { year: plan.year });
  if (d.kind === "unknown") {
    return {
      ok: false,
      message:
        `không đọc được “${typed}”${d.error ? ` (${d.error})` : ""}; ghi rõ, ví dụ ` +
        `“30/06/${plan.year}”, “Quý II/${plan.year}” hoặc “Thường xuyên”`,
    };
  }
  task.deadline = { text: typed, due: d.due, recurring: d.recurring };
  return { ok: true };
}

/**
 * Applies the deadline and lead corrections typed in tblNhiemVu to `plan`. `base` is the plan the
 * sheet was built from (default: `plan`); null means a new document replaces it, so the typed
 * cells are its old texts, not corrections of this one. Returns the plan to build and store, the
 * typed values left for the sheet (applied corrections and unchanged texts dropped, refused ones
 * kept as typed) and what to tell the user.
 */
export function applyTaskEdits(
  plan: Plan,
  userInput: UserInput | undefined,
  base?: Plan | null
): TaskEditsResult {
  const rows: TableInputRows | undefined = userInput?.tables[TASKS_TABLE];
  if (!userInput || !rows) return { plan, userInput, changes: [], problems: [] };
  const from = base === undefined ? plan : base;
  const written = new Map((from?.tasks ?? []).map((t) => [t.key, taskDefinitionTexts(t)]));
  const index = new Map(plan.tasks.map((t, i) => [t.key, i]));
  const tasks = [...plan.tasks];
  const out: TableInputRows = {};
  const changes: string[] = [];
  const problems: string[] = [];

  for (const [key, values] of Object.entries(rows)) {
    const i = index.get(key);
    const before = written.get(key);
    const kept: Record<string, Scalar> = { ...values };
    for (const field of TASK_DEFINITION_KEYS) delete kept[field];
    // Objective rows, rows the plan no longer has, a new document: the typed texts are not edits.
    if (i === undefined) {
      out[key] = values;
      continue;
    }
    if (before === undefined) {
      if (Object.keys(kept).length > 0) out[key] = kept;
      continue;
    }
    for (const field of TASK_DEFINITION_KEYS) {
      const typed = definitionText(values[field]);
      // An emptied cell is not an edit: the sheet writes the plan's text back.
      if (typed === undefined || typed === definitionText(before[field])) continue;
      const task = tasks[i] === plan.tasks[i] ? clone(plan.tasks[i]) : tasks[i];
      const applied = applyField(task, field, typed, plan);
      if (!applied.ok) {
        problems.push(
          `Nhiệm vụ ${task.code}: ${FIELD_NAMES[field]} ${applied.message} — giữ nguyên ô đã nhập, ` +
            `nhiệm vụ vẫn tính theo “${before[field]}”.`
        );
        kept[field] = values[field];
        continue;
      }
      const now = taskDefinitionTexts(task)[field];
      recordCorrection(task, field, before[field], now);
      tasks[i] = task;
      changes.push(
        `Nhiệm vụ ${task.code}: ${FIELD_NAMES[field]} “${before[field]}” → “${now}”` +
          (field === "deadline" ? ` (${dueText(task)}).` : ".")
      );
    }
    if (Object.keys(kept).length > 0) out[key] = kept;
  }
  return {
    plan: { ...plan, tasks },
    userInput: { ...userInput, tables: { ...userInput.tables, [TASKS_TABLE]: out } },
    changes,
    problems,
  };
}
