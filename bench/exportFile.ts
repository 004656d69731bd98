import { buildWorkbook } from "../src/layouts/workbook";
import { renderWorkbookFile } from "../src/render/xlsx/renderWorkbookFile";
import { getPlan } from "../src/plan";
import { syntheticPlan } from "../test/support/officeHarness";
import { timeMsAsync } from "./timing";

/** .xlsx export (layout + exceljs render to a buffer) at N× the plan's size. */
export interface ExportFigures {
  scale: number;
  tasks: number;
  ms: number;
  bytes: number;
}

export async function measureExport(scales: number[]): Promise<ExportFigures[]> {
  const out: ExportFigures[] = [];
  for (const scale of scales) {
    const plan = syntheticPlan(getPlan(), scale);
    let bytes = 0;
    const run = async () => {
      const layout = buildWorkbook(plan, {
        flavor: "file",
        asOf: "2024-06-30",
        today: "2024-06-30",
      }).layout;
      bytes = (await renderWorkbookFile(layout)).length;
    };
    const ms = await timeMsAsync(run, scale >= 100 ? 2 : 4);
    out.push({ scale, tasks: plan.tasks.length, ms, bytes });
  }
  return out;
}
