/**
 * The periodic report's side of the engine: "Chốt số liệu" and the trends read back from Lịch sử,
 * both on the workbook's own plan (the KeHoach sheet), never silently the built-in one.
 */
import { withPeriodSnapshot } from "../layouts/historySheet";
import { periodName, type PeriodId } from "../domain/reportPeriods";
import type { CreateResult, OfficeDeps } from "../render/office/actions";
import { readHistory, type HistoryTrends } from "../render/office/history";
import { createOrUpdateWorkbookPlan, workbookPlan } from "./planImport";

/**
 * "Chốt số liệu": the create/update round trips with the workbook's plan, the figures of `period`
 * (from the values read back) appended to the Lịch sử sheet as the next snapshot (docs/report.md).
 */
export function snapshotWorkbookPlan(
  deps: OfficeDeps,
  period: PeriodId,
  takenOn: string
): Promise<CreateResult> {
  return createOrUpdateWorkbookPlan(deps, (plan, userInput) => {
    const snap = withPeriodSnapshot(plan, userInput, period, takenOn);
    const { report } = snap;
    return {
      userInput: snap.userInput,
      notes: [
        `Đã chốt số liệu lần ${snap.no}, kỳ ${periodName(report.period)}: ` +
          `${report.tasks.overdue} nhiệm vụ quá hạn tại ngày cuối kỳ.`,
      ],
    };
  });
}

/** The trends kept in Lịch sử, rates marked from the workbook plan's targets. */
export async function readHistoryTrends(run: OfficeDeps["run"]): Promise<HistoryTrends> {
  const trends = await readHistory(run);
  const plan = await workbookPlan(run);
  const rates = new Set(plan.indicators.filter((i) => i.unit === "%").map((i) => i.id));
  return { ...trends, isRate: (id) => rates.has(id) };
}
