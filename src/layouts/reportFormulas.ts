/**
 * Formulas of the "Báo cáo" sheet: the report window from the chosen period (KyBaoCao), and, in a
 * per-task helper table (tblBaoCaoNV), each task's standing at the window end exactly as
 * src/domain/reportTasks.ts decides it, read from the typed values through defined names over the
 * Nhiệm vụ and Thường xuyên tables (found by key, so sorting those tables changes nothing). Plain
 * Excel only (IF/INDEX/MATCH/COUNTIFS/SUM), so Excel without the add-in and LibreOffice compute it.
 */
import { QUARTER_MARK } from "../domain/recurring";
import { PERIODS, QUARTER_LABELS } from "../domain/reportPeriods";
import { OVERDUE_MORE, REPORT_STATE_LABELS } from "../domain/reportTasks";
import { TASK_STATUS } from "../domain/unitRollup";
import { columnLetters } from "./a1";
import { xlString } from "./excelFacts";

/** Defined names of the report window (cells of the Báo cáo sheet). */
export const NAME_PERIOD = "KyBaoCao";
export const NAME_FROM = "KyTuNgay";
export const NAME_TO = "KyDenNgay";
export const NAME_FIRST_MONTH = "KyThangDau";
export const NAME_LAST_MONTH = "KyThangCuoi";

/** Defined names over the source tables' body columns (set by reportSourceNames). */
export const NAME_TASK_KEYS = "NV_Khoa";
export const NAME_TASK_STATUS = "NV_TrangThai";
export const NAME_TASK_DONE = "NV_NgayHT";
export const NAME_RECURRING_KEYS = "TX_Khoa";
/** The quarter block of the recurring table: mark and evidence of Quý I … Quý IV (8 columns). */
export const NAME_RECURRING_MARKS = "TX_DanhDau";
export const NAME_INDICATOR_KEYS = "CT_Khoa";
export const NAME_INDICATOR_NUMS = "CT_SoDat";
export const NAME_INDICATOR_DENS = "CT_TongSo";

const q = xlString;
const chain = (tests: [string, string][], otherwise: string): string =>
  tests.reduceRight((acc, [test, value]) => `IF(${test},${value},${acc})`, otherwise);

/** The period's first / last reporting month from KyBaoCao (an unknown text gives #N/A). */
export function periodMonthFormula(which: "first" | "last"): string {
  return `=${chain(
    PERIODS.map((p) => [
      `${NAME_PERIOD}=${q(p.label)}`,
      String(which === "first" ? p.months[0] : p.months[p.months.length - 1]),
    ]),
    "NA()"
  )}`;
}

/** KyTuNgay: the 15th of the month before the first reporting month (T1 → 15/12 of the year before). */
export function periodFromFormula(year: number): string {
  return `=IF(${NAME_FIRST_MONTH}=1,DATE(${year - 1},12,15),DATE(${year},${NAME_FIRST_MONTH}-1,15))`;
}

/** KyDenNgay: the 14th of the last reporting month. */
export function periodToFormula(year: number): string {
  return `=DATE(${year},${NAME_LAST_MONTH},14)`;
}

/** Columns of the helper table, in order. */
export const HELPER_COLUMN_KEYS = [
  "key",
  "code",
  "section",
  "leadKeys",
  "recurring",
  "due",
  "fromQuarter",
  "text",
  "status",
  "typedDate",
  "m1",
  "m2",
  "m3",
  "m4",
  "done",
  "asRecurring",
  "applicable",
  "firstMissing",
  "state",
  "dueAtEnd",
  "daysLate",
  "line",
  "overdueKeys",
] as const;
export type HelperColumnKey = (typeof HELPER_COLUMN_KEYS)[number];

/** A helper column's letter, the table starting at column `firstCol` (1-based). */
export function helperLetter(firstCol: number, key: HelperColumnKey): string {
  return columnLetters(firstCol + HELPER_COLUMN_KEYS.indexOf(key));
}

/** The cell of `keys`' row holding `key` in `range` (column `col`), blank when absent or empty. */
const lookup = (key: string, keys: string, range: string, col?: number): string => {
  const at = `INDEX(${range},MATCH(${key},${keys},0)${col === undefined ? "" : `,${col}`})`;
  return `IFERROR(IF(${at}="","",${at}),"")`;
};

/** dd/mm/yyyy of a date serial, without TEXT() (whose format codes depend on Excel's language). */
const dmy = (cell: string): string =>
  `RIGHT("0"&DAY(${cell}),2)&"/"&RIGHT("0"&MONTH(${cell}),2)&"/"&YEAR(${cell})`;

/** The formulas of helper row r (only the computed columns). */
export function helperFormulas(
  year: number,
  firstCol: number,
  r: number | string
): Partial<Record<HelperColumnKey, string>> {
  const c = (key: HelperColumnKey): string => `${helperLetter(firstCol, key)}${r}`;
  const mark = (n: number): string => c(`m${n}` as HelperColumnKey);
  const inQuarter = (n: number): string =>
    `AND(${NAME_FIRST_MONTH}<=${3 * n - 2},${NAME_LAST_MONTH}>=${3 * n},${c("fromQuarter")}<=${n})`;
  const notNa = (n: number): string => `${mark(n)}<>${q(QUARTER_MARK.notApplicable)}`;
  const missing = (n: number): string =>
    `AND(${inQuarter(n)},${notNa(n)},${mark(n)}<>${q(QUARTER_MARK.done)})`;
  const due = c("due");
  const done = c("done");
  const doneByEnd = `AND(ISNUMBER(${done}),${done}<=${NAME_TO})`;
  const L = REPORT_STATE_LABELS;
  const overdueTest = `${c("state")}=${q(L.overdue)}`;
  return {
    status: `=${lookup(c("key"), NAME_TASK_KEYS, NAME_TASK_STATUS)}`,
    typedDate: `=${lookup(c("key"), NAME_TASK_KEYS, NAME_TASK_DONE)}`,
    m1: `=${lookup(c("key"), NAME_RECURRING_KEYS, NAME_RECURRING_MARKS, 1)}`,
    m2: `=${lookup(c("key"), NAME_RECURRING_KEYS, NAME_RECURRING_MARKS, 3)}`,
    m3: `=${lookup(c("key"), NAME_RECURRING_KEYS, NAME_RECURRING_MARKS, 5)}`,
    m4: `=${lookup(c("key"), NAME_RECURRING_KEYS, NAME_RECURRING_MARKS, 7)}`,
    // The done date as reportTasks reads it: a typed date (time ignored; before Excel's first day →
    // on the due date), or "Hoàn thành" without a date → the due date, at most the window end.
    done:
      `=IF(ISNUMBER(${c("typedDate")}),IF(INT(${c("typedDate")})<1,IF(ISNUMBER(${due}),${due},${NAME_TO}),INT(${c("typedDate")})),` +
      `IF(${c("status")}=${q(TASK_STATUS.done)},IF(ISNUMBER(${due}),MIN(${due},${NAME_TO}),${NAME_TO}),""))`,
    asRecurring: `=AND(${c("recurring")}=1,OR(NOT(ISNUMBER(${due})),AND(${doneByEnd},${NAME_LAST_MONTH}/3>=${c("fromQuarter")})))`,
    applicable: `=${[1, 2, 3, 4].map((n) => `AND(${inQuarter(n)},${notNa(n)})*1`).join("+")}`,
    firstMissing: `=${chain(
      [1, 2, 3, 4].map((n) => [missing(n), String(n)]),
      "0"
    )}`,
    state:
      `=IF(${c("status")}=${q(TASK_STATUS.notApplicable)},${q(L.notApplicable)},` +
      `IF(${c("asRecurring")},IF(${c("applicable")}=0,${q(L.notApplicable)},IF(${c("firstMissing")}>0,${q(L.overdue)},${q(L.doneInPeriod)})),` +
      `IF(${doneByEnd},IF(${done}>=${NAME_FROM},${q(L.doneInPeriod)},${q(L.doneBefore)}),` +
      `IF(AND(ISNUMBER(${due}),${NAME_TO}>${due}),${q(L.overdue)},${q(L.onTrack)}))))`,
    dueAtEnd: `=IF(${overdueTest},IF(${c("asRecurring")},DATE(${year},3*${c("firstMissing")},14),${due}),"")`,
    daysLate: `=IF(${overdueTest},${NAME_TO}-${c("dueAtEnd")},0)`,
    // Same words as reportTasks.overdueLine.
    line:
      `=IF(${overdueTest},${c("code")}&" "&${c("text")}&" ("&` +
      `IF(${c("asRecurring")},CHOOSE(${c("firstMissing")},${QUARTER_LABELS.map(q).join(",")})&" chưa báo cáo, kỳ kết thúc ","hạn ")&` +
      `${dmy(c("dueAtEnd"))}&IF(${c("daysLate")}>0,", trễ "&${c("daysLate")}&" ngày","")&")","")`,
    // The lead keys of an overdue task only: what a unit's list searches (overduePositionFormula).
    overdueKeys: `=IF(${overdueTest},${c("leadKeys")},"")`,
  };
}

/** COUNTIFS over the helper table: tasks matching `criteria` whose standing is one of `states`. */
export function countFormula(
  stateRange: string,
  criteria: [string, string][],
  states: readonly string[] | null
): string {
  const base = criteria.map(([range, value]) => `${range},${q(value)}`).join(",");
  if (states === null) return `COUNTIFS(${base})`;
  return states.map((s) => `COUNTIFS(${base}${base ? "," : ""}${stateRange},${q(s)})`).join("+");
}

/** How many lines a unit's list holds: its line breaks (each line starts with one, none inside). */
const lineCount = (cell: string): string => `(LEN(${cell})-LEN(SUBSTITUTE(${cell},CHAR(10),"")))`;

/**
 * The body row (1-based) of a unit's k-th overdue task: the first match of its criterion in the
 * overdue-keys column after the (k-1)-th (`previous`, null for k = 1); 0 when there is none. A fixed
 * number of cells per unit, whatever the plan's size: the previous design, one running list per unit
 * down every row of the table, was 60,000 formulas and 6 MB at 100× the plan.
 */
export function overduePositionFormula(
  previous: string | null,
  overdueKeys: string,
  rows: number,
  criterion: string
): string {
  const find = (range: string): string => `MATCH(${q(criterion)},${range},0)`;
  if (previous === null) return `=IFERROR(${find(overdueKeys)},0)`;
  const rest = `INDEX(${overdueKeys},${previous}+1):INDEX(${overdueKeys},${rows})`;
  return `=IF(${previous}=0,0,IFERROR(${previous}+${find(rest)},0))`;
}

/** A unit's overdue lines at the positions found, each after a line break (as overdueListFormula reads). */
export function overdueLinesFormula(positions: readonly string[], lines: string): string {
  return `=${positions.map((p) => `IF(${p}=0,"",CHAR(10)&INDEX(${lines},${p}))`).join("&")}`;
}

/**
 * The unit's printed list: its overdue lines (overdueLinesFormula) without the leading line break,
 * then "… và N nhiệm vụ quá hạn khác …" when the unit has more overdue tasks (`overdueCount`, its
 * figure on the same row) than the list shows — reportTasks.overdueListText's words.
 */
export function overdueListFormula(unitLines: string | null, overdueCount: string): string {
  if (unitLines === null) return '=""';
  const more = `${overdueCount}-${lineCount(unitLines)}`;
  return (
    `=MID(${unitLines},2,32767)&IF(${more}>0,` +
    `CHAR(10)&${q(OVERDUE_MORE[0])}&(${more})&${q(OVERDUE_MORE[1])},"")`
  );
}

/**
 * The period value of a target: Σ of its monthly numbers from KyThangDau to KyThangCuoi, found by its
 * id in the Chỉ tiêu table; the same rule as the year-to-date formula (ytdFormula) and monthsValue.
 */
export function indicatorValueFormula(
  idCell: string,
  unitKindCell: string,
  rateKind: string
): string {
  const row = `MATCH(${idCell},${NAME_INDICATOR_KEYS},0)`;
  const span = (range: string): string =>
    `INDEX(${range},${row},${NAME_FIRST_MONTH}):INDEX(${range},${row},${NAME_LAST_MONTH})`;
  const nums = span(NAME_INDICATOR_NUMS);
  const dens = span(NAME_INDICATOR_DENS);
  const rate =
    `IF(SUM(${dens})=0,"",IF(OR(COUNTA(${nums},${dens})>COUNT(${nums},${dens}),MIN(${nums},${dens})<0,` +
    `SUM(${nums})>SUM(${dens})),NA(),SUM(${nums})/SUM(${dens})))`;
  const count = `IF(COUNT(${nums})=0,"",IF(MIN(${nums})<0,NA(),SUM(${nums})))`;
  return `=IF(${unitKindCell}=${q(rateKind)},${rate},${count})`;
}
