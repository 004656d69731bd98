/**
 * The plan a workbook file carries (src/layouts/planSheet.ts), for `cchc workbook --from`: the file
 * is regenerated with its own plan, never silently with the built-in one.
 */
import { parsePlan, PlanValidationError } from "../../plan";
import type { Plan } from "../../plan/types";
import type { Scalar } from "../../layouts/model";
import { PLAN_SHEET_NAME, planJsonOf } from "../../layouts/planSheet";
import { loadWorkbook, WorkbookFileError } from "./readUserInput";
import { cellScalar } from "./readCells";

/** The stored plan, or null when the file has none (written before plans were stored). */
export async function readStoredPlan(
  data: Uint8Array,
  fileName = "tệp nguồn"
): Promise<Plan | null> {
  const wb = await loadWorkbook(data, fileName);
  const ws = wb.getWorksheet(PLAN_SHEET_NAME);
  if (!ws) return null;
  const column: Scalar[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(cellScalar(ws.getCell(r, 1)));
  let json: unknown;
  try {
    json = planJsonOf(column);
  } catch (err) {
    throw new WorkbookFileError(`Tệp “${fileName}”: ${(err as Error).message}.`);
  }
  if (json === null) return null;
  try {
    return parsePlan(json);
  } catch (err) {
    if (!(err instanceof PlanValidationError)) throw err;
    throw new WorkbookFileError(
      `Tệp “${fileName}”: kế hoạch lưu trong sổ không hợp lệ. ${err.message}`
    );
  }
}
