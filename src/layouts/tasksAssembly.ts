/**
 * The "Nhiệm vụ" sheet assembled: title and settings blocks above the table, the table with the
 * typed values put back, state colours, names, print set-up. Plain data (./model.ts), drawn by the
 * Office.js and the exceljs renderers alike.
 */
import {
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_OVERDUE,
} from "../domain/taskState";
import { leadAccounts } from "../domain/unitRollup";
import type { Plan } from "../plan/types";
import { cellAddress, rangeAddress } from "./a1";
import { EXCEL_LAST_DATE_ISO, xlString } from "./excelFacts";
import { FIRST_TRUE_SERIAL_ISO, isoToSerial } from "../domain/excelDate";
import type {
  Block,
  ConditionalRule,
  DefinedName,
  Scalar,
  SheetLayout,
  TableSpec,
  ValidationSpec,
} from "./model";
import {
  resolveReportSettings,
  type ReportSettings,
  type TasksSheetOptions,
} from "./reportSettings";
import { DATE_FORMAT, NOTE_COLOR, PALETTE, SHEET_FONT, SHEET_PROTECTION } from "./style";
import { keyPrefixRuleFormula, stateRuleFormula } from "./tasksFormulas";
import {
  blankCells,
  headerRow,
  OBJECTIVE_KEY_PREFIX,
  ORPHAN_GROUP_KEY,
  orphanRow,
  planRows,
  plainText,
  SECTION_FORMAT,
  type RowContext,
} from "./tasksRows";
import {
  AS_OF_CELL,
  AS_OF_ROW,
  LEGEND_FIRST_COL,
  LEGEND_ROW,
  NAME_AS_OF,
  NAME_LEAD_COLUMN,
  NAME_SOON_DAYS,
  NAME_STATE_COLUMN,
  PLAN_TITLE_ROW,
  SETTINGS_HINT_COL,
  SETTINGS_HINT_LAST_COL,
  SETTINGS_LABEL_COL,
  SETTINGS_VALUE_COL,
  SOON_DAYS_CELL,
  SOON_DAYS_ROW,
  TASKS_FIRST_BODY_ROW,
  TASKS_HEADER_ROW,
  TASKS_LAST_PRINTED_KEY,
  TASKS_SHEET_KEY,
  TASKS_SHEET_NAME,
  TASKS_TABLE,
  TITLE_ROW,
  taskColumn,
  taskColumns,
  type TaskColumnKey,
} from "./tasksSheet";
import { applyTableInput, type OrphanInput, type TableInputRows } from "./userInputMerge";

/** 10 pt: the printed sheet holds about a fifth more per page than at 11 pt and stays readable. */
const TASKS_FONT_SIZE = 10;

export const AS_OF_TODAY_HINT =
  "Hôm nay. Nhập một ngày (dd/mm/yyyy) để xem tình trạng tại ngày đó.";
export const AS_OF_FIXED_HINT =
  "Ngày cố định. Gõ =TODAY() hoặc bấm “Hôm nay” trong ngăn tác vụ để dùng ngày hôm nay.";

/** Colours of the state highlighting (fill, font), shared by the rules and the legend. */
const STATE_COLORS = {
  [STATE_OVERDUE]: PALETTE.bad,
  [STATE_DUE_SOON]: PALETTE.warning,
  [STATE_DONE]: PALETTE.good,
  [STATE_DONE_LATE]: PALETTE.late,
  [STATE_NOT_APPLICABLE]: PALETTE.muted,
} as const;
const HIGHLIGHTED_STATES = [
  STATE_OVERDUE,
  STATE_DUE_SOON,
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_NOT_APPLICABLE,
] as const;

/** Legend order: the longest label in the wide "Ghi chú cập nhật" column keeps the row two lines high. */
const LEGEND_STATES = [
  STATE_OVERDUE,
  STATE_DUE_SOON,
  STATE_DONE,
  STATE_NOT_APPLICABLE,
  STATE_DONE_LATE,
] as const;

export interface TasksSheetBuild {
  sheet: SheetLayout;
  settings: ReportSettings;
  /** Values typed for rows the plan no longer has; kept as rows at the end of the table. */
  orphans: OrphanInput[];
  /** The table's input rows as used (UserInput.tables.tblNhiemVu, or {}). */
  inputs: TableInputRows;
  /** Sheet rows of the table body (first and last). */
  bodyRows: { first: number; last: number };
}

function settingsBlocks(settings: ReportSettings, lastCol: number, plan: Plan): Block[] {
  const label = (row: number, s: string): Block => ({
    at: cellAddress(row, SETTINGS_LABEL_COL),
    cells: [[s, null, null]],
    merge: true,
    format: { font: { bold: true }, horizontal: "right", vertical: "center" },
  });
  const hintNulls = Array.from({ length: SETTINGS_HINT_LAST_COL - SETTINGS_HINT_COL }, () => null);
  const hint = (row: number, content: Scalar, result?: Scalar): Block => ({
    at: cellAddress(row, SETTINGS_HINT_COL),
    cells: [[content, ...hintNulls]],
    ...(result === undefined ? {} : { results: [[result, ...hintNulls]] }),
    merge: true,
    // Wrapped: the hint is wider than the three printed columns it has.
    format: { font: { italic: true, color: NOTE_COLOR }, vertical: "center", wrap: true },
  });
  const width = lastCol - 1;
  const asOfSerial = isoToSerial(settings.asOf);
  const asOfIsFormula = typeof settings.asOfCell === "string";
  const soonIsFormula = typeof settings.soonDaysCell === "string";
  return [
    {
      at: cellAddress(TITLE_ROW, 2),
      cells: [
        [
          `THEO DÕI THỰC HIỆN NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM ${plan.year}`,
          ...blankCells(width - 1),
        ],
      ],
      merge: true,
      format: { font: { bold: true, size: 14 }, horizontal: "center", vertical: "center" },
    },
    {
      at: cellAddress(PLAN_TITLE_ROW, 2),
      cells: [[plainText(plan.title), ...blankCells(width - 1)]],
      merge: true,
      format: { font: { italic: true }, horizontal: "center", vertical: "center" },
    },
    label(AS_OF_ROW, "Ngày báo cáo:"),
    {
      at: AS_OF_CELL,
      cells: [[settings.asOfCell]],
      ...(asOfIsFormula ? { results: [[asOfSerial]] } : {}),
      format: {
        numberFormat: DATE_FORMAT,
        horizontal: "left",
        font: { bold: true, color: "#C00000" },
        locked: false,
        border: "thin",
      },
    },
    // Says what is true of the date in the cell now: it changes from the task pane, or by hand.
    hint(
      AS_OF_ROW,
      `=IF(${NAME_AS_OF}=TODAY(),${xlString(AS_OF_TODAY_HINT)},${xlString(AS_OF_FIXED_HINT)})`,
      settings.asOf === settings.today ? AS_OF_TODAY_HINT : AS_OF_FIXED_HINT
    ),
    label(SOON_DAYS_ROW, "Số ngày “sắp đến hạn”:"),
    {
      at: SOON_DAYS_CELL,
      cells: [[settings.soonDaysCell]],
      ...(soonIsFormula ? { results: [[settings.soonDays]] } : {}),
      format: {
        numberFormat: "0",
        horizontal: "left",
        font: { bold: true },
        locked: false,
        border: "thin",
      },
    },
    hint(SOON_DAYS_ROW, "Nhiệm vụ chưa xong, còn không quá số ngày này đến hạn, được tô vàng."),
    {
      at: cellAddress(LEGEND_ROW, SETTINGS_LABEL_COL),
      cells: [["Chú thích màu:", null]],
      merge: true,
      format: { font: { bold: true }, horizontal: "right", vertical: "center" },
    },
    ...LEGEND_STATES.map((state, i): Block => ({
      at: cellAddress(LEGEND_ROW, LEGEND_FIRST_COL + i),
      cells: [[state]],
      format: {
        fill: STATE_COLORS[state].fill,
        font: { color: STATE_COLORS[state].font, bold: true },
        horizontal: "center",
        vertical: "center",
        // Wrap rather than clip in the narrow columns ("Số ngày trễ").
        wrap: true,
        border: "thin",
      },
    })),
  ];
}

function settingsValidations(): ValidationSpec[] {
  return [
    {
      range: AS_OF_CELL,
      rule: { type: "date", min: FIRST_TRUE_SERIAL_ISO, max: EXCEL_LAST_DATE_ISO },
      errorTitle: "Ngày báo cáo không hợp lệ",
      errorMessage: "Nhập một ngày dạng dd/mm/yyyy, hoặc công thức =TODAY() để lấy ngày hôm nay.",
      prompt: "Ngày dùng để tính quá hạn / sắp đến hạn.",
    },
    {
      range: SOON_DAYS_CELL,
      rule: { type: "wholeNumber", min: 0, max: 366 },
      errorTitle: "Số ngày không hợp lệ",
      errorMessage: "Nhập số ngày nguyên từ 0 đến 366.",
    },
  ];
}

/** Builds the sheet and reports what was carried over. */
export function composeTasksSheet(plan: Plan, opts: TasksSheetOptions = {}): TasksSheetBuild {
  const settings = resolveReportSettings(opts);
  const columns = taskColumns(plan.year);
  const inputs: TableInputRows = opts.userInput?.tables[TASKS_TABLE] ?? {};
  const ctx: RowContext = {
    width: columns.length,
    rowOf: (index) => TASKS_FIRST_BODY_ROW + index,
    inputs,
    settings,
    leadIds: (opts.accounts ?? leadAccounts(plan)).accountable,
  };
  const base: TableSpec = {
    name: TASKS_TABLE,
    at: cellAddress(TASKS_HEADER_ROW, 1),
    columns,
    rows: planRows(plan, ctx),
    style: "TableStyleLight9",
    headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
  };

  const applied = applyTableInput(base, inputs, {
    orphanHeader: () =>
      headerRow(
        ORPHAN_GROUP_KEY,
        "",
        "Dữ liệu đã nhập cho các dòng không còn trong kế hoạch (được giữ lại, không tính vào thống kê)",
        SECTION_FORMAT,
        ctx.width
      ),
    orphanRow: (orphan, index) => orphanRow(orphan, ctx.rowOf(index), ctx),
  });
  const table = applied.table;
  const rows = table.rows;

  const first = TASKS_FIRST_BODY_ROW;
  const last = TASKS_FIRST_BODY_ROW + rows.length - 1;
  const lastCol = table.columns.length;
  const lastPrinted = taskColumn(TASKS_LAST_PRINTED_KEY);
  const body = rangeAddress(first, 1, last, lastCol);
  const columnRange = (key: TaskColumnKey): string =>
    rangeAddress(first, taskColumn(key), last, taskColumn(key), true);

  const rules: ConditionalRule[] = [
    ...HIGHLIGHTED_STATES.map((state): ConditionalRule => ({
      type: "expression",
      range: body,
      formula: stateRuleFormula(first, state),
      format: { fill: STATE_COLORS[state].fill, fontColor: STATE_COLORS[state].font },
      stopIfTrue: true,
    })),
    // Objective rows in italics: a rule (one call whatever the plan's size), not a format per row.
    {
      type: "expression",
      range: body,
      formula: keyPrefixRuleFormula(first, OBJECTIVE_KEY_PREFIX),
      format: { italic: true },
    },
  ];

  const names: DefinedName[] = [
    {
      name: NAME_AS_OF,
      ref: cellAddress(AS_OF_ROW, SETTINGS_VALUE_COL, true),
      comment: "Ngày báo cáo: =TODAY() hoặc một ngày cố định",
    },
    {
      name: NAME_SOON_DAYS,
      ref: cellAddress(SOON_DAYS_ROW, SETTINGS_VALUE_COL, true),
      comment: "Số ngày trước hạn được coi là sắp đến hạn",
    },
    {
      name: NAME_STATE_COLUMN,
      ref: columnRange("state"),
      comment: "Cột Tình trạng của bảng tblNhiemVu",
    },
    {
      name: NAME_LEAD_COLUMN,
      ref: columnRange("leadKeys"),
      comment: "Cột Chủ trì (chuẩn hoá) của bảng tblNhiemVu",
    },
  ];

  const sheet: SheetLayout = {
    key: TASKS_SHEET_KEY,
    name: TASKS_SHEET_NAME,
    tabColor: "#1F4E79",
    font: { ...SHEET_FONT, size: TASKS_FONT_SIZE },
    columnWidths: table.columns.map((c) => c.width),
    blocks: settingsBlocks(settings, lastPrinted, plan),
    table,
    rules,
    validations: settingsValidations(),
    names,
    freeze: { rows: TASKS_HEADER_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${TASKS_HEADER_ROW}:${TASKS_HEADER_ROW}`,
      fitToWidth: true,
      // What a printed copy needs (code, task, lead, due, state, days late, update note); the
      // plan's details and the other inputs are for the screen.
      printArea: rangeAddress(TITLE_ROW, 1, last, lastPrinted),
      header: `Theo dõi nhiệm vụ CCHC năm ${plan.year}`,
    },
    protect: { ...SHEET_PROTECTION },
    charts: [],
  };
  return { sheet, settings, orphans: applied.orphans, inputs, bodyRows: { first, last } };
}
