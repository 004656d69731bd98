import type { ChartSpec, ConditionalRule, SheetLayout } from "../../layouts/model";
import { cellAddress, columnLetters, parseCell, parseRange } from "../../layouts/a1";

/**
 * exceljs cannot write charts, so a ChartSpec becomes, in the file:
 * - where the chart would stand: its title, then one row per category: the category and a bar drawn
 *   with "█" characters (REPT), scaled to the largest value (at most BAR_CELLS characters), followed by
 *   the value itself; it recalculates with the data and prints on any printer,
 * - below the bars, a note saying the real chart is drawn by the add-in,
 * - a data bar rule on the plotted values, unless the layout already formats them.
 * Everything is plain formulas, so Excel 2016 and LibreOffice show the same thing.
 */
export const CHART_NOTE =
  "Biểu đồ cột chỉ vẽ được trong add-in Excel; trong tệp này, các thanh ký tự “█” ở trên thể hiện cùng số liệu và tự cập nhật theo bảng.";
const BAR_CELLS = 20;

export interface FallbackCell {
  address: string;
  value: string;
  result: string | number | null;
  bold?: boolean;
  italic?: boolean;
  /** Merged with the cells to its right (title and note span label and bar columns). */
  span?: number;
  wrap?: boolean;
}

export interface ChartFallback {
  cells: FallbackCell[];
  rules: ConditionalRule[];
  /** Widths to give the label and bar columns when the layout left them unset. */
  widths: { col: number; width: number }[];
}

function columnCells(range: string): string[] {
  const r = parseRange(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(cellAddress(row, col));
  return out;
}

function numberOf(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

function textOf(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Bar text as the formula would compute it, for the cached result. */
export function barText(value: number, max: number): string {
  const n = max > 0 ? Math.round((Math.max(0, value) / max) * BAR_CELLS) : 0;
  return `${"█".repeat(n)}${n > 0 ? " " : ""}${value}`;
}

/**
 * `lookup` gives the cached value of a cell of the sheet (from the layout's blocks/table), so the
 * fallback's cells carry correct cached results too.
 */
export function chartFallback(
  sheet: SheetLayout,
  chart: ChartSpec,
  lookup: (address: string) => unknown
): ChartFallback {
  const at = parseCell(chart.at);
  const cats = columnCells(chart.categories);
  const vals = columnCells(chart.values);
  const n = Math.min(cats.length, vals.length);
  const valueRange = parseRange(chart.values);
  const absValues = `$${columnLetters(valueRange.left)}$${valueRange.top}:$${columnLetters(valueRange.right)}$${valueRange.bottom}`;
  const max = Math.max(0, ...vals.slice(0, n).map((a) => numberOf(lookup(a))));

  // Title on the chart's first row, then one row per category (beside the table's own rows when the
  // chart stands next to the table), then the note after a blank row.
  const cells: FallbackCell[] = [
    {
      address: cellAddress(at.row, at.col),
      value: chart.title,
      result: null,
      bold: true,
      span: 2,
      wrap: true,
    },
    {
      address: cellAddress(at.row + n + 2, at.col),
      value: CHART_NOTE,
      result: null,
      italic: true,
      span: 2,
      wrap: true,
    },
  ];
  for (let i = 0; i < n; i++) {
    const row = at.row + 1 + i;
    cells.push({
      address: cellAddress(row, at.col),
      value: `=${cats[i]}&""`,
      result: textOf(lookup(cats[i])),
      wrap: true,
    });
    cells.push({
      address: cellAddress(row, at.col + 1),
      value: `=IF(MAX(${absValues})>0,REPT("█",ROUND(MAX(0,N(${vals[i]}))/MAX(${absValues})*${BAR_CELLS},0))&IF(N(${vals[i]})>0," ",""),"")&N(${vals[i]})`,
      result: barText(numberOf(lookup(vals[i])), max),
    });
  }

  // Values already coloured by the layout keep their rule (LibreOffice shows one rule per cell).
  const covered = sheet.rules.some((r) => overlaps(r.range, chart.values));
  const rules: ConditionalRule[] = covered
    ? []
    : [{ type: "dataBar", range: chart.values, color: "#C0504D" }];
  const widths = [
    { col: at.col, width: 34 },
    { col: at.col + 1, width: Math.ceil(BAR_CELLS * 1.3) + 6 },
  ];
  return { cells, rules, widths };
}

function overlaps(a: string, b: string): boolean {
  const p = parseRange(a);
  const q = parseRange(b);
  return p.left <= q.right && q.left <= p.right && p.top <= q.bottom && q.top <= p.bottom;
}
