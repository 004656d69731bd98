/**
 * Everything the task pane's buttons run: the plan (JSON + schema validation), the sheet layouts and
 * the Office.js renderer. It is the bulk of the code, so the page does not load it up front: the
 * shell imports this module only through loadEngine(), which webpack turns into a separate chunk.
 */
import { workbookTargets } from "../layouts/targets";
import { buildWorkbook } from "../layouts/workbook";
import { withPeriodSnapshot } from "../layouts/historySheet";
import type { PeriodId } from "../domain/reportPeriods";
import { getPlan } from "../plan";
import type { ExcelRun, LayoutBuilder } from "../render/office/actions";
import { readHistory, type HistoryTrends } from "../render/office/history";

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
} from "./planImport";
export type { ImportResult, UnitEdit } from "./planImport";

/**
 * "Chốt số liệu": the same create/update round trips, with the figures of `period` (from the values
 * read back) appended to the Lịch sử sheet as the next snapshot (docs/report.md).
 */
export function snapshotLayoutBuilder(period: PeriodId, takenOn: string): LayoutBuilder {
  return {
    targets: workbookTargets(getPlan().year),
    build: (userInput) => {
      const snap = withPeriodSnapshot(getPlan(), userInput, period, takenOn);
      const built = buildWorkbook(getPlan(), { userInput: snap.userInput, flavor: "addin" });
      const note = `Đã chốt số liệu lần ${snap.no} (${snap.report.period.label} ${snap.report.period.year}): ${snap.report.tasks.overdue} nhiệm vụ quá hạn tại ngày cuối kỳ.`;
      return { layout: built.layout, notes: [note, ...built.notes], orphans: built.orphans };
    },
  };
}

/** The trends kept in Lịch sử, rates marked from the plan's targets. */
export async function readHistoryTrends(run: ExcelRun): Promise<HistoryTrends> {
  const trends = await readHistory(run);
  const rates = new Set(
    getPlan()
      .indicators.filter((i) => i.unit === "%")
      .map((i) => i.id)
  );
  return { ...trends, isRate: (id) => rates.has(id) };
}
