/**
 * The plan stored inside the workbook, so that every later action, `CCHC.TARGET` and `cchc workbook
 * --from` work on the workbook's own plan (any year, any agency) and a workbook can be handed to
 * another machine.
 *
 * Why a very hidden sheet holding the plan JSON: it is ordinary cell data, so it survives save,
 * reopen, co-authoring (Excel on the web merges cell edits) and the .xlsx path (exceljs reads and
 * writes it; exceljs cannot write custom XML parts, and document settings are invisible to files
 * written by another tool). "veryHidden" keeps it out of the Unhide dialog, protection keeps stray
 * edits out. A cell holds at most 32,767 characters, so the JSON is cut into chunks; each chunk is
 * prefixed with "~" so Excel never reads a chunk as a number, date or formula.
 */
import type { Plan } from "../plan/types";
import type { Scalar, SheetLayout, WorkbookLayout } from "./model";
import { SHEET_FONT } from "./style";

export const PLAN_SHEET_NAME = "KeHoach";
export const PLAN_SHEET_KEY = "plan";
const MARKER = "cchc-plan/1";
/** Well under 32,767 characters a cell, even with the prefix. */
export const PLAN_CHUNK = 30000;

/** The JSON of a plan as the cells of column A (rows 1 … n). */
export function planCells(plan: Plan, chunk = PLAN_CHUNK): string[] {
  const json = JSON.stringify(plan);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += chunk) parts.push(`~${json.slice(i, i + chunk)}`);
  return [
    "Kế hoạch CCHC mà sổ này theo dõi (do add-in / cchc ghi; không sửa trang này)",
    MARKER,
    String(parts.length),
    ...parts,
  ];
}

export function composePlanSheet(plan: Plan): SheetLayout {
  return {
    key: PLAN_SHEET_KEY,
    name: PLAN_SHEET_NAME,
    visibility: "veryHidden",
    font: { ...SHEET_FONT },
    columnWidths: [60],
    blocks: [{ at: "A1", cells: planCells(plan).map((c): Scalar[] => [c]) }],
    rules: [],
    validations: [],
    names: [],
    protect: { allowAutoFilter: false, allowSort: false, allowFormatColumns: false },
    charts: [],
  };
}

/** A built layout with its plan stored after the other sheets: every writer of a tracker uses this. */
export function withPlanSheet(layout: WorkbookLayout, plan: Plan): WorkbookLayout {
  return { ...layout, sheets: [...layout.sheets, composePlanSheet(plan)] };
}

/**
 * Column A of a plan sheet → the plan's JSON value; null when the cells are not a stored plan
 * (another sheet of that name); throws Error (Vietnamese) when they are one but damaged.
 */
export function planJsonOf(column: readonly Scalar[]): unknown {
  if (column[1] !== MARKER) return null;
  const count = Number(column[2]);
  const parts = column.slice(3, 3 + count);
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    parts.length !== count ||
    parts.some((p) => typeof p !== "string" || !p.startsWith("~"))
  ) {
    throw new Error(
      `trang ${PLAN_SHEET_NAME} bị thiếu hoặc bị sửa (cần ${column[2]} phần dữ liệu)`
    );
  }
  try {
    return JSON.parse(parts.map((p) => (p as string).slice(1)).join(""));
  } catch {
    throw new Error(`dữ liệu kế hoạch trong trang ${PLAN_SHEET_NAME} bị hỏng`);
  }
}
