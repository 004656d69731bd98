/**
 * Row heights for wrapped text. A file carries no "autofit" instruction that every reader honours:
 * LibreOffice keeps the default 15 pt for rows without a stored height, so wrapped plan texts print
 * over each other. The file renderer therefore stores an estimated height per row, from the text
 * advance widths of Times New Roman, the column width and the font size (Office.js can autofit
 * instead). The estimate errs on the generous side: a little white space prints better than clipped
 * text (test/unit/printFit.test.ts checks every printed cell with the printing font's own metrics).
 */

/** Excel's maximum row height, in points. */
const MAX_ROW_HEIGHT = 409;
export const DEFAULT_ROW_HEIGHT = 15;

/** Cell margins around the text (both sides), in points: LibreOffice leaves 4 pt, Excel 3 px. */
const PADDING_PT = 4;
/**
 * Screen fonts are hinted to whole pixels and run a little wider than their outlines: the text is
 * measured 3 % wider than Times New Roman's advance widths.
 */
const HINTING = 1.03;
/** One "letter unit" (what wrappedLines counts in): an average lowercase letter, 0.45 em. */
const UNIT_EM = 0.45;

export interface TextCell {
  text: string;
  /** Width available to the text, in Excel character units (merged cells: the sum). */
  width: number;
  fontSize: number;
  bold?: boolean;
  wrap: boolean;
}

/**
 * Advance widths of Times New Roman (and of Liberation Serif, its metric twin that LibreOffice prints
 * with) for U+0020…U+007E, in thousandths of an em. Vietnamese letters are their base letter (the
 * diacritics do not widen them); "đ"/"Đ" are "d"/"D"; other characters count as a digit (0.5 em).
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
  556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
  722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
  278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
  611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
  722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
  278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Advance width of a space, in letter units. */
const SPACE = REGULAR[0] / 1000 / UNIT_EM;

/** Width of a word in letter units (0.45 em each) of Times New Roman, regular or bold. */
const unitsCache = new Map<string, number>();

export function textUnits(word: string, bold = false): number {
  const key = bold ? `b${word}` : word;
  const cached = unitsCache.get(key);
  if (cached !== undefined) return cached;
  const units = measureWord(word, bold ? BOLD : REGULAR);
  // Plan texts repeat the same words thousands of times; the cache stays small.
  if (unitsCache.size < 50_000) unitsCache.set(key, units);
  return units;
}

function measureWord(word: string, widths: readonly number[]): number {
  let em = 0;
  for (const ch of word.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")) {
    if (/\p{M}/u.test(ch)) continue;
    const code = ch.charCodeAt(0);
    em += code >= 32 && code <= 126 ? widths[code - 32] : 500;
  }
  return em / 1000 / UNIT_EM;
}

/** Lines a text takes when wrapped greedily at word boundaries into `capacity` letter units. */
export function wrappedLines(text: string, capacity: number, bold = false): number {
  const cap = Math.max(1, capacity);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const len = textUnits(word, bold);
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

/**
 * Line height in points for a font size (Times New Roman 11 → 13.2 pt). Times New Roman's ascent +
 * descent is 1.107 em: Excel spaces wrapped lines by that rounded up to whole pixels (11 pt → 16 px
 * = 12 pt), LibreOffice by 1.15 em (12.65 pt); 1.2 em covers both without printing white bands.
 */
export function lineHeight(fontSize: number): number {
  return fontSize * 1.2;
}

/** Points a column of `width` character units holds (7 px a character + 5 px, 96 dpi). */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7) + 5) * 0.75;
}

/** Height a cell needs, in points. */
function cellHeight(cell: TextCell): number {
  const unitPt = UNIT_EM * cell.fontSize * HINTING;
  const capacity = Math.max(1, (columnPoints(cell.width) - PADDING_PT) / unitPt);
  const lines = cell.wrap && cell.text ? wrappedLines(cell.text, capacity, cell.bold) : 1;
  return lines * lineHeight(cell.fontSize) + 1.5;
}

/** Height of a row: its tallest cell, never below the default, never above Excel's limit. */
export function rowHeight(cells: TextCell[]): number {
  const h = Math.max(DEFAULT_ROW_HEIGHT, ...cells.map(cellHeight));
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4);
}
