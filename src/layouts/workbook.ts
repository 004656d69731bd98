/**
 * The whole workbook as data: sheets in order "Nhiệm vụ", "Chỉ tiêu", "Theo đơn vị", "Đơn vị". The add-in
 * (src/render/office) and the file command (src/render/xlsx) both render what this returns.
 */
import type { Plan } from "../plan/types";
import type { SheetLayout, WorkbookLayout } from "./model";
import type { ReportSettings } from "./reportSettings";
import { composeTasksSheet } from "./tasksAssembly";
import { taskInputsOf } from "./tasksSheet";
import { composeUnitsSheet } from "./unitsSheet";
import { composeRosterSheet } from "./rosterSheet";
import { composeIndicatorsSheet } from "./indicatorsAssembly";
import { composeRecurringSheet } from "./recurringSheet";
import { composeHistorySheet } from "./historySheet";
import { composeReportSheet } from "./reportSheet";
import { withMonthWindowLabels, withReportSourceNames } from "./reportSources";
import { emptyUserInput, type UserInput } from "./userInput";
import type { OrphanInput } from "./userInputMerge";
import { cleanInputs } from "./xmlSafe";
import { applyIndicatorEdits } from "./indicatorEdits";
import { monthsElapsed } from "../domain/verdict";

export type WorkbookFlavor = "addin" | "file";

export interface WorkbookOptions {
  /** ISO date → NgayBaoCao fixed; null → =TODAY(); omitted → keep the user's value, else =TODAY(). */
  asOf?: string | null;
  /** "Due soon" window in days (SoNgaySapDenHan); omitted → keep the user's value, else 7. */
  soonDays?: number;
  /** Values read from the workbook before it is rewritten; they are put back into the new layout. */
  userInput?: UserInput;
  /** "addin" may use CCHC.* in cells; "file" writes plain Excel formulas only. */
  flavor: WorkbookFlavor;
  /** Today's ISO date for cached results of =TODAY() (tests); default: the machine's local date. */
  today?: string;
  /**
   * The plan the workbook was built from, to tell the Chỉ tiêu sheet's typed corrections from what was
   * written (indicatorEdits.ts). Omitted: the plan given; null: a new document, typed definitions of
   * its targets are not corrections.
   */
  editBase?: Plan | null;
  /**
   * What an action does to the values read back once the Chỉ tiêu edits are applied, before the
   * sheets are built around them ("Chốt số liệu" appends a snapshot of the edited plan to Lịch sử),
   * and what it tells the user.
   */
  prepare?: PrepareInput;
}

export type PrepareInput = (
  plan: Plan,
  userInput: UserInput
) => { userInput: UserInput; notes: string[] };

export interface WorkbookBuild {
  layout: WorkbookLayout;
  /** The plan built, with the targets corrected and added in the Chỉ tiêu sheet: the one to store. */
  plan: Plan;
  settings: ReportSettings;
  /** Values typed for rows the plan no longer has: kept as rows at the end of their table, listed here. */
  orphans: OrphanInput[];
  /** Things the user should be told (Vietnamese), e.g. an unreadable old as-of date replaced. */
  notes: string[];
}

/** Builds every sheet and reports orphans and notes; the renderers show them to the user. */
export function buildWorkbook(rawPlan: Plan, opts: WorkbookOptions): WorkbookBuild {
  // Every string is made XML-safe before it reaches a sheet (xmlSafe.ts); keys stay consistent.
  const clean = cleanInputs(rawPlan, opts.userInput);
  const edits = applyIndicatorEdits(clean.plan, clean.userInput, {
    base:
      opts.editBase === undefined
        ? undefined
        : opts.editBase && cleanInputs(opts.editBase, undefined).plan,
  });
  const plan = edits.plan;
  const prepared = opts.prepare?.(plan, edits.userInput ?? emptyUserInput());
  opts = { ...opts, userInput: prepared?.userInput ?? edits.userInput };
  // The coordinator's list of real units and groups ("Đơn vị") decides who answers for each task:
  // one set of ids for the hidden lead column and the per-unit lines that count over it.
  const roster = composeRosterSheet(plan, opts.userInput);
  const accounts = roster.accounts;
  const tasks = composeTasksSheet(plan, {
    accounts,
    asOf: opts.asOf,
    soonDays: opts.soonDays,
    userInput: opts.userInput,
    today: opts.today,
  });
  const units = composeUnitsSheet(plan, {
    settings: tasks.settings,
    inputs: taskInputsOf(opts.userInput),
    accounts,
  });

  const indicators = composeIndicatorsSheet(plan, {
    userInput: opts.userInput,
    flavor: opts.flavor,
    refused: edits.refused,
    months: monthsElapsed(tasks.settings.asOf, plan.year),
  });

  // Quarter marks of recurring work (the periodic report reads them).
  const recurring = composeRecurringSheet(plan, {
    userInput: opts.userInput,
    asOf: tasks.settings.asOf,
  });

  const sheets: SheetLayout[] = [tasks.sheet];
  sheets.push(withMonthWindowLabels(indicators.sheet, plan.year));
  sheets.push(units.sheet);
  sheets.push(roster.sheet);
  sheets.push(composeReportSheet(plan, opts.userInput));
  sheets.push(recurring.sheet);
  sheets.push(composeHistorySheet(plan, opts.userInput));

  return {
    layout: { sheets: withReportSourceNames(sheets) },
    plan,
    settings: tasks.settings,
    orphans: [...tasks.orphans, ...recurring.orphans, ...indicators.orphans],
    notes: [
      ...(prepared?.notes ?? []),
      ...clean.notes,
      ...tasks.settings.notes,
      ...roster.notes,
      ...edits.changes,
      ...edits.problems,
    ],
  };
}
