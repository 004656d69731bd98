/**
 * Formulas of the "Chỉ tiêu" sheet, in two flavours:
 * - "addin": year-to-date rate, attainment and met through the CCHC custom functions;
 * - "file": the same results with plain Excel functions only (IF/SUM/COUNT/INDEX/...), because an .xlsx
 *   written by another tool cannot call add-in functions and LibreOffice / Excel 2016 have no CCHC.
 * Every row gets the SAME formula pattern (relative to its own row), whether the indicator is a rate or a
 * count, so the table's columns stay consistent "calculated columns" and survive sorting and inserted rows.
 * Conditional-format formulas are always plain (rules cannot call custom functions).
 */
import { VERDICT_MET, VERDICT_MISSED, VERDICT_NEAR, VERDICT_ON_TRACK } from "../domain/verdict";
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

/** Defined name of the cell holding the reporting months (NĐ 09/2019) ended by the report date. */
export const MONTHS_NAME = "SoThangDaQua";

/** Texts of the "Đạt?" column (src/domain/verdict.ts says when each applies). */
export { VERDICT_MET, VERDICT_ON_TRACK, VERDICT_NEAR, VERDICT_MISSED };

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

/**
 * What a verdict reads: the value (in `ytd`), the target, its comparison and unit kind, and the
 * reporting months the value covers (`firstMonth` omitted: from T1).
 */
type ValueRefs = Pick<RowRefs, "ytd" | "target" | "comparison" | "unitKind">;
export interface VerdictRefs extends ValueRefs {
  /** The last month covered: SoThangDaQua on the Chỉ tiêu sheet, KyThangCuoi on Báo cáo. */
  months: string;
  firstMonth?: string;
}

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

const isRate = (r: ValueRefs) => `${r.unitKind}="${UNIT_KIND_RATE}"`;

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

const LOWER_IS_BETTER = (r: ValueRefs) => `OR(${r.comparison}="<=",${r.comparison}="<")`;

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
function plainMetExpression(r: ValueRefs): string {
  const { ytd: v, target: t, comparison: c } = r;
  return (
    `OR(AND(${c}=">=",${v}>=${t}),AND(${c}=">",${v}>${t}),AND(${c}="<=",${v}<=${t}),` +
    `AND(${c}="<",${v}<${t}),AND(${c}="=",${v}=${t}))`
  );
}

/** Judged for good: a rate at any date, a count over all twelve months. */
function isFinal(r: VerdictRefs): string {
  const allYear =
    r.firstMonth === undefined ? `${r.months}>=12` : `AND(${r.firstMonth}<=1,${r.months}>=12)`;
  return `OR(${isRate(r)},${allYear})`;
}
/** Judged against the annual level even before the year ends: over a cap, or past an exact level. */
const isOver = (r: ValueRefs) =>
  `OR(${LOWER_IS_BETTER(r)},AND(${r.comparison}="=",${r.ytd}>${r.target}))`;

/**
 * The level the value is judged against: the target, or for a count what is due over the months
 * covered (src/domain/verdict.ts: countDue at the last month minus countDue before the first).
 */
function levelExpression(r: VerdictRefs): string {
  const due = (months: string) => `ROUNDDOWN(${r.target}*${months}/12,0)`;
  const share =
    r.firstMonth === undefined ? due(r.months) : `${due(r.months)}-${due(`(${r.firstMonth}-1)`)}`;
  return `IF(OR(${isFinal(r)},${isOver(r)}),${r.target},${share})`;
}

/**
 * TRUE when the value misses the level by no more than the tolerance: BienDoGan percentage points
 * for rates, BienDoGan percent of the level for counts; above it for lower-is-better targets. The
 * difference is rounded to 9 decimals so that 90% − 84% is not "more than 6 points" by a binary
 * rounding error (0.9 − 0.84 = 0.06000000000000005).
 */
function plainNearExpression(r: VerdictRefs): string {
  const { ytd: v, comparison: c } = r;
  const level = levelExpression(r);
  const shortfall = `IF(${isOver(r)},${v}-${level},IF(${c}="=",ABS(${v}-${level}),${level}-${v}))`;
  const tolerance = `IF(${isRate(r)},${MARGIN_NAME}/100,${level}*${MARGIN_NAME}/100)`;
  return `ROUND(${shortfall}-${tolerance},9)<=0`;
}

/**
 * Đạt / Đúng tiến độ / Gần đạt / Chưa đạt, the rules of src/domain/verdict.ts: a count over
 * the year is judged against what is due by the report date (SoThangDaQua), and a count that must
 * stay within a level is only "Đạt" once the year is over.
 */
export function verdictFormula(row: number, flavor: IndicatorFlavor): string {
  return verdictExpression({ ...rowRefs(row), months: MONTHS_NAME }, flavor);
}

/**
 * The verdict of the value in `r.ytd` (any cell holding a value: the Báo cáo sheet passes its period
 * value and months), "" when it is not a number.
 */
export function verdictExpression(r: VerdictRefs, flavor: IndicatorFlavor): string {
  const met =
    flavor === "addin" ? `CCHC.MET(${r.ytd},${r.target},${r.comparison})` : plainMetExpression(r);
  const notFinal = `NOT(${isFinal(r)})`;
  const spoilable = `AND(${notFinal},OR(${LOWER_IS_BETTER(r)},${r.comparison}="="))`;
  const onTrack = `AND(${notFinal},NOT(${isOver(r)}),${r.ytd}>=${levelExpression(r)})`;
  return (
    `=IF(ISNUMBER(${r.ytd}),IF(${met},IF(${spoilable},"${VERDICT_ON_TRACK}","${VERDICT_MET}"),` +
    `IF(${onTrack},"${VERDICT_ON_TRACK}",` +
    `IF(${plainNearExpression(r)},"${VERDICT_NEAR}","${VERDICT_MISSED}"))),"")`
  );
}

/**
 * Reporting months of the plan year ended by the report date (0–12), as monthsElapsed() computes
 * them: month m once the 14th of it is reached.
 */
export function monthsElapsedFormula(asOfName: string, year: number): string {
  const d = asOfName;
  return `=IFERROR(IF(YEAR(${d})<${year},0,IF(YEAR(${d})>${year},12,MONTH(${d})-IF(DAY(${d})<14,1,0))),12)`;
}

/** Conditional-format formulas for the first body row (Excel shifts them for the other rows). */
export function ruleFormulas(firstRow: number): {
  met: string;
  onTrack: string;
  near: string;
  missed: string;
  badNumerator: string;
  badDenominator: string;
  unusedDenominatorTyped: string;
  unusedDenominator: string;
} {
  const r = rowRefs(firstRow, true);
  // The colour is the verdict's (plain text, so it works wherever the sheet is read).
  const verdict = (text: string) => `=$${col("met")}${firstRow}="${text}"`;
  const num1 = `${col("num1")}${firstRow}`;
  const den1 = `${col("den1")}${firstRow}`;
  const notNumber = (cell: string) => `AND(${cell}<>"",NOT(ISNUMBER(${cell})))`;
  return {
    met: verdict(VERDICT_MET),
    onTrack: verdict(VERDICT_ON_TRACK),
    near: verdict(VERDICT_NEAR),
    missed: verdict(VERDICT_MISSED),
    // Relative (no `$`) so each numerator cell is compared with the denominator of its own month.
    badNumerator: `=OR(${notNumber(num1)},N(${num1})<0,AND(${isRate(r)},N(${num1})>N(${den1})))`,
    badDenominator: `=AND(${isRate(r)},OR(${notNumber(den1)},N(${den1})<0))`,
    unusedDenominatorTyped: `=AND(${r.unitKind}="${UNIT_KIND_COUNT}",${den1}<>"")`,
    unusedDenominator: `=${r.unitKind}="${UNIT_KIND_COUNT}"`,
  };
}
