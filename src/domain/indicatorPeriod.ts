/**
 * The value of a numeric target over a run of reporting months: Σ numerators ÷ Σ denominators for
 * rates, Σ counts for counts. The Chỉ tiêu sheet's "Lũy kế năm" (all twelve months) and the report's
 * period value (the period's months, reportPeriods.PERIODS) are this same rule.
 */

/** A typed cell: number, text, boolean or blank (null / ""). */
export type TypedValue = string | number | boolean | null;

const isBlank = (v: TypedValue): boolean => v === null || v === "";
const isNum = (v: TypedValue): v is number => typeof v === "number" && Number.isFinite(v);
/** Excel's N(): numbers stay, anything else is 0. */
const n = (v: TypedValue): number => (isNum(v) ? v : 0);
const sum = (vs: readonly TypedValue[]): number => vs.reduce<number>((s, v) => s + n(v), 0);
const numbersOf = (vs: readonly TypedValue[]) => vs.filter(isNum);

/**
 * "" = no data yet (no count typed; no denominator above 0); null = bad data the sheet shows as an
 * error (text or a negative number typed, more "đạt" than "tổng").
 */
export function monthsValue(
  kind: "rate" | "count",
  nums: readonly TypedValue[],
  dens: readonly TypedValue[]
): number | "" | null {
  if (kind === "count") {
    const counts = numbersOf(nums);
    if (counts.length === 0) return "";
    return counts.some((c) => c < 0) ? null : sum(nums);
  }
  if (sum(dens) === 0) return "";
  const all = [...nums, ...dens];
  const typed = all.filter((v) => !isBlank(v));
  if (typed.length > numbersOf(all).length) return null;
  if (numbersOf(all).some((v) => v < 0)) return null;
  if (sum(nums) > sum(dens)) return null;
  return sum(nums) / sum(dens);
}
