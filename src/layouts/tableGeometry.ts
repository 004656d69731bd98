/**
 * Where a table's cells are on its sheet, for both renderers and the tests. An empty table still has
 * one body row: Excel refuses header-only tables in a file, and Office.js tables.add needs one too.
 */
import { parseCell, type RangePos } from "./a1";
import type { TableSpec } from "./model";

export interface TablePlacement {
  headerRow: number;
  firstCol: number;
  firstBodyRow: number;
  lastBodyRow: number;
  lastCol: number;
}

export function tablePlacement(table: TableSpec): TablePlacement {
  const at = parseCell(table.at);
  return {
    headerRow: at.row,
    firstCol: at.col,
    firstBodyRow: at.row + 1,
    lastBodyRow: at.row + Math.max(1, table.rows.length),
    lastCol: at.col + table.columns.length - 1,
  };
}

/** The table's whole range (header + body) as a box. */
export function tableBox(table: TableSpec): RangePos {
  const p = tablePlacement(table);
  return { top: p.headerRow, left: p.firstCol, bottom: p.lastBodyRow, right: p.lastCol };
}
