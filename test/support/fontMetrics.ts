import * as fs from "fs";

/**
 * Advance widths from a TrueType font file (cmap format 4 + hmtx), read here so that tests can
 * measure printed text with the metrics LibreOffice prints with, independently of the renderer's
 * own estimate (src/render/xlsx/rowHeights.ts).
 */
export interface FontMetrics {
  /** Width of `text` at `sizePt` points, in points. */
  width(text: string, sizePt: number): number;
}

export function loadFontMetrics(file: string): FontMetrics {
  const buf = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i += 1) {
    const rec = 12 + i * 16;
    tables.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = buf.readUInt16BE(at("head") + 18);
  const numberOfHMetrics = buf.readUInt16BE(at("hhea") + 34);
  const hmtx = at("hmtx");
  const advance = (glyph: number): number =>
    buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // The Unicode BMP subtable (platform 3, encoding 1), format 4.
  const cmap = at("cmap");
  let sub = -1;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i += 1) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1)
      sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new Error(`${file}: no Unicode cmap`);
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (code: number): number => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (code < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + s + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<string, number>();
  return {
    width(text: string, sizePt: number): number {
      let units = 0;
      for (const ch of text.normalize("NFC")) {
        let w = cache.get(ch);
        if (w === undefined) {
          w = advance(glyphOf(ch.codePointAt(0) ?? 0));
          cache.set(ch, w);
        }
        units += w;
      }
      return (units / unitsPerEm) * sizePt;
    },
  };
}
