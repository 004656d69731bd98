/**
 * The Vietnamese deadline parser: "Thời gian hoàn thành" text → due date (the last day of the period),
 * recurrence and, for "Tháng 01/2024 Thường xuyên", the first milestone. Grammar and decisions:
 * docs/deadlines.md. Pure and small: it runs in the custom-functions bundle and over 100,000 rows.
 *
 * Rules that matter to users:
 * - "Trước X" ends the day before X begins: "Trước ngày 05/01/2024" → 04/01/2024 (the last day of the
 *   period "before 05/01"); "Trước tháng 6/2024" → 31/05/2024.
 * - A text without a year takes opts.year (the plan's year); without opts.year it is "unknown".
 * - Anything not understood is "unknown" with a reason: no date is ever guessed.
 */
import { formatDmy, MAX_YEAR, MIN_YEAR } from "./isoDate";
import { clean, normalize, parsePeriods, RECURRENCE, type Period } from "./deadlinePeriods";

export type DeadlineKind =
  | "date"
  | "month"
  | "quarter"
  | "half"
  | "year"
  | "plan"
  | "recurring"
  /** A first milestone, then recurring work ("Tháng 01/2024 Thường xuyên"). */
  | "milestone"
  | "unknown";

export interface DeadlineParse {
  text: string;
  kind: DeadlineKind;
  /** ISO due date: the end of the period, or the first milestone of "milestone" texts; null when none. */
  due: string | null;
  recurring: boolean;
  /** ISO date of the first milestone of milestone-then-recurring work, else null. */
  firstMilestone: string | null;
  /** What was understood, in Vietnamese, with dates dd/mm/yyyy. */
  understood: string;
  /** Why the text could not be read (kind "unknown"), in Vietnamese. */
  error?: string;
}

export interface DeadlineOptions {
  /** Year used when the text has none (the plan's year). */
  year?: number;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function result(
  text: string,
  kind: DeadlineKind,
  due: string | null,
  recurring: boolean,
  firstMilestone: string | null,
  understood: string
): DeadlineParse {
  return { text, kind, due, recurring, firstMilestone, understood };
}

/** Recurring work without a fixed due date. */
function recurring(text: string, understood: string): DeadlineParse {
  return result(text, "recurring", null, true, null, understood);
}

function unknown(text: string, error: string): DeadlineParse {
  return {
    ...result(text, "unknown", null, false, null, `Không đọc được thời hạn: ${error}`),
    error,
  };
}

function planYearNote(p: Period): string {
  return p.yearFromPlan ? ` (không ghi năm: lấy năm ${p.due.slice(0, 4)} của kế hoạch)` : "";
}

/**
 * Reads a deadline text. Never throws: unreadable text (empty, "Quý V/2024", "Tháng 13/2024",
 * "31/02/2024", …) gives kind "unknown", due null and a Vietnamese reason in `error`.
 */
export function parseDeadline(text: string, opts: DeadlineOptions = {}): DeadlineParse {
  const original =
    typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
  const year =
    typeof opts.year === "number" &&
    Number.isInteger(opts.year) &&
    opts.year >= MIN_YEAR &&
    opts.year <= MAX_YEAR
      ? opts.year
      : undefined;
  const s = normalize(original);
  if (s === "") return unknown(original, "Ô thời hạn trống.");

  const recurrence: string[] = [];
  const rest = clean(
    s.replace(RECURRENCE, (m) => {
      recurrence.push(m);
      return " , ";
    })
  );
  const recurText = recurrence.join(", ");

  if (recurrence.length > 0 && rest === "") {
    return recurring(original, `${capitalize(recurText)}: việc lặp lại, không có hạn cố định.`);
  }
  if (rest === "") return unknown(original, `Không hiểu “${original.trim()}”.`);

  const parsed = parsePeriods(rest, year);
  if (!parsed.ok) {
    // "Thường xuyên theo chỉ đạo của UBND tỉnh": recurring; the words add no date, so none is lost.
    if (recurrence.length > 0 && !/\d/.test(rest)) {
      return recurring(
        original,
        `${capitalize(recurText)} (${rest}): việc lặp lại, không có hạn cố định.`
      );
    }
    return unknown(original, parsed.error);
  }
  const p = parsed.period;
  const note = planYearNote(p);
  const beforeNote = p.label.startsWith("trước ") ? " (ngày cuối cùng trước mốc)" : "";

  if (recurrence.length > 0) {
    if (p.kind === "year" || p.kind === "plan") {
      return recurring(
        original,
        `${capitalize(recurText)} trong ${p.label}${note}: việc lặp lại, không có hạn cố định.`
      );
    }
    const milestone = parsed.first ?? p.due;
    return result(
      original,
      "milestone",
      milestone,
      true,
      milestone,
      `Mốc đầu: ${p.label} → hạn ${formatDmy(milestone)}${beforeNote}${note}; sau đó ${recurText.toLowerCase()}.`
    );
  }
  const first = parsed.first !== undefined && parsed.first !== p.due ? parsed.first : null;
  const firstNote = first ? `; mốc đầu ${formatDmy(first)}` : "";
  return result(
    original,
    p.kind,
    p.due,
    false,
    first,
    `${capitalize(p.label)} → hạn ${formatDmy(p.due)}${beforeNote}${note}${firstNote}.`
  );
}
