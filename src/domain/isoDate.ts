/**
 * Calendar dates as ISO strings "YYYY-MM-DD" (no time, no time zone): the one date form the plan,
 * the domain and the layouts exchange. Strict: "2024-02-30" is not a date.
 * Excel serials live in ./excelDate.ts.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y; 0 for a month that does not exist. */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return 0;
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    y >= MIN_YEAR &&
    y <= MAX_YEAR &&
    Number.isInteger(d) &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** y/m/d → "YYYY-MM-DD". The caller checks validity (see isValidYmd). */
export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → y/m/d, or null when it is not a real calendar date. */
export function parseIso(iso: string): Ymd | null {
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && parseIso(value) !== null;
}

/** Last day of month m of year y, ISO. */
export function lastDayOfMonth(y: number, m: number): string {
  return toIso(y, m, daysInMonth(y, m));
}

// Days since 1970-01-01 in the proleptic Gregorian calendar; Date.UTC avoids local time zones.
function dayNumber({ y, m, d }: Ymd): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function fromDayNumber(n: number): Ymd {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The ISO date n days after (n < 0: before) the given one. Throws on an invalid date or a result outside MIN_YEAR–MAX_YEAR. */
export function addDays(iso: string, n: number): string {
  const ymd = parseIso(iso);
  if (!ymd || !Number.isInteger(n)) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  const r = fromDayNumber(dayNumber(ymd) + n);
  if (r.y < MIN_YEAR || r.y > MAX_YEAR)
    throw new RangeError(`Ngày nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}.`);
  return toIso(r.y, r.m, r.d);
}

/** Whole days from a to b (b − a). Throws on an invalid date. */
export function daysBetween(a: string, b: string): number {
  const ya = parseIso(a);
  const yb = parseIso(b);
  if (!ya || !yb) throw new RangeError(`Ngày không hợp lệ: ${ya ? b : a}`);
  return dayNumber(yb) - dayNumber(ya);
}

/** "YYYY-MM-DD" → "dd/mm/yyyy" (the way dates are shown to users); other text is returned as is. */
export function formatDmy(iso: string): string {
  const ymd = parseIso(iso);
  return ymd ? `${pad2(ymd.d)}/${pad2(ymd.m)}/${ymd.y}` : iso;
}
