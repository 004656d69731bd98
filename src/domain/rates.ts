/**
 * Rates and target attainment, the logic under CCHC.RATE, CCHC.ATTAIN and CCHC.MET.
 * Pure functions over the values Excel passes (numbers, text, blanks, errors, nested arrays) that
 * return a Result: never a JavaScript exception, never NaN or Infinity.
 * The error rules are documented in docs/functions.md.
 */
import {
  inputError,
  isBlank,
  parseNumberText,
  quote,
  readScalar,
  readScalarNumber,
  unwrapCellValue,
} from "./cellValue";
import { fail, ok, type Failure, type Result } from "./result";

/** How an actual value is compared with its target ("≥ 95%", "< 5"). */
export type Comparison = ">=" | ">" | "<=" | "<" | "=";

const PART_LABEL = "Số đạt (part)";
const TOTAL_LABEL = "Tổng số (total)";
export const ACTUAL_LABEL = "Giá trị thực tế (actual)";
export const TARGET_LABEL = "Chỉ tiêu (target)";
const COMPARISON_LABEL = "Phép so sánh (comparison)";

/** Comparison used when none is given: higher is better, the target itself counts as met. */
const DEFAULT_COMPARISON: Comparison = ">=";

/**
 * Relative tolerance for comparing an actual value with its target, so that a rate computed by
 * another route (0.1 + 0.85) is not "missed" by a rounding error in the 16th digit.
 */
const COMPARISON_TOLERANCE = 1e-9;

/** One cell that is not a plain non-negative number: its value to add, or the problem. */
function slowCell(v: unknown, label: string): number | Failure {
  if (Array.isArray(v)) {
    const inner = sumCounts(v, label);
    return inner.ok ? inner.value : inner;
  }
  if (typeof v === "number") {
    if (Number.isNaN(v) || !Number.isFinite(v))
      return fail("num", `${label}: có giá trị không phải số hữu hạn.`);
    if (v < 0) return fail("num", `${label}: có số âm (${v}); số liệu đếm không được âm.`);
    return v;
  }
  if (isBlank(v)) return 0;
  const err = inputError(v, label);
  if (err) return err;
  if (typeof v === "string") {
    const n = parseNumberText(v);
    if (n === null) return fail("value", `${label}: ô chứa chữ ${quote(v)}, không phải số.`);
    return slowCell(n, label);
  }
  if (typeof v === "boolean") {
    return fail("value", `${label}: ô chứa giá trị logic ${v ? "TRUE" : "FALSE"}, không phải số.`);
  }
  const unwrapped = unwrapCellValue(v);
  if (unwrapped !== v) return slowCell(unwrapped, label);
  return fail("value", `${label}: ô chứa một giá trị không đọc được, không phải số.`);
}

/**
 * Sum of a number or a range of counts (nested arrays of any depth). Blank cells count as 0; text
 * that is not a number → #VALUE!; a negative or non-finite number → #NUM!; an Excel error value in
 * the input is passed on. The first problem in reading order wins.
 */
export function sumCounts(values: unknown, label: string): Result<number> {
  if (!Array.isArray(values)) {
    const r = slowCell(values, label);
    return typeof r === "number" ? ok(r) : r;
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const row: unknown = values[i];
    if (!Array.isArray(row)) {
      const r = slowCell(row, label);
      if (typeof r !== "number") return r;
      sum += r;
      continue;
    }
    // Hot loop over one row of a range: plain non-negative numbers are by far the common case,
    // everything else takes the slow path (issue 4: within 2× of a plain loop on 100,000 cells).
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v === "number" && v >= 0 && v !== Infinity) {
        sum += v;
        continue;
      }
      const r = slowCell(v, label);
      if (typeof r !== "number") return r;
      sum += r;
    }
  }
  if (!Number.isFinite(sum)) return fail("num", `${label}: tổng quá lớn.`);
  return ok(sum);
}

/**
 * part ÷ total as a fraction (0.953), each argument a number or a range that is summed first.
 * total = 0 → #DIV/0!; a negative → #NUM!; part > total → #NUM!.
 */
export function rate(part: unknown, total: unknown): Result<number> {
  return rateOfPlainRanges(part, total) ?? rateCellByCell(part, total);
}

/** rate() reading every cell with its checks: each argument summed, part first. */
export function rateCellByCell(part: unknown, total: unknown): Result<number> {
  const p = sumCounts(part, PART_LABEL);
  if (!p.ok) return p;
  const t = sumCounts(total, TOTAL_LABEL);
  if (!t.ok) return t;
  return rateOfSums(p.value, t.value);
}

/**
 * Both sums in one pass, when part and total are ranges of the same shape and every cell of both is
 * a plain count (what columns of monthly numbers hold); null otherwise, and rateCellByCell decides
 * (its messages, and the order in which problems are reported). The sums are added in the same
 * order, so the result is the same to the last bit.
 */
function rateOfPlainRanges(part: unknown, total: unknown): Result<number> | null {
  if (!Array.isArray(part) || !Array.isArray(total) || part.length !== total.length) return null;
  let p = 0;
  let t = 0;
  for (let i = 0; i < part.length; i++) {
    const pr: unknown = part[i];
    const tr: unknown = total[i];
    if (!Array.isArray(pr) || !Array.isArray(tr) || pr.length !== tr.length) return null;
    for (let j = 0; j < pr.length; j++) {
      const a: unknown = pr[j];
      const b: unknown = tr[j];
      if (typeof a !== "number" || typeof b !== "number") return null;
      if (!(a >= 0 && a !== Infinity && b >= 0 && b !== Infinity)) return null;
      p += a;
      t += b;
    }
  }
  if (!Number.isFinite(p) || !Number.isFinite(t)) return null;
  return rateOfSums(p, t);
}

function rateOfSums(p: number, t: number): Result<number> {
  if (t === 0) return fail("div0", `${TOTAL_LABEL} bằng 0: chưa có số liệu để tính tỷ lệ.`);
  // Sums of decimals carry rounding noise (0.1 + 0.2 > 0.3): within the tolerance it is the whole.
  if (p > t * (1 + COMPARISON_TOLERANCE)) {
    return fail(
      "num",
      `${PART_LABEL} (${p}) lớn hơn ${TOTAL_LABEL} (${t}): tỷ lệ không thể vượt 100%.`
    );
  }
  return ok(Math.min(1, p / t));
}

const COMPARISON_ALIASES: ReadonlyMap<string, Comparison> = new Map([
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  [">", ">"],
  ["<=", "<="],
  ["=<", "<="],
  ["≤", "<="],
  ["<", "<"],
  ["=", "="],
  ["==", "="],
]);

/** True when smaller values are better ("≤ 5% hồ sơ trễ hạn"). */
function lowerIsBetter(c: Comparison): boolean {
  return c === "<=" || c === "<";
}

/**
 * The comparison argument: ">=", ">", "<=", "<", "=" (also "≥", "≤", "=>", "=<"). Blank →
 * `fallback`. Anything else → #VALUE! listing what is accepted.
 */
export function parseComparison(
  v: unknown,
  fallback: Comparison = DEFAULT_COMPARISON
): Result<Comparison> {
  const s = readScalar(v, COMPARISON_LABEL);
  if (!s.ok) return s;
  const value = s.value;
  if (isBlank(value)) return ok(fallback);
  const err = inputError(value, COMPARISON_LABEL);
  if (err) return err;
  if (typeof value === "string") {
    const c = COMPARISON_ALIASES.get(value.replace(/\s+/g, ""));
    if (c) return ok(c);
  }
  const shown = typeof value === "string" ? quote(value) : String(value);
  return fail(
    "value",
    `${COMPARISON_LABEL}: ${shown} không hợp lệ; dùng ">=", ">", "<=", "<" hoặc "=".`
  );
}

/** A measured or target value: a non-negative finite number; blank means "no data yet" (#N/A). */
export function readMeasure(v: unknown, label: string): Result<number> {
  const n = readScalarNumber(v, label);
  if (!n.ok) return n;
  if (n.value === null) return fail("na", `${label}: chưa có số liệu (ô trống).`);
  if (n.value < 0) return fail("num", `${label}: không được âm (${n.value}).`);
  return ok(n.value);
}

/**
 * How far `actual` is toward `target`, as a fraction (1 = exactly on target):
 * actual ÷ target when higher is better (">=", ">", "="), target ÷ actual when lower is better
 * ("<=", "<"). Edge cases: a negative value → #NUM!; higher-is-better with target 0 → #DIV/0!;
 * lower-is-better with actual 0 → 1 when the target is also 0, else #DIV/0! (the target is beaten
 * by an unbounded factor; CCHC.MET says TRUE).
 */
export function attainment(actual: number, target: number, comparison: Comparison): Result<number> {
  if (actual < 0) return fail("num", `${ACTUAL_LABEL}: không được âm (${actual}).`);
  if (target < 0) return fail("num", `${TARGET_LABEL}: không được âm (${target}).`);
  if (lowerIsBetter(comparison)) {
    if (actual === 0) {
      return target === 0
        ? ok(1)
        : fail(
            "div0",
            `${ACTUAL_LABEL} bằng 0 với chỉ tiêu càng thấp càng tốt: mức đạt không giới hạn (chỉ tiêu đã đạt).`
          );
    }
    return finite(target / actual);
  }
  if (target === 0) return fail("div0", `${TARGET_LABEL} bằng 0: không tính được mức đạt.`);
  return finite(actual / target);
}

function finite(x: number): Result<number> {
  return Number.isFinite(x) ? ok(x) : fail("num", "Kết quả vượt quá giới hạn số của Excel.");
}

/** Whether `actual` meets `target` under `comparison` (">" is strict: "trên 95%"). */
export function isMet(actual: number, target: number, comparison: Comparison): boolean {
  const tol = COMPARISON_TOLERANCE * Math.max(1, Math.abs(target));
  switch (comparison) {
    case ">=":
      return actual >= target - tol;
    case ">":
      return actual > target + tol;
    case "<=":
      return actual <= target + tol;
    case "<":
      return actual < target - tol;
    case "=":
      return Math.abs(actual - target) <= tol;
  }
}

/** `isMet` with the same input checks as `attainment` (negatives → #NUM!). */
export function met(actual: number, target: number, comparison: Comparison): Result<boolean> {
  if (actual < 0) return fail("num", `${ACTUAL_LABEL}: không được âm (${actual}).`);
  if (target < 0) return fail("num", `${TARGET_LABEL}: không được âm (${target}).`);
  return ok(isMet(actual, target, comparison));
}
