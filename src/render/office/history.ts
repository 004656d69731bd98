/**
 * Reading the Lịch sử table (tblLichSu) for the task pane's trends: one round trip; a workbook
 * without the table (no sheets yet, or an older version) has no history, which is not an error.
 */
import {
  HISTORY_COLUMN_KEYS,
  HISTORY_KIND,
  HISTORY_TABLE,
  historyColumns,
  indicatorTrend,
  overdueTrend,
  type HistoryRow,
  type TrendPoint,
} from "../../layouts/historySheet";
import type { Scalar } from "../../layouts/model";
import type { UserInput } from "../../layouts/userInput";
import { normalizeHeader } from "../../layouts/userInputMerge";
import type { ExcelRun } from "./actions";
import { errorCode } from "./errors";

export interface HistoryTrends {
  /** Overdue tasks of the whole plan at each snapshot. */
  overdue: TrendPoint[];
  /** Target ids present in the history, in the order first seen. */
  indicatorIds: string[];
  /** Values of one target at each snapshot (null: no valid data then). */
  indicator: (id: string) => { no: number; label: string; value: number | null }[];
  /** Whether a target is a rate (shown as %); the engine knows it from the plan. */
  isRate?: (id: string) => boolean;
}

/** The snapshot rows of a table's values (header row first), columns found by header text. */
export function historyFromValues(values: Scalar[][]): UserInput {
  const [header = [], ...body] = values;
  const index = new Map(header.map((h, i) => [normalizeHeader(h), i]));
  const at = new Map(
    historyColumns().map((c) => [c.key, index.get(normalizeHeader(c.header)) ?? -1])
  );
  const rows: Record<string, Record<string, Scalar>> = {};
  for (const line of body) {
    const key = line[at.get("key") ?? -1];
    if (typeof key !== "string" || key === "") continue;
    const row: HistoryRow = {};
    for (const k of HISTORY_COLUMN_KEYS) {
      const i = at.get(k) ?? -1;
      if (k !== "key" && i >= 0 && line[i] !== "" && line[i] !== null) row[k] = line[i];
    }
    rows[key] = row as Record<string, Scalar>;
  }
  return { tables: { [HISTORY_TABLE]: rows }, names: {} };
}

export function trendsOf(history: UserInput): HistoryTrends {
  const ids: string[] = [];
  for (const row of Object.values(history.tables[HISTORY_TABLE] ?? {}))
    if (
      row.kind === HISTORY_KIND.indicator &&
      typeof row.subject === "string" &&
      !ids.includes(row.subject)
    )
      ids.push(row.subject);
  return {
    overdue: overdueTrend(history),
    indicatorIds: ids,
    indicator: (id) => indicatorTrend(history, id),
  };
}

/** The trends kept in the workbook's Lịch sử sheet (empty without it). */
export async function readHistory(run: ExcelRun): Promise<HistoryTrends> {
  return run(async (context) => {
    const range = context.workbook.tables.getItem(HISTORY_TABLE).getRange().load("values");
    try {
      await context.sync();
    } catch (e) {
      if (errorCode(e) === "ItemNotFound") return trendsOf({ tables: {}, names: {} });
      throw e;
    }
    return trendsOf(historyFromValues(range.values as Scalar[][]));
  });
}
