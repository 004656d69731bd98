import ExcelJS from "exceljs";
import {
  type Block,
  type CellFormat,
  type Scalar,
  type SheetLayout,
  type TableSpec,
  type WorkbookLayout,
} from "../../layouts/model";
import {
  cellAddress,
  columnLetters,
  parseCell,
  parseRange,
  rangeAddress,
  sheetRef,
} from "../../layouts/a1";
import { tablePlacement } from "../../layouts/tableGeometry";
import { NOTE_COLOR } from "../../layouts/style";
import { toCellValue } from "./cellValues";
import { chartFallback } from "./chartFallback";
import { toConditionalFormatting } from "./conditionalRules";
import { DEFAULT_ROW_HEIGHT, rowHeight, type TextCell } from "./rowHeights";
import { mergeFormats, StyleCache } from "./styles";
import { toDataValidation } from "./validations";

/** exceljs has worksheet.dataValidations (range addresses allowed) but its typings omit it. */
interface SheetValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
  model: Record<string, ExcelJS.DataValidation | undefined>;
}
export function validationsOf(ws: ExcelJS.Worksheet): SheetValidations {
  return (ws as unknown as { dataValidations: SheetValidations }).dataValidations;
}

/** Sheet-qualified absolute reference for a defined name: "'Nhiệm vụ'!$C$3". */
function qualified(sheetName: string, range: string): string {
  const r = parseRange(range);
  return sheetRef(sheetName, rangeAddress(r.top, r.left, r.bottom, r.right, true));
}

const HEADER_FORMAT: CellFormat = {
  font: { bold: true },
  wrap: true,
  vertical: "center",
  horizontal: "center",
};

/**
 * Whether a body cell is locked: input columns are open to staff, except on rows whose format locks
 * them (section header rows). The same rule as the Office renderer's row formats over column formats.
 */
function lockedFor(table: TableSpec, rowIndex: number, colIndex: number): boolean {
  const row = table.rows[rowIndex];
  const column = table.columns[colIndex];
  if (row?.format?.locked !== undefined) return row.format.locked;
  if (column.format?.locked !== undefined) return column.format.locked;
  return column.role !== "input";
}

function isFormulaText(v: Scalar): boolean {
  return typeof v === "string" && v.startsWith("=");
}

/** What each written cell shows (row * 100000 + col), so the chart fallback can carry correct results. */
type Lookup = Map<number, Scalar>;

/** Excel's width of a column nobody sized. */
const DEFAULT_COLUMN_WIDTH = 8.43;

class SheetRenderer {
  private readonly base: CellFormat;
  private readonly lookup: Lookup = new Map();
  /** Effective width of each column (1-based; hidden columns 0), for row heights. */
  private readonly widths = new Map<number, number>();
  /** Wrapped or large text per sheet row, to size the rows. */
  private readonly texts = new Map<number, TextCell[]>();

  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly ws: ExcelJS.Worksheet,
    private readonly sheet: SheetLayout,
    private readonly styles: StyleCache
  ) {
    this.base = { font: { name: sheet.font.name, size: sheet.font.size }, vertical: "top" };
    sheet.columnWidths.forEach((w, i) => this.widths.set(i + 1, w > 0 ? w : DEFAULT_COLUMN_WIDTH));
    if (sheet.table) {
      const first = parseCell(sheet.table.at).col;
      sheet.table.columns.forEach((c, j) =>
        this.widths.set(first + j, c.hidden ? 0 : c.width > 0 ? c.width : DEFAULT_COLUMN_WIDTH)
      );
    }
  }

  private widthOf(col: number): number {
    return this.widths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Notes what a cell shows, so its row can be made tall enough. */
  private measure(
    row: number,
    col: number,
    span: number,
    shown: Scalar | undefined,
    format: CellFormat
  ): void {
    if (shown === null || shown === undefined || shown === "") return;
    let width = 0;
    for (let c = col; c < col + span; c++) width += this.widthOf(c);
    if (width <= 0) return;
    const list = this.texts.get(row) ?? [];
    list.push({
      text: String(shown),
      width,
      fontSize: format.font?.size ?? this.sheet.font.size,
      bold: format.font?.bold,
      wrap: format.wrap === true,
    });
    this.texts.set(row, list);
  }

  private applyRowHeights(): void {
    for (const [row, cells] of this.texts) {
      const h = rowHeight(cells);
      if (h > DEFAULT_ROW_HEIGHT) this.ws.getRow(row).height = h;
    }
  }

  async render(): Promise<void> {
    const { sheet, ws } = this;
    sheet.columnWidths.forEach((w, i) => {
      const col = ws.getColumn(i + 1);
      if (w > 0) col.width = w;
      // Column default style so cells typed later below the table get the sheet's font too.
      col.font = { name: sheet.font.name, size: sheet.font.size };
    });
    for (const block of sheet.blocks) this.writeBlock(block);
    if (sheet.table) this.writeTable(sheet.table);
    for (const v of sheet.validations) {
      if (v.range) validationsOf(ws).add(v.range, toDataValidation(v));
    }
    const rules = [...sheet.rules];
    for (const chart of sheet.charts) {
      const fb = chartFallback(sheet, chart, (a) => this.shownAt(a));
      for (const w of fb.widths) {
        if (!(sheet.columnWidths[w.col - 1] > 0)) {
          ws.getColumn(w.col).width = w.width;
          this.widths.set(w.col, w.width);
        }
      }
      for (const c of fb.cells) {
        const at = parseCell(c.address);
        const format = mergeFormats(this.base, {
          font: { bold: c.bold, italic: c.italic, color: c.italic ? NOTE_COLOR : undefined },
          wrap: c.wrap,
          vertical: "center",
        });
        const cell = ws.getCell(c.address);
        cell.value = toCellValue(c.value, c.result);
        cell.style = this.styles.get(format);
        if (c.span !== undefined && c.span > 1)
          ws.mergeCells(rangeAddress(at.row, at.col, at.row, at.col + c.span - 1));
        this.measure(
          at.row,
          at.col,
          c.span ?? 1,
          isFormulaText(c.value) ? c.result : c.value,
          format
        );
      }
      rules.push(...fb.rules);
    }
    rules.forEach((rule, i) => ws.addConditionalFormatting(toConditionalFormatting(rule, i + 1)));
    this.applyRowHeights();
    for (const n of sheet.names) this.wb.definedNames.add(qualified(sheet.name, n.ref), n.name);
    this.applyView();
    this.applyPrint();
    if (sheet.protect) {
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        autoFilter: sheet.protect.allowAutoFilter,
        sort: sheet.protect.allowSort,
        formatColumns: sheet.protect.allowFormatColumns,
        formatRows: true,
      });
    }
  }

  private writeBlock(block: Block): void {
    const at = parseCell(block.at);
    const format = mergeFormats(this.base, block.format);
    const style = this.styles.get(format);
    const width = Math.max(0, ...block.cells.map((r) => r.length));
    const mergedRow = block.merge === true && block.cells.length === 1;
    block.cells.forEach((row, i) => {
      for (let j = 0; j < width; j++) {
        const cell = this.ws.getCell(at.row + i, at.col + j);
        const value = row[j] ?? null;
        const result = block.results?.[i]?.[j];
        cell.value = toCellValue(value, result);
        cell.style = style;
        const shown = this.remember(at.row + i, at.col + j, value, result);
        if (!block.merge || (mergedRow && j === 0)) {
          this.measure(at.row + i, at.col + j, mergedRow ? width : 1, shown, format);
        }
      }
    });
    if (block.merge && block.cells.length > 0 && width > 0) {
      const range = rangeAddress(
        at.row,
        at.col,
        at.row + block.cells.length - 1,
        at.col + width - 1
      );
      if (range.includes(":")) this.ws.mergeCells(range);
    }
  }

  /** Records what a cell shows (a formula's cached result) for the chart fallback; returns it. */
  private remember(row: number, col: number, value: Scalar, result: Scalar | undefined): Scalar {
    const shown = isFormulaText(value) ? (result ?? null) : value;
    if (shown !== null) this.lookup.set(row * 100_000 + col, shown);
    return shown;
  }

  private shownAt(address: string): Scalar {
    const { row, col } = parseCell(address);
    return this.lookup.get(row * 100_000 + col) ?? null;
  }

  private writeTable(table: TableSpec): void {
    const { ws } = this;
    const p = tablePlacement(table);
    const width = table.columns.length;
    const bodyRows =
      table.rows.length > 0
        ? table.rows
        : [{ key: "", cells: new Array<Scalar>(width).fill(null) }];
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: table.at,
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: bodyRows.map((row) =>
        table.columns.map((_, j) =>
          toCellValue(row.cells[j] ?? null, "results" in row ? row.results?.[j] : undefined)
        )
      ),
    });

    const headerFormat = mergeFormats(this.base, HEADER_FORMAT, table.headerFormat);
    const headerStyle = this.styles.get(headerFormat);
    for (let j = 0; j < width; j++) {
      ws.getCell(p.headerRow, p.firstCol + j).style = headerStyle;
      // Room for the filter button beside the header text.
      this.measure(p.headerRow, p.firstCol + j, 1, `${table.columns[j].header} ▾`, headerFormat);
    }

    // Rows share a handful of formats (per column × row format × lock): merge each combination once.
    const rowFormatIds = new Map<CellFormat | undefined, number>();
    const merged = new Map<string, { format: CellFormat; style: Partial<ExcelJS.Style> }>();
    bodyRows.forEach((row, i) => {
      const r = p.firstBodyRow + i;
      const sheetRow = ws.getRow(r);
      let formatId = rowFormatIds.get(row.format);
      if (formatId === undefined) {
        formatId = rowFormatIds.size;
        rowFormatIds.set(row.format, formatId);
      }
      for (let j = 0; j < width; j++) {
        const numberFormat =
          ("numberFormats" in row ? row.numberFormats?.[j] : undefined) ?? undefined;
        const locked = lockedFor(table, i, j);
        const key = `${j}|${formatId}|${locked ? 1 : 0}|${numberFormat ?? ""}`;
        let entry = merged.get(key);
        if (!entry) {
          const format = mergeFormats(
            this.base,
            table.columns[j].format,
            row.format,
            numberFormat ? { numberFormat } : undefined,
            {
              locked,
            }
          );
          entry = { format, style: this.styles.get(format) };
          merged.set(key, entry);
        }
        sheetRow.getCell(p.firstCol + j).style = entry.style;
        const value = row.cells[j] ?? null;
        const shown = this.remember(
          r,
          p.firstCol + j,
          value,
          "results" in row ? row.results?.[j] : undefined
        );
        this.measure(r, p.firstCol + j, 1, shown, entry.format);
      }
    });

    table.columns.forEach((column, j) => {
      const col = p.firstCol + j;
      if (column.width > 0) ws.getColumn(col).width = column.width;
      if (column.hidden) ws.getColumn(col).hidden = true;
      if (column.validation && !column.validation.range) {
        validationsOf(ws).add(
          rangeAddress(p.firstBodyRow, col, p.lastBodyRow, col),
          toDataValidation(column.validation)
        );
      }
    });
  }

  private applyView(): void {
    const { freeze } = this.sheet;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
      this.ws.views = [
        {
          state: "frozen",
          xSplit: freeze.columns,
          ySplit: freeze.rows,
          topLeftCell: cellAddress(freeze.rows + 1, freeze.columns + 1),
          activeCell: cellAddress(freeze.rows + 1, freeze.columns + 1),
        },
      ];
    }
  }

  private applyPrint(): void {
    const { print } = this.sheet;
    if (!print) return;
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: 9, // A4
      orientation: print.orientation,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    };
    if (print.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (print.titleRows) setup.printTitlesRow = normaliseTitleRows(print.titleRows);
    if (print.printArea) {
      // exceljs prefixes each corner with one "$" ("$B1"); giving it "B$1" yields the absolute "$B$1".
      const r = parseRange(print.printArea);
      const corner = (row: number, col: number) => `${columnLetters(col)}$${row}`;
      setup.printArea = `${corner(r.top, r.left)}:${corner(r.bottom, r.right)}`;
    }
    this.ws.pageSetup = { ...this.ws.pageSetup, ...setup };
    // exceljs stores a break below the row it is added to.
    for (const r of print.breakBefore ?? []) if (r > 1) this.ws.getRow(r - 1).addPageBreak();
    const header = print.header
      ? `&C&"${this.sheet.font.name},Bold"${escapeHeader(print.header)}`
      : undefined;
    this.ws.headerFooter = {
      ...(header ? { oddHeader: header } : {}),
      oddFooter: `&L${escapeHeader(this.sheet.name)}&RTrang &P/&N`,
    };
  }
}

/** "5:5" / "$5:$5" / "5" → "5:5" (what exceljs expects for print titles). */
function normaliseTitleRows(rows: string): string {
  const parts = rows.replace(/\$/g, "").split(":");
  return `${parts[0]}:${parts[1] ?? parts[0]}`;
}

/** "&" starts a header/footer code in Excel; a literal one is written "&&". */
function escapeHeader(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Builds the exceljs workbook for a layout (exposed for tests and for callers that post-process). */
export async function buildExcelWorkbook(layout: WorkbookLayout): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "cchc workbook";
  wb.created = new Date();
  // Cached results are only a courtesy for viewers that cannot compute: Excel and LibreOffice must
  // recompute everything on open (NgayBaoCao may be =TODAY()).
  wb.calcProperties.fullCalcOnLoad = true;
  const styles = new StyleCache();
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      properties: sheet.tabColor
        ? { tabColor: { argb: `FF${sheet.tabColor.replace("#", "")}` } }
        : {},
      ...(sheet.visibility ? { state: sheet.visibility } : {}),
    });
    await new SheetRenderer(wb, ws, sheet, styles).render();
  }
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function renderWorkbookFile(layout: WorkbookLayout): Promise<Buffer> {
  const wb = await buildExcelWorkbook(layout);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
