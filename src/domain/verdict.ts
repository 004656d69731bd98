/**
 * The one verdict rule of a numeric target (docs/indicators.md, "Verdict"): the "Đạt?" column of the
 * Chỉ tiêu sheet, the "Đánh giá" column of the Báo cáo sheet, `cchc report` and its Word draft. The
 * sheet formulas (src/layouts/indicatorFormulas.ts) compute the same; tests compare them.
 * - A value covers a run of reporting months (NĐ 09/2019, reportPeriods.ts): the Chỉ tiêu sheet's
 *   year to date covers T1 to the last month ended by the report date, a report period its months.
 * - A rate (%) is judged as it stands: Σ đạt ÷ Σ tổng against the target.
 * - An annual count ("ít nhất 2 sáng kiến") is judged against what is due over the months covered:
 *   ⌊level × last ÷ 12⌋ − ⌊level × (first − 1) ÷ 12⌋ whole units (2 initiatives: 0 due by T5, 1 by
 *   T6, 2 by T12; Quý II's share 1, Quý IV's 1). Reaching the annual level is "Đạt"; reaching what is
 *   due is "Đúng tiến độ". Only a run of all twelve months is judged against the annual level alone.
 *   A count that must stay low ("không quá 2") can still be spoiled until the year is over, so within
 *   it is "Đúng tiến độ" until then.
 * - "Gần đạt" (near): short of the level judged by no more than the margin — `marginPoints`
 *   percentage points for a rate, `marginPoints` percent of that level for a count; for targets
 *   where lower is better, above it by no more than that. Rounded to 9 decimals as the sheet does, so
 *   0.95 − 0.9 = 0.05 is near.
 */
import { isMet, type Comparison } from "./rates";
import { windowEnd } from "./reportPeriods";

export const VERDICT_MET = "Đạt";
export const VERDICT_ON_TRACK = "Đúng tiến độ";
export const VERDICT_NEAR = "Gần đạt";
export const VERDICT_MISSED = "Chưa đạt";
export type Verdict =
  typeof VERDICT_MET | typeof VERDICT_ON_TRACK | typeof VERDICT_NEAR | typeof VERDICT_MISSED;

export interface VerdictInput {
  unit: "%" | "count";
  /** As the sheet holds it: a fraction for rates (0.95), the count for counts. */
  target: number;
  comparison: Comparison;
  /** The value over the months covered: the rate, or the sum of the counts. */
  value: number;
  /** Last reporting month the value covers, 0–12 (the Chỉ tiêu sheet: monthsElapsed). */
  months: number;
  /** First reporting month the value covers (a report period's; default 1, from January). */
  firstMonth?: number;
  /** The BienDoGan cell: percentage points for rates, percent of the level for counts. */
  marginPoints: number;
}

/**
 * Reporting months of `year` ended by `asOf` (ISO): month m once its window has ended (the 14th, NĐ
 * 09/2019: T9 = 15/08–14/09, so 14/09 → 9, 13/09 → 8); 0 before 14/01, 12 from 14/12 on. The sheet's
 * SoThangDaQua formula is the same, on NgayBaoCao.
 */
export function monthsElapsed(asOf: string, year: number): number {
  let months = 0;
  for (let m = 1; m <= 12; m++) if (windowEnd(year, m) <= asOf) months = m;
  return months;
}

/** Whole units of an annual count due after `months` months: ⌊level × months ÷ 12⌋. */
export function countDue(level: number, months: number): number {
  return Math.floor((level * months) / 12);
}

/** Excel's ROUND(x, 9): half away from zero (the sheet rounds the same way). */
function round9(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9;
}

export function judgeIndicator(j: VerdictInput): Verdict {
  const { value: v, target: t, comparison: c } = j;
  const first = j.firstMonth ?? 1;
  const final = j.unit === "%" || (first <= 1 && j.months >= 12);
  const lower = c === "<=" || c === "<";
  const over = lower || (c === "=" && v > t);
  if (isMet(v, t, c)) return !final && (lower || c === "=") ? VERDICT_ON_TRACK : VERDICT_MET;
  const level = final || over ? t : countDue(t, j.months) - countDue(t, first - 1);
  if (!final && !over && v >= level) return VERDICT_ON_TRACK;
  const tolerance = j.unit === "%" ? j.marginPoints / 100 : (level * j.marginPoints) / 100;
  const shortfall = over ? v - level : c === "=" ? Math.abs(v - level) : level - v;
  return round9(shortfall - tolerance) <= 0 ? VERDICT_NEAR : VERDICT_MISSED;
}
