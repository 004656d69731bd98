/**
 * The read round trip of "create/update": queue, in ONE batch, the loads that tell what the workbook
 * already holds for each sheet the add-in writes, then interpret them after the caller's sync:
 * - the sheet's table, found by its workbook-wide name (so a renamed sheet is found again), with its
 *   header and the columns that hold what users typed (tableRead.ts: not the plan texts);
 * - the sheet of the layout's name (when the table is gone: reuse it only if it is empty);
 * - the area the add-in wrote last time (a hidden workbook name that follows row inserts and renames);
 * - the add-in's charts and the sheet's protection;
 * - every defined name of the layout, with the content of its cell when it is a setting.
 *
 * Nothing is loaded from an object reached from a `*OrNullObject` result: Office.js documents only
 * that result's own `isNullObject`. So the probe is optimistic: `queueProbe(ctx, targets, null)`
 * looks everything up with `getItem`, which in the monthly case (everything exists) is the only read.
 * When that batch fails with ItemNotFound, `queueExistence` lists what exists (collections' names, no
 * navigation) and `queueProbe(ctx, targets, existing)` reads only that, or nothing when nothing exists.
 */
import { parseRange, type RangePos } from "../../layouts/a1";
import type { Scalar } from "../../layouts/model";
import type { SheetTarget, WorkbookTargets } from "../../layouts/targets";
import type { ExtractedTableInput } from "../../layouts/userInputMerge";
import { readCell } from "./cells";
import { errorCode } from "./errors";
import { queueGuessedRead, readTableInput, type GuessedRead } from "./tableRead";

/** Workbook name that records the area the add-in wrote on a sheet (per sheet key). */
export const footprintName = (sheetKey: string): string =>
  `CCHC_Vung_${sheetKey.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** Charts the add-in owns are named with this prefix; other charts are left alone. */
export const CHART_PREFIX = "CCHC_";

/** What exists in the workbook, by lower-case name (from queueExistence). */
export interface Existing {
  tables: Set<string>;
  sheets: Set<string>;
  names: Set<string>;
}

interface SheetProbe {
  target: SheetTarget;
  /** The table looked up by name, when it is expected to exist. */
  table: {
    table: Excel.Table;
    sheet: Excel.Worksheet;
    range: Excel.Range;
    guess: GuessedRead | null;
    /** What users typed, filled in by readWorkbook after the sync (tableRead.ts). */
    input?: ExtractedTableInput;
  } | null;
  readsInput: boolean;
  /** The sheet of the layout's name, looked up when the table is not expected. */
  named: { sheet: Excel.Worksheet; used: Excel.Range | null } | null;
  charts: Excel.ChartCollection | null;
  protection: Excel.WorksheetProtection | null;
  /** The footprint name's range (a null object when the name no longer refers to cells). */
  footprint: Excel.Range | null;
}

interface NameProbe {
  name: string;
  range: Excel.Range;
  readsValue: boolean;
}

export interface Probe {
  sheets: SheetProbe[];
  names: NameProbe[];
}

/** True for tables whose rows carry typed values (a key column and at least one input column). */
function tableHoldsInput(table: SheetTarget["table"]): boolean {
  return (
    !!table &&
    table.columns.some((c) => c.role === "key") &&
    table.columns.some((c) => c.role === "input")
  );
}

/** Queues a listing of the workbook's tables, sheets and names (one collection load each). */
export function queueExistence(context: Excel.RequestContext): () => Existing {
  const wb = context.workbook;
  const tables = wb.tables.load("items/name");
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name");
  const lower = (c: { items: { name: string }[] }) =>
    new Set(c.items.map((i) => i.name.toLowerCase()));
  return () => ({ tables: lower(tables), sheets: lower(sheets), names: lower(names) });
}

/** True when none of the targets exists: there is nothing to read before writing. */
export function nothingExists(targets: WorkbookTargets, e: Existing): boolean {
  return (
    targets.sheets.every(
      (s) =>
        !e.sheets.has(s.name.toLowerCase()) &&
        !(s.table && e.tables.has(s.table.name.toLowerCase())) &&
        !e.names.has(footprintName(s.key).toLowerCase())
    ) && targets.names.every((n) => !e.names.has(n.name.toLowerCase()))
  );
}

/**
 * Queues the loads of the read round trip. `existing` null: everything the targets name is assumed
 * to exist (strict getItem: a missing one fails the batch with ItemNotFound).
 */
export function queueProbe(
  context: Excel.RequestContext,
  targets: WorkbookTargets,
  existing: Existing | null,
  /** Load the input columns where the layout puts them (false after a response over the limit). */
  guess = true
): Probe {
  const wb = context.workbook;
  const has = (set: keyof Existing, name: string) =>
    existing === null || existing[set].has(name.toLowerCase());
  const sheets = targets.sheets.map((target): SheetProbe => {
    const readsInput = tableHoldsInput(target.table);
    let table: SheetProbe["table"] = null;
    let named: SheetProbe["named"] = null;
    let ws: Excel.Worksheet | null = null;
    if (target.table && has("tables", target.table.name)) {
      const t = wb.tables.getItem(target.table.name);
      ws = t.worksheet.load("name");
      const range = t.getRange();
      range.load("address");
      const read =
        readsInput && guess && target.table
          ? queueGuessedRead(t, range, target.table.columns)
          : null;
      table = { table: t, sheet: ws, range, guess: read };
    } else if (existing === null ? !target.table : existing.sheets.has(target.name.toLowerCase())) {
      ws = wb.worksheets.getItem(target.name);
      ws.load("name");
      // getUsedRangeOrNullObject on a sheet that exists: its isNullObject is documented.
      const used = target.table ? ws.getUsedRangeOrNullObject(true) : null;
      used?.load("address");
      named = { sheet: ws, used };
    }
    const charts = ws ? ws.charts.load("items/name") : null;
    const protection = ws ? ws.protection.load("protected, options") : null;
    let footprint: Excel.Range | null = null;
    if (has("names", footprintName(target.key))) {
      footprint = wb.names.getItem(footprintName(target.key)).getRangeOrNullObject();
      footprint.load("address");
    }
    return { target, table, readsInput, named, charts, protection, footprint };
  });
  const names: NameProbe[] = [];
  for (const n of targets.names) {
    if (!has("names", n.name)) continue;
    const range = wb.names.getItem(n.name).getRangeOrNullObject();
    if (n.readsValue) range.load("address, formulas, values");
    else range.load("address");
    names.push({ name: n.name, range, readsValue: n.readsValue });
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
  key: string;
  /** The existing sheet to write on (its proxy from the read), or null: create it. */
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

/** What the workbook holds when none of the targets exists (a first create). */
export function emptyProbeResult(targets: WorkbookTargets): ProbeResult {
  return resolveProbe({
    sheets: targets.sheets.map((target) => ({
      target,
      table: null,
      readsInput: false,
      named: null,
      charts: null,
      protection: null,
      footprint: null,
    })),
    names: [],
  });
}

/** Interprets the read round trip (call after the sync). */
export function resolveProbe(probe: Probe): ProbeResult {
  const problems: string[] = [];
  const usedSheets = new Map<string, string>();
  const sheets = probe.sheets.map((p): ResolvedSheet => {
    const target = p.target;
    let sheet: Excel.Worksheet | null = null;
    let sheetName: string | null = null;
    let oldTable: ExistingTable | null = null;

    if (p.table) {
      sheet = p.table.sheet;
      sheetName = p.table.sheet.name;
      const { box } = splitAddress(p.table.range.address);
      const input = p.table.input ?? null;
      if (input && !input.ok) problems.push(...input.problems);
      oldTable = { box, input };
    } else if (p.named) {
      sheet = p.named.sheet;
      sheetName = p.named.sheet.name;
      if (target.table && p.named.used && !p.named.used.isNullObject) {
        problems.push(
          `Trang “${sheetName}” đã có dữ liệu nhưng không còn bảng theo dõi (bảng có thể đã bị xoá hoặc chuyển thành vùng thường). ` +
            `Hãy khôi phục bảng (Ctrl+Z), hoặc đổi tên trang “${sheetName}” rồi chạy lại để tạo trang mới.`
        );
      }
    }

    if (sheetName !== null) {
      const other = usedSheets.get(sheetName.toLowerCase());
      if (other !== undefined) {
        problems.push(
          `Hai phần của sổ theo dõi (“${other}” và “${target.name}”) đang nằm trên cùng trang “${sheetName}”. Hãy chuyển một bảng sang trang khác rồi chạy lại.`
        );
      }
      usedSheets.set(sheetName.toLowerCase(), target.name);
    }

    let oldFootprint: RangePos | null = null;
    if (sheetName !== null && p.footprint && !p.footprint.isNullObject) {
      const fp = splitAddress(p.footprint.address);
      if (fp.sheet.toLowerCase() === sheetName.toLowerCase()) oldFootprint = fp.box;
    }
    const ownCharts = p.charts ? p.charts.items.filter((c) => c.name.startsWith(CHART_PREFIX)) : [];
    return {
      key: target.key,
      sheet,
      sheetName,
      table: p.table ? p.table.table : null,
      oldTable,
      oldFootprint,
      footprintExists: p.footprint !== null,
      ownCharts,
      protection: p.protection
        ? { protected: p.protection.protected, options: { ...p.protection.options } }
        : null,
    };
  });

  const existingNames = new Set<string>();
  const nameValues: Record<string, Scalar> = {};
  for (const n of probe.names) {
    existingNames.add(n.name);
    if (!n.readsValue || n.range.isNullObject) continue;
    const formulas = n.range.formulas as unknown[][];
    const values = n.range.values as unknown[][];
    if (formulas.length === 1 && formulas[0].length === 1) {
      const v = readCell(formulas[0][0], values[0]?.[0]);
      if (v !== null) nameValues[n.name] = v;
    }
  }
  return { sheets, existingNames, nameValues, problems };
}

/**
 * The read round trip(s) before a write: one when everything the targets name exists (the monthly
 * update); when something is missing, one more to list what exists and, if anything does, one to read
 * it. A constant number whatever the plan's size, unless what users typed does not fit where the layout
 * put it or one response of Excel on the web (tableRead.ts).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  targets: WorkbookTargets,
  opts: { aliases?: Record<string, Record<string, readonly string[]>> } = {}
): Promise<ProbeResult> {
  let probe: Probe;
  try {
    probe = await syncProbe(context, targets, null);
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    const listed = queueExistence(context);
    await context.sync();
    const existing = listed();
    if (nothingExists(targets, existing)) return emptyProbeResult(targets);
    probe = await syncProbe(context, targets, existing);
  }
  await readInputs(context, probe, opts.aliases ?? {});
  return resolveProbe(probe);
}

/** One probe round trip; a second without the guessed columns when their response was too large. */
async function syncProbe(
  context: Excel.RequestContext,
  targets: WorkbookTargets,
  existing: Existing | null
): Promise<Probe> {
  const guessed = queueProbe(context, targets, existing, true);
  try {
    await context.sync();
    return guessed;
  } catch (e) {
    if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
  }
  // Typed values too large for one response: read apart, in as many requests as they need.
  const plain = queueProbe(context, targets, existing, false);
  await context.sync();
  return plain;
}

/** Reads what users typed in each table found (after the probe's sync). */
async function readInputs(
  context: Excel.RequestContext,
  probe: Probe,
  aliases: Record<string, Record<string, readonly string[]>>
): Promise<void> {
  for (const p of probe.sheets) {
    const spec = p.target.table;
    if (!p.table || !p.readsInput || !spec) continue;
    p.table.input = await readTableInput(
      context,
      p.table.sheet,
      splitAddress(p.table.range.address).box,
      p.table.guess,
      {
        columns: spec.columns,
        tableName: spec.name,
        sheetName: p.target.name,
        aliases: aliases[spec.name],
        keepBlankRows: spec.keepBlankRows === true,
      }
    );
  }
}
