/**
 * The "Chỉ tiêu" sheet: one row per numeric target of the plan, monthly numbers typed by staff, and the
 * year-to-date value, latest month, attainment and verdict computed by formulas (CCHC.* in the add-in,
 * plain Excel in the file). Pure data: drawn by src/render/office and src/render/xlsx.
 * Column meanings, formulas and colour rules: docs/indicators.md.
 */
import type { Comparison } from "../domain/rates";
import type { Anomaly, Indicator, Plan } from "../plan/types";
import type {
  Block,
  CellFormat,
  ConditionalRule,
  Scalar,
  SheetLayout,
  TableColumn,
  TableRow,
  TableSpec,
  ValidationSpec,
} from "./model";
import { PALETTE, SHEET_FONT, SHEET_PROTECTION } from "./style";
import type { UserInput } from "./userInput";
import { textCell } from "./cellText";
import {
  DEFAULT_MARGIN_POINTS,
  INDICATOR_COLUMN_KEYS,
  MARGIN_NAME,
  MONTHS,
  UNIT_KIND_COUNT,
  UNIT_KIND_RATE,
  attainmentFormula,
  col,
  columnIndex,
  latestMonthFormula,
  latestValueFormula,
  ruleFormulas,
  verdictFormula,
  ytdFormula,
  type IndicatorColumnKey,
  type IndicatorFlavor,
} from "./indicatorFormulas";
import { evaluateIndicatorRow, type IndicatorRowResults } from "./indicatorResults";
import { applyTableInput, SYNTHETIC_KEY_PREFIX, type OrphanInput } from "./userInputMerge";

export const INDICATORS_SHEET_KEY = "indicators";
export const INDICATORS_SHEET_NAME = "Chỉ tiêu";
export const INDICATORS_TABLE = "tblChiTieu";
/** Header row of the table; the body starts on the next row. Rows above hold the title and BienDoGan. */
export const INDICATORS_HEADER_ROW = 6;
export const MARGIN_CELL = "D3";

export interface IndicatorsSheetOptions {
  userInput?: UserInput;
  flavor: IndicatorFlavor;
}

const COUNT_FORMAT = "#,##0";
const RATE_FORMAT = "0.0%";
const INPUT_FILL = "#FFF9E5";

const ruleColors = (c: { fill: string; font: string }) => ({ fill: c.fill, fontColor: c.font });
const COLORS = {
  met: ruleColors(PALETTE.good),
  near: ruleColors(PALETTE.warning),
  missed: ruleColors(PALETTE.bad),
  unused: { fill: PALETTE.muted.fill },
  unusedTyped: ruleColors(PALETTE.late),
  bad: ruleColors(PALETTE.alarm),
};

const SYMBOL: Record<Comparison, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

const monthInputValidation = (what: string): ValidationSpec => ({
  rule: { type: "wholeNumber", min: 0 },
  errorTitle: "Số liệu không hợp lệ",
  errorMessage: `Chỉ nhập số nguyên không âm (0, 1, 2, …) cho ${what}. Để trống nếu tháng chưa có số liệu.`,
  prompt: `Nhập ${what} của tháng (số nguyên ≥ 0).`,
});

const locked = (format: CellFormat = {}): CellFormat => ({
  locked: true,
  vertical: "top",
  ...format,
});
const input = (format: CellFormat = {}): CellFormat => ({
  locked: false,
  vertical: "top",
  fill: INPUT_FILL,
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
      role: "plan",
      width: 10,
      format: locked({ horizontal: "center" }),
    },
    text: { header: "Chỉ tiêu", role: "plan", width: 45, format: locked({ wrap: true }) },
    lead: { header: "Đơn vị chủ trì", role: "plan", width: 18, format: locked({ wrap: true }) },
    targetText: {
      header: "Chỉ tiêu kế hoạch",
      role: "plan",
      width: 13,
      format: locked({ horizontal: "center", wrap: true }),
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
      width: 9,
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
      width: 10,
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
      role: "plan",
      width: 28,
      format: locked({ wrap: true }),
    },
    denominatorLabel: {
      header: "Tổng số (mẫu số) là",
      role: "plan",
      width: 28,
      format: locked({ wrap: true }),
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

/** "95" → "95%", 99.5 → "99,5%" (Vietnamese decimal comma). */
function formatNumberVi(value: number): string {
  return String(value).replace(".", ",");
}

/** Words that end the counted noun in a numerator label ("Số cuộc kiểm tra đột xuất …" → "cuộc kiểm tra"). */
const NOUN_STOP_WORDS = new Set([
  "đột",
  "được",
  "đã",
  "về",
  "liên",
  "trong",
  "của",
  "có",
  "mới",
  "hoặc",
  "thực",
  "theo",
  "do",
]);

/** The noun a count target counts ("sáng kiến", "cuộc kiểm tra"), taken from its numerator label. */
function countNoun(indicator: Indicator): string {
  const words = indicator.numerator
    .trim()
    .replace(/^số lượng\s+/i, "")
    .replace(/^số\s+/i, "")
    .split(/[\s(),;:]+/)
    .filter(Boolean);
  const noun: string[] = [];
  for (const word of words) {
    if (NOUN_STOP_WORDS.has(word.toLocaleLowerCase("vi")) || noun.length === 3) break;
    noun.push(word);
  }
  return noun.join(" ");
}

/** The target as the plan prints it: "≥ 95%", "> 95%", "≥ 2 sáng kiến". */
export function printedTarget(indicator: Indicator): string {
  const symbol = SYMBOL[indicator.comparison];
  if (indicator.unit === "%") return `${symbol} ${formatNumberVi(indicator.target)}%`;
  const noun = countNoun(indicator);
  return `${symbol} ${formatNumberVi(indicator.target)}${noun ? ` ${noun}` : ""}`;
}

/** Value written in "Giá trị": a fraction for % targets (95 → 0.95, what CCHC.TARGET returns). */
function targetCellValue(indicator: Indicator): number {
  return indicator.unit === "%" ? indicator.target / 100 : indicator.target;
}

function conflictsOf(indicator: Indicator, anomalies: Anomaly[]): Anomaly[] {
  return anomalies.filter((a) => a.kind === "target-conflict" && a.refs.includes(indicator.id));
}

/**
 * Ghi chú: for a target the document contradicts, first the value this row uses and the conflict (the
 * plan's own note when it explains it, else the anomaly's message); then the plan's note.
 */
function noteFor(indicator: Indicator, anomalies: Anomaly[]): string {
  const note = indicator.note?.trim() ?? "";
  const conflicts = conflictsOf(indicator, anomalies);
  if (conflicts.length === 0) return note;
  const parts = [
    `⚠ Mâu thuẫn trong văn bản — giá trị dùng để đánh giá ở dòng này: ${printedTarget(indicator)}.`,
  ];
  const noteExplainsIt = /mâu thuẫn/i.test(note);
  if (!noteExplainsIt) parts.push(...conflicts.map((c) => c.message));
  if (note) parts.push(note);
  return parts.join("\n");
}

/**
 * The So sánh cell. "=" alone would be read as a formula by both renderers, so it is written as a
 * formula that yields the text "=" (the cell's value is what the formulas compare).
 */
function comparisonCell(comparison: Comparison): string {
  return comparison === "=" ? '="="' : comparison;
}

const rowOf = (index: number) => INDICATORS_HEADER_ROW + 1 + index;

function typedValue(userInput: UserInput | undefined, key: string, column: string): Scalar {
  return userInput?.tables[INDICATORS_TABLE]?.[key]?.[column] ?? null;
}

function marginPoints(userInput: UserInput | undefined): number {
  const typed = userInput?.names[MARGIN_NAME];
  return typeof typed === "number" && Number.isFinite(typed) && typed >= 0 && typed <= 100
    ? typed
    : DEFAULT_MARGIN_POINTS;
}

/** The margin cell keeps whatever the user typed (even text: never lose input); results use a valid one. */
function marginCellValue(userInput: UserInput | undefined): Scalar {
  const typed = userInput?.names[MARGIN_NAME];
  return typed === undefined || typed === null || typed === "" ? DEFAULT_MARGIN_POINTS : typed;
}

function resultsCells(results: IndicatorRowResults): Partial<Record<IndicatorColumnKey, Scalar>> {
  return {
    ytd: results.ytd,
    latestMonth: results.latestMonth,
    latestValue: results.latestValue,
    attainment: results.attainment,
    met: results.verdict,
  };
}

function indicatorRow(
  indicator: Indicator,
  index: number,
  planData: Plan,
  opts: IndicatorsSheetOptions
): TableRow {
  const row = rowOf(index);
  const isRate = indicator.unit === "%";
  const typed = (column: string) => typedValue(opts.userInput, indicator.id, column);
  const values: Partial<Record<IndicatorColumnKey, Scalar>> = {
    key: textCell(indicator.id),
    code: textCell(indicator.id),
    text: textCell(indicator.text),
    lead: textCell(indicator.lead.join(", ")),
    targetText: textCell(printedTarget(indicator)),
    targetValue: targetCellValue(indicator),
    comparison: comparisonCell(indicator.comparison),
    ytd: ytdFormula(row, opts.flavor),
    latestMonth: latestMonthFormula(row),
    latestValue: latestValueFormula(row, opts.flavor),
    attainment: attainmentFormula(row, opts.flavor),
    met: verdictFormula(row, opts.flavor),
    note: textCell(noteFor(indicator, planData.anomalies)),
    unitKind: isRate ? UNIT_KIND_RATE : UNIT_KIND_COUNT,
    numeratorLabel: textCell(indicator.numerator),
    denominatorLabel: isRate
      ? textCell(indicator.denominator ?? "")
      : "— (chỉ tiêu số lượng: nhập số lượng vào các cột Đạt T1…T12)",
  };
  const results: Partial<Record<IndicatorColumnKey, Scalar>> = {
    ...(indicator.comparison === "=" ? { comparison: "=" } : {}),
    ...resultsCells(
      evaluateIndicatorRow({
        kind: isRate ? "rate" : "count",
        target: targetCellValue(indicator),
        comparison: indicator.comparison,
        nums: MONTHS.map((m) => typed(`num${m}`)),
        dens: MONTHS.map((m) => typed(`den${m}`)),
        marginPoints: marginPoints(opts.userInput),
      })
    ),
  };
  const countFormats: Partial<Record<IndicatorColumnKey, string>> = {
    targetValue: "0",
    ytd: COUNT_FORMAT,
    latestValue: COUNT_FORMAT,
  };
  const rateFormats: Partial<Record<IndicatorColumnKey, string>> = {
    targetValue: Number.isInteger(indicator.target) ? "0%" : "0.0%",
  };
  const formats = isRate ? rateFormats : countFormats;
  return {
    key: indicator.id,
    cells: INDICATOR_COLUMN_KEYS.map((k) => values[k] ?? null),
    results: INDICATOR_COLUMN_KEYS.map((k) => (k in results ? (results[k] ?? null) : null)),
    numberFormats: INDICATOR_COLUMN_KEYS.map((k) => formats[k] ?? null),
  };
}

const ORPHAN_NOTE =
  "Chỉ tiêu này không còn trong kế hoạch (hoặc dòng do người dùng thêm): số liệu đã nhập được giữ lại để đối chiếu, không tính.";

/**
 * A row for values typed under a key the plan no longer has (a new plan version) or in a row the user
 * inserted: the typed numbers are kept (applyTableInput puts them back), nothing is computed.
 */
function orphanRow(orphan: OrphanInput): TableRow {
  const typed = (key: IndicatorColumnKey): Scalar => {
    const v = orphan.values[key];
    return typeof v === "string" || typeof v === "number" ? v : null;
  };
  const values: Partial<Record<IndicatorColumnKey, Scalar>> = {
    key: orphan.key,
    code: typed("code") ?? (orphan.key.startsWith(SYNTHETIC_KEY_PREFIX) ? null : orphan.key),
    text: typed("text"),
    lead: typed("lead"),
    targetText: typed("targetText"),
    note: ORPHAN_NOTE,
  };
  const cells = INDICATOR_COLUMN_KEYS.map((k) => values[k] ?? null);
  return {
    key: orphan.key,
    cells,
    results: cells.map(() => null),
    format: { font: { italic: true, color: "#7F7F7F" } },
  };
}

function headerBlocks(planData: Plan, userInput: UserInput | undefined): Block[] {
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
    { at: `${col("ytd")}3`, cells: [["Đạt"]], format: { ...legend(COLORS.met) } },
    { at: `${col("latestMonth")}3`, cells: [["Gần đạt"]], format: { ...legend(COLORS.near) } },
    { at: `${col("latestValue")}3`, cells: [["Chưa đạt"]], format: { ...legend(COLORS.missed) } },
  ];
  if (conflicts.length > 0) {
    blocks.push({
      at: "B4",
      cells: conflicts.map((c) => [conflictBanner(c, planData.indicators)]),
      format: { font: { bold: true, color: "#C00000" }, locked: true },
    });
  }
  return blocks;
}

/**
 * One short line per conflict above the table (it prints on the first page without wrapping): which
 * indicator, which value the sheet uses; the full story is in that row's Ghi chú.
 */
function conflictBanner(conflict: Anomaly, indicators: Indicator[]): string {
  const concerned = indicators.filter((i) => conflict.refs.includes(i.id));
  if (concerned.length === 0) return `⚠ Mâu thuẫn trong văn bản: ${conflict.message}`;
  const used = concerned.map((i) => `${i.id} đánh giá theo ${printedTarget(i)}`).join("; ");
  return `⚠ Văn bản mâu thuẫn về chỉ tiêu ${concerned.map((i) => i.id).join(", ")}: trang này ${used} — xem cột Ghi chú.`;
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
  const applied = applyTableInput(base, opts.userInput?.tables[INDICATORS_TABLE], { orphanRow });
  const table = applied.table;
  const rows = table.rows;
  const firstRow = INDICATORS_HEADER_ROW + 1;
  const lastRow = INDICATORS_HEADER_ROW + rows.length;
  const lastSummaryCol = col("note");
  const sheet: SheetLayout = {
    key: INDICATORS_SHEET_KEY,
    name: INDICATORS_SHEET_NAME,
    tabColor: "#2E75B6",
    font: { ...SHEET_FONT },
    columnWidths: table.columns.map((c) => c.width),
    blocks: headerBlocks(planData, opts.userInput),
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
    ],
    freeze: { rows: INDICATORS_HEADER_ROW, columns: columnIndex("text") + 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${INDICATORS_HEADER_ROW}:${INDICATORS_HEADER_ROW}`,
      fitToWidth: true,
      printArea: `B1:${lastSummaryCol}${Math.max(lastRow, INDICATORS_HEADER_ROW)}`,
      header: `Chỉ tiêu CCHC năm ${planData.year}`,
    },
    protect: { ...SHEET_PROTECTION },
    charts: [],
  };
  return { sheet, orphans: applied.orphans };
}
