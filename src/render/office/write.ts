/**
 * Round trip 2 of "create/update": queue everything the layout holds into ONE batch:
 * unprotect → new sheets → clear the area the add-in owns → defined names → column widths, blocks,
 * table (written as one 2-D formulas array, then made a table), formats per block / column / row,
 * number formats as one grid, validation, conditional formats, freeze panes, print set-up, chart →
 * protect again (validation … charts: ./sheetFeatures.ts). Optional features missing from the host
 * are skipped (see requirements.ts). The 2-D arrays go through a byte budget (payload.ts): a layout
 * too large for one Excel on the web request is sent in several, split between rows of its arrays.
 */
import {
  blockRange,
  columnsAddress,
  parseCell,
  parseRange,
  rangeAddress,
  type RangePos,
} from "../../layouts/a1";
import type {
  Block,
  CellFormat,
  ChartSpec,
  SheetLayout,
  TableSpec,
  WorkbookLayout,
} from "../../layouts/model";
import { tableBox } from "../../layouts/tableGeometry";
import { toFormulaGrid } from "./cells";
import { formatRuns } from "./blockFormats";
import { applyFormat, formatRequestBytes, numberFormatGrid, widthToPoints } from "./formats";
import { REQUEST_ARRAY_BUDGET_BYTES, RequestBudget, writeInSlices } from "./payload";
import { footprintName, type ProbeResult, type ResolvedSheet } from "./probe";
import type { Capabilities } from "./requirements";
import { addChart, addRule, applyValidation, freeze, printSetup } from "./sheetFeatures";

export interface WrittenSheet {
  key: string;
  name: string;
  created: boolean;
  tableRows: number;
}

/** Rows of the area below a table that older versions may have used (the per-unit total row). */
const BELOW_TABLE_MARGIN = 3;

function union(a: RangePos, b: RangePos): RangePos {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

const boxAddress = (b: RangePos): string => rangeAddress(b.top, b.left, b.bottom, b.right);

function blockBox(b: Block): RangePos {
  const rows = Math.max(1, b.cells.length);
  const cols = Math.max(1, ...b.cells.map((r) => r.length));
  return parseRange(blockRange(b.at, rows, cols));
}

/** Everything the layout writes on its sheet, from A1. */
function layoutFootprint(sheet: SheetLayout): RangePos {
  let box: RangePos = { top: 1, left: 1, bottom: 1, right: Math.max(1, sheet.columnWidths.length) };
  for (const b of sheet.blocks) box = union(box, blockBox(b));
  if (sheet.table) box = union(box, tableBox(sheet.table));
  for (const c of sheet.charts) box = union(box, chartBox(c));
  return box;
}

function chartBox(c: ChartSpec): RangePos {
  const at = parseCell(c.at);
  return {
    top: at.row,
    left: at.col,
    bottom: at.row + Math.max(1, c.heightRows) - 1,
    right: at.col + Math.max(1, c.widthCols) - 1,
  };
}

/** What to clear on an existing sheet before writing: what we wrote before ∪ what we write now. */
function clearArea(r: PlacedSheet): RangePos {
  let box = layoutFootprint(r.layout);
  if (r.oldFootprint) box = union(box, r.oldFootprint);
  if (r.oldTable) {
    const t = r.oldTable.box;
    box = union(box, {
      top: 1,
      left: 1,
      bottom: t.bottom + (r.oldFootprint ? 0 : BELOW_TABLE_MARGIN),
      right: t.right,
    });
  }
  return { ...box, top: 1, left: 1 };
}

/** A sheet of the layout with what the read found for it. */
type PlacedSheet = ResolvedSheet & { layout: SheetLayout };

interface SheetTarget {
  resolved: PlacedSheet;
  ws: Excel.Worksheet;
  created: boolean;
}

export interface WriteOptions {
  caps: Capabilities;
  /** Bytes of arrays per request (REQUEST_ARRAY_BUDGET_BYTES; tests pass a small one). */
  budgetBytes?: number;
}

/**
 * Queues the whole layout; the caller's sync sends the last (usually the only) request. Syncs before
 * that only when the arrays exceed the budget of one request. The layout must already hold the users'
 * values.
 */
export async function writeLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  probe: ProbeResult,
  opts: WriteOptions
): Promise<WrittenSheet[]> {
  const { caps } = opts;
  const wb = context.workbook;
  const byKey = new Map(probe.sheets.map((r) => [r.key, r]));
  const suspend = (): void => {
    if (caps.has("suspendCalculation")) wb.application.suspendApiCalculationUntilNextSync();
  };
  const budget = new RequestBudget(
    context,
    opts.budgetBytes ?? REQUEST_ARRAY_BUDGET_BYTES,
    suspend
  );

  // 1. Unprotect the protected sheets first: if one refuses (password), the batch stops before any
  //    content change (restoreProtection puts back the protection of those unprotected before it).
  for (const r of probe.sheets)
    if (r.sheet && r.protection?.protected !== false) r.sheet.protection.unprotect();

  suspend();

  // 2. Sheets: existing ones are emptied of what the add-in owns; missing ones are created.
  const targets: SheetTarget[] = layout.sheets.map((sheet) => {
    const base = byKey.get(sheet.key);
    const resolved: PlacedSheet = base
      ? { ...base, layout: sheet }
      : {
          key: sheet.key,
          layout: sheet,
          sheet: null,
          sheetName: null,
          table: null,
          oldTable: null,
          oldFootprint: null,
          footprintExists: false,
          ownCharts: [],
          protection: null,
        };
    // From here on each sheet is reached by its name: a path Excel resolves again in every request,
    // unlike one through the old table (converted to a range here) or through worksheets.add().
    if (resolved.sheet) {
      prepareExisting(resolved, resolved.sheet, caps);
      const name = resolved.sheetName ?? sheet.name;
      return { resolved, ws: wb.worksheets.getItem(name), created: false };
    }
    wb.worksheets.add(sheet.name);
    return { resolved, ws: wb.worksheets.getItem(sheet.name), created: true };
  });

  // 3. Names before any formula that uses them (NgayBaoCao, NV_TinhTrang, ...).
  for (const name of probe.existingNames) wb.names.getItem(name).delete();
  for (const t of targets) {
    if (t.resolved.footprintExists) wb.names.getItem(footprintName(t.resolved.layout.key)).delete();
  }
  for (const t of targets) {
    for (const n of t.resolved.layout.names) {
      wb.names.add(n.name, t.ws.getRange(absolute(n.ref)), n.comment);
    }
    const fp = wb.names.add(
      footprintName(t.resolved.layout.key),
      t.ws.getRange(absolute(boxAddress(layoutFootprint(t.resolved.layout)))),
      "Vùng do phần bổ trợ CCHC ghi (dùng khi cập nhật; đừng xoá)"
    );
    fp.visible = false;
  }

  // 4. Content and formats.
  const written: WrittenSheet[] = [];
  for (const t of targets) written.push(await writeSheet(t, caps, budget));

  // 5. The first sheet of a brand-new workbook layout is shown.
  const first = targets[0];
  if (first && first.created) first.ws.activate();
  return written;
}

function absolute(ref: string): string {
  const b = parseRange(ref.replace(/\$/g, ""));
  return rangeAddress(b.top, b.left, b.bottom, b.right, true);
}

function prepareExisting(r: PlacedSheet, ws: Excel.Worksheet, caps: Capabilities): void {
  for (const chart of r.ownCharts) chart.delete();
  if (r.table) {
    // Filters hide rows and sorting moved them: clear, then let the table go (its data is rewritten).
    r.table.clearFilters();
    r.table.convertToRange();
  }
  const area = ws.getRange(boxAddress(clearArea(r)));
  area.unmerge();
  area.clear("All");
  if (caps.has("conditionalFormats")) area.conditionalFormats.clearAll();
  if (caps.has("dataValidation")) area.dataValidation.clear();
  area.rowHidden = false;
  area.getEntireColumn().columnHidden = false;
  if (caps.has("freezePanes")) ws.freezePanes.unfreeze();
}

async function writeSheet(
  t: SheetTarget,
  caps: Capabilities,
  budget: RequestBudget
): Promise<WrittenSheet> {
  const { ws } = t;
  const sheet = t.resolved.layout;
  const fp = layoutFootprint(sheet);

  if (caps.has("tabColor") && sheet.tabColor) ws.tabColor = sheet.tabColor;
  // The stored plan (layouts/planSheet.ts): ExcelApi 1.1, data only the add-in reads.
  if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden" as Excel.SheetVisibility;

  const columnsRange = ws.getRange(columnsAddress(1, fp.right));
  columnsRange.format.font.name = sheet.font.name;
  columnsRange.format.font.size = sheet.font.size;
  writeWidths(ws, sheet.columnWidths);

  for (const b of sheet.blocks) await writeBlock(ws, b, budget);
  for (const run of formatRuns(sheet.blocks.map((b) => ({ box: blockBox(b), format: b.format })))) {
    await budget.reserve(formatRequestBytes(run.format));
    applyFormat(ws.getRange(boxAddress(run.box)), run.format, { protection: true });
  }
  let tableRows = 0;
  if (sheet.table) tableRows = await writeTable(ws, sheet.table, caps, budget);

  if (caps.has("dataValidation")) {
    for (const v of sheet.validations) if (v.range) applyValidation(ws.getRange(v.range), v);
  }
  if (caps.has("conditionalFormats")) {
    // Excel puts each new rule on top: add them last-first so the layout's first rule wins.
    for (const rule of [...sheet.rules].reverse()) addRule(ws, rule);
  }
  if (caps.has("freezePanes") && sheet.freeze) freeze(ws, sheet.freeze);
  if (caps.has("pageLayout") && sheet.print) printSetup(ws, sheet);
  sheet.charts.forEach((c, i) => addChart(ws, sheet, c, i, caps));
  if (sheet.protect) ws.protection.protect({ ...sheet.protect });
  return {
    key: sheet.key,
    name: t.resolved.sheetName ?? sheet.name,
    created: t.created,
    tableRows,
  };
}

function writeWidths(ws: Excel.Worksheet, widths: readonly number[]): void {
  let start = 0;
  while (start < widths.length) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end += 1;
    ws.getRange(columnsAddress(start + 1, end + 1)).format.columnWidth = widthToPoints(
      widths[start]
    );
    start = end + 1;
  }
}

/** Sets `grid` on the rows of `box` from its top, in slices within the budget. */
function setGrid(
  ws: Excel.Worksheet,
  box: RangePos,
  grid: (string | number | boolean)[][],
  property: "formulas" | "numberFormat",
  budget: RequestBudget
): Promise<void> {
  return writeInSlices(grid, budget, (first, rows) => {
    const top = box.top + first;
    ws.getRange(rangeAddress(top, box.left, top + rows.length - 1, box.right))[property] = rows;
  });
}

async function writeBlock(ws: Excel.Worksheet, b: Block, budget: RequestBudget): Promise<void> {
  const box = blockBox(b);
  const width = box.right - box.left + 1;
  await setGrid(ws, box, toFormulaGrid(b.cells, width), "formulas", budget);
  // The block's format (font, fill, borders) is applied with its neighbours' (formatRuns, below).
  if (b.merge && (box.bottom > box.top || box.right > box.left)) {
    ws.getRange(boxAddress(box)).merge(false);
  }
  if (b.format?.numberFormat) {
    const grid = numberFormatGrid(b.format.numberFormat, box.bottom - box.top + 1, width);
    await setGrid(ws, box, grid, "numberFormat", budget);
  }
}

async function writeTable(
  ws: Excel.Worksheet,
  table: TableSpec,
  caps: Capabilities,
  budget: RequestBudget
): Promise<number> {
  const box = tableBox(table);
  const width = table.columns.length;
  const rows =
    table.rows.length > 0
      ? table.rows.map((r) => r.cells)
      : [Array.from({ length: width }, () => null)];
  const header = table.columns.map((c) => c.header);
  // The cells first, then the table over them: formulas written into an existing table column would
  // become calculated columns.
  await setGrid(ws, box, toFormulaGrid([header, ...rows], width), "formulas", budget);
  const t = ws.tables.add(ws.getRange(boxAddress(box)), true);
  t.name = table.name;
  t.style = table.style;

  const first = box.top + 1;
  const last = box.bottom;
  const headerRange = ws.getRange(rangeAddress(box.top, box.left, box.top, box.right));
  applyFormat(headerRange, table.headerFormat, { protection: true });

  table.columns.forEach((col, i) => {
    const c = box.left + i;
    const body = ws.getRange(rangeAddress(first, c, last, c));
    applyFormat(body, stripNumberFormat(col.format), { protection: true });
    if (col.hidden) ws.getRange(columnsAddress(c, c)).columnHidden = true;
    if (col.validation && caps.has("dataValidation")) applyValidation(body, col.validation);
  });

  // Number formats: one grid for the body when some rows override them, else one per column.
  const rowOverrides = table.rows.some(
    (r) => r.numberFormats?.some((f) => f !== null && f !== undefined) || r.format?.numberFormat
  );
  if (rowOverrides) {
    const grid = table.rows.map((r) =>
      table.columns.map(
        (col, i) =>
          r.numberFormats?.[i] ?? r.format?.numberFormat ?? col.format?.numberFormat ?? "General"
      )
    );
    await setGrid(ws, { ...box, top: first }, grid, "numberFormat", budget);
  } else {
    for (const [i, col] of table.columns.entries()) {
      const nf = col.format?.numberFormat;
      const column = { top: first, left: box.left + i, bottom: last, right: box.left + i };
      if (nf)
        await setGrid(
          ws,
          column,
          numberFormatGrid(nf, last - first + 1, 1),
          "numberFormat",
          budget
        );
    }
  }

  // Whole-row formats (section header rows), one call per row and property.
  table.rows.forEach((r, i) => {
    if (!r.format) return;
    const row = first + i;
    applyFormat(
      ws.getRange(rangeAddress(row, box.left, row, box.right)),
      stripNumberFormat(r.format),
      { protection: true }
    );
  });
  return table.rows.length;
}

function stripNumberFormat(f: CellFormat | undefined): CellFormat | undefined {
  if (!f || f.numberFormat === undefined) return f;
  const { numberFormat: _ignored, ...rest } = f;
  void _ignored;
  return rest;
}

/**
 * After a failed write: protects again, with their old options, the sheets that were protected
 * before and are not any more (Office keeps the operations of a batch that ran before its error).
 * Two syncs, only on this error path.
 */
export async function restoreProtection(
  context: Excel.RequestContext,
  probe: ProbeResult
): Promise<void> {
  const before = probe.sheets.filter((r) => r.sheet && r.protection?.protected);
  if (before.length === 0) return;
  const now = before.map((r) => {
    // By name: the path through the old table no longer leads anywhere once it was converted.
    const p = context.workbook.worksheets.getItem(r.sheetName ?? r.key).protection;
    p.load("protected");
    return { r, p };
  });
  await context.sync();
  for (const { r, p } of now) if (!p.protected) p.protect(r.protection?.options);
  await context.sync();
}
