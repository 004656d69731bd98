/**
 * Targets of the plan's indicators as spreadsheet values (CCHC.TARGET, and indicator ids given as the
 * target of CCHC.ATTAIN / CCHC.MET). The indicator list is passed in, so this module stays pure and
 * does not load the plan itself.
 */
import { inputError, isBlank, parseNumberText, quote, readScalar } from "./cellValue";
import type { Comparison } from "./rates";
import { fail, ok, type Result } from "./result";

/**
 * The numbers of an indicator, all these functions need (the texts stay out of the functions bundle);
 * the plan's Indicator has this shape.
 */
export interface IndicatorNumbers {
  id: string;
  /** Number as printed: 95 for 95%, 2 for "02 sáng kiến". */
  target: number;
  comparison: Comparison;
  unit: "%" | "count";
}

const INDICATOR_ID_LABEL = "Mã chỉ tiêu (id)";

/** How many existing ids an "unknown id" message lists before "…". */
const IDS_LISTED = 12;

/** The target as a spreadsheet value: 95% → 0.95 (rates are fractions), counts as printed. */
export function targetValue(indicator: IndicatorNumbers): number {
  return indicator.unit === "%" ? indicator.target / 100 : indicator.target;
}

function normaliseId(id: string): string {
  return id.trim().replace(/\s+/g, "").toLowerCase();
}

function idText(v: unknown): string | null {
  if (typeof v === "string") return v.trim();
  // An id typed into a cell as 3.6 arrives as a number.
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function unknownIdMessage(shown: string, indicators: readonly IndicatorNumbers[]): string {
  const ids = indicators.map((i) => i.id);
  const listed = ids.slice(0, IDS_LISTED).join(", ") + (ids.length > IDS_LISTED ? ", …" : "");
  return (
    `${INDICATOR_ID_LABEL}: không có chỉ tiêu ${shown}. Mã có dạng số mục của phần II kèm chữ ` +
    `cái khi mục có nhiều chỉ tiêu (3.5b, 3.6), hoặc "PL." + vị trí trong phụ lục (PL.III.1.2a). ` +
    `Các mã hiện có: ${listed}.`
  );
}

/**
 * The indicator named by `v` (an id as text, or as a number when typed into a cell). Matching
 * ignores case and spaces. Unknown → #N/A with a message saying how ids look.
 */
export function lookupIndicator(
  v: unknown,
  indicators: readonly IndicatorNumbers[]
): Result<IndicatorNumbers> {
  const s = readScalar(v, INDICATOR_ID_LABEL);
  if (!s.ok) return s;
  const value = s.value;
  if (isBlank(value)) return fail("na", `${INDICATOR_ID_LABEL}: chưa nhập mã chỉ tiêu.`);
  const err = inputError(value, INDICATOR_ID_LABEL);
  if (err) return err;
  const text = idText(value);
  if (text === null) return fail("value", unknownIdMessage(String(value), indicators));
  const wanted = normaliseId(text);
  const found = indicators.find((i) => normaliseId(i.id) === wanted);
  return found ? ok(found) : fail("na", unknownIdMessage(quote(text), indicators));
}

export interface ResolvedTarget {
  value: number;
  /** The indicator's own comparison when the target was given as an indicator id. */
  comparison: Comparison | null;
}

/**
 * The target argument of ATTAIN / MET: a number, number text ("95%", "0.95"), or an indicator id
 * (text takes the indicator's target and comparison; an id wins over number text, so "3.6" is the
 * indicator 3.6 and not the number 3.6). Blank → #N/A.
 */
export function resolveTarget(
  v: unknown,
  indicators: readonly IndicatorNumbers[],
  label: string
): Result<ResolvedTarget> {
  const s = readScalar(v, label);
  if (!s.ok) return s;
  const value = s.value;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? ok({ value, comparison: null })
      : fail("num", `${label}: không phải số hữu hạn.`);
  }
  if (isBlank(value)) return fail("na", `${label}: chưa có chỉ tiêu (ô trống).`);
  const err = inputError(value, label);
  if (err) return err;
  if (typeof value !== "string") return fail("value", `${label}: cần một số hoặc một mã chỉ tiêu.`);
  const wanted = normaliseId(value);
  const indicator = indicators.find((i) => normaliseId(i.id) === wanted);
  if (indicator) return ok({ value: targetValue(indicator), comparison: indicator.comparison });
  const n = parseNumberText(value);
  if (n !== null) return ok({ value: n, comparison: null });
  return fail(
    "na",
    unknownIdMessage(quote(value.trim()), indicators).replace(INDICATOR_ID_LABEL, label)
  );
}
