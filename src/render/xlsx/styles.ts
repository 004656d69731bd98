import type { Style, Fill, Font, Alignment, Borders } from "exceljs";
import type { CellFormat, FontFormat } from "../../layouts/model";

/** "#RRGGBB" → exceljs ARGB ("FFRRGGBB"); anything else is ignored rather than written broken. */
export function argb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/** Later formats override earlier ones field by field (fonts merged property by property). */
export function mergeFormats(...formats: (CellFormat | undefined)[]): CellFormat {
  const out: CellFormat = {};
  for (const f of formats) {
    if (!f) continue;
    const { font, ...rest } = f;
    Object.assign(out, stripUndefined(rest));
    if (font) out.font = { ...(out.font ?? {}), ...stripUndefined(font) };
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const r: Partial<T> = {};
  for (const [k, v] of Object.entries(o))
    if (v !== undefined) (r as Record<string, unknown>)[k] = v;
  return r;
}

function toFont(font: FontFormat): Partial<Font> {
  const f: Partial<Font> = {};
  if (font.name) f.name = font.name;
  if (font.size) f.size = font.size;
  if (font.bold !== undefined) f.bold = font.bold;
  if (font.italic !== undefined) f.italic = font.italic;
  const c = argb(font.color);
  if (c) f.color = { argb: c };
  return f;
}

export function solidFill(color: string): Fill | undefined {
  const c = argb(color);
  return c
    ? { type: "pattern", pattern: "solid", fgColor: { argb: c }, bgColor: { argb: c } }
    : undefined;
}

const THIN: Partial<Borders> = {
  top: { style: "thin", color: { argb: "FF808080" } },
  left: { style: "thin", color: { argb: "FF808080" } },
  bottom: { style: "thin", color: { argb: "FF808080" } },
  right: { style: "thin", color: { argb: "FF808080" } },
};

/**
 * A complete exceljs style for one cell. Objects are cached by content so that 100,000 cells share a
 * handful of style objects (exceljs deduplicates by value anyway; sharing keeps memory flat).
 * Cells are locked unless the format says otherwise, as in Excel.
 */
export class StyleCache {
  private readonly cache = new Map<string, Partial<Style>>();

  get(format: CellFormat): Partial<Style> {
    const key = JSON.stringify(format);
    let style = this.cache.get(key);
    if (!style) {
      style = toStyle(format);
      this.cache.set(key, style);
    }
    return style;
  }
}

function toStyle(format: CellFormat): Partial<Style> {
  const style: Partial<Style> = {};
  if (format.font) style.font = toFont(format.font);
  if (format.fill) {
    const fill = solidFill(format.fill);
    if (fill) style.fill = fill;
  }
  const alignment: Partial<Alignment> = {};
  if (format.wrap !== undefined) alignment.wrapText = format.wrap;
  if (format.horizontal) alignment.horizontal = format.horizontal;
  if (format.vertical)
    alignment.vertical = format.vertical === "center" ? "middle" : format.vertical;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (format.numberFormat) style.numFmt = format.numberFormat;
  style.protection = { locked: format.locked !== false };
  if (format.border === "thin") style.border = THIN;
  return style;
}
