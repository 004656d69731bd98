/**
 * Met / near / missed of a value against a target: the "Đạt?" texts of the Chỉ tiêu sheet and the
 * report. "Near" means the shortfall is within a tolerance (BienDoGan percentage points for rates,
 * that percentage of the target for counts). The sheet formulas compute the same
 * (src/layouts/indicatorFormulas.ts); rounding to 9 decimals as they do keeps 0.95 − 0.9 = 0.05 near.
 */
import { isMet, type Comparison } from "./rates";

export const VERDICT_MET = "Đạt";
export const VERDICT_NEAR = "Gần đạt";
export const VERDICT_MISSED = "Chưa đạt";
export type Verdict = typeof VERDICT_MET | typeof VERDICT_NEAR | typeof VERDICT_MISSED;

/** Excel's ROUND(x, 9): half away from zero. */
function roundTo9(x: number): number {
  const scaled = Math.abs(x) * 1e9;
  return (Math.sign(x) * Math.round(scaled)) / 1e9;
}

/** As the sheet's formula: shortfall − tolerance, rounded to 9 decimals, ≤ 0. */
export function isNear(
  value: number,
  target: number,
  comparison: Comparison,
  tolerance: number
): boolean {
  const shortfall =
    comparison === ">=" || comparison === ">"
      ? target - value
      : comparison === "<=" || comparison === "<"
        ? value - target
        : Math.abs(value - target);
  return roundTo9(shortfall - tolerance) <= 0;
}

export function verdictOf(
  value: number,
  target: number,
  comparison: Comparison,
  tolerance: number
): Verdict {
  if (isMet(value, target, comparison)) return VERDICT_MET;
  return isNear(value, target, comparison, tolerance) ? VERDICT_NEAR : VERDICT_MISSED;
}

/** The tolerance of "near": margin points of 100% for rates, margin percent of the target for counts. */
export function nearTolerance(isRate: boolean, target: number, marginPoints: number): number {
  return isRate ? marginPoints / 100 : (target * marginPoints) / 100;
}
