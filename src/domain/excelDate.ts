/**
 * Excel dates in the 1900 date system ↔ ISO dates (YYYY-MM-DD), and strict dd/mm/yyyy text.
 * Calendar helpers (validity, ISO formatting) come from ./isoDate.
 *
 * Excel inherited Lotus 1-2-3's bug of treating 1900 as a leap year: serial 60 is the fictitious
 * 29/02/1900, serial 61 is 01/03/1900. Serials from 61 on count days since 30/12/1899; serials
 * 1–59 count days since 31/12/1899. We keep the quirk so that a serial read from a cell and the
 * ISO date we show for it agree with what Excel displays. Serial 60 maps to the string
 * "1900-02-29", which is not a real calendar date: it only round-trips (see `isExcelIso`).
 */
import { isValidYmd, parseIso, toIso } from "./isoDate";

/** Serial of 31/12/9999, the last date Excel can show. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Serial of the fictitious 29/02/1900, and the ISO text it maps to. */
const FICTITIOUS_LEAP_SERIAL = 60;
export const FICTITIOUS_LEAP_ISO = "1900-02-29";
/** 01/03/1900: the first date whose serial counts days from 30/12/1899 (serial 61). */
const FIRST_TRUE_SERIAL = FICTITIOUS_LEAP_SERIAL + 1;
export const FIRST_TRUE_SERIAL_ISO = "1900-03-01";

export const MS_PER_DAY = 86_400_000;
/** Date.UTC(1899, 11, 30): day 0 of the serials from 61 on. */
export const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

const DMY_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** True for an ISO date Excel can hold: a real date 1900–9999, or the fictitious 1900-02-29. */
export function isExcelIso(iso: unknown): iso is string {
  return typeof iso === "string" && (iso === FICTITIOUS_LEAP_ISO || parseIso(iso) !== null);
}

/** ISO date → Excel serial (whole days); null for text that is not a date Excel can hold. */
export function isoToSerial(iso: string): number | null {
  if (iso === FICTITIOUS_LEAP_ISO) return FICTITIOUS_LEAP_SERIAL;
  const ymd = parseIso(iso);
  if (!ymd) return null;
  const days = Math.round((Date.UTC(ymd.y, ymd.m - 1, ymd.d) - EPOCH_1899_12_30) / MS_PER_DAY);
  // Before 01/03/1900 Excel is one day behind the real calendar (no fictitious day counted yet).
  return days < FIRST_TRUE_SERIAL ? days - 1 : days;
}

/**
 * Excel serial → ISO date. The time of day (fraction) is ignored. Null for serials Excel cannot show
 * as a date (< 1, > 31/12/9999, NaN, ±Infinity).
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return null;
  if (whole === FICTITIOUS_LEAP_SERIAL) return FICTITIOUS_LEAP_ISO;
  const days = whole < FICTITIOUS_LEAP_SERIAL ? whole + 1 : whole;
  const d = new Date(EPOCH_1899_12_30 + days * MS_PER_DAY);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Strict date text → ISO. Accepts dd/mm/yyyy (also d/m/yyyy, and "-" or "." as separators, as
 * Vietnamese documents write them) and ISO yyyy-mm-dd. 31/02/2024 and 29/02/2023 are rejected,
 * never rolled over into March. Null when the text is not such a date.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  if (parseIso(t)) return t;
  const m = DMY_RE.exec(t);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  return isValidYmd(y, mo, d) ? toIso(y, mo, d) : null;
}

/** Whole days from `fromIso` to `toIso` as Excel counts them (serial difference); null if either is not a date. */
export function excelDaysBetween(fromIso: string, toIsoDate: string): number | null {
  const a = isoToSerial(fromIso);
  const b = isoToSerial(toIsoDate);
  return a === null || b === null ? null : b - a;
}

/** Today's date in the local time zone of the machine (what Excel's TODAY() shows). */
export function todayIso(now: Date = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Today's Excel serial in the local time zone. */
export function todaySerial(now: Date = new Date()): number {
  // todayIso yields a valid date for any Date in Excel's range.
  return isoToSerial(todayIso(now)) ?? 0;
}
