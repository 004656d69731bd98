/**
 * Every printed cell fits: the file's sheets rendered by exceljs, each text cell inside the print
 * area measured with the metrics of the font LibreOffice prints Times New Roman with (Liberation
 * Serif, metric-compatible) — not with the renderer's own estimate — against its column width and
 * row height. A text that needs more lines than its row holds, or a one-line text wider than its
 * column, is clipped on paper.
 */
import * as fs from "fs";
import type ExcelJS from "exceljs";
import { getPlan } from "../../src/plan";
import { buildWorkbook } from "../../src/layouts/workbook";
import { INDICATORS_SHEET_NAME } from "../../src/layouts/indicatorsSheet";
import { REPORT_SHEET_NAME } from "../../src/layouts/reportSheet";
import { buildExcelWorkbook } from "../../src/render/xlsx/renderWorkbookFile";
import { parseRange } from "../../src/layouts/a1";
import { loadFontMetrics, type FontMetrics } from "../support/fontMetrics";

const FONT_DIR = "/usr/share/fonts/truetype/liberation";
const fontFile = (bold: boolean): string =>
  `${FONT_DIR}/LiberationSerif-${bold ? "Bold" : "Regular"}.ttf`;

/** Excel column width (characters of the default font) → points: 7 px a character + 5 px, 96 dpi. */
const widthPoints = (w: number): number => (Math.trunc(w * 7) + 5) * 0.75;
/** Cell margins LibreOffice leaves around text, in points (both sides together). */
const PADDING = 4;
/** Line height of a wrapped line (ascent + descent of Liberation Serif is 1.15 em), in points. */
const LINE = 1.15;

function linesNeeded(font: FontMetrics, text: string, size: number, capacity: number): number {
  const space = font.width(" ", size);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = font.width(word, size);
      if (w > capacity) {
        count += (line > 0 ? 1 : 0) + Math.ceil(w / capacity) - 1;
        line = w - (Math.ceil(w / capacity) - 1) * capacity;
      } else if (line === 0) line = w;
      else if (line + space + w <= capacity) line += space + w;
      else {
        count += 1;
        line = w;
      }
    }
    lines += count;
  }
  return lines;
}

function shownText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "formula" in v) {
    const r = (v as { result?: unknown }).result;
    return typeof r === "string" ? r : null;
  }
  if (v && typeof v === "object" && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return null;
}

/** "B7 (Chỉ tiêu): needs 4 lines (58 pt), row holds 43.5 pt — “…”" for each clipped cell. */
function clippedCells(ws: ExcelJS.Worksheet, fonts: Record<"regular" | "bold", FontMetrics>) {
  const area = parseRange(String(ws.pageSetup.printArea ?? ws.dimensions.range));
  const problems: string[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row = ws.getRow(r);
    if (row.hidden) continue;
    for (let c = area.left; c <= area.right; c++) {
      if (ws.getColumn(c).hidden) continue;
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const text = shownText(cell);
      if (!text) continue;
      let width = 0;
      let rows = 1;
      if (cell.isMerged) {
        const m = ws.model.merges.map(parseRange).find((x) => x.top === r && x.left === c);
        for (let k = c; k <= (m?.right ?? c); k++) width += widthPoints(ws.getColumn(k).width ?? 9);
        rows = m ? m.bottom - m.top + 1 : 1;
      } else width = widthPoints(ws.getColumn(c).width ?? 9);
      const size = cell.font?.size ?? 11;
      const font = cell.font?.bold ? fonts.bold : fonts.regular;
      const capacity = width - PADDING;
      let height = 0;
      for (let k = r; k < r + rows; k++) height += ws.getRow(k).height ?? 15;
      const where = `${ws.name}!${cell.address}`;
      if (cell.alignment?.wrapText) {
        const lines = linesNeeded(font, text, size, capacity);
        const needed = lines * size * LINE;
        if (needed > height)
          problems.push(
            `${where}: ${lines} dòng (${needed.toFixed(1)} pt), dòng cao ${height} pt — “${text}”`
          );
      } else {
        // One line: it may run on over empty cells to its right, as far as the print area goes.
        let room = capacity;
        const align = cell.alignment?.horizontal;
        if (!cell.isMerged && (align === undefined || align === "left")) {
          for (let k = c + 1; k <= area.right && shownText(row.getCell(k)) === null; k++) {
            if (row.getCell(k).value !== null && row.getCell(k).value !== undefined) break;
            if (!ws.getColumn(k).hidden) room += widthPoints(ws.getColumn(k).width ?? 9);
          }
        }
        const w = font.width(text, size);
        if (w > room)
          problems.push(`${where}: rộng ${w.toFixed(1)} pt, chỗ ${room.toFixed(1)} pt — “${text}”`);
      }
    }
  }
  return problems;
}

let fonts: Record<"regular" | "bold", FontMetrics>;
beforeAll(() => {
  if (!fs.existsSync(fontFile(false)))
    throw new Error(
      `${fontFile(false)} missing: install fonts-liberation (LibreOffice prints Times New Roman with it; scripts/install-system-deps.sh does)`
    );
  fonts = { regular: loadFontMetrics(fontFile(false)), bold: loadFontMetrics(fontFile(true)) };
});

test("the font reader: Liberation Serif is Times New Roman's width (digits 0.5 em, a space 0.25 em)", () => {
  expect(fonts.regular.width("0", 10)).toBeCloseTo(5, 5);
  expect(fonts.regular.width(" ", 12)).toBeCloseTo(3, 5);
  expect(fonts.regular.width("ệ", 11)).toBeGreaterThan(fonts.regular.width("i", 11));
});

test.each([INDICATORS_SHEET_NAME, "Nhiệm vụ", "Theo đơn vị", "Đơn vị", REPORT_SHEET_NAME])(
  "%s: every printed cell fits its column and row",
  async (name) => {
    const { layout } = buildWorkbook(getPlan(), {
      flavor: "file",
      today: "2024-09-30",
      asOf: "2024-09-30",
    });
    const wb = await buildExcelWorkbook(layout);
    const ws = wb.getWorksheet(name)!;
    expect(clippedCells(ws, fonts)).toEqual([]);
  }
);
