/**
 * The import side of the engine ("Nhập kế hoạch"): a .docx the user picks or the table they pasted
 * and selected → an ImportResult to preview; then the tracker for that plan, with the plan stored in
 * the workbook (KeHoach) so later actions use it. Loaded with the engine chunk; the .docx reader
 * (jszip) is its own chunk, fetched only when a file is picked.
 */
import { importPlan, type ImportResult } from "../import/importPlan";
import type { SourceDocument } from "../import/model";
import { buildWorkbook, type PrepareInput } from "../layouts/workbook";
import { PLAN_SHEET_KEY, PLAN_SHEET_NAME, withPlanSheet } from "../layouts/planSheet";
import { workbookTargets } from "../layouts/targets";
import { getPlan } from "../plan";
import type { Plan } from "../plan/types";
import { setWorkbookTargets } from "../plan/workbookTargets";
import {
  refresh,
  type ActionResult,
  createOrUpdate,
  type CreateResult,
  type LayoutBuilder,
  type OfficeDeps,
} from "../render/office/actions";
import { ActionError, describeError } from "../render/office/errors";
import { readSelectedTable, readWorkbookPlan } from "../render/office/planActions";

export { applyUnitEdits, type UnitEdit } from "../import/unitEdits";
export type { ImportResult };

/** A builder that also says which plan it stored (with the targets corrected in the sheet). */
export interface PlanLayoutBuilder extends LayoutBuilder {
  /** The plan of the last build, null before the first. */
  builtPlan(): Plan | null;
}

/**
 * The layout of a plan, add-in flavour, with the plan itself stored in the workbook (KeHoach).
 * `editBase` (default: `plan`): the plan the sheets were built from, see WorkbookOptions.editBase;
 * `prepare` changes the values read back (a snapshot), see WorkbookOptions.prepare.
 */
export function layoutBuilderFor(
  plan: Plan,
  opts: { editBase?: Plan | null; prepare?: PrepareInput } = {}
): PlanLayoutBuilder {
  const targets = workbookTargets(plan.year);
  let stored: Plan | null = null;
  return {
    targets: {
      ...targets,
      sheets: [...targets.sheets, { key: PLAN_SHEET_KEY, name: PLAN_SHEET_NAME }],
    },
    build: (userInput) => {
      const built = buildWorkbook(plan, { userInput, flavor: "addin", ...opts });
      stored = built.plan;
      return {
        layout: withPlanSheet(built.layout, built.plan),
        notes: built.notes,
        orphans: built.orphans,
      };
    },
    builtPlan: () => stored,
  };
}

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  const { readDocxPlan } = await import(/* webpackChunkName: "docx" */ "../import/docx");
  return importPlan(await readDocxPlan(bytes));
}

/** The selected table (or the sheet's used range) → a plan; rows with one filled cell near the top are the title. */
export async function importSelection(deps: OfficeDeps): Promise<ImportResult> {
  const table = await readSelectedTable(deps.run);
  const doc: SourceDocument = {
    paragraphs: table.rows
      .slice(0, 15)
      .map((r) => r.filter((c) => c.trim() !== ""))
      .filter((r) => r.length === 1)
      .map((r) => r[0].trim()),
    tables: [
      table.rows.map((cells, i) => ({
        cells,
        afterBreak: false,
        where: `hàng ${i + 1} của vùng chọn`,
      })),
    ],
  };
  return importPlan(doc);
}

let sharedTargets = "";
/**
 * What this pane last read from or wrote to the workbook: the plan stored in it (null: none stored);
 * null before the first read. The plan actions use and the title the pane shows both derive from it.
 */
let known: { stored: Plan | null } | null = null;

/**
 * The title of the plan this workbook tracks, as last read or written by this pane; null while the
 * workbook has none (the pane then names no plan rather than the built-in example's agency).
 */
export function workbookPlanTitle(): string | null {
  return known?.stored?.title ?? null;
}

/** Remembers what the workbook stores; the plan to use (the built-in one while none is stored). */
function remember(stored: Plan | null): Plan {
  known = { stored };
  return stored ?? getPlan();
}

/** Reads the stored plan, shares its targets and remembers it; true when the targets changed. */
async function readStoredPlan(run: OfficeDeps["run"]): Promise<{ plan: Plan; changed: boolean }> {
  const stored = await readWorkbookPlan(run);
  const changed = shareTargets(stored);
  return { plan: remember(stored), changed };
}

/** The workbook's plan: as last read or written by this pane, else read now (2 round trips). */
export async function workbookPlan(run: OfficeDeps["run"]): Promise<Plan> {
  if (known) return known.stored ?? getPlan();
  return (await readStoredPlan(run)).plan;
}

/**
 * Hands the plan's target numbers to the custom functions (CCHC.TARGET) of this page; true when
 * they changed, so the cells that use them need a recalculation.
 */
function shareTargets(plan: Plan | null): boolean {
  const targets = plan
    ? plan.indicators.map(({ id, target, comparison, unit }) => ({ id, target, comparison, unit }))
    : null;
  setWorkbookTargets(targets);
  const json = JSON.stringify(targets);
  const changed = json !== sharedTargets;
  sharedTargets = json;
  return changed;
}

/** The tracker for an imported plan; the plan is stored in the workbook and its targets shared. */
export async function createOrUpdateForPlan(deps: OfficeDeps, plan: Plan): Promise<CreateResult> {
  // A new document: the targets typed in the old sheet are not corrections of this one.
  const builder = layoutBuilderFor(plan, { editBase: null });
  const result = await createOrUpdate(deps, builder);
  if (result.ok) shareTargets(remember(builder.builtPlan() ?? plan));
  return result;
}

/**
 * Refresh, then (when the workbook has a tracker) read its plan so CCHC.TARGET uses its targets; a
 * second refresh recalculates when they changed. A workbook without a tracker, or an Excel missing
 * requirement sets, costs no more round trips than a plain refresh.
 */
export async function refreshWithWorkbookPlan(deps: OfficeDeps): Promise<ActionResult> {
  const first = await refresh(deps);
  if (!first.ok) return first;
  try {
    if (!(await readStoredPlan(deps.run)).changed) return first;
  } catch (e) {
    shareTargets(null);
    return {
      ...first,
      details: [describeError(e), ...(e instanceof ActionError ? e.details : []), ...first.details],
    };
  }
  return refresh(deps);
}

/**
 * Create/update with the workbook's own plan (the built-in one when the workbook has none yet);
 * `prepare` changes the values read back first (a snapshot).
 */
export async function createOrUpdateWorkbookPlan(
  deps: OfficeDeps,
  prepare?: PrepareInput
): Promise<CreateResult> {
  let plan: Plan;
  try {
    plan = (await readStoredPlan(deps.run)).plan;
  } catch (e) {
    return {
      ok: false,
      message: describeError(e),
      details: e instanceof ActionError ? e.details : [],
    };
  }
  const builder = layoutBuilderFor(plan, { prepare });
  const result = await createOrUpdate(deps, builder);
  // Created: the plan (the built-in one for a new workbook) is now stored in the workbook, with the
  // targets corrected or added in the Chỉ tiêu sheet: CCHC.TARGET follows them.
  if (result.ok) shareTargets(remember(builder.builtPlan() ?? plan));
  return result;
}
