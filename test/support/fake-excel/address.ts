/**
 * Address parsing for the fake Excel: A1 cells and ranges, whole columns ("A:C"), whole rows
 * ("5:5"), optionally sheet-qualified ("'Nhiệm vụ'!$A$5:$X$48"). Boxes are 1-based and inclusive.
 */
import { columnIndex, columnLetters, MAX_COLUMNS, MAX_ROWS } from "../../../src/layouts/a1";

export { MAX_COLUMNS, MAX_ROWS };

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ParsedAddress {
  sheet: string | null;
  box: Box;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Splits "'It''s'!A1" into sheet "It's" and "A1"; a leading "=" is ignored (name formulas). */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  let s = address.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i += 1;
    }
    if (s[i] !== "'" || s[i + 1] !== "!") throw new SyntaxError(`bad address ${address}`);
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang >= 0) return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
  return { sheet: null, local: s };
}

function parsePart(part: string): { row: number | null; col: number | null } {
  let m = CELL.exec(part);
  if (m) return { row: Number(m[2]), col: columnIndex(m[1]) };
  m = COL.exec(part);
  if (m) return { row: null, col: columnIndex(m[1]) };
  m = ROW.exec(part);
  if (m) return { row: Number(m[1]), col: null };
  throw new SyntaxError(`bad address part ${part}`);
}

export function parseLocal(local: string): Box {
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) throw new SyntaxError(`bad address ${local}`);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) {
    throw new SyntaxError(`bad address ${local}`);
  }
  const top = a.row === null ? 1 : Math.min(a.row, b.row as number);
  const bottom = a.row === null ? MAX_ROWS : Math.max(a.row, b.row as number);
  const left = a.col === null ? 1 : Math.min(a.col, b.col as number);
  const right = a.col === null ? MAX_COLUMNS : Math.max(a.col, b.col as number);
  if (top < 1 || bottom > MAX_ROWS || left < 1 || right > MAX_COLUMNS)
    throw new SyntaxError(`bad address ${local}`);
  return { top, left, bottom, right };
}

export function parseAddress(address: string): ParsedAddress {
  const { sheet, local } = splitSheet(address);
  return { sheet, box: parseLocal(local) };
}

export function boxAddress(box: Box, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeCols = box.top === 1 && box.bottom === MAX_ROWS;
  const wholeRows = box.left === 1 && box.right === MAX_COLUMNS;
  if (wholeCols && !wholeRows)
    return `${d}${columnLetters(box.left)}:${d}${columnLetters(box.right)}`;
  if (wholeRows && !wholeCols) return `${d}${box.top}:${d}${box.bottom}`;
  const a = `${d}${columnLetters(box.left)}${d}${box.top}`;
  const b = `${d}${columnLetters(box.right)}${d}${box.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as Excel prints it in addresses: quoted only when needed. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function cellCount(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/**
 * Moves the row numbers of A1 references in a formula, as Excel does when cells move:
 * `shift(row, absolute)` returns the new row of a reference (or the same row).
 * String literals are left alone; sheet-qualified references are shifted only when `ownSheetOnly` is false.
 */
export function shiftFormulaRows(
  formula: string,
  shift: (row: number, absolute: boolean) => number
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end < 0 ? formula.length : end + 1;
      while (j < formula.length && formula[j] === '"') {
        const next = formula.indexOf('"', j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if (m && !/[A-Za-z0-9_.]/.test(prev)) {
      const abs = m[3] === "$";
      const row = shift(Number(m[4]), abs);
      out += `${m[1]}${m[2]}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
