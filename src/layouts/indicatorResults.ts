/**
 * Cached results of the "Chỉ tiêu" formulas, computed in TypeScript from the typed monthly numbers, so the
 * file renderer can store values next to the formulas (a viewer that does not recalculate still shows
 * them). It follows the sheet formulas of indicatorFormulas.ts cell for cell, with attainment and met
 * from the domain (src/domain/rates.ts, the code under CCHC.ATTAIN / CCHC.MET); an Excel error is
 * `null` (the model has no error scalar; the file is recalculated on open anyway).
 */
import type { Comparison } from "../domain/rates";
import { attainment } from "../domain/rates";
import { judgeIndicator } from "../domain/verdict";
import { monthsValue } from "../domain/indicatorPeriod";
import type { Scalar } from "./model";
import { MONTHS } from "./indicatorFormulas";

export interface IndicatorRowInput {
  kind: "rate" | "count";
  /** As written in the "Giá trị" cell: a fraction for rates (0.95), the count for counts. */
  target: number;
  comparison: Comparison;
  /** Numerators (or counts), months 1–12, as typed; blank = null or "". */
  nums: Scalar[];
  /** Denominators, months 1–12 (ignored for counts). */
  dens: Scalar[];
  /** Near-miss margin in percentage points (the BienDoGan cell). */
  marginPoints: number;
  /** Months of the plan year ended by the report date (the SoThangDaQua cell). */
  months: number;
}

/** "" = the cell shows empty; null = the cell shows an Excel error (or cannot be known). */
export interface IndicatorRowResults {
  ytd: number | "" | null;
  latestMonth: number | "" | null;
  latestValue: number | "" | null;
  attainment: number | "" | null;
  verdict: string | null;
}

const UNKNOWN: IndicatorRowResults = {
  ytd: null,
  latestMonth: null,
  latestValue: null,
  attainment: null,
  verdict: null,
};

const isBlank = (v: Scalar): boolean => v === null || v === "";
const isNum = (v: Scalar): v is number => typeof v === "number" && Number.isFinite(v);
/** Excel's N(): numbers stay, anything else is 0. */
const n = (v: Scalar): number => (isNum(v) ? v : 0);

function ytdOf(input: IndicatorRowInput): number | "" | null {
  return monthsValue(input.kind, input.nums, input.dens);
}

function latestMonthOf(input: IndicatorRowInput): number | "" {
  for (const m of [...MONTHS].reverse()) {
    const has =
      input.kind === "rate" ? n(input.dens[m - 1] ?? null) > 0 : isNum(input.nums[m - 1] ?? null);
    if (has) return m;
  }
  return "";
}

function latestValueOf(input: IndicatorRowInput, month: number | ""): number | "" | null {
  if (month === "") return "";
  const num = input.nums[month - 1] ?? null;
  if (input.kind === "count") return isNum(num) ? num : null;
  const den = input.dens[month - 1] ?? null;
  if (!isBlank(num) && !isNum(num)) return null;
  const part = n(num);
  if (!isNum(den) || part < 0 || part > den) return null;
  return part / den;
}

function attainmentOf(ytd: number, target: number, comparison: Comparison): number | null {
  const result = attainment(ytd, target, comparison);
  return result.ok ? result.value : null;
}

export function evaluateIndicatorRow(input: IndicatorRowInput): IndicatorRowResults {
  // A formula typed into an input cell cannot be evaluated here: leave the results to the spreadsheet.
  if ([...input.nums, ...input.dens].some((v) => typeof v === "string" && v.startsWith("=")))
    return UNKNOWN;
  const ytd = ytdOf(input);
  const latestMonth = latestMonthOf(input);
  const latestValue = latestValueOf(input, latestMonth);
  if (typeof ytd !== "number")
    return { ytd, latestMonth, latestValue, attainment: "", verdict: "" };
  const verdict = judgeIndicator({
    unit: input.kind === "rate" ? "%" : "count",
    target: input.target,
    comparison: input.comparison,
    value: ytd,
    months: input.months,
    marginPoints: input.marginPoints,
  });
  return {
    ytd,
    latestMonth,
    latestValue,
    attainment: attainmentOf(ytd, input.target, input.comparison),
    verdict,
  };
}
