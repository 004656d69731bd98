/**
 * The verdict of a target for a report date (docs/indicators.md, "Verdict"): the rules the Chỉ tiêu
 * sheet's formulas follow, written once in TypeScript for the cached results and the tests.
 * - A rate (%) is judged as it stands, whatever the date: Σ đạt ÷ Σ tổng against the target.
 * - A count over the year ("ít nhất 2 sáng kiến") is judged against what is due by the report date:
 *   the annual level × the months of the plan year ended by then ÷ 12, rounded down to whole units
 *   (2 initiatives: 0 due until May, 1 from 30/06, 2 on 31/12). Reaching the annual level is final
 *   ("Đạt"); reaching what is due is "Đúng tiến độ". A count that must stay low ("không quá 2") can
 *   still be spoiled until the year ends, so within it is "Đúng tiến độ" until 31/12.
 * - "Gần đạt" (near): short of the level judged by no more than the margin — `marginPoints`
 *   percentage points for a rate, `marginPoints` percent of that level for a count; for targets where
 *   lower is better, above it by no more than that.
 */
import { isMet, type Comparison } from "./rates";

export type IndicatorVerdict = "met" | "onTrack" | "near" | "missed";

export interface VerdictInput {
  unit: "%" | "count";
  /** As the sheet holds it: a fraction for rates (0.95), the count for counts. */
  target: number;
  comparison: Comparison;
  /** Year to date: the rate, or the sum of the counts. */
  value: number;
  /** Months of the plan year ended by the report date, 0–12 (monthsElapsed). */
  months: number;
  /** The BienDoGan cell: percentage points for rates, percent of the level for counts. */
  marginPoints: number;
}

/**
 * Months of `year` ended by `asOf` (ISO): a month counts once its last day is reached (30/09 → 9,
 * 15/09 → 8); 0 before the year, 12 from 31/12 on. The sheet's formula is the same, on NgayBaoCao.
 */
export function monthsElapsed(asOf: string, year: number): number {
  const [y, m, d] = asOf.split("-").map(Number);
  if (y < year) return 0;
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  if (next.getUTCFullYear() > year) return 12;
  return next.getUTCMonth(); // the month of the next day, minus one
}

/** Whole units of an annual count due after `months` months: ⌊level × months ÷ 12⌋. */
export function countDue(level: number, months: number): number {
  return Math.floor((level * months) / 12);
}

/** Excel's ROUND(x, 9): half away from zero (the sheet rounds the same way). */
function round9(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9;
}

export function judgeIndicator(j: VerdictInput): IndicatorVerdict {
  const { value: v, target: t, comparison: c } = j;
  const final = j.unit === "%" || j.months >= 12;
  const lower = c === "<=" || c === "<";
  const over = lower || (c === "=" && v > t);
  if (isMet(v, t, c)) return !final && (lower || c === "=") ? "onTrack" : "met";
  const level = final || over ? t : countDue(t, j.months);
  if (!final && !over && v >= level) return "onTrack";
  const tolerance = j.unit === "%" ? j.marginPoints / 100 : (level * j.marginPoints) / 100;
  const shortfall = over ? v - level : c === "=" ? Math.abs(v - level) : level - v;
  return round9(shortfall - tolerance) <= 0 ? "near" : "missed";
}
