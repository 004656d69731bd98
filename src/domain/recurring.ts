/**
 * Recurring work ("Thường xuyên", and "Tháng 01/2024 Thường xuyên" after its first milestone) has no
 * single due date: the unit records, for each quarter, whether the work was carried out (with its
 * evidence). A quarter not reported by the end of its data window (reportPeriods.quarterWindow) is
 * overdue. Written out in docs/report.md.
 */
import { quarterWindow } from "./reportPeriods";

/** What staff pick for a quarter (the list of the "Thường xuyên" sheet, in this order). */
export const QUARTER_MARK = {
  done: "Đã thực hiện",
  notDone: "Chưa thực hiện",
  notApplicable: "Không áp dụng",
} as const;

export const QUARTER_MARKS: readonly string[] = [
  QUARTER_MARK.done,
  QUARTER_MARK.notDone,
  QUARTER_MARK.notApplicable,
];

export type QuarterState = "done" | "notApplicable" | "overdue" | "pending";

/** Excel's "=" on text: case-insensitive, nothing trimmed (the sheet's formulas compare the same way). */
function sameText(value: unknown, text: string): boolean {
  return typeof value === "string" && value.toLowerCase() === text.toLowerCase();
}

/** How a typed mark reads: anything but "Đã thực hiện" / "Không áp dụng" is not reported yet. */
export function readQuarterMark(value: unknown): "done" | "notApplicable" | "none" {
  if (sameText(value, QUARTER_MARK.done)) return "done";
  if (sameText(value, QUARTER_MARK.notApplicable)) return "notApplicable";
  return "none";
}

/**
 * State of one quarter of a recurring task on `asOf`: reported done, not applicable, overdue (not
 * reported and the quarter's window ended before `asOf`), or pending (its window has not ended).
 */
export function quarterState(
  year: number,
  quarter: number,
  mark: unknown,
  asOf: string
): QuarterState {
  const read = readQuarterMark(mark);
  if (read !== "none") return read;
  return asOf > quarterWindow(year, quarter).to ? "overdue" : "pending";
}

/** The quarter (1–4) whose data window holds `iso`; null outside the plan year's windows. */
export function quarterOf(year: number, iso: string): number | null {
  for (let q = 1; q <= 4; q++) {
    const w = quarterWindow(year, q);
    if (iso >= w.from && iso <= w.to) return q;
  }
  return null;
}

/**
 * Quarters a milestone-then-recurring task reports as recurring: those after the quarter that holds
 * its milestone (the milestone itself covers its own quarter). Plain recurring work: every quarter.
 */
export function recurringQuarters(year: number, milestone: string | null): number[] {
  const all = [1, 2, 3, 4];
  if (milestone === null) return all;
  if (milestone < quarterWindow(year, 1).from) return all;
  const q = quarterOf(year, milestone);
  return q === null ? [] : all.filter((x) => x > q);
}

/** Column key of a quarter's mark in the recurring table ("q1" … "q4"), and of its evidence. */
export const quarterMarkKey = (q: number): string => `q${q}`;
export const quarterEvidenceKey = (q: number): string => `q${q}Evidence`;

/** What the "Tình trạng" column of the recurring sheet shows on the report date. */
export const RECURRING_STATE = {
  overdue: "Quá hạn",
  done: "Đã thực hiện quý này",
  notReported: "Chưa báo cáo quý này",
  notApplicable: "Không áp dụng quý này",
  notStarted: "Chưa đến kỳ",
} as const;

/** The quarter whose window holds `asOf` (before Quý I's window: 1; after Quý IV's: 4). */
export function currentQuarter(year: number, asOf: string): number {
  for (let q = 1; q <= 3; q++) if (asOf <= quarterWindow(year, q).to) return q;
  return 4;
}

/**
 * A recurring task's row on `asOf`: overdue when a quarter from `fromQuarter` on has ended unreported,
 * else how the current quarter stands. `marks` holds "q1".."q4".
 */
export function recurringRowState(
  year: number,
  fromQuarter: number,
  marks: Readonly<Record<string, unknown>> | undefined,
  asOf: string
): { state: string; lateQuarters: number } {
  let late = 0;
  for (let q = Math.max(1, fromQuarter); q <= 4; q++)
    if (quarterState(year, q, marks?.[quarterMarkKey(q)], asOf) === "overdue") late += 1;
  if (late > 0) return { state: RECURRING_STATE.overdue, lateQuarters: late };
  const q = currentQuarter(year, asOf);
  if (q < fromQuarter) return { state: RECURRING_STATE.notStarted, lateQuarters: 0 };
  const read = readQuarterMark(marks?.[quarterMarkKey(q)]);
  const state =
    read === "done"
      ? RECURRING_STATE.done
      : read === "notApplicable"
        ? RECURRING_STATE.notApplicable
        : RECURRING_STATE.notReported;
  return { state, lateQuarters: 0 };
}
