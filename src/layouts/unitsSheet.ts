/**
 * The "Theo đơn vị" sheet: for each canonical lead unit, how many of its tasks are done, overdue, due
 * soon, and its on-time rate, as COUNTIFS formulas over the "Nhiệm vụ" table (through the defined names
 * NV_ChuTriChuanHoa / NV_TinhTrang, which follow the table when its sheet is renamed). Coloured for
 * leadership, with a bar chart of overdue tasks per unit. Cached results come from unitRollup().
 * Definitions in docs/sheets.md.
 */
import type { Plan } from "../plan/types";
import { isoToSerial } from "../domain/excelDate";
import {
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_OVERDUE,
} from "../domain/taskState";
import {
  planRollup,
  unitRollup,
  type TaskInputs,
  type UnitAccounts,
  type UnitRollup,
} from "../domain/unitRollup";
import { cellAddress, columnLetters, rangeAddress } from "./a1";
import { textCell } from "./cellText";
import type {
  Block,
  CellFormat,
  ConditionalRule,
  Scalar,
  SheetLayout,
  TableColumn,
  TableRow,
} from "./model";
import { xlString } from "./excelFacts";
import type { ReportSettings } from "./reportSettings";
import { DATE_FORMAT, SHEET_FONT, SHEET_PROTECTION } from "./style";
import { ANY_UNIT_CRITERION, UNIT_SEPARATOR, unitCriterion } from "./tasksFormulas";
import { NAME_AS_OF, NAME_LEAD_COLUMN, NAME_SOON_DAYS, NAME_STATE_COLUMN } from "./tasksSheet";

export const UNITS_SHEET_KEY = "units";
export const UNITS_SHEET_NAME = "Theo đơn vị";
export const UNITS_TABLE = "tblTheoDonVi";
export const WHOLE_PLAN_LABEL = "Toàn cơ quan (mỗi nhiệm vụ tính một lần)";
/** The whole-organisation line under the table (the task pane reads it by this name). */
export const NAME_WHOLE_PLAN = "TDV_ToanSo";

const TITLE_ROW = 1;
const SETTINGS_ROW = 2;
const NOTE_ROW = 3;
export const UNITS_HEADER_ROW = 5;
export const UNITS_FIRST_BODY_ROW = UNITS_HEADER_ROW + 1;

/** Column keys of tblTheoDonVi, from column A. */
export const UNIT_COLUMN_KEYS = [
  "unit",
  "total",
  "done",
  "overdue",
  "dueSoon",
  "onTimeRate",
  "id",
] as const;
export type UnitColumnKey = (typeof UNIT_COLUMN_KEYS)[number];
export const unitColumn = (key: UnitColumnKey): number => UNIT_COLUMN_KEYS.indexOf(key) + 1;
const letter = (key: UnitColumnKey): string => columnLetters(unitColumn(key));

const number: TableColumn["format"] = {
  horizontal: "center",
  vertical: "center",
  numberFormat: "0",
  locked: true,
};

export function unitColumns(): TableColumn[] {
  const cols: Record<UnitColumnKey, TableColumn> = {
    unit: {
      key: "unit",
      header: "Đơn vị chủ trì",
      role: "plan",
      width: 30,
      format: { wrap: true, vertical: "center", locked: true },
    },
    total: {
      key: "total",
      header: "Tổng số nhiệm vụ",
      role: "computed",
      width: 11,
      format: number,
    },
    done: { key: "done", header: "Hoàn thành", role: "computed", width: 11, format: number },
    overdue: { key: "overdue", header: "Quá hạn", role: "computed", width: 11, format: number },
    dueSoon: { key: "dueSoon", header: "Sắp đến hạn", role: "computed", width: 11, format: number },
    onTimeRate: {
      key: "onTimeRate",
      header: "Tỷ lệ đúng hạn",
      role: "computed",
      width: 11,
      format: { horizontal: "center", vertical: "center", numberFormat: "0%", locked: true },
    },
    // The line's id, which the hidden lead column of "Nhiệm vụ" lists: the task pane filters by it.
    id: {
      key: "id",
      header: "Mã đơn vị",
      role: "key",
      width: 8,
      hidden: true,
      format: { locked: true },
    },
  };
  return UNIT_COLUMN_KEYS.map((k) => cols[k]);
}

const countIfs = (criterion: string, state: string): string =>
  `COUNTIFS(${NAME_LEAD_COLUMN},${xlString(criterion)},${NAME_STATE_COLUMN},${xlString(state)})`;

/**
 * The five formulas of one row at sheet row `r`, for tasks matching `criterion` in the hidden lead column.
 * - Tổng số nhiệm vụ: every task led, except "Không áp dụng".
 * - Hoàn thành: "Hoàn thành" + "Hoàn thành trễ hạn".
 * - Quá hạn, Sắp đến hạn: that state.
 * - Tỷ lệ đúng hạn: "Hoàn thành" (on time) ÷ (Hoàn thành + Quá hạn); empty while both are 0.
 */
export function unitRowFormulas(
  criterion: string,
  r: number
): Record<Exclude<UnitColumnKey, "unit" | "id">, string> {
  const done = `${letter("done")}${r}`;
  const overdue = `${letter("overdue")}${r}`;
  return {
    total: `=${countIfs(criterion, `<>${STATE_NOT_APPLICABLE}`)}`,
    done: `=${countIfs(criterion, STATE_DONE)}+${countIfs(criterion, STATE_DONE_LATE)}`,
    overdue: `=${countIfs(criterion, STATE_OVERDUE)}`,
    dueSoon: `=${countIfs(criterion, STATE_DUE_SOON)}`,
    onTimeRate: `=IF(${done}+${overdue}=0,"",${countIfs(criterion, STATE_DONE)}/(${done}+${overdue}))`,
  };
}

function rowCells(label: string, criterion: string, r: number, id: string): Scalar[] {
  const f = unitRowFormulas(criterion, r);
  return [textCell(label), f.total, f.done, f.overdue, f.dueSoon, f.onTimeRate, id];
}

function rowResults(x: UnitRollup): Scalar[] {
  const rate = x.onTimeRate === null ? "" : x.onTimeRate;
  return [null, x.total, x.done, x.overdue, x.dueSoon, rate, null];
}

export interface UnitsSheetOptions {
  settings: Pick<ReportSettings, "asOf" | "soonDays">;
  inputs: TaskInputs;
  /** The lines and who answers for each task; default: each lead unit for itself. */
  accounts?: UnitAccounts;
}

export interface UnitsSheetBuild {
  sheet: SheetLayout;
  rollup: UnitRollup[];
  whole: UnitRollup;
}

export function composeUnitsSheet(plan: Plan, opts: UnitsSheetOptions): UnitsSheetBuild {
  const { asOf, soonDays } = opts.settings;
  const rollup = unitRollup(plan, opts.inputs, asOf, soonDays, opts.accounts);
  const whole = planRollup(plan, opts.inputs, asOf, soonDays, WHOLE_PLAN_LABEL);
  const columns = unitColumns();
  /** The visible columns (the id column after them is hidden). */
  const lastCol = unitColumn("onTimeRate");

  const rows: TableRow[] = rollup.map((x, i) => {
    const r = UNITS_FIRST_BODY_ROW + i;
    return {
      key: x.id,
      cells: rowCells(x.unit, unitCriterion(x.id), r, x.id),
      results: rowResults(x),
    };
  });
  if (rows.length === 0) {
    const r = UNITS_FIRST_BODY_ROW;
    rows.push({
      key: "(trống)",
      cells: rowCells("(Không có đơn vị chủ trì)", UNIT_SEPARATOR, r, ""),
      results: [null, 0, 0, 0, 0, "", null],
    });
  }
  const first = UNITS_FIRST_BODY_ROW;
  const last = first + rows.length - 1;
  // One blank row between the table and the total, so the total is never taken into the table.
  const totalRow = last + 2;
  const totalCells = rowCells(WHOLE_PLAN_LABEL, ANY_UNIT_CRITERION, totalRow, "").slice(0, lastCol);
  const totalResults = rowResults(whole).slice(0, lastCol);
  const col = (key: UnitColumnKey): string =>
    rangeAddress(first, unitColumn(key), last, unitColumn(key));

  /** The whole-department row: counts and the on-time rate, bold on grey. */
  const totalFormat = (numberFormat: string): CellFormat => ({
    font: { bold: true },
    fill: "#F2F2F2",
    border: "thin",
    horizontal: "center",
    vertical: "center",
    numberFormat,
  });
  /** A text merged across the table's width (title, note). */
  const acrossTable = (text: string): Scalar[][] => [
    [text, ...Array.from({ length: lastCol - 1 }, () => null)],
  ];
  const blocks: Block[] = [
    {
      at: cellAddress(TITLE_ROW, 1),
      cells: acrossTable(`TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CCHC NĂM ${plan.year} THEO ĐƠN VỊ CHỦ TRÌ`),
      merge: true,
      format: {
        font: { bold: true, size: 14 },
        horizontal: "center",
        vertical: "center",
        wrap: true,
      },
    },
    {
      at: cellAddress(SETTINGS_ROW, 1),
      cells: [["Ngày báo cáo:"]],
      format: { font: { bold: true }, horizontal: "right", vertical: "center" },
    },
    {
      at: cellAddress(SETTINGS_ROW, 2),
      cells: [[`=${NAME_AS_OF}`]],
      results: [[isoToSerial(asOf)]],
      format: {
        numberFormat: DATE_FORMAT,
        horizontal: "center",
        font: { bold: true, color: "#C00000" },
      },
    },
    {
      at: cellAddress(SETTINGS_ROW, 3),
      cells: [["Sắp đến hạn (ngày):", null]],
      merge: true,
      format: { font: { bold: true }, horizontal: "right", vertical: "center" },
    },
    {
      at: cellAddress(SETTINGS_ROW, 5),
      cells: [[`=${NAME_SOON_DAYS}`]],
      results: [[soonDays]],
      format: { numberFormat: "0", horizontal: "center", font: { bold: true } },
    },
    {
      at: cellAddress(NOTE_ROW, 1),
      cells: acrossTable(
        "Nhiệm vụ có hai đơn vị chủ trì được tính cho cả hai; nhiệm vụ do một nhóm chủ trì được tính cho từng " +
          "đơn vị trong nhóm (trang “Đơn vị”), “(nhóm)”: nhóm chưa khai báo đơn vị; nhiệm vụ “Không áp dụng” không được tính. " +
          "Hoàn thành = đúng hạn + trễ hạn. Tỷ lệ đúng hạn = số hoàn thành đúng hạn ÷ (số đã hoàn thành + số quá hạn)."
      ),
      merge: true,
      format: { font: { italic: true, size: 10, color: "#404040" }, wrap: true, vertical: "top" },
    },
    {
      at: cellAddress(totalRow, 1),
      cells: [totalCells.slice(0, 1)],
      format: {
        font: { bold: true },
        fill: "#F2F2F2",
        border: "thin",
        wrap: true,
        vertical: "center",
      },
    },
    {
      at: cellAddress(totalRow, 2),
      cells: [totalCells.slice(1, -1)],
      results: [totalResults.slice(1, -1)],
      format: totalFormat("0"),
    },
    {
      at: cellAddress(totalRow, unitColumn("onTimeRate")),
      cells: [totalCells.slice(-1)],
      results: [totalResults.slice(-1)],
      format: totalFormat("0%"),
    },
  ];

  const rules: ConditionalRule[] = [
    { type: "dataBar", range: col("done"), color: "#63BE7B" },
    { type: "colorScale", range: col("overdue"), colors: ["#FFFFFF", "#F8696B"] },
    { type: "colorScale", range: col("dueSoon"), colors: ["#FFFFFF", "#FFD966"] },
    { type: "colorScale", range: col("onTimeRate"), colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
  ];

  const sheet: SheetLayout = {
    key: UNITS_SHEET_KEY,
    name: UNITS_SHEET_NAME,
    tabColor: "#C00000",
    font: { ...SHEET_FONT },
    columnWidths: [...columns.map((c) => c.width), 2],
    blocks,
    table: {
      name: UNITS_TABLE,
      at: cellAddress(UNITS_HEADER_ROW, 1),
      columns,
      rows,
      style: "TableStyleMedium2",
      headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
    },
    rules,
    validations: [],
    names: [
      {
        name: NAME_WHOLE_PLAN,
        ref: rangeAddress(totalRow, 1, totalRow, lastCol, true),
        comment: "Dòng toàn cơ quan dưới bảng theo đơn vị",
      },
    ],
    freeze: { rows: UNITS_HEADER_ROW, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${UNITS_HEADER_ROW}:${UNITS_HEADER_ROW}`,
      fitToWidth: true,
      header: `Nhiệm vụ CCHC năm ${plan.year} theo đơn vị chủ trì`,
    },
    protect: { ...SHEET_PROTECTION },
    charts: [
      {
        type: "barClustered",
        title: "Số nhiệm vụ quá hạn theo đơn vị chủ trì",
        categories: col("unit"),
        values: col("overdue"),
        seriesName: "Quá hạn",
        at: cellAddress(UNITS_HEADER_ROW, columns.length + 2),
        widthCols: 8,
        heightRows: Math.max(16, rows.length + 4),
      },
    ],
  };
  return { sheet, rollup, whole };
}
