/**
 * What the add-in looks for in a workbook before writing a layout: each sheet's key and name, its
 * table's name and columns (to read typed values back), and the defined names. The Office renderer
 * probes these before it builds the layout (round trip 1), so the layout is built once, around the
 * values read back. `workbookTargets` gives them from the sheets' constants; `targetsOf` reads them
 * off any built layout (tests check the two agree).
 */
import { MARGIN_NAME, MONTHS_NAME } from "./indicatorFormulas";
import {
  INDICATOR_COLUMNS,
  INDICATORS_SHEET_KEY,
  INDICATORS_SHEET_NAME,
  INDICATORS_TABLE,
} from "./indicatorsSheet";
import type { TableColumn, WorkbookLayout } from "./model";
import {
  NAME_AS_OF,
  NAME_LEAD_COLUMN,
  NAME_SOON_DAYS,
  NAME_STATE_COLUMN,
  TASKS_SHEET_KEY,
  TASKS_SHEET_NAME,
  TASKS_TABLE,
  taskColumns,
} from "./tasksSheet";
import { ROSTER_SHEET_KEY, ROSTER_SHEET_NAME, ROSTER_TABLE, rosterColumns } from "./rosterSheet";
import {
  NAME_WHOLE_PLAN,
  UNITS_SHEET_KEY,
  UNITS_SHEET_NAME,
  UNITS_TABLE,
  unitColumns,
} from "./unitsSheet";
import {
  HISTORY_SHEET_KEY,
  HISTORY_SHEET_NAME,
  HISTORY_TABLE,
  historyColumns,
} from "./historySheet";
import {
  RECURRING_SHEET_KEY,
  RECURRING_SHEET_NAME,
  RECURRING_TABLE,
  recurringColumns,
} from "./recurringSheet";
import { helperColumns, REPORT_HELPER_TABLE } from "./reportHelper";
import {
  NAME_FIRST_MONTH,
  NAME_FROM,
  NAME_INDICATOR_DENS,
  NAME_INDICATOR_KEYS,
  NAME_INDICATOR_NUMS,
  NAME_LAST_MONTH,
  NAME_PERIOD,
  NAME_RECURRING_KEYS,
  NAME_RECURRING_MARKS,
  NAME_TASK_DONE,
  NAME_TASK_KEYS,
  NAME_TASK_STATUS,
  NAME_TO,
} from "./reportFormulas";
import { REPORT_SHEET_KEY, REPORT_SHEET_NAME } from "./reportSheet";

export interface SheetTarget {
  key: string;
  name: string;
  table?: { name: string; columns: TableColumn[]; keepBlankRows?: boolean };
}

export interface NameTarget {
  name: string;
  /** A single cell whose value is read back (NgayBaoCao, ...), not a whole column. */
  readsValue: boolean;
}

export interface WorkbookTargets {
  sheets: SheetTarget[];
  /** Defined names of the layout, each once, in the layout's order. */
  names: NameTarget[];
}

const columnName = (name: string): NameTarget => ({ name, readsValue: false });
const cellName = (name: string): NameTarget => ({ name, readsValue: true });

/** The periodic report's sheets (Báo cáo, Thường xuyên, Lịch sử), after Theo đơn vị. */
const REPORT_SHEET_TARGETS: SheetTarget[] = [
  {
    key: REPORT_SHEET_KEY,
    name: REPORT_SHEET_NAME,
    table: { name: REPORT_HELPER_TABLE, columns: helperColumns() },
  },
  {
    key: RECURRING_SHEET_KEY,
    name: RECURRING_SHEET_NAME,
    table: { name: RECURRING_TABLE, columns: recurringColumns() },
  },
  {
    key: HISTORY_SHEET_KEY,
    name: HISTORY_SHEET_NAME,
    table: { name: HISTORY_TABLE, columns: historyColumns() },
  },
];

/** The targets of buildWorkbook's layout for a plan of `year`, without building it. */
export function workbookTargets(year: number): WorkbookTargets {
  return {
    sheets: [
      {
        key: TASKS_SHEET_KEY,
        name: TASKS_SHEET_NAME,
        table: { name: TASKS_TABLE, columns: taskColumns(year) },
      },
      {
        key: INDICATORS_SHEET_KEY,
        name: INDICATORS_SHEET_NAME,
        table: { name: INDICATORS_TABLE, columns: INDICATOR_COLUMNS },
      },
      {
        key: UNITS_SHEET_KEY,
        name: UNITS_SHEET_NAME,
        table: { name: UNITS_TABLE, columns: unitColumns() },
      },
      {
        key: ROSTER_SHEET_KEY,
        name: ROSTER_SHEET_NAME,
        table: { name: ROSTER_TABLE, columns: rosterColumns(), keepBlankRows: true },
      },
      ...REPORT_SHEET_TARGETS,
    ],
    names: [
      { name: NAME_AS_OF, readsValue: true },
      { name: NAME_SOON_DAYS, readsValue: true },
      { name: NAME_STATE_COLUMN, readsValue: false },
      { name: NAME_LEAD_COLUMN, readsValue: false },
      ...[NAME_TASK_KEYS, NAME_TASK_STATUS, NAME_TASK_DONE].map(columnName),
      { name: MARGIN_NAME, readsValue: true },
      { name: MONTHS_NAME, readsValue: true },
      ...[NAME_INDICATOR_KEYS, NAME_INDICATOR_NUMS, NAME_INDICATOR_DENS].map(columnName),
      { name: NAME_WHOLE_PLAN, readsValue: false },
      ...[NAME_PERIOD, NAME_FROM, NAME_TO, NAME_FIRST_MONTH, NAME_LAST_MONTH].map(cellName),
      ...[NAME_RECURRING_KEYS, NAME_RECURRING_MARKS].map(columnName),
    ],
  };
}

/** The targets of a built layout (for layouts other than buildWorkbook's, e.g. in tests). */
export function targetsOf(layout: WorkbookLayout): WorkbookTargets {
  const names: NameTarget[] = [];
  const seen = new Set<string>();
  for (const sheet of layout.sheets)
    for (const n of sheet.names) {
      if (seen.has(n.name.toLowerCase())) continue;
      seen.add(n.name.toLowerCase());
      names.push({ name: n.name, readsValue: !n.ref.includes(":") });
    }
  return {
    sheets: layout.sheets.map((s) => ({
      key: s.key,
      name: s.name,
      ...(s.table
        ? {
            table: {
              name: s.table.name,
              columns: s.table.columns,
              ...(s.table.keepBlankRows ? { keepBlankRows: true } : {}),
            },
          }
        : {}),
    })),
    names,
  };
}
