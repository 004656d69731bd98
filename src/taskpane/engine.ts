/**
 * Everything the task pane's buttons run: the plan (JSON + schema validation), the sheet layouts and
 * the Office.js renderer. It is the bulk of the code, so the page does not load it up front: the
 * shell imports this module only through loadEngine(), which webpack turns into a separate chunk.
 */
import { workbookTargets } from "../layouts/targets";
import { buildWorkbook } from "../layouts/workbook";
import { getPlan } from "../plan";
import type { LayoutBuilder } from "../render/office/actions";

export { createOrUpdate, filterByUnit, refresh, setAsOfDate } from "../render/office/actions";
export { sortTasks } from "../render/office/sortAction";

/** The 2024 plan around the values read back; plain formulas where CCHC.* cannot run. */
export const defaultLayoutBuilder: LayoutBuilder = {
  targets: workbookTargets(getPlan().year),
  build: (userInput, env) => {
    const flavor = env?.customFunctions === false ? "file" : "addin";
    const built = buildWorkbook(getPlan(), { userInput, flavor });
    return { layout: built.layout, notes: built.notes, orphans: built.orphans };
  },
};

export {
  applyUnitEdits,
  createOrUpdateForPlan,
  createOrUpdateWorkbookPlan,
  refreshWithWorkbookPlan,
  importDocx,
  importSelection,
  layoutBuilderFor,
  workbookPlanTitle,
} from "./planImport";
export type { ImportResult, UnitEdit } from "./planImport";

export { readHistoryTrends, snapshotWorkbookPlan } from "./reportActions";
