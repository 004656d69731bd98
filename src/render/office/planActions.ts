/**
 * Office.js reads for plans: the table the user pasted and selected ("Nhập kế hoạch" from the
 * selection, 1 sync) and the plan stored in the workbook's KeHoach sheet (2 syncs: whether the sheet
 * exists, then its cells — a range reached from a null object must not be loaded).
 */
import type { Scalar } from "../../layouts/model";
import { PLAN_SHEET_NAME, planJsonOf } from "../../layouts/planSheet";
import { parsePlan, PlanValidationError } from "../../plan";
import type { Plan } from "../../plan/types";
import type { ExcelRun } from "./actions";
import { ActionError } from "./errors";

export interface SelectedTable {
  /** Sheet name and address read ("Sheet1!A1:I40"). */
  address: string;
  /** Cell texts as displayed; merged-away cells are "" (Excel keeps a merge's value in its first cell). */
  rows: string[][];
}

/**
 * The selected range; a single selected cell means "the whole table": the sheet's used range.
 * Texts, not values: a deadline Excel turned into a date reads as the user sees it.
 */
export async function readSelectedTable(run: ExcelRun): Promise<SelectedTable> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("address,text,cellCount");
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    used.load("address,text");
    await context.sync();
    const range = selected.cellCount > 1 || used.isNullObject ? selected : used;
    const rows = range.text.map((r) => r.map((c) => String(c ?? "")));
    if (!rows.some((r) => r.some((c) => c.trim() !== ""))) {
      throw new ActionError(
        "Vùng đang chọn trống. Hãy dán bảng phụ lục của kế hoạch vào trang tính, chọn cả bảng rồi thử lại."
      );
    }
    return { address: range.address, rows };
  });
}

/** The plan the workbook carries, or null when it has none (made before plans were stored). */
export async function readWorkbookPlan(run: ExcelRun): Promise<Plan | null> {
  const column = await run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(PLAN_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) return null;
    const used = sheet.getUsedRange(true);
    used.load("values");
    await context.sync();
    return used.values.map((r): Scalar => r[0] as Scalar);
  });
  if (column === null) return null;
  try {
    const json = planJsonOf(column);
    return json === null ? null : parsePlan(json);
  } catch (e) {
    const why = e instanceof PlanValidationError ? e.problems.slice(0, 5) : [(e as Error).message];
    throw new ActionError(
      `Kế hoạch lưu trong trang ${PLAN_SHEET_NAME} bị hỏng: hãy nhập lại kế hoạch (Nhập kế hoạch).`,
      why
    );
  }
}
