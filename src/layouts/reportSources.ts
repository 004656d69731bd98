/**
 * Where the Báo cáo sheet reads typed values from: defined names over the body columns of the
 * Nhiệm vụ, Thường xuyên and Chỉ tiêu tables (its formulas look rows up by key), and the same values
 * as ReportInputs for the domain code (cached results, `cchc report`).
 */
import type { ReportInputs } from "../domain/reportFigures";
import { quarterEvidenceKey, quarterMarkKey } from "../domain/recurring";
import { formatDmy } from "../domain/isoDate";
import { monthWindow } from "../domain/reportPeriods";
import { columnLetters } from "./a1";
import { marginPoints } from "./indicatorRows";
import { INDICATORS_TABLE } from "./indicatorsSheet";
import type { DefinedName, SheetLayout } from "./model";
import { RECURRING_TABLE } from "./recurringSheet";
import { rosterAccountsOf } from "./rosterSheet";
import {
  NAME_INDICATOR_DENS,
  NAME_INDICATOR_KEYS,
  NAME_INDICATOR_NUMS,
  NAME_RECURRING_KEYS,
  NAME_RECURRING_MARKS,
  NAME_TASK_DONE,
  NAME_TASK_KEYS,
  NAME_TASK_STATUS,
} from "./reportFormulas";
import type { Plan } from "../plan/types";
import { tablePlacement } from "./tableGeometry";
import { TASKS_TABLE, taskInputsOf } from "./tasksSheet";
import type { UserInput } from "./userInput";

/**
 * What the report reads of a workbook's typed values; the "Đơn vị" list decides who answers for each
 * task, as on "Theo đơn vị".
 */
export function reportInputsOf(plan: Plan, userInput: UserInput | undefined): ReportInputs {
  return {
    accounts: rosterAccountsOf(plan, userInput),
    tasks: taskInputsOf(userInput),
    recurring: userInput?.tables[RECURRING_TABLE] ?? {},
    indicators: userInput?.tables[INDICATORS_TABLE] ?? {},
    marginPoints: marginPoints(userInput),
  };
}

/** Names over a table's body column(s), for the report's lookups by key. */
function columnNames(sheet: SheetLayout, spec: [string, string, string?][]): SheetLayout {
  const table = sheet.table;
  if (!table) return sheet;
  const p = tablePlacement(table);
  const letter = (key: string): string | null => {
    const i = table.columns.findIndex((c) => c.key === key);
    return i < 0 ? null : columnLetters(p.firstCol + i);
  };
  const added: DefinedName[] = [];
  for (const [name, from, to] of spec) {
    const a = letter(from);
    const b = letter(to ?? from);
    if (a && b) added.push({ name, ref: `${a}${p.firstBodyRow}:${b}${p.lastBodyRow}` });
  }
  return { ...sheet, names: [...sheet.names, ...added] };
}

/** The sheets with the defined names the Báo cáo formulas read through (see ./reportFormulas). */
export function withReportSourceNames(sheets: SheetLayout[]): SheetLayout[] {
  return sheets.map((s) => {
    if (s.table?.name === TASKS_TABLE)
      return columnNames(s, [
        [NAME_TASK_KEYS, "key"],
        [NAME_TASK_STATUS, "status"],
        [NAME_TASK_DONE, "doneDate"],
      ]);
    if (s.table?.name === RECURRING_TABLE)
      return columnNames(s, [
        [NAME_RECURRING_KEYS, "key"],
        [NAME_RECURRING_MARKS, quarterMarkKey(1), quarterEvidenceKey(4)],
      ]);
    if (s.table?.name === INDICATORS_TABLE)
      return columnNames(s, [
        [NAME_INDICATOR_KEYS, "key"],
        [NAME_INDICATOR_NUMS, "num1", "num12"],
        [NAME_INDICATOR_DENS, "den1", "den12"],
      ]);
    return s;
  });
}

/**
 * The Chỉ tiêu sheet with its monthly columns labelled as the official reporting months (T1 =
 * 15/12 of the year before → 14/01, …), so a period's figures are sums of whole months: the window
 * above each Đạt/Tổng column.
 */
export function withMonthWindowLabels(sheet: SheetLayout, year: number): SheetLayout {
  const table = sheet.table;
  if (!table || table.name !== INDICATORS_TABLE) return sheet;
  const headerRow = tablePlacement(table).headerRow;
  const labels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => {
    const w = monthWindow(year, m);
    return `${formatDmy(w.from).slice(0, 5)}–${formatDmy(w.to).slice(0, 5)}`;
  });
  const at = (key: string): string | null => {
    const i = table.columns.findIndex((c) => c.key === key);
    return i < 0 ? null : `${columnLetters(tablePlacement(table).firstCol + i)}${headerRow - 1}`;
  };
  const small = { font: { size: 8, italic: true }, horizontal: "center" as const, locked: true };
  // The note saying what T1…T12 are is the sheet's own (indicatorsAssembly.reportingMonthsNote).
  const blocks = ["num1", "den1"].flatMap((key) => {
    const cell = at(key);
    return cell ? [{ at: cell, cells: [labels], format: small }] : [];
  });
  return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
}
