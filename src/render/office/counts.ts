/**
 * Reads the per-unit counts the workbook computed ("Theo đơn vị" table: overdue, due soon, ...) and
 * the as-of date (NgayBaoCao), for the task pane's list. The loads are queued in the caller's batch
 * (after a recalculation, or after the write that produces them), so reading costs no extra round trip.
 */
import { serialToIso } from "../../domain/excelDate";
import type { Scalar } from "../../layouts/model";
import { NAME_AS_OF } from "../../layouts/tasksSheet";
import {
  NAME_WHOLE_PLAN,
  UNITS_TABLE,
  WHOLE_PLAN_LABEL,
  unitColumns,
  type UnitColumnKey,
} from "../../layouts/unitsSheet";
import { normalizeHeader } from "../../layouts/userInputMerge";
import { errorCode } from "./errors";
import { queueExistence } from "./probe";

export interface UnitCount {
  /**
   * The line's id ("Mã đơn vị"), which the task table's hidden lead column lists; null in workbooks
   * written before ids (their hidden column holds names).
   */
  id: string | null;
  unit: string;
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
}

export interface WorkbookCounts {
  /** False when the per-unit table is not in the workbook (create/update has not run yet). */
  found: boolean;
  units: UnitCount[];
  /** The whole organisation, each task counted once (the line under the per-unit table), or null. */
  whole: UnitCount | null;
  /** The as-of date in NgayBaoCao (ISO), or null when it cannot be read. */
  asOf: string | null;
  /** True when NgayBaoCao holds =TODAY(). */
  asOfIsToday: boolean;
}

export interface CountsQuery {
  /** The per-unit table's range, when it was looked up. */
  range: Excel.Range | null;
  /** NgayBaoCao's range (a null object when the name no longer refers to a cell). */
  asOf: Excel.Range | null;
  /** The whole-organisation line under the table (TDV_ToanSo), when it was looked up. */
  whole: Excel.Range | null;
}

/** What of the counts the workbook (or the layout about to be written) holds. */
export interface CountsParts {
  table: boolean;
  asOf: boolean;
  /** The whole-organisation line's name (workbooks made before it existed do not have it). */
  whole: boolean;
}

/**
 * Queues a recalculation and the loads (no sync). The parts asked for are looked up with getItem: a
 * missing one fails the batch with ItemNotFound (readCountsAnyway handles that).
 */
export function queueCounts(
  context: Excel.RequestContext,
  opts: { recalculate: boolean } & CountsParts
): CountsQuery {
  const wb = context.workbook;
  if (opts.recalculate) wb.application.calculate("Recalculate" as Excel.CalculationType);
  const range = opts.table ? wb.tables.getItem(UNITS_TABLE).getRange().load("values") : null;
  const asOf = opts.asOf
    ? wb.names.getItem(NAME_AS_OF).getRangeOrNullObject().load("values, formulas")
    : null;
  const whole = opts.whole
    ? wb.names.getItem(NAME_WHOLE_PLAN).getRangeOrNullObject().load("values")
    : null;
  return { range, asOf, whole };
}

/**
 * Recalculates and reads the counts: one round trip when the table and NgayBaoCao exist; when one is
 * missing, one more to list what exists and one to read it (nothing is read from a null object).
 */
export async function readCountsAnyway(context: Excel.RequestContext): Promise<WorkbookCounts> {
  const q = queueCounts(context, { recalculate: true, table: true, asOf: true, whole: true });
  try {
    await context.sync();
    return readCounts(q);
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
  }
  const listed = queueExistence(context);
  await context.sync();
  const existing = listed();
  const parts = {
    table: existing.tables.has(UNITS_TABLE.toLowerCase()),
    asOf: existing.names.has(NAME_AS_OF.toLowerCase()),
    whole: existing.names.has(NAME_WHOLE_PLAN.toLowerCase()),
  };
  if (!parts.table && !parts.asOf) return readCounts({ range: null, asOf: null, whole: null });
  const again = queueCounts(context, { recalculate: false, ...parts });
  await context.sync();
  return readCounts(again);
}

const num = (v: Scalar | undefined): number =>
  typeof v === "number" && Number.isFinite(v) ? v : 0;

/** Interprets the loads (after the sync). Columns are found by header text. */
export function readCounts(q: CountsQuery): WorkbookCounts {
  let asOf: string | null = null;
  let asOfIsToday = false;
  if (q.asOf && !q.asOf.isNullObject) {
    const v = (q.asOf.values as Scalar[][])[0]?.[0];
    const f = (q.asOf.formulas as Scalar[][])[0]?.[0];
    if (typeof v === "number") asOf = serialToIso(v);
    asOfIsToday = typeof f === "string" && f.replace(/\s+/g, "").toUpperCase() === "=TODAY()";
  }
  const none = { found: false, units: [], whole: null, asOf, asOfIsToday };
  if (!q.range) return none;
  const values = q.range.values as Scalar[][];
  const header = (values[0] ?? []).map(normalizeHeader);
  const col = (key: UnitColumnKey): number => {
    const spec = unitColumns().find((c) => c.key === key);
    return spec ? header.indexOf(normalizeHeader(spec.header)) : -1;
  };
  const iu = col("unit");
  const it = col("total");
  const id = col("done");
  const io = col("overdue");
  const is = col("dueSoon");
  const ii = col("id");
  if (iu < 0) return none;
  const countOf = (row: Scalar[]): UnitCount | null => {
    const unit = row[iu];
    if (typeof unit !== "string" || unit.trim() === "") return null;
    const lineId = ii < 0 ? null : row[ii];
    return {
      id: typeof lineId === "string" && lineId.trim() !== "" ? lineId.trim() : null,
      unit: unit.trim(),
      total: num(row[it]),
      done: num(row[id]),
      overdue: num(row[io]),
      dueSoon: num(row[is]),
    };
  };
  const units: UnitCount[] = [];
  for (const row of values.slice(1)) {
    const count = countOf(row);
    if (count) units.push(count);
  }
  // The whole line has the table's columns (it starts in the table's first column).
  let whole: UnitCount | null = null;
  if (q.whole && !q.whole.isNullObject) {
    const count = countOf((q.whole.values as Scalar[][])[0] ?? []);
    if (count?.unit === WHOLE_PLAN_LABEL) whole = count;
  }
  return { found: true, units, whole, asOf, asOfIsToday };
}
