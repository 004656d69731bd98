/**
 * A target as people write it in the "Chỉ tiêu kế hoạch" cell — "≥ 90%", "trên 95%", "không quá 5%",
 * "100%", "ít nhất 3 sáng kiến", "03 sáng kiến" — read back into value, comparison and unit, so the
 * coordinator corrects or adds a target by typing one cell the way the plan writes it. Strict: words
 * before the number that are not a comparison ("khoảng 90%") are refused, never guessed.
 */
import type { Comparison } from "./rates";

export interface TargetReading {
  /** As printed: 90 for 90%, 3 for "3 sáng kiến". */
  target: number;
  comparison: Comparison;
  unit: "%" | "count";
  /** What a count target counts ("sáng kiến"), "" for % targets. */
  noun: string;
}

export type TargetTextResult = { ok: true; value: TargetReading } | { ok: false; message: string };

/** Words (or symbols) before the number → comparison. "" (a bare "90%") is a level to reach: ≥. */
const PREFIXES: [RegExp, Comparison][] = [
  [/^(≥|>=|=>|ít nhất( là)?|tối thiểu( là)?|từ|đạt( từ)?)$/, ">="],
  [/^(>|trên|hơn|cao hơn|vượt)$/, ">"],
  [/^(≤|<=|=<|không quá|không vượt quá|tối đa( là)?)$/, "<="],
  [/^(<|dưới|thấp hơn|nhỏ hơn)$/, "<"],
  [/^(=|đúng|bằng)$/, "="],
  [/^$/, ">="],
];

const SHAPE = /^(.*?)\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*(.*)$/su;

function prefixComparison(words: string): Comparison | null {
  for (const [re, comparison] of PREFIXES) if (re.test(words)) return comparison;
  return null;
}

/**
 * Reads a typed target. `unitIfBare` is the unit of the row being corrected, used when the cell holds
 * only a number (Excel turns a typed "90%" into 0.9 unless the cell is text).
 */
export function readTargetText(typed: unknown, unitIfBare?: "%" | "count"): TargetTextResult {
  if (typeof typed === "number") return readTargetNumber(typed, unitIfBare);
  if (typeof typed !== "string" || typed.trim() === "")
    return { ok: false, message: "chưa ghi mức chỉ tiêu (ví dụ “≥ 90%”, “ít nhất 3 sáng kiến”)" };
  const text = typed.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, message: `“${typed.trim()}” không có con số nào` };
  const [, before, digits, percent, rest] = m;
  let tail = rest.replace(/[.;]+$/, "").trim();
  let comparison = prefixComparison(before.trim());
  if (comparison === null)
    return {
      ok: false,
      message: `không hiểu phép so sánh “${before.trim()}” (dùng ≥, trên, không quá, dưới, đúng)`,
    };
  const suffix = /(^|\s)(trở lên|trở xuống)$/.exec(tail);
  if (suffix) {
    if (before.trim() !== "" && before.trim() !== "từ")
      return { ok: false, message: `“${typed.trim()}” ghi hai phép so sánh` };
    comparison = suffix[2] === "trở lên" ? ">=" : "<=";
    tail = tail.slice(0, suffix.index).trim();
  }
  const target = Number(digits.replace(",", "."));
  if (percent) {
    if (target > 100) return { ok: false, message: `tỷ lệ ${digits}% lớn hơn 100%` };
    return { ok: true, value: { target, comparison, unit: "%", noun: "" } };
  }
  if (tail === "") {
    if (unitIfBare) return readTargetNumber(target, unitIfBare, comparison);
    return {
      ok: false,
      message: `“${typed.trim()}”: ghi rõ “%” hoặc thứ được đếm (ví dụ “ít nhất 3 sáng kiến”)`,
    };
  }
  if (!/^\p{L}/u.test(tail))
    return { ok: false, message: `“${typed.trim()}”: sau con số phải là “%” hoặc thứ được đếm` };
  return { ok: true, value: { target, comparison, unit: "count", noun: tail } };
}

/** A number in the cell: a fraction (0.9) or points (90) for a % row, the count for a count row. */
function readTargetNumber(
  value: number,
  unit: "%" | "count" | undefined,
  comparison: Comparison = ">="
): TargetTextResult {
  if (!Number.isFinite(value) || value < 0)
    return { ok: false, message: `mức chỉ tiêu ${value} không hợp lệ` };
  if (unit === undefined)
    return {
      ok: false,
      message: "ghi rõ “%” hoặc thứ được đếm (ví dụ “≥ 90%”, “ít nhất 3 sáng kiến”)",
    };
  if (unit === "count") return { ok: true, value: { target: value, comparison, unit, noun: "" } };
  // A rate cannot exceed 100%, so 0…1 is a fraction Excel made of "90%" and anything above is points.
  const points = value <= 1 ? Math.round(value * 1e6) / 1e4 : value;
  if (points > 100) return { ok: false, message: `tỷ lệ ${value}% lớn hơn 100%` };
  return { ok: true, value: { target: points, comparison, unit, noun: "" } };
}
