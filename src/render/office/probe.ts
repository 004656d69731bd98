/**
 * Round trip 1 of "create/update": queue, in ONE batch, the loads that tell what the workbook already
 * holds for each sheet of the layout, then interpret them after the caller's single sync:
 * - the sheet's table, found by its workbook-wide name (so a renamed sheet is found again), with its
 *   header, body formulas and body values (to read what users typed);
 * - the sheet of the layout's name (when the table is gone: reuse it only if it is empty);
 * - the area the add-in wrote last time (a hidden workbook name that follows row inserts and renames);
 * - the add-in's charts on that sheet;
 * - every defined name of the layout, with the content of its cell (a fixed NgayBaoCao, ...).
 * Objects reached from a null object are null objects too, so all of this fits in one sync.
 */
import { parseRange, type RangePos } from "../../layouts/a1";
import type { Scalar, SheetLayout, TableSpec, WorkbookLayout } from "../../layouts/model";
import { extractTableInput, type ExtractedTableInput } from "../../layouts/userInputMerge";
import { readCell, readGrid } from "./cells";

/** Workbook name that records the area the add-in wrote on a sheet (per sheet key). */
export const footprintName = (sheetKey: string): string =>
  `CCHC_Vung_${sheetKey.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** Charts the add-in owns are named with this prefix; other charts are left alone. */
export const CHART_PREFIX = "CCHC_";

export interface SheetProbe {
  layout: SheetLayout;
  table: Excel.Table | null;
  tableSheet: Excel.Worksheet | null;
  tableRange: Excel.Range | null;
  readsInput: boolean;
  namedSheet: Excel.Worksheet;
  namedUsed: Excel.Range;
  footprint: Excel.Range;
  footprintItem: Excel.NamedItem;
  tableCharts: Excel.ChartCollection | null;
  namedCharts: Excel.ChartCollection;
  tableProtection: Excel.WorksheetProtection | null;
  namedProtection: Excel.WorksheetProtection;
}

export interface NameProbe {
  name: string;
  item: Excel.NamedItem;
  range: Excel.Range;
}

export interface Probe {
  sheets: SheetProbe[];
  names: NameProbe[];
}

/** True for tables whose rows carry typed values (a key column and at least one input column). */
function tableHoldsInput(spec: TableSpec | undefined): spec is TableSpec {
  return (
    !!spec &&
    spec.columns.some((c) => c.role === "key") &&
    spec.columns.some((c) => c.role === "input")
  );
}

/** Queues the loads of round trip 1. */
export function queueProbe(context: Excel.RequestContext, layout: WorkbookLayout): Probe {
  const wb = context.workbook;
  const sheets = layout.sheets.map((sheet): SheetProbe => {
    let table: Excel.Table | null = null;
    let tableSheet: Excel.Worksheet | null = null;
    let tableRange: Excel.Range | null = null;
    let tableCharts: Excel.ChartCollection | null = null;
    let tableProtection: Excel.WorksheetProtection | null = null;
    const readsInput = tableHoldsInput(sheet.table);
    if (sheet.table) {
      table = wb.tables.getItemOrNullObject(sheet.table.name);
      table.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read -- navigates from a getItemOrNullObject result before its sync: undocumented, removed by issue 12
      tableSheet = table.worksheet;
      tableSheet.load("name");
      tableRange = table.getRange();
      if (readsInput) tableRange.load("address, formulas, values");
      else tableRange.load("address");
      tableCharts = tableSheet.charts;
      tableCharts.load("items/name");
      tableProtection = tableSheet.protection;
      tableProtection.load("protected, options");
    }
    const namedSheet = wb.worksheets.getItemOrNullObject(sheet.name);
    namedSheet.load("name");
    const namedUsed = namedSheet.getUsedRangeOrNullObject(true);
    namedUsed.load("address");
    // eslint-disable-next-line office-addins/call-sync-before-read -- navigates from a getItemOrNullObject result before its sync: undocumented, removed by issue 12
    const namedCharts = namedSheet.charts;
    namedCharts.load("items/name");
    // eslint-disable-next-line office-addins/call-sync-before-read -- navigates from a getItemOrNullObject result before its sync: undocumented, removed by issue 12
    const namedProtection = namedSheet.protection;
    namedProtection.load("protected, options");
    const footprintItem = wb.names.getItemOrNullObject(footprintName(sheet.key));
    footprintItem.load("name");
    const footprint = footprintItem.getRangeOrNullObject();
    footprint.load("address");
    return {
      layout: sheet,
      table,
      tableSheet,
      tableRange,
      readsInput,
      namedSheet,
      namedUsed,
      footprint,
      footprintItem,
      tableCharts,
      namedCharts,
      tableProtection,
      namedProtection,
    };
  });
  const seen = new Set<string>();
  const names: NameProbe[] = [];
  for (const sheet of layout.sheets) {
    for (const n of sheet.names) {
      if (seen.has(n.name.toLowerCase())) continue;
      seen.add(n.name.toLowerCase());
      const item = wb.names.getItemOrNullObject(n.name);
      item.load("name");
      const range = item.getRangeOrNullObject();
      range.load("address, formulas, values");
      names.push({ name: n.name, item, range });
    }
  }
  return { sheets, names };
}

/** "'Nhiệm vụ'!A6:T60" → sheet "Nhiệm vụ" and the range's corners. */
function splitAddress(address: string): { sheet: string; box: RangePos } {
  const bang = address.lastIndexOf("!");
  const rawSheet = bang >= 0 ? address.slice(0, bang) : "";
  const sheet =
    rawSheet.startsWith("'") && rawSheet.endsWith("'")
      ? rawSheet.slice(1, -1).replace(/''/g, "'")
      : rawSheet;
  return { sheet, box: parseRange(address.slice(bang + 1).replace(/\$/g, "")) };
}

export interface ExistingTable {
  /** Whole table (header + body) on the sheet. */
  box: RangePos;
  /** What users typed, when the table carries input (else null). */
  input: ExtractedTableInput | null;
}

/** What the workbook holds for one sheet of the layout. */
export interface ResolvedSheet {
  layout: SheetLayout;
  /** The existing sheet to write on (its proxy from round trip 1), or null: create it. */
  sheet: Excel.Worksheet | null;
  /** Name of that existing sheet (it may differ from the layout's when the user renamed it). */
  sheetName: string | null;
  table: Excel.Table | null;
  oldTable: ExistingTable | null;
  /** Area written last time (from the footprint name), when it is on this sheet. */
  oldFootprint: RangePos | null;
  /** Whether the footprint name exists (it is deleted and written again). */
  footprintExists: boolean;
  /** The add-in's charts on the sheet, to delete before drawing them again. */
  ownCharts: Excel.Chart[];
  /** Protection of the existing sheet before the action (to restore it if writing fails). */
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions } | null;
}

export interface ProbeResult {
  sheets: ResolvedSheet[];
  /** Defined names that exist (they are deleted and added again). */
  existingNames: Set<string>;
  /** name → content of its single cell (for UserInput.names). */
  nameValues: Record<string, Scalar>;
  /** Why nothing may be written (Vietnamese); empty when all is well. */
  problems: string[];
}

/** Interprets round trip 1 (call after the sync). */
export function resolveProbe(
  probe: Probe,
  opts: { aliases?: Record<string, Record<string, readonly string[]>> } = {}
): ProbeResult {
  const problems: string[] = [];
  const usedSheets = new Map<string, string>();
  const sheets = probe.sheets.map((p): ResolvedSheet => {
    const layout = p.layout;
    let sheet: Excel.Worksheet | null = null;
    let sheetName: string | null = null;
    let table: Excel.Table | null = null;
    let oldTable: ExistingTable | null = null;
    let charts: Excel.ChartCollection | null = null;
    let protection: Excel.WorksheetProtection | null = null;

    if (p.table && !p.table.isNullObject && p.tableSheet && p.tableRange) {
      table = p.table;
      sheet = p.tableSheet;
      sheetName = p.tableSheet.name;
      charts = p.tableCharts;
      protection = p.tableProtection;
      const { box } = splitAddress(p.tableRange.address);
      let input: ExtractedTableInput | null = null;
      if (p.readsInput && layout.table) {
        const formulas = p.tableRange.formulas as unknown[][];
        const values = p.tableRange.values as unknown[][];
        const header = (formulas[0] ?? []).map((h, i) => readCell(h, values[0]?.[i]));
        const body = readGrid(formulas.slice(1), values.slice(1));
        input = extractTableInput(layout.table.columns, header, body, {
          tableName: layout.table.name,
          aliases: opts.aliases?.[layout.table.name],
          origin: { row: box.top + 1, col: box.left },
        });
        if (!input.ok) problems.push(...input.problems);
      }
      oldTable = { box, input };
    } else if (!p.namedSheet.isNullObject) {
      sheet = p.namedSheet;
      sheetName = p.namedSheet.name;
      charts = p.namedCharts;
      protection = p.namedProtection;
      if (layout.table && !p.namedUsed.isNullObject) {
        problems.push(
          `Trang "${sheetName}" đã có dữ liệu nhưng không còn bảng ${layout.table.name} (bảng có thể đã bị xoá hoặc chuyển thành vùng thường). ` +
            `Để không ghi đè dữ liệu, phần bổ trợ không thay đổi gì. Hãy khôi phục bảng (Ctrl+Z), hoặc đổi tên trang "${sheetName}" rồi chạy lại để tạo trang mới.`
        );
      }
    }

    if (sheetName !== null) {
      const other = usedSheets.get(sheetName.toLowerCase());
      if (other !== undefined) {
        problems.push(
          `Hai phần của sổ theo dõi ("${other}" và "${layout.name}") đang nằm trên cùng trang "${sheetName}". Hãy chuyển một bảng sang trang khác rồi chạy lại.`
        );
      }
      usedSheets.set(sheetName.toLowerCase(), layout.name);
    }

    let oldFootprint: RangePos | null = null;
    if (sheetName !== null && !p.footprint.isNullObject) {
      const fp = splitAddress(p.footprint.address);
      if (fp.sheet.toLowerCase() === sheetName.toLowerCase()) oldFootprint = fp.box;
    }
    const ownCharts = charts ? charts.items.filter((c) => c.name.startsWith(CHART_PREFIX)) : [];
    return {
      layout,
      sheet,
      sheetName,
      table,
      oldTable,
      oldFootprint,
      footprintExists: !p.footprintItem.isNullObject,
      ownCharts,
      protection: protection
        ? { protected: protection.protected, options: { ...protection.options } }
        : null,
    };
  });

  const existingNames = new Set<string>();
  const nameValues: Record<string, Scalar> = {};
  for (const n of probe.names) {
    if (n.item.isNullObject) continue;
    existingNames.add(n.name);
    if (n.range.isNullObject) continue;
    const formulas = n.range.formulas as unknown[][];
    const values = n.range.values as unknown[][];
    if (formulas.length === 1 && formulas[0].length === 1) {
      const v = readCell(formulas[0][0], values[0]?.[0]);
      if (v !== null) nameValues[n.name] = v;
    }
  }
  return { sheets, existingNames, nameValues, problems };
}
