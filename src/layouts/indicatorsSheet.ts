/**
 * The "Chỉ tiêu" sheet: one row per numeric target of the plan, monthly numbers typed by staff, and the
 * year-to-date value, latest month, attainment and verdict computed by formulas (CCHC.* in the add-in,
 * plain Excel in the file). Pure data: drawn by src/render/office and src/render/xlsx.
 * This module holds what other modules find the sheet by and its columns; the rows are in
 * ./indicatorRows, the assembly in ./indicatorsAssembly, the formulas in ./indicatorFormulas.
 * Column meanings, formulas and colour rules: docs/indicators.md.
 */
import type { Comparison } from "../domain/rates";
import type { CellFormat, TableColumn, ValidationSpec } from "./model";
import type { UserInput } from "./userInput";
import {
  INDICATOR_COLUMN_KEYS,
  type IndicatorColumnKey,
  type IndicatorFlavor,
} from "./indicatorFormulas";

export const INDICATORS_SHEET_KEY = "indicators";

export const INDICATORS_SHEET_NAME = "Chỉ tiêu";

export const INDICATORS_TABLE = "tblChiTieu";
/** Header row of the table; the body starts on the next row. Rows above hold the title and BienDoGan. */
export const INDICATORS_HEADER_ROW = 9;
export const MARGIN_CELL = "D3";
/** The months of the plan year ended by the report date (named SoThangDaQua). */
export const MONTHS_CELL = "D4";

export interface IndicatorsSheetOptions {
  userInput?: UserInput;
  flavor: IndicatorFlavor;
  /** Row key → why the definition typed in that row was not applied (indicatorEdits.ts). */
  refused?: Record<string, string>;
  /**
   * Months of the plan year ended by the report date (monthsElapsed), for the cached results; the
   * sheet's own cell computes it from NgayBaoCao. Omitted: 12 (judged on the whole year).
   */
  months?: number;
}

export const COUNT_FORMAT = "#,##0";
const RATE_FORMAT = "0.0%";
export const INPUT_FILL = "#FFF9E5";

/** How a plan writes each comparison before its number: "≥ 90%", "trên 95%", "không quá 2%". */
export const COMPARISON_WORDS: Record<Comparison, { rate: string; count: string }> = {
  ">=": { rate: "≥ ", count: "ít nhất " },
  ">": { rate: "trên ", count: "trên " },
  "<=": { rate: "không quá ", count: "không quá " },
  "<": { rate: "dưới ", count: "dưới " },
  "=": { rate: "đúng ", count: "đúng " },
};

const monthInputValidation = (what: string): ValidationSpec => ({
  rule: { type: "wholeNumber", min: 0 },
  errorTitle: "Số liệu không hợp lệ",
  errorMessage: `Chỉ nhập số nguyên không âm (0, 1, 2, …) cho ${what}. Để trống nếu tháng chưa có số liệu.`,
  prompt: `Nhập ${what} của tháng (số nguyên ≥ 0).`,
});

export const locked = (format: CellFormat = {}): CellFormat => ({
  locked: true,
  vertical: "top",
  ...format,
});

export const input = (format: CellFormat = {}): CellFormat => ({
  locked: false,
  vertical: "top",
  fill: INPUT_FILL,
  ...format,
});

/**
 * A definition cell (Mã, Chỉ tiêu, …): open to the coordinator's corrections, without the input fill
 * (what is typed there changes the plan on the next Tạo/cập nhật, see indicatorEdits.ts).
 */
const editable = (format: CellFormat = {}): CellFormat => ({
  locked: false,
  vertical: "top",
  ...format,
});

function columnSpec(key: IndicatorColumnKey): TableColumn {
  const month = /^(num|den)(\d+)$/.exec(key);
  if (month) {
    const isNum = month[1] === "num";
    return {
      key,
      header: `${isNum ? "Đạt" : "Tổng"} T${month[2]}`,
      role: "input",
      width: 8,
      format: input({ numberFormat: COUNT_FORMAT, horizontal: "right" }),
      validation: monthInputValidation(isNum ? "số đạt (tử số) hoặc số lượng" : "tổng số (mẫu số)"),
    };
  }
  const specs: Record<string, Omit<TableColumn, "key">> = {
    key: { header: "Khóa", role: "key", width: 8, hidden: true, format: locked() },
    code: {
      header: "Mã chỉ tiêu",
      role: "definition",
      // "PL.VII.7.2.1.1" on one line (test/unit/printFit.test.ts measures it).
      width: 13,
      // Text, so a typed "3.10" stays "3.10" and is not turned into the number 3.1.
      format: editable({ horizontal: "center", numberFormat: "@" }),
    },
    text: { header: "Chỉ tiêu", role: "definition", width: 45, format: editable({ wrap: true }) },
    lead: {
      header: "Đơn vị chủ trì",
      role: "definition",
      width: 18,
      format: editable({ wrap: true }),
    },
    targetText: {
      header: "Chỉ tiêu kế hoạch",
      role: "definition",
      width: 13,
      // Text, so a typed "90%" stays the words people write and is not turned into 0.9.
      format: editable({ horizontal: "center", wrap: true, numberFormat: "@" }),
    },
    targetValue: {
      header: "Giá trị",
      role: "plan",
      width: 9,
      format: locked({ numberFormat: "0%" }),
    },
    comparison: {
      header: "So sánh",
      role: "plan",
      width: 8,
      // What the formulas compare with (">="); people read the comparison in "Chỉ tiêu kế hoạch".
      hidden: true,
      format: locked({ horizontal: "center" }),
    },
    ytd: {
      header: "Lũy kế năm",
      role: "computed",
      width: 10,
      format: locked({ numberFormat: RATE_FORMAT }),
    },
    latestMonth: {
      header: "Tháng gần nhất",
      role: "computed",
      // Wide enough for the legend's "Đúng tiến độ" above it (row 3; test/unit/printFit.test.ts).
      width: 12,
      format: locked({ numberFormat: '"T"0', horizontal: "center" }),
    },
    latestValue: {
      header: "Kết quả tháng gần nhất",
      role: "computed",
      width: 11,
      format: locked({ numberFormat: RATE_FORMAT }),
    },
    attainment: {
      header: "Mức đạt",
      role: "computed",
      width: 10,
      format: locked({ numberFormat: RATE_FORMAT }),
    },
    met: {
      header: "Đạt?",
      role: "computed",
      // "Đúng tiến độ" in bold on one line.
      width: 12,
      format: locked({ horizontal: "center", font: { bold: true } }),
    },
    note: { header: "Ghi chú", role: "plan", width: 32, format: locked({ wrap: true }) },
    unitKind: {
      header: "Đơn vị tính",
      role: "plan",
      width: 10,
      format: locked({ horizontal: "center" }),
    },
    numeratorLabel: {
      header: "Số đạt (tử số) là",
      role: "definition",
      width: 28,
      format: editable({ wrap: true }),
    },
    denominatorLabel: {
      header: "Tổng số (mẫu số) là",
      role: "definition",
      width: 28,
      format: editable({ wrap: true }),
    },
    updateNote: {
      header: "Ghi chú cập nhật",
      role: "input",
      width: 30,
      format: input({ wrap: true }),
    },
  };
  const spec = specs[key];
  if (!spec) throw new Error(`Cột không xác định: ${key}`);
  return { key, ...spec };
}

export const INDICATOR_COLUMNS: TableColumn[] = INDICATOR_COLUMN_KEYS.map(columnSpec);
