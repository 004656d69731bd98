/**
 * The rows of the "Chỉ tiêu" table: one per indicator (texts, target, typed monthly numbers, formulas
 * and their cached results) and the rows that keep values typed for indicators the plan no longer has.
 */
import type { Comparison } from "../domain/rates";
import type { Anomaly, Indicator, Plan } from "../plan/types";
import type { Scalar, TableRow } from "./model";
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
  latestMonthFormula,
  latestValueFormula,
  verdictFormula,
  ytdFormula,
  type IndicatorColumnKey,
} from "./indicatorFormulas";
import { evaluateIndicatorRow, type IndicatorRowResults } from "./indicatorResults";
import { SYNTHETIC_KEY_PREFIX, type OrphanInput } from "./userInputMerge";
import {
  INDICATORS_TABLE,
  INDICATORS_HEADER_ROW,
  IndicatorsSheetOptions,
  COUNT_FORMAT,
  COMPARISON_WORDS,
} from "./indicatorsSheet";

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

/**
 * The target as people write it: "≥ 95%", "100%" (nothing is above 100%), "trên 95%", "không quá
 * 2%", "ít nhất 2 sáng kiến". The machine comparison (">=") is in the hidden So sánh column.
 */
export function printedTarget(indicator: Indicator): string {
  const value = formatNumberVi(indicator.target);
  const words = COMPARISON_WORDS[indicator.comparison];
  if (indicator.unit === "%") {
    if (indicator.comparison === ">=" && indicator.target === 100) return "100%";
    return `${words.rate}${value}%`;
  }
  const noun = countNoun(indicator);
  return `${words.count}${value}${noun ? ` ${noun}` : ""}`;
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
function noteFor(indicator: Indicator, anomalies: Anomaly[], refused?: string): string {
  const note = indicator.note?.trim() ?? "";
  const conflicts = conflictsOf(indicator, anomalies);
  const parts = refused ? [`⚠ Chưa áp dụng sửa đổi: ${refused}.`] : [];
  parts.push(...handEditNotes(indicator));
  if (conflicts.length > 0) {
    parts.push(
      `⚠ Mâu thuẫn: văn bản ghi hai mức khác nhau cho chỉ tiêu này; dòng này chấm theo mức ${printedTarget(indicator)}.`
    );
    if (!/mâu thuẫn/i.test(note)) parts.push(...conflicts.map((c) => c.message));
  }
  if (note) parts.push(note);
  return parts.join("\n");
}

/** What the coordinator changed by hand, so a reader knows the row is not the document's. */
function handEditNotes(indicator: Indicator): string[] {
  const out: string[] = [];
  if (indicator.source === HAND_ADDED_SOURCE)
    out.push("Chỉ tiêu thêm bằng tay (không có trong văn bản).");
  for (const c of indicator.corrections ?? [])
    out.push(
      `Sửa bằng tay ${CORRECTED_FIELD_NAMES[c.field] ?? c.field}; văn bản ghi: “${c.original}”.`
    );
  return out;
}

/**
 * The So sánh cell. "=" alone would be read as a formula by both renderers, so it is written as a
 * formula that yields the text "=" (the cell's value is what the formulas compare).
 */
export function comparisonCell(comparison: Comparison): string {
  return comparison === "=" ? '="="' : comparison;
}

/** Mẫu số cell of a count target: it has none. */
export const COUNT_DENOMINATOR_TEXT = "— (chỉ tiêu số lượng: nhập số lượng vào các cột Đạt T1…T12)";

/** The definition cells as the sheet writes them (what a typed edit is compared with). */
export function definitionCells(
  indicator: Indicator
): Record<"code" | "text" | "lead" | "targetText" | "numeratorLabel" | "denominatorLabel", string> {
  return {
    code: indicator.id,
    text: indicator.text,
    lead: indicator.lead.join(", "),
    targetText: printedTarget(indicator),
    numeratorLabel: indicator.numerator,
    denominatorLabel:
      indicator.unit === "%" ? (indicator.denominator ?? "") : COUNT_DENOMINATOR_TEXT,
  };
}

const rowOf = (index: number) => INDICATORS_HEADER_ROW + 1 + index;

function typedValue(userInput: UserInput | undefined, key: string, column: string): Scalar {
  return userInput?.tables[INDICATORS_TABLE]?.[key]?.[column] ?? null;
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

export function indicatorRow(
  indicator: Indicator,
  index: number,
  planData: Plan,
  opts: IndicatorsSheetOptions
): TableRow {
  const row = rowOf(index);
  const isRate = indicator.unit === "%";
  const typed = (column: string) => typedValue(opts.userInput, indicator.id, column);
  const defs = definitionCells(indicator);
  const values: Partial<Record<IndicatorColumnKey, Scalar>> = {
    key: textCell(indicator.id),
    code: textCell(defs.code),
    text: textCell(defs.text),
    lead: textCell(defs.lead),
    targetText: textCell(defs.targetText),
    targetValue: targetCellValue(indicator),
    comparison: comparisonCell(indicator.comparison),
    ytd: ytdFormula(row, opts.flavor),
    latestMonth: latestMonthFormula(row),
    latestValue: latestValueFormula(row, opts.flavor),
    attainment: attainmentFormula(row, opts.flavor),
    met: verdictFormula(row, opts.flavor),
    note: textCell(noteFor(indicator, planData.anomalies, opts.refused?.[indicator.id])),
    unitKind: isRate ? UNIT_KIND_RATE : UNIT_KIND_COUNT,
    numeratorLabel: textCell(defs.numeratorLabel),
    denominatorLabel: textCell(defs.denominatorLabel),
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
        months: opts.months ?? 12,
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

/** `source` of a target added in the sheet (src/layouts/indicatorEdits.ts). */
export const HAND_ADDED_SOURCE = "Thêm trên trang Chỉ tiêu";

/** Names of the definition fields, as messages and notes say them. */
export const CORRECTED_FIELD_NAMES: Record<string, string> = {
  code: "mã",
  text: "nội dung",
  lead: "đơn vị chủ trì",
  targetText: "mức chỉ tiêu",
  numeratorLabel: "tử số",
  denominatorLabel: "mẫu số",
};

const ORPHAN_NOTE =
  "Chỉ tiêu này không còn trong kế hoạch (hoặc dòng do người dùng thêm): số liệu đã nhập được giữ lại để đối chiếu, không tính.";

/**
 * A row for values typed under a key the plan no longer has (a new plan version) or in a row the user
 * inserted: the typed numbers are kept (applyTableInput puts them back), nothing is computed.
 */
export function orphanRow(orphan: OrphanInput, refused?: string): TableRow {
  const typed = (key: IndicatorColumnKey): Scalar => {
    const v = orphan.values[key];
    return typeof v === "string" || typeof v === "number" ? v : null;
  };
  const values: Partial<Record<IndicatorColumnKey, Scalar>> = {
    key: orphan.key,
    code:
      typed("code") ??
      (orphan.key.startsWith(SYNTHETIC_KEY_PREFIX) || orphan.key.startsWith(NEW_ROW_KEY_PREFIX)
        ? null
        : orphan.key),
    text: typed("text"),
    lead: typed("lead"),
    targetText: typed("targetText"),
    note: refused
      ? `⚠ Chỉ tiêu thêm chưa hợp lệ: ${refused}. Sửa lại ô rồi bấm Tạo/cập nhật.`
      : ORPHAN_NOTE,
  };
  const cells = INDICATOR_COLUMN_KEYS.map((k) => values[k] ?? null);
  return {
    key: orphan.key,
    cells,
    results: cells.map(() => null),
    format: { font: { italic: true, color: "#7F7F7F" } },
  };
}

/**
 * Key of the empty rows at the end, in their (hidden) key cell: "(dòng mới 1)". What is typed in such a
 * row is read back under it (an empty key cell would look like a wiped key column) and is a new target
 * (indicatorEdits.ts).
 */
export const NEW_ROW_KEY_PREFIX = "(dòng mới ";
export const newRowKey = (n: number): string => `${NEW_ROW_KEY_PREFIX}${n})`;
/** Empty rows kept at the end of the table for targets added by hand. */
export const NEW_TARGET_ROWS = 3;

/**
 * An empty row where the coordinator types a new target (Mã, Chỉ tiêu, Chỉ tiêu kế hoạch, …). It
 * carries the same formulas as every row (they show nothing until the target exists) so the columns
 * stay consistent calculated columns.
 */
export function newTargetRow(index: number, key: string, opts: IndicatorsSheetOptions): TableRow {
  const row = rowOf(index);
  const values: Partial<Record<IndicatorColumnKey, Scalar>> = {
    key,
    ytd: ytdFormula(row, opts.flavor),
    latestMonth: latestMonthFormula(row),
    latestValue: latestValueFormula(row, opts.flavor),
    attainment: attainmentFormula(row, opts.flavor),
    met: verdictFormula(row, opts.flavor),
  };
  const cells = INDICATOR_COLUMN_KEYS.map((k) => values[k] ?? null);
  return {
    key,
    cells,
    results: INDICATOR_COLUMN_KEYS.map((k) => (k in values && k !== "key" ? "" : null)),
  };
}

export function marginPoints(userInput: UserInput | undefined): number {
  const typed = userInput?.names[MARGIN_NAME];
  return typeof typed === "number" && Number.isFinite(typed) && typed >= 0 && typed <= 100
    ? typed
    : DEFAULT_MARGIN_POINTS;
}
