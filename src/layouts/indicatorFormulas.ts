/**
 * Formulas of the "Chỉ tiêu" sheet, in two flavours:
 * - "addin": year-to-date rate, attainment and met through the CCHC custom functions;
 * - "file": the same results with plain Excel functions only (IF/SUM/COUNT/INDEX/...), because an .xlsx
 *   written by another tool cannot call add-in functions and LibreOffice / Excel 2016 have no CCHC.
 * Every row gets the SAME formula pattern (relative to its own row), whether the indicator is a rate or a
 * count, so the table's columns stay consistent "calculated columns" and survive sorting and inserted rows.
 * Conditional-format formulas are always plain (rules cannot call custom functions).
 */
import { VERDICT_MET, VERDICT_MISSED, VERDICT_NEAR } from "../domain/verdict";
import { columnLetters } from "./a1";

export type IndicatorFlavor = "addin" | "file";

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Column keys in sheet order, from column A. The month input columns come last so the summary prints. */
export const INDICATOR_COLUMN_KEYS = [
  "key",
  "code",
  "text",
  "lead",
  "targetText",
  "targetValue",
  "comparison",
  "ytd",
  "latestMonth",
  "latestValue",
  "attainment",
  "met",
  "note",
  "unitKind",
  "numeratorLabel",
  "denominatorLabel",
  ...MONTHS.map((m) => `num${m}`),
  ...MONTHS.map((m) => `den${m}`),
  "updateNote",
] as const;

export type IndicatorColumnKey = (typeof INDICATOR_COLUMN_KEYS)[number];

/** Value of the "Đơn vị tính" cell; the formulas and rules test it. */
export const UNIT_KIND_RATE = "%";
export const UNIT_KIND_COUNT = "số lượng";

/** Defined name of the near-miss margin cell, in percentage points. */
export const MARGIN_NAME = "BienDoGan";
export const DEFAULT_MARGIN_POINTS = 5;

/** Texts of the "Đạt?" column. */
export { VERDICT_MET, VERDICT_NEAR, VERDICT_MISSED };

/** Column letter of a 0-based column index ("A" for 0). */
function columnLetter(index0: number): string {
  return columnLetters(index0 + 1);
}

export function columnIndex(key: IndicatorColumnKey): number {
  return INDICATOR_COLUMN_KEYS.indexOf(key);
}

export function col(key: IndicatorColumnKey): string {
  return columnLetter(columnIndex(key));
}

/** A1 references of one table row, relative (no `$`) so a rule or formula follows its own row. */
export interface RowRefs {
  target: string;
  comparison: string;
  ytd: string;
  latestMonth: string;
  unitKind: string;
  /** Numerators (or counts), months 1–12, e.g. "Q7:AB7". */
  nums: string;
  /** Denominators, months 1–12. */
  dens: string;
  /** Numerators and denominators together (they are adjacent). */
  all: string;
  numCell: (month: number) => string;
  denCell: (month: number) => string;
}

/** The cells a verdict reads: the value (in `ytd`), the target, its comparison and unit kind. */
export type VerdictRefs = Pick<RowRefs, "ytd" | "target" | "comparison" | "unitKind">;

/** `anchorColumns` puts `$` before the column letters, as conditional-format rules over several columns need. */
function rowRefs(row: number, anchorColumns = false): RowRefs {
  const d = anchorColumns ? "$" : "";
  const cell = (key: IndicatorColumnKey) => `${d}${col(key)}${row}`;
  return {
    target: cell("targetValue"),
    comparison: cell("comparison"),
    ytd: cell("ytd"),
    latestMonth: cell("latestMonth"),
    unitKind: cell("unitKind"),
    nums: `${cell("num1")}:${cell("num12")}`,
    dens: `${cell("den1")}:${cell("den12")}`,
    all: `${cell("num1")}:${cell("den12")}`,
    numCell: (m) => cell(`num${m}` as IndicatorColumnKey),
    denCell: (m) => cell(`den${m}` as IndicatorColumnKey),
  };
}

const isRate = (r: VerdictRefs) => `${r.unitKind}="${UNIT_KIND_RATE}"`;

/** Year-to-date value: Σ numerators ÷ Σ denominators for rates, Σ counts for counts; "" without data. */
export function ytdFormula(row: number, flavor: IndicatorFlavor): string {
  const r = rowRefs(row);
  const rate =
    flavor === "addin"
      ? `CCHC.RATE(${r.nums},${r.dens})`
      : // Bad data (text, negatives, more "đạt" than "tổng") is an error, as CCHC.RATE makes it.
        `IF(OR(COUNTA(${r.all})>COUNT(${r.all}),MIN(${r.all})<0,SUM(${r.nums})>SUM(${r.dens})),NA(),SUM(${r.nums})/SUM(${r.dens}))`;
  const count = `IF(COUNT(${r.nums})=0,"",IF(MIN(${r.nums})<0,NA(),SUM(${r.nums})))`;
  return `=IF(${isRate(r)},IF(SUM(${r.dens})=0,"",${rate}),${count})`;
}

/** Latest month with data: a rate month needs a total > 0, a count month a number typed. */
export function latestMonthFormula(row: number): string {
  const r = rowRefs(row);
  // Built inside out from month 1, so the outermost test is month 12: the latest month wins.
  const chain = (test: (m: number) => string) =>
    MONTHS.reduce<string>((inner, m) => `IF(${test(m)},${m},${inner})`, `""`);
  const rateChain = chain((m) => `N(${r.denCell(m)})>0`);
  const countChain = chain((m) => `ISNUMBER(${r.numCell(m)})`);
  return `=IF(${isRate(r)},${rateChain},${countChain})`;
}

export function latestValueFormula(row: number, flavor: IndicatorFlavor): string {
  const r = rowRefs(row);
  const num = `INDEX(${r.nums},1,${r.latestMonth})`;
  const den = `INDEX(${r.dens},1,${r.latestMonth})`;
  const rate =
    flavor === "addin"
      ? `CCHC.RATE(${num},${den})`
      : `IF(OR(${num}<0,${num}>${den}),NA(),${num}/${den})`;
  return `=IF(${r.latestMonth}="","",IF(${isRate(r)},${rate},${num}))`;
}

const LOWER_IS_BETTER = (r: VerdictRefs) => `OR(${r.comparison}="<=",${r.comparison}="<")`;

export function attainmentFormula(row: number, flavor: IndicatorFlavor): string {
  const r = rowRefs(row);
  const value =
    flavor === "addin"
      ? `CCHC.ATTAIN(${r.ytd},${r.target},${r.comparison})`
      : // As CCHC.ATTAIN: lower-is-better with 0 actual and 0 target is exactly on target.
        `IF(${LOWER_IS_BETTER(r)},IF(AND(${r.ytd}=0,${r.target}=0),1,${r.target}/${r.ytd}),${r.ytd}/${r.target})`;
  return `=IF(ISNUMBER(${r.ytd}),${value},"")`;
}

/** TRUE when the year-to-date value meets the target under the row's comparison (plain Excel). */
function plainMetExpression(r: VerdictRefs): string {
  const { ytd: v, target: t, comparison: c } = r;
  return (
    `OR(AND(${c}=">=",${v}>=${t}),AND(${c}=">",${v}>${t}),AND(${c}="<=",${v}<=${t}),` +
    `AND(${c}="<",${v}<${t}),AND(${c}="=",${v}=${t}))`
  );
}

/**
 * Tolerance of "near": BienDoGan percentage points for rates (5 → 0.05), BienDoGan percent of the
 * target for counts (a count has no percentage points).
 */
function toleranceExpression(r: VerdictRefs): string {
  return `IF(${isRate(r)},${MARGIN_NAME}/100,${r.target}*${MARGIN_NAME}/100)`;
}

/**
 * TRUE when the value falls short of the target by no more than the tolerance (only meaningful when
 * not met). The shortfall minus the tolerance is rounded to 9 decimals so that 90% − 84% is not
 * "more than 6 points" by a binary rounding error (0.9 − 0.84 = 0.06000000000000005).
 */
function plainNearExpression(r: VerdictRefs): string {
  const { ytd: v, target: t, comparison: c } = r;
  const shortfall = `IF(OR(${c}=">=",${c}=">"),${t}-${v},IF(${LOWER_IS_BETTER(r)},${v}-${t},ABS(${v}-${t})))`;
  return `ROUND(${shortfall}-${toleranceExpression(r)},9)<=0`;
}

export function verdictFormula(row: number, flavor: IndicatorFlavor): string {
  return verdictExpression(rowRefs(row), flavor);
}

/**
 * "Đạt" / "Gần đạt" / "Chưa đạt" of the value in `r.ytd` (any cell holding a value: the Báo cáo sheet
 * passes its period value), "" when it is not a number.
 */
export function verdictExpression(r: VerdictRefs, flavor: IndicatorFlavor): string {
  const met =
    flavor === "addin" ? `CCHC.MET(${r.ytd},${r.target},${r.comparison})` : plainMetExpression(r);
  return (
    `=IF(ISNUMBER(${r.ytd}),IF(${met},"${VERDICT_MET}",` +
    `IF(${plainNearExpression(r)},"${VERDICT_NEAR}","${VERDICT_MISSED}")),"")`
  );
}

/** Conditional-format formulas for the first body row (Excel shifts them for the other rows). */
export function ruleFormulas(firstRow: number): {
  met: string;
  near: string;
  missed: string;
  badNumerator: string;
  badDenominator: string;
  unusedDenominatorTyped: string;
  unusedDenominator: string;
} {
  const r = rowRefs(firstRow, true);
  const ytdIsNumber = `ISNUMBER(${r.ytd})`;
  const num1 = `${col("num1")}${firstRow}`;
  const den1 = `${col("den1")}${firstRow}`;
  const notNumber = (cell: string) => `AND(${cell}<>"",NOT(ISNUMBER(${cell})))`;
  return {
    met: `=AND(${ytdIsNumber},${plainMetExpression(r)})`,
    near: `=AND(${ytdIsNumber},NOT(${plainMetExpression(r)}),${plainNearExpression(r)})`,
    missed: `=${ytdIsNumber}`,
    // Relative (no `$`) so each numerator cell is compared with the denominator of its own month.
    badNumerator: `=OR(${notNumber(num1)},N(${num1})<0,AND(${isRate(r)},N(${num1})>N(${den1})))`,
    badDenominator: `=AND(${isRate(r)},OR(${notNumber(den1)},N(${den1})<0))`,
    unusedDenominatorTyped: `=AND(${r.unitKind}="${UNIT_KIND_COUNT}",${den1}<>"")`,
    unusedDenominator: `=${r.unitKind}="${UNIT_KIND_COUNT}"`,
  };
}
