/**
 * The "Lịch sử" sheet: every "Chốt số liệu" (task pane) or `cchc snapshot` appends the period's figures
 * (whole plan, each lead unit, each target) as rows of tblLichSu. The rows are user data: read back
 * with the other typed values before any rewrite and written again as they were, in key order, so
 * updates of the add-in and `cchc workbook --from` keep every snapshot. Nothing here rewrites or
 * removes a row: snapshots only append.
 */
import { textCell } from "./cellText";
import { computeReport, type Report } from "../domain/reportFigures";
import type { PeriodId } from "../domain/reportPeriods";
import type { Plan } from "../plan/types";
import { cellAddress } from "./a1";
import { reportInputsOf } from "./reportSources";
import { isoToSerial } from "../domain/excelDate";
import type {
  Block,
  CellFormat,
  ChartSpec,
  Scalar,
  SheetLayout,
  TableColumn,
  TableRow,
  TableSpec,
} from "./model";
import { DATE_FORMAT, SHEET_FONT, SHEET_PROTECTION } from "./style";
import type { UserInput } from "./userInput";

export const HISTORY_SHEET_KEY = "history";
export const HISTORY_SHEET_NAME = "Lịch sử";
export const HISTORY_TABLE = "tblLichSu";
export const HISTORY_HEADER_ROW = 4;

/** What a row is about ("Toàn cơ quan": a Sở, a district or a commune alike). */
export const HISTORY_KIND = {
  plan: "Toàn cơ quan",
  unit: "Đơn vị",
  indicator: "Chỉ tiêu",
} as const;
/** The whole-plan rows of workbooks written before the label named no agency type. */
const LEGACY_PLAN_KINDS: readonly unknown[] = ["Toàn Sở"];

/** A Lịch sử row of the whole plan, in this version's wording or an earlier one's. */
export const isPlanRow = (kind: unknown): boolean =>
  kind === HISTORY_KIND.plan || LEGACY_PLAN_KINDS.includes(kind);

export const HISTORY_COLUMN_KEYS = [
  "key",
  "no",
  "takenOn",
  "period",
  "from",
  "to",
  "kind",
  "subject",
  "total",
  "doneInPeriod",
  "overdue",
  "overdueTasks",
  "value",
  "target",
  "verdict",
] as const;
export type HistoryColumnKey = (typeof HISTORY_COLUMN_KEYS)[number];
export type HistoryRow = Partial<Record<HistoryColumnKey, Scalar>>;

// Unlocked like every kept (input) column: a coordinator may need to annotate or correct a row.
const kept: CellFormat = { vertical: "top", locked: false };
const date: CellFormat = { ...kept, numberFormat: DATE_FORMAT, horizontal: "center" };
const count: CellFormat = { ...kept, numberFormat: "0", horizontal: "right" };

const HEADERS: Record<HistoryColumnKey, [string, number, CellFormat]> = {
  key: ["Khóa", 12, kept],
  no: ["Lần chốt", 7, count],
  takenOn: ["Ngày chốt", 11, date],
  period: ["Kỳ báo cáo", 14, kept],
  from: ["Từ ngày", 11, date],
  to: ["Đến ngày", 11, date],
  kind: ["Loại", 9, kept],
  subject: ["Đơn vị / chỉ tiêu", 30, { ...kept, wrap: true }],
  total: ["Số nhiệm vụ", 9, count],
  doneInPeriod: ["Hoàn thành trong kỳ", 11, count],
  overdue: ["Quá hạn", 8, count],
  overdueTasks: ["Nhiệm vụ quá hạn", 24, { ...kept, wrap: true }],
  value: ["Giá trị trong kỳ", 11, { ...kept, numberFormat: "0.0##" }],
  target: ["Chỉ tiêu kế hoạch", 11, { ...kept, numberFormat: "0.0##" }],
  verdict: ["Đánh giá", 10, kept],
};

/** The columns: all "input" (user data, preserved), none typed by hand. */
export function historyColumns(): TableColumn[] {
  return HISTORY_COLUMN_KEYS.map((key) => {
    const [header, width, format] = HEADERS[key];
    return {
      key,
      header,
      role: key === "key" ? "key" : "input",
      width,
      format,
      ...(key === "key" ? { hidden: true } : {}),
    };
  });
}

const rowKey = (no: number, line: number): string =>
  `S${String(no).padStart(4, "0")}-${String(line).padStart(4, "0")}`;

/** The snapshot rows kept in a workbook, in the order they were taken. */
export function historyRows(userInput: UserInput | undefined): [string, HistoryRow][] {
  const rows = userInput?.tables[HISTORY_TABLE] ?? {};
  return Object.entries(rows).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Number the next snapshot gets: one more than the highest kept. */
export function nextSnapshotNo(userInput: UserInput | undefined): number {
  const nos = historyRows(userInput).map(([, r]) => r.no);
  return Math.max(0, ...nos.filter((n): n is number => typeof n === "number")) + 1;
}

const serial = (iso: string): number | string => isoToSerial(iso) ?? iso;

/** The rows one snapshot adds: the whole plan, each lead unit, each target. */
export function snapshotRows(
  report: Report,
  no: number,
  takenOn: string
): Record<string, HistoryRow> {
  const p = report.period;
  const common: HistoryRow = {
    no,
    takenOn: serial(takenOn),
    period: `${p.label} ${p.year}`,
    from: serial(p.from),
    to: serial(p.to),
  };
  const out: Record<string, HistoryRow> = {};
  const add = (row: HistoryRow): void => {
    out[rowKey(no, Object.keys(out).length + 1)] = { ...common, ...row };
  };
  add({
    kind: HISTORY_KIND.plan,
    subject: HISTORY_KIND.plan,
    total: report.tasks.total,
    doneInPeriod: report.tasks.doneInPeriod,
    overdue: report.tasks.overdue,
  });
  for (const u of report.units) {
    add({
      kind: HISTORY_KIND.unit,
      subject: textCell(u.unit),
      total: u.figures.total,
      doneInPeriod: u.figures.doneInPeriod,
      overdue: u.figures.overdue,
      overdueTasks: textCell(u.overdue.map((o) => o.task.code).join(", ")),
    });
  }
  for (const r of report.indicators) {
    add({
      kind: HISTORY_KIND.indicator,
      subject: textCell(r.indicator.id),
      value: typeof r.value === "number" ? r.value : "",
      target: r.target,
      verdict: r.verdict ?? "",
    });
  }
  return out;
}

/** userInput with a snapshot's rows added to tblLichSu (the given object is not modified). */
export function withSnapshot(userInput: UserInput, rows: Record<string, HistoryRow>): UserInput {
  const table = { ...(userInput.tables[HISTORY_TABLE] ?? {}) };
  for (const [key, row] of Object.entries(rows)) table[key] = row as Record<string, Scalar>;
  return { ...userInput, tables: { ...userInput.tables, [HISTORY_TABLE]: table } };
}

/**
 * "Chốt số liệu": userInput with the figures of `period` (computed from the same typed values)
 * appended as the next snapshot. The add-in builds its layout from this; `cchc snapshot` too.
 */
export function withPeriodSnapshot(
  plan: Plan,
  userInput: UserInput,
  period: PeriodId,
  takenOn: string
): { userInput: UserInput; report: Report; no: number; rows: number } {
  const report = computeReport(plan, period, reportInputsOf(plan, userInput));
  const no = nextSnapshotNo(userInput);
  const rows = snapshotRows(report, no, takenOn);
  return { userInput: withSnapshot(userInput, rows), report, no, rows: Object.keys(rows).length };
}

export interface TrendPoint {
  no: number;
  /** "Lần 2 · 6 tháng 2024". */
  label: string;
  /** Overdue tasks of the whole plan at that snapshot's window end. */
  overdue: number;
}

/** Overdue tasks of the whole plan at each snapshot, in the order they were taken. */
export function overdueTrend(userInput: UserInput | undefined): TrendPoint[] {
  return historyRows(userInput)
    .map(([, r]) => r)
    .filter((r) => isPlanRow(r.kind) && typeof r.no === "number")
    .map((r) => ({
      no: r.no as number,
      label: `Lần ${String(r.no)} · ${String(r.period ?? "")}`,
      overdue: typeof r.overdue === "number" ? r.overdue : 0,
    }));
}

/** One target's value at each snapshot that holds it (null when it had no valid data then). */
export function indicatorTrend(
  userInput: UserInput | undefined,
  id: string
): { no: number; label: string; value: number | null }[] {
  return historyRows(userInput)
    .map(([, r]) => r)
    .filter((r) => r.kind === HISTORY_KIND.indicator && r.subject === id)
    .map((r) => ({
      no: r.no as number,
      label: `Lần ${String(r.no)} · ${String(r.period ?? "")}`,
      value: typeof r.value === "number" ? r.value : null,
    }));
}

export function composeHistorySheet(plan: { year: number }, userInput?: UserInput): SheetLayout {
  const columns = historyColumns();
  const rows: TableRow[] = historyRows(userInput).map(([key, values]) => ({
    key,
    cells: HISTORY_COLUMN_KEYS.map((k) => (k === "key" ? key : (values[k] ?? null))),
  }));
  const table: TableSpec = {
    name: HISTORY_TABLE,
    at: `A${HISTORY_HEADER_ROW}`,
    columns,
    rows,
    style: "TableStyleLight1",
    headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
  };
  // The trend beside the table: one row per snapshot, and a chart of it (a readable fallback in the
  // file, where the renderer draws the chart as a table of bars).
  const trend = overdueTrend(userInput);
  const trendCol = HISTORY_COLUMN_KEYS.length + 2;
  const trendAt = (row: number, col: number): string => cellAddress(row, col);
  const trendBlocks: Block[] =
    trend.length === 0
      ? []
      : [
          {
            at: trendAt(HISTORY_HEADER_ROW, trendCol),
            cells: [
              ["Lần chốt", "Quá hạn (toàn cơ quan)"],
              ...trend.map((t) => [t.label, t.overdue]),
            ],
            format: { vertical: "top", locked: true },
          },
        ];
  const trendRange = (col: number): string =>
    `${trendAt(HISTORY_HEADER_ROW + 1, col)}:${trendAt(HISTORY_HEADER_ROW + trend.length, col)}`;
  const charts: ChartSpec[] =
    trend.length === 0
      ? []
      : [
          {
            type: "columnClustered",
            title: "Số nhiệm vụ quá hạn tại các lần chốt số liệu",
            categories: trendRange(trendCol),
            values: trendRange(trendCol + 1),
            seriesName: "Quá hạn",
            at: trendAt(HISTORY_HEADER_ROW + trend.length + 2, trendCol),
            widthCols: 8,
            heightRows: 14,
          },
        ];
  return {
    key: HISTORY_SHEET_KEY,
    name: HISTORY_SHEET_NAME,
    tabColor: "#7F7F7F",
    font: SHEET_FONT,
    columnWidths: columns.map((c) => c.width),
    blocks: [
      ...trendBlocks,
      {
        at: "B1",
        cells: [[`LỊCH SỬ CHỐT SỐ LIỆU BÁO CÁO CCHC NĂM ${plan.year}`]],
        format: { font: { bold: true, size: 13 } },
      },
      {
        at: "B2",
        cells: [
          [
            "Mỗi lần “Chốt số liệu” (hoặc lệnh cchc snapshot) thêm các dòng của kỳ: toàn cơ quan, từng đơn vị, " +
              "từng chỉ tiêu. Không sửa, không xóa dòng: đây là số liệu đã báo cáo.",
          ],
        ],
        format: { font: { italic: true } },
      },
    ],
    table,
    rules: [],
    validations: [],
    names: [],
    freeze: { rows: HISTORY_HEADER_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${HISTORY_HEADER_ROW}:${HISTORY_HEADER_ROW}`,
      fitToWidth: true,
      header: `Lịch sử chốt số liệu CCHC năm ${plan.year}`,
    },
    protect: { ...SHEET_PROTECTION },
    charts,
  };
}
