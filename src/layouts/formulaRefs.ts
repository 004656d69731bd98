/**
 * Typed formulas that follow their task, not their row.
 *
 * A formula typed by a user is row-relative text: `="Hạn "&TEXT(Q12,"dd/mm/yyyy")` in task 2.5's row
 * means "this row's Hạn". Rows move (sorting, a new plan version, orphan rows), so typed formulas are
 * kept in R1C1 form relative to the cell they were read from (`R[0]C[-1]`, what Excel itself stores
 * for a relative reference) and turned back into A1 at the cell they are written to.
 *
 * Only cell, column and row references outside string literals, quoted sheet names and brackets are
 * touched: structured references (`[@Hạn]`, `tblNhiemVu[[#This Row],[Hạn]]`), function names with
 * digits (`LOG10(`), defined names and array constants pass through unchanged. Absolute parts ($)
 * stay absolute. A relative reference that would fall off the sheet becomes #REF!, as in Excel.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters } from "./a1";

/** Characters that continue a name: a reference must not start or end inside one. */
const NAME_CHAR = /[A-Za-z0-9_.\\$\u00C0-\uFFFF]/;

/** Splits a formula into segments that may hold references and segments that never do. */
function mapOutsideLiterals(formula: string, map: (code: string) => string, r1c1 = false): string {
  let out = "";
  let code = "";
  let i = 0;
  const flush = (): void => {
    out += map(code);
    code = "";
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // String literal or quoted sheet name: the closing quote is a lone one ('' and "" escape).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j += 1;
      }
      flush();
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (
      r1c1 &&
      ch === "[" &&
      /[RC]$/.test(code) &&
      /^\[-?\d{1,7}\]/.test(formula.slice(i))
    ) {
      // An R1C1 offset (R[-1], C[2]), not a structured reference.
      const end = formula.indexOf("]", i) + 1;
      code += formula.slice(i, end);
      i = end;
    } else if (ch === "[" || ch === "{") {
      // Structured reference (nested brackets, ' escapes the next character) or array constant.
      const close = ch === "[" ? "]" : "}";
      let depth = 0;
      let j = i;
      for (; j < formula.length; j += 1) {
        const c = formula[j];
        if (ch === "[" && c === "'") j += 1;
        else if (c === ch) depth += 1;
        else if (c === close && --depth === 0) break;
      }
      flush();
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      code += ch;
      i += 1;
    }
  }
  flush();
  return out;
}

/** Replaces every match of `re` (global, sticky-free) that starts and ends on a name boundary. */
function replaceRefs(
  code: string,
  re: RegExp,
  replace: (m: RegExpExecArray) => string | null
): string {
  let out = "";
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) {
    const before = m.index > 0 ? code[m.index - 1] : "";
    const after = code[m.index + m[0].length] ?? "";
    const boundary =
      !NAME_CHAR.test(before) && !NAME_CHAR.test(after) && after !== "(" && after !== "!";
    const rewritten = boundary ? replace(m) : null;
    if (rewritten === null) {
      // Not a reference here: step one character so a later reference in the same name is not missed.
      re.lastIndex = m.index + 1;
      continue;
    }
    out += code.slice(last, m.index) + rewritten;
    last = m.index + m[0].length;
  }
  return out + code.slice(last);
}

const A1_REFS =
  /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7})/g;

function colOf(letters: string): number | null {
  try {
    return columnIndex(letters);
  } catch {
    return null;
  }
}

function rowOf(digits: string): number | null {
  const n = Number(digits);
  return n >= 1 && n <= MAX_ROWS ? n : null;
}

const r1c1Part = (axis: "R" | "C", abs: boolean, n: number, origin: number): string =>
  abs ? `${axis}${n}` : n === origin ? axis : `${axis}[${n - origin}]`;

/** An A1 formula read at (row, col) → the same formula in relative R1C1. */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  return mapOutsideLiterals(formula, (code) =>
    replaceRefs(code, A1_REFS, (m) => {
      if (m[2] !== undefined) {
        const cells: string[] = [];
        for (const k of m[6] === undefined ? [1] : [1, 5]) {
          const c = colOf(m[k + 1]);
          const r = rowOf(m[k + 3]);
          if (c === null || r === null) return null;
          cells.push(r1c1Part("R", m[k + 2] === "$", r, row) + r1c1Part("C", m[k] === "$", c, col));
        }
        return cells.join(":");
      }
      if (m[10] !== undefined) {
        const a = colOf(m[10]);
        const b = colOf(m[12]);
        if (a === null || b === null) return null;
        return `${r1c1Part("C", m[9] === "$", a, col)}:${r1c1Part("C", m[11] === "$", b, col)}`;
      }
      const a = rowOf(m[14]);
      const b = rowOf(m[16]);
      if (a === null || b === null) return null;
      return `${r1c1Part("R", m[13] === "$", a, row)}:${r1c1Part("R", m[15] === "$", b, row)}`;
    })
  );
}

const OFFSET = String.raw`(?:\[(-?\d{1,7})\]|(\d{1,7}))?`;
const R1C1_CELL = String.raw`R${OFFSET}C${OFFSET}`;
const R1C1_REFS = new RegExp(
  `${R1C1_CELL}(?::${R1C1_CELL})?|R${OFFSET}:R${OFFSET}|C${OFFSET}:C${OFFSET}`,
  "g"
);

/** One R1C1 part → its A1 text, or null when it falls off the sheet. */
function a1Part(
  rel: string | undefined,
  abs: string | undefined,
  origin: number,
  max: number,
  show: (n: number) => string
): string | null {
  const n = abs !== undefined ? Number(abs) : origin + Number(rel ?? 0);
  if (!Number.isInteger(n) || n < 1 || n > max) return null;
  return (abs !== undefined ? "$" : "") + show(n);
}

/** A relative R1C1 formula → the same formula in A1 for the cell at (row, col). */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  const r = (rel?: string, abs?: string) => a1Part(rel, abs, row, MAX_ROWS, String);
  const c = (rel?: string, abs?: string) => a1Part(rel, abs, col, MAX_COLUMNS, columnLetters);
  return mapOutsideLiterals(
    formula,
    (code) =>
      replaceRefs(code, R1C1_REFS, (m) => {
        let parts: (string | null)[];
        if (m[0].startsWith("C")) {
          parts = [c(m[13], m[14]), ":", c(m[15], m[16])];
        } else if (/^R(?:\[-?\d+\]|\d+)?:/.test(m[0])) {
          parts = [r(m[9], m[10]), ":", r(m[11], m[12])];
        } else {
          parts = [c(m[3], m[4]), r(m[1], m[2])];
          if (/:/.test(m[0])) parts.push(":", c(m[7], m[8]), r(m[5], m[6]));
        }
        return parts.some((p) => p === null) ? "#REF!" : parts.join("");
      }),
    true
  );
}
