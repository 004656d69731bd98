/**
 * Reads the per-unit counts the workbook computed ("Theo đơn vị" table: overdue, due soon, ...) and
 * the as-of date (NgayBaoCao), for the task pane's list. The loads are queued in the caller's batch
 * (after a recalculation), so reading costs no extra round trip.
 */
import { serialToIso } from "../../domain/excelDate";
import type { Scalar } from "../../layouts/model";
import { NAME_AS_OF } from "../../layouts/tasksSheet";
import { UNITS_TABLE, unitColumns, type UnitColumnKey } from "../../layouts/unitsSheet";
import { normalizeHeader } from "../../layouts/userInputMerge";

export interface UnitCount {
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
  /** The as-of date in NgayBaoCao (ISO), or null when it cannot be read. */
  asOf: string | null;
  /** True when NgayBaoCao holds =TODAY(). */
  asOfIsToday: boolean;
}

export interface CountsQuery {
  table: Excel.Table;
  range: Excel.Range;
  asOfItem: Excel.NamedItem;
  asOf: Excel.Range;
}

/** Queues a recalculation and the loads (no sync). */
export function queueCounts(
  context: Excel.RequestContext,
  opts: { recalculate: boolean }
): CountsQuery {
  const wb = context.workbook;
  if (opts.recalculate) wb.application.calculate("Recalculate" as Excel.CalculationType);
  const table = wb.tables.getItemOrNullObject(UNITS_TABLE);
  table.load("name");
  const range = table.getRange();
  range.load("values");
  const asOfItem = wb.names.getItemOrNullObject(NAME_AS_OF);
  asOfItem.load("name");
  const asOf = asOfItem.getRangeOrNullObject();
  asOf.load("values, formulas");
  return { table, range, asOfItem, asOf };
}

const num = (v: Scalar | undefined): number =>
  typeof v === "number" && Number.isFinite(v) ? v : 0;

/** Interprets the loads (after the sync). Columns are found by header text. */
export function readCounts(q: CountsQuery): WorkbookCounts {
  let asOf: string | null = null;
  let asOfIsToday = false;
  if (!q.asOfItem.isNullObject && !q.asOf.isNullObject) {
    const v = (q.asOf.values as Scalar[][])[0]?.[0];
    const f = (q.asOf.formulas as Scalar[][])[0]?.[0];
    if (typeof v === "number") asOf = serialToIso(v);
    asOfIsToday = typeof f === "string" && f.replace(/\s+/g, "").toUpperCase() === "=TODAY()";
  }
  if (q.table.isNullObject) return { found: false, units: [], asOf, asOfIsToday };
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
  if (iu < 0) return { found: false, units: [], asOf, asOfIsToday };
  const units: UnitCount[] = [];
  for (const row of values.slice(1)) {
    const unit = row[iu];
    if (typeof unit !== "string" || unit.trim() === "") continue;
    units.push({
      unit: unit.trim(),
      total: num(row[it]),
      done: num(row[id]),
      overdue: num(row[io]),
      dueSoon: num(row[is]),
    });
  }
  return { found: true, units, asOf, asOfIsToday };
}
