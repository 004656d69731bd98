/**
 * The rows of the "Nhiệm vụ" table: section headers, one row per objective followed by its tasks in
 * document order (the objective's text once, not on every task row), and the rows that keep values
 * typed for tasks the plan no longer has. Each task-like row is built from its ISO due date, which gives both its "Hạn"
 * formula and the cached results (state, days late) a file reader shows without recalculating.
 */
import { perRow } from "./rowTemplate";
import { isoToSerial } from "../domain/excelDate";
import { taskDue, taskOutcome } from "../domain/unitRollup";
import type { Plan, Task } from "../plan/types";
import { HEADER_KEY_PREFIX, type CellFormat, type Scalar, type TableRow } from "./model";
import { textCell } from "./cellText";
import type { ReportSettings } from "./reportSettings";
import { NOTE_COLOR } from "./style";
import { daysLateFormula, dueFormula, leadKeysCell, stateFormula } from "./tasksFormulas";
import { taskColumn, type TaskColumnKey } from "./tasksSheet";
import type { OrphanInput, TableInputRows } from "./userInputMerge";

export const SECTION_FORMAT: CellFormat = { font: { bold: true }, fill: "#DDEBF7", locked: true };
const SUBSECTION_FORMAT: CellFormat = {
  font: { bold: true, italic: true },
  fill: "#EDF3FA",
  locked: true,
};
const NOTE_ROW_FORMAT: CellFormat = { font: { italic: true, color: NOTE_COLOR }, locked: true };

/** Text that cannot be mistaken for a formula by a renderer ("=…" is a formula in the model). */
export const plainText = textCell;

/** A list cell: one item per line, bulleted when there are several. */
export function listText(items: readonly string[]): string {
  const clean = items.map((s) => s.trim().replace(/^[-–•+]\s*/, "")).filter((s) => s !== "");
  if (clean.length === 1) return plainText(clean[0]);
  return clean.map((s) => `• ${s}`).join("\n");
}

/** "Mục tiêu 1.3. Phấn đấu …": the objective's row, in the printed task column. */
function objectiveTitle(o: Task["objective"]): string {
  const t = o.text.trim();
  if (o.code === "" || t.startsWith(o.code)) return `Mục tiêu: ${t}`;
  return `Mục tiêu ${o.code}. ${t}`;
}

/** What a task row says of its objective (screen only): its code, or its text when it has none. */
function objectiveRef(o: Task["objective"]): string {
  return plainText(o.code !== "" ? o.code : o.text.trim());
}

function sectionLabel(task: Pick<Task, "section" | "subsection">): string {
  return task.subsection ? `${task.section} (${task.subsection})` : task.section;
}

/** What every row builder needs: the table's width, sheet rows, typed values and the settings. */
export interface RowContext {
  width: number;
  rowOf: (index: number) => number;
  inputs: TableInputRows;
  settings: ReportSettings;
  /** Ids of the per-unit lines a task's canonical lead counts for (UnitAccounts.accountable). */
  leadIds: (lead: readonly string[]) => readonly string[];
}

export function blankCells(width: number): Scalar[] {
  return new Array<Scalar>(width).fill(null);
}

function put(cells: Scalar[], key: TaskColumnKey, value: Scalar): void {
  cells[taskColumn(key) - 1] = value;
}

export function headerRow(
  key: string,
  section: string,
  title: string,
  format: CellFormat | undefined,
  width: number
): TableRow {
  const cells = blankCells(width);
  put(cells, "key", key);
  put(cells, "section", section);
  // The title goes in the widest printed column.
  put(cells, "task", plainText(title));
  return { key, cells, results: blankCells(width), ...(format ? { format } : {}) };
}

/** Key prefix of the objective rows ("§MT:I::1.1"); a conditional format sets them in italics. */
export const OBJECTIVE_KEY_PREFIX = `${HEADER_KEY_PREFIX}MT:`;

const rowFormulas = perRow((r) => ({ state: stateFormula(r), daysLate: daysLateFormula(r) }));

/**
 * A task-like row's formula cells (due, state, days late) at sheet row `r`, and their cached
 * results for the values typed under `key`.
 */
function computed(
  key: string,
  cells: Scalar[],
  due: string | null,
  r: number,
  ctx: RowContext
): TableRow {
  put(cells, "due", dueFormula(due));
  const f = rowFormulas(r);
  put(cells, "state", f.state);
  put(cells, "daysLate", f.daysLate);
  const { state, daysLate } = taskOutcome(
    due,
    ctx.inputs[key],
    ctx.settings.asOf,
    ctx.settings.soonDays
  );
  const results = blankCells(cells.length);
  put(results, "due", due === null ? "" : isoToSerial(due));
  put(results, "state", state);
  put(results, "daysLate", daysLate);
  return { key, cells, results };
}

function taskRow(task: Task, r: number, ctx: RowContext): TableRow {
  const cells = blankCells(ctx.width);
  put(cells, "key", textCell(task.key));
  put(cells, "section", textCell(sectionLabel(task)));
  put(cells, "objective", objectiveRef(task.objective));
  put(cells, "code", textCell(task.code));
  put(cells, "task", plainText(task.text));
  put(cells, "activities", listText(task.activities));
  put(cells, "outputs", listText(task.outputs));
  // One name per unit on every sheet: the canonical names (as "Theo đơn vị" and the task pane show
  // them); the document's own wording stays in the hidden "Chủ trì (theo văn bản)" column.
  const canonical = task.lead.join(", ");
  put(cells, "lead", plainText(canonical === "" ? task.leadText : canonical));
  put(cells, "coord", plainText(task.coordText));
  put(cells, "deadline", plainText(task.deadline.text));
  put(cells, "note", plainText(task.note));
  put(cells, "leadText", plainText(task.leadText));
  put(cells, "leadKeys", leadKeysCell(ctx.leadIds(task.lead)));
  return computed(task.key, cells, taskDue(task), r, ctx);
}

/** Key of an objective's row: "§MT:VII:7.2:1.6" (plus "#2" … when the code repeats in its group). */
function objectiveKey(
  o: { section: string; subsection?: string | null; code: string },
  seen: Map<string, number>
): string {
  const base = `${OBJECTIVE_KEY_PREFIX}${o.section}:${o.subsection ?? ""}:${o.code}`;
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base}#${n}`;
}

export const ORPHAN_GROUP_KEY = `${HEADER_KEY_PREFIX}+`;

/** A row holding values typed for a task the plan no longer has (or a row the user added). */
export function orphanRow(orphan: OrphanInput, r: number, ctx: RowContext): TableRow {
  const cells = blankCells(ctx.width);
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
  return computed(orphan.key, cells, null, r, ctx);
}

/** Tasks of a section (or subsection) in document order. */
function tasksIn(plan: Plan, section: string, subsection: string | null): Task[] {
  return plan.tasks.filter((t) => t.section === section && (t.subsection ?? null) === subsection);
}

export function planRows(plan: Plan, ctx: RowContext): TableRow[] {
  const rows: TableRow[] = [];
  const push = (make: (r: number) => TableRow): void => {
    rows.push(make(ctx.rowOf(rows.length)));
  };
  const placed = new Set<string>();
  const seenObjectives = new Map<string, number>();
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
      let objective: string | null = null;
      for (const task of tasksIn(plan, section.id, sub)) {
        const o = task.objective;
        const same = `${o.code}\n${o.text.trim()}`;
        if (same !== objective && (o.code !== "" || o.text.trim() !== "")) {
          const key = objectiveKey({ ...task, code: o.code }, seenObjectives);
          push(() => headerRow(key, sectionLabel(task), objectiveTitle(o), undefined, ctx.width));
        }
        objective = same;
        placed.add(task.key);
        push((r) => taskRow(task, r, ctx));
      }
      for (const o of objectivesOf(section.id, sub)) {
        const title = `${objectiveTitle(o)}\n(Tài liệu không ghi nhiệm vụ cho mục tiêu này)`;
        const key = objectiveKey(o, seenObjectives);
        push(() => headerRow(key, sectionLabel(o), title, NOTE_ROW_FORMAT, ctx.width));
      }
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
    for (const task of rest) push((r) => taskRow(task, r, ctx));
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
