/**
 * The "Chỉ tiêu" sheet assembled: title, margin and legend blocks above the table, the table with the
 * typed values put back, the colour rules, the margin's name, print set-up.
 */
import type { Anomaly, Indicator, Plan } from "../plan/types";
import type { Block, CellFormat, ConditionalRule, Scalar, SheetLayout, TableSpec } from "./model";
import { xlString } from "./excelFacts";
import { monthWindow } from "../domain/reportPeriods";
import { formatDmy } from "../domain/isoDate";
import { NAME_AS_OF } from "./tasksSheet";
import { PALETTE, SHEET_FONT, SHEET_PROTECTION } from "./style";
import type { UserInput } from "./userInput";
import {
  DEFAULT_MARGIN_POINTS,
  MARGIN_NAME,
  MONTHS_NAME,
  VERDICT_MET,
  VERDICT_MISSED,
  VERDICT_NEAR,
  VERDICT_ON_TRACK,
  col,
  monthsElapsedFormula,
  columnIndex,
  ruleFormulas,
  type IndicatorColumnKey,
} from "./indicatorFormulas";
import { applyTableInput, type OrphanInput } from "./userInputMerge";
import {
  INDICATORS_SHEET_KEY,
  INDICATORS_SHEET_NAME,
  INDICATORS_TABLE,
  INDICATORS_HEADER_ROW,
  MARGIN_CELL,
  MONTHS_CELL,
  type IndicatorsSheetOptions,
  INPUT_FILL,
  INDICATOR_COLUMNS,
} from "./indicatorsSheet";
import {
  NEW_TARGET_ROWS,
  indicatorRow,
  marginPoints,
  newRowKey,
  newTargetRow,
  orphanRow,
  printedTarget,
} from "./indicatorRows";

const ruleColors = (c: { fill: string; font: string }) => ({ fill: c.fill, fontColor: c.font });

const COLORS = {
  met: ruleColors(PALETTE.good),
  near: ruleColors(PALETTE.warning),
  missed: ruleColors(PALETTE.bad),
  // On track: not judged for good yet, nothing to act on (blue, apart from the met green).
  onTrack: { fill: "#DDEBF7", fontColor: "#1F4E78" },
  unused: { fill: PALETTE.muted.fill },
  unusedTyped: ruleColors(PALETTE.late),
  bad: ruleColors(PALETTE.alarm),
};

/** The margin cell keeps whatever the user typed (even text: never lose input); results use a valid one. */
function marginCellValue(userInput: UserInput | undefined): Scalar {
  const typed = userInput?.names[MARGIN_NAME];
  return typed === undefined || typed === null || typed === "" ? DEFAULT_MARGIN_POINTS : typed;
}

function headerBlocks(planData: Plan, userInput: UserInput | undefined, months: number): Block[] {
  const conflicts = planData.anomalies.filter((a) => a.kind === "target-conflict");
  const blocks: Block[] = [
    {
      at: "B1",
      cells: [[`THEO DÕI CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM ${planData.year}`]],
      format: { font: { name: SHEET_FONT.name, size: 14, bold: true }, locked: true },
    },
    {
      at: "B2",
      cells: [
        [
          "Nhập số liệu hằng tháng vào các cột Đạt T1…T12 (tử số, hoặc số lượng) và Tổng T1…T12 (mẫu số) ở bên phải; " +
            "các cột Lũy kế năm, Tháng gần nhất, Mức đạt, Đạt? tự tính. Tháng chưa có số liệu để trống.",
        ],
      ],
      format: { font: { italic: true }, locked: true },
    },
    {
      at: "C3",
      cells: [["Biên độ “gần đạt” (điểm %):"]],
      format: { horizontal: "right", font: { bold: true }, locked: true },
    },
    {
      at: MARGIN_CELL,
      cells: [[marginCellValue(userInput)]],
      format: {
        locked: false,
        fill: INPUT_FILL,
        horizontal: "center",
        border: "thin",
        numberFormat: "0.##",
      },
    },
    // The legend: the colours of the Lũy kế … Đạt? cells, one per verdict.
    { at: `${col("ytd")}3`, cells: [[VERDICT_MET]], format: legend(COLORS.met) },
    { at: `${col("latestMonth")}3`, cells: [[VERDICT_ON_TRACK]], format: legend(COLORS.onTrack) },
    { at: `${col("latestValue")}3`, cells: [[VERDICT_NEAR]], format: legend(COLORS.near) },
    { at: `${col("attainment")}3`, cells: [[VERDICT_MISSED]], format: legend(COLORS.missed) },
    {
      at: "C4",
      cells: [["Số tháng báo cáo đã qua:"]],
      format: { horizontal: "right", font: { bold: true }, locked: true },
    },
    {
      at: MONTHS_CELL,
      cells: [[monthsElapsedFormula(NAME_AS_OF, planData.year)]],
      results: [[months]],
      format: { horizontal: "center", border: "thin", locked: true, numberFormat: "0" },
    },
    {
      at: "F4",
      cells: [[reportingMonthsNote(planData.year)]],
      format: { font: { italic: true }, locked: true },
    },
    // What "Gần đạt" means and how a count over the year is judged, with the cells' numbers now.
    {
      at: "B5",
      cells: [[`=${sentenceFormula(nearBand, MARGIN_NAME)}`]],
      results: [[nearBand(marginPoints(userInput))]],
      format: { font: { italic: true }, locked: true },
    },
    {
      at: "B6",
      cells: [[`=${sentenceFormula(countRule, MONTHS_NAME)}`]],
      results: [[countRule(months)]],
      format: { font: { italic: true }, locked: true },
    },
  ];
  blocks.push({
    at: `B${INDICATORS_HEADER_ROW - 1}`,
    cells: [[EDIT_HINT]],
    format: { font: { italic: true }, locked: true },
  });
  if (conflicts.length > 0) {
    blocks.push({
      at: `B${INDICATORS_HEADER_ROW - 2}`,
      // One line whatever the number of conflicts: the row below is the how-to line.
      cells: [[conflicts.map((c) => conflictBanner(c, planData.indicators)).join(" ")]],
      format: { font: { bold: true, color: "#C00000" }, locked: true },
    });
  }
  return blocks;
}

/** How to add or correct a target (indicatorEdits.ts); one line above the table header. */
export const EDIT_HINT =
  "Thêm chỉ tiêu: ghi Mã, Chỉ tiêu, Chỉ tiêu kế hoạch (như “≥ 90%”, “ít nhất 3 sáng kiến”) vào dòng trống cuối bảng. " +
  "Sửa chỉ tiêu: sửa thẳng vào ô. Xong bấm “Tạo/cập nhật bảng theo dõi”.";

/**
 * One short line per conflict above the table (it prints on the first page without wrapping): which
 * indicator, which value the sheet uses; the full story is in that row's Ghi chú.
 */
function conflictBanner(conflict: Anomaly, indicators: Indicator[]): string {
  const concerned = indicators.filter((i) => conflict.refs.includes(i.id));
  if (concerned.length === 0) return `⚠ Văn bản kế hoạch tự mâu thuẫn: ${conflict.message}`;
  const ids = concerned.map((i) => i.id).join(", ");
  const used =
    concerned.length === 1
      ? `theo mức ${printedTarget(concerned[0])}`
      : concerned.map((i) => `${i.id} theo mức ${printedTarget(i)}`).join(", ");
  return `⚠ Chỉ tiêu ${ids}: văn bản kế hoạch ghi các mức khác nhau. Trang này chấm ${used}; lý do ở cột Ghi chú.`;
}

/** "Gần đạt" in words, for `points` of margin (src/domain/verdict.ts, docs/indicators.md). */
export function nearBand(points: Scalar): string {
  const p = String(points).replace(".", ",");
  return (
    `Gần đạt: chưa đạt nhưng chỉ thiếu ≤ ${p} điểm % (chỉ tiêu %) hoặc ≤ ${p}% mức phải đạt (chỉ tiêu số lượng); ` +
    `với chỉ tiêu “không quá”, “dưới” (càng thấp càng tốt) là vượt ≤ chừng ấy.`
  );
}

/** How a count over the year is judged by the report date, with the months ended by then. */
export function countRule(months: Scalar): string {
  return (
    `Chỉ tiêu số lượng cả năm chấm theo mức phải đạt đến ngày báo cáo = mức cả năm × ${months}/12 ` +
    `(số tháng báo cáo đã qua), làm tròn xuống; đủ mức đến nay: Đúng tiến độ; đủ mức cả năm: Đạt.`
  );
}

/**
 * The official reporting months (NĐ 09/2019/NĐ-CP) the monthly columns and SoThangDaQua count in; each
 * month column's header also carries its window (reportSources.withMonthWindowLabels).
 */
export function reportingMonthsNote(year: number): string {
  const first = monthWindow(year, 1);
  const last = monthWindow(year, 12);
  return (
    `Tháng báo cáo (NĐ 09/2019/NĐ-CP): T1 = ${formatDmy(first.from).slice(0, 5)} năm trước–${formatDmy(first.to)}, …, ` +
    `T12 = ${formatDmy(last.from).slice(0, 5)}–${formatDmy(last.to)}.`
  );
}

/** A sentence of `words` as an Excel expression that puts `cell`'s value where the words have it. */
function sentenceFormula(words: (value: Scalar) => string, cell: string): string {
  const parts = words("\u0000").split("\u0000");
  const value = `SUBSTITUTE(${cell}&"",".",",")`;
  return parts.map((p) => xlString(p)).join(`&${value}&`);
}

function legend(color: { fill: string; fontColor: string }): CellFormat {
  return {
    fill: color.fill,
    font: { color: color.fontColor, bold: true },
    horizontal: "center",
    border: "thin",
    locked: true,
  };
}

function rules(firstRow: number, lastRow: number): ConditionalRule[] {
  if (lastRow < firstRow) return [];
  const f = ruleFormulas(firstRow);
  const range = (from: IndicatorColumnKey, to: IndicatorColumnKey) =>
    `${col(from)}${firstRow}:${col(to)}${lastRow}`;
  const summary = range("ytd", "met");
  const nums = range("num1", "num12");
  const dens = range("den1", "den12");
  return [
    {
      type: "expression",
      range: summary,
      formula: f.met,
      format: { fill: COLORS.met.fill, fontColor: COLORS.met.fontColor },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: summary,
      formula: f.onTrack,
      format: { fill: COLORS.onTrack.fill, fontColor: COLORS.onTrack.fontColor },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: summary,
      formula: f.near,
      format: { fill: COLORS.near.fill, fontColor: COLORS.near.fontColor },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: summary,
      formula: f.missed,
      format: { fill: COLORS.missed.fill, fontColor: COLORS.missed.fontColor },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: nums,
      formula: f.badNumerator,
      format: { fill: COLORS.bad.fill, fontColor: COLORS.bad.fontColor, bold: true },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: dens,
      formula: f.badDenominator,
      format: { fill: COLORS.bad.fill, fontColor: COLORS.bad.fontColor, bold: true },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: dens,
      formula: f.unusedDenominatorTyped,
      format: { fill: COLORS.unusedTyped.fill, fontColor: COLORS.unusedTyped.fontColor },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: dens,
      formula: f.unusedDenominator,
      format: { fill: COLORS.unused.fill },
      stopIfTrue: true,
    },
    {
      type: "expression",
      range: range("note", "note"),
      formula: `=ISNUMBER(SEARCH("Mâu thuẫn",$${col("note")}${firstRow}))`,
      format: { fill: "#FCE4D6", fontColor: "#C00000", bold: true },
    },
  ];
}

export interface IndicatorsSheetBuild {
  sheet: SheetLayout;
  /** Values typed for keys the plan has no indicator for: kept as rows at the end of the table. */
  orphans: OrphanInput[];
}

/** The sheet, and what was carried over that the user should hear about. */
export function composeIndicatorsSheet(
  planData: Plan,
  opts: IndicatorsSheetOptions
): IndicatorsSheetBuild {
  const base: TableSpec = {
    name: INDICATORS_TABLE,
    at: `A${INDICATORS_HEADER_ROW}`,
    columns: INDICATOR_COLUMNS,
    rows: planData.indicators.map((indicator, i) => indicatorRow(indicator, i, planData, opts)),
    style: "TableStyleLight9",
    headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
  };
  const applied = applyTableInput(base, opts.userInput?.tables[INDICATORS_TABLE], {
    orphanRow: (orphan) => orphanRow(orphan, opts.refused?.[orphan.key]),
  });
  const filled = applied.table.rows.length;
  // Keys of refused new rows are taken (their rows are kept above): the empty rows get the next ones.
  const taken = new Set(applied.table.rows.map((r) => r.key));
  const keys: string[] = [];
  for (let n = 1; keys.length < NEW_TARGET_ROWS; n += 1)
    if (!taken.has(newRowKey(n))) keys.push(newRowKey(n));
  const pad = applied.table.columns.length - INDICATOR_COLUMNS.length;
  const blanks = keys.map((key, n) => {
    const r = newTargetRow(filled + n, key, opts);
    const extra = Array.from({ length: pad }, () => null);
    return { ...r, cells: [...r.cells, ...extra], results: [...(r.results ?? []), ...extra] };
  });
  const table = { ...applied.table, rows: [...applied.table.rows, ...blanks] };
  const rows = table.rows;
  const firstRow = INDICATORS_HEADER_ROW + 1;
  const lastRow = INDICATORS_HEADER_ROW + rows.length;
  // The empty rows for new targets do not print.
  const lastPrinted = INDICATORS_HEADER_ROW + filled;
  const lastSummaryCol = col("note");
  const sheet: SheetLayout = {
    key: INDICATORS_SHEET_KEY,
    name: INDICATORS_SHEET_NAME,
    tabColor: "#2E75B6",
    font: { ...SHEET_FONT },
    columnWidths: table.columns.map((c) => c.width),
    blocks: headerBlocks(planData, opts.userInput, opts.months ?? 12),
    table,
    rules: rules(firstRow, lastRow),
    validations: [
      {
        range: MARGIN_CELL,
        rule: { type: "decimal", min: 0, max: 100 },
        errorTitle: "Biên độ không hợp lệ",
        errorMessage:
          "Nhập số điểm phần trăm từ 0 đến 100 (mặc định 5): chỉ tiêu thiếu không quá chừng này được tô vàng “Gần đạt”.",
        prompt: "Số điểm phần trăm cho mức “gần đạt” (mặc định 5).",
      },
    ],
    names: [
      {
        name: MARGIN_NAME,
        ref: MARGIN_CELL,
        comment: "Biên độ “gần đạt” (điểm phần trăm) của trang Chỉ tiêu",
      },
      {
        name: MONTHS_NAME,
        ref: MONTHS_CELL,
        comment: "Số tháng của năm kế hoạch đã qua đến ngày báo cáo (chấm chỉ tiêu số lượng)",
      },
    ],
    freeze: { rows: INDICATORS_HEADER_ROW, columns: columnIndex("text") + 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${INDICATORS_HEADER_ROW}:${INDICATORS_HEADER_ROW}`,
      fitToWidth: true,
      printArea: `B1:${lastSummaryCol}${Math.max(lastPrinted, INDICATORS_HEADER_ROW)}`,
      header: `Chỉ tiêu CCHC năm ${planData.year}`,
    },
    protect: { ...SHEET_PROTECTION },
    charts: [],
  };
  // Refused entries are reported with their reason (indicatorEdits.ts), not as rows the plan lost.
  const orphans = applied.orphans.filter((o) => !opts.refused?.[o.key]);
  return { sheet, orphans };
}
