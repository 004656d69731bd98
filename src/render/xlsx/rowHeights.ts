/**
 * Row heights for wrapped text. A file carries no "autofit" instruction that every reader honours:
 * LibreOffice keeps the default 15 pt for rows without a stored height, so wrapped plan texts print
 * over each other. The file renderer therefore stores an estimated height per row, from the text
 * length, the column width and the font size (Office.js can autofit instead).
 * The estimate errs on the generous side: a little white space prints better than clipped text.
 */

/** Excel's maximum row height, in points. */
const MAX_ROW_HEIGHT = 409;
export const DEFAULT_ROW_HEIGHT = 15;

/** Average lowercase letters of Times New Roman 11 per unit of column width (one Calibri 11 digit). */
const CHARS_PER_WIDTH_UNIT = 1.05;
/** Cell padding eaten from the width, in width units. */
const PADDING_UNITS = 0.8;

export interface TextCell {
  text: string;
  /** Width available to the text, in Excel character units (merged cells: the sum). */
  width: number;
  fontSize: number;
  bold?: boolean;
  wrap: boolean;
}

const NARROW = new Set([..."iljftrI.,;:'|!()[]-/"]);
const WIDE = new Set([..."mwMW@%"]);
/** Advance width of a space, in "average lowercase letter" units. */
const SPACE = 0.55;

/**
 * Width of a word in "average lowercase letter" units of a proportional serif font: capitals are
 * about half as wide again as lowercase letters, i/l/t and punctuation about a third narrower.
 * Vietnamese letters count as their base letter (diacritics do not widen them).
 */
const unitsCache = new Map<string, number>();

export function textUnits(word: string): number {
  const cached = unitsCache.get(word);
  if (cached !== undefined) return cached;
  const units = measureWord(word);
  // Plan texts repeat the same words thousands of times; the cache stays small.
  if (unitsCache.size < 50_000) unitsCache.set(word, units);
  return units;
}

function measureWord(word: string): number {
  let units = 0;
  for (const ch of word.normalize("NFD")) {
    if (/\p{M}/u.test(ch)) continue;
    if (NARROW.has(ch)) units += 0.65;
    else if (WIDE.has(ch)) units += 1.6;
    else if (ch !== ch.toLowerCase()) units += 1.45;
    else if (/[0-9]/.test(ch)) units += 1.1;
    else units += 1;
  }
  return units;
}

/** Lines a text takes when wrapped greedily at word boundaries into `capacity` letter units. */
export function wrappedLines(text: string, capacity: number): number {
  const cap = Math.max(1, capacity);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const len = textUnits(word);
      if (len > cap) {
        // A word longer than the line breaks across lines.
        if (line > 0) count += 1;
        count += Math.ceil(len / cap) - 1;
        line = len - (Math.ceil(len / cap) - 1) * cap;
        continue;
      }
      if (line === 0) line = len;
      else if (line + SPACE + len <= cap) line += SPACE + len;
      else {
        count += 1;
        line = len;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Line height in points for a font size (Times New Roman 11 → about 14.5 pt). */
export function lineHeight(fontSize: number): number {
  return fontSize * 1.32;
}

/** Height a cell needs, in points. */
function cellHeight(cell: TextCell): number {
  const sizeFactor = 11 / cell.fontSize;
  const boldFactor = cell.bold ? 0.9 : 1;
  const capacity = Math.max(
    1,
    (cell.width - PADDING_UNITS) * CHARS_PER_WIDTH_UNIT * sizeFactor * boldFactor
  );
  const lines = cell.wrap && cell.text ? wrappedLines(cell.text, capacity) : 1;
  return lines * lineHeight(cell.fontSize) + 1.5;
}

/** Height of a row: its tallest cell, never below the default, never above Excel's limit. */
export function rowHeight(cells: TextCell[]): number {
  const h = Math.max(DEFAULT_ROW_HEIGHT, ...cells.map(cellHeight));
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4);
}
