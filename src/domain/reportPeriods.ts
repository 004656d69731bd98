/**
 * Report periods and their data windows, as NĐ 09/2019/NĐ-CP (Art. 12) fixes them for periodic
 * reports: a reporting month runs from the 15th of the month before to the 14th of the month, so
 * every report is a run of whole reporting months ending on the 14th:
 * - Quý I:  15/12 of the previous year → 14/03 (months T1–T3);
 * - Quý II: 15/03 → 14/06 (T4–T6); 6 tháng: 15/12 of the previous year → 14/06 (T1–T6);
 * - Quý III / 9 tháng (cumulative, as the report is named): 15/12 of the previous year → 14/09 (T1–T9);
 * - Quý IV: 15/09 → 14/12 (T10–T12); Năm: 15/12 of the previous year → 14/12 (T1–T12).
 * Written out in docs/report.md. Pure: ISO dates in, ISO dates out.
 */
import { isValidYmd, toIso } from "./isoDate";

export const PERIOD_IDS = ["q1", "h1", "q2", "q3", "q4", "year"] as const;
export type PeriodId = (typeof PERIOD_IDS)[number];

export interface PeriodDef {
  id: PeriodId;
  /** The name users pick (the KyBaoCao list) and the report prints. */
  label: string;
  /** Reporting months (1–12) the period adds up. */
  months: readonly number[];
  /** Quarters (1–4) whose recurring work the period reports. */
  quarters: readonly number[];
}

export const PERIODS: readonly PeriodDef[] = [
  { id: "q1", label: "Quý I", months: [1, 2, 3], quarters: [1] },
  { id: "h1", label: "6 tháng", months: [1, 2, 3, 4, 5, 6], quarters: [1, 2] },
  { id: "q2", label: "Quý II", months: [4, 5, 6], quarters: [2] },
  {
    id: "q3",
    label: "9 tháng (Quý III)",
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    quarters: [1, 2, 3],
  },
  { id: "q4", label: "Quý IV", months: [10, 11, 12], quarters: [4] },
  {
    id: "year",
    label: "Năm",
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    quarters: [1, 2, 3, 4],
  },
];

export const QUARTER_LABELS = ["Quý I", "Quý II", "Quý III", "Quý IV"] as const;

/** First day of a reporting window: the 15th of the month before the first reporting month. */
export function windowStart(year: number, firstMonth: number): string {
  return firstMonth === 1 ? toIso(year - 1, 12, 15) : toIso(year, firstMonth - 1, 15);
}

/** Last day of a reporting window: the 14th of its last reporting month. */
export function windowEnd(year: number, lastMonth: number): string {
  return toIso(year, lastMonth, 14);
}

export interface ReportWindow {
  from: string;
  to: string;
}

/** The data window of reporting month m (1–12) of `year`: T1 = 15/12 of year−1 → 14/01. */
export function monthWindow(year: number, month: number): ReportWindow {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`Tháng báo cáo phải từ 1 đến 12, nhận được ${String(month)}.`);
  return { from: windowStart(year, month), to: windowEnd(year, month) };
}

/** The data window of quarter q (1–4) of `year`: Quý I = 15/12 of year−1 → 14/03. */
export function quarterWindow(year: number, quarter: number): ReportWindow {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeError(`Quý phải từ 1 đến 4, nhận được ${String(quarter)}.`);
  return {
    from: monthWindow(year, quarter * 3 - 2).from,
    to: monthWindow(year, quarter * 3).to,
  };
}

function checkYear(year: number): void {
  // The window of T1 starts in the year before: keep both years inside Excel's calendar.
  if (!Number.isInteger(year) || !isValidYmd(year - 1, 12, 15) || year > 9999)
    throw new RangeError(`Năm kế hoạch không hợp lệ: ${String(year)}.`);
}

export interface Period extends PeriodDef, ReportWindow {
  year: number;
}

/** "Quý I năm 2024", "9 tháng (Quý III) năm 2024", "năm 2024" (not "Năm năm 2024"). */
export function periodName(period: Pick<Period, "id" | "label" | "year">): string {
  return period.id === "year" ? `năm ${period.year}` : `${period.label} năm ${period.year}`;
}

export function periodDef(id: PeriodId): PeriodDef {
  const def = PERIODS.find((p) => p.id === id);
  if (!def) throw new RangeError(`Kỳ báo cáo không rõ: ${String(id)}.`);
  return def;
}

/** The period of `year` with its window (first and last reporting month of the period). */
export function reportPeriod(year: number, id: PeriodId): Period {
  checkYear(year);
  const def = periodDef(id);
  const first = def.months[0];
  const last = def.months[def.months.length - 1];
  return { ...def, year, from: windowStart(year, first), to: windowEnd(year, last) };
}

/** Lower case, no diacritics, no spaces/punctuation: "Quý III / 9 tháng" → "quyiii9thang". */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const ALIASES: Record<string, PeriodId> = {
  q1: "q1",
  quy1: "q1",
  quyi: "q1",
  h1: "h1",
  "6thang": "h1",
  "6thangdaunam": "h1",
  sauthang: "h1",
  q2: "q2",
  quy2: "q2",
  quyii: "q2",
  q3: "q3",
  quy3: "q3",
  quyiii: "q3",
  "9thang": "q3",
  "9thangquyiii": "q3",
  quyiii9thang: "q3",
  chinthang: "q3",
  q4: "q4",
  quy4: "q4",
  quyiv: "q4",
  year: "year",
  nam: "year",
  canam: "year",
};

/** A period named by id (q1|h1|q2|q3|q4|year) or by its Vietnamese name ("6 tháng", "Quý III"); null when unknown. */
export function parsePeriodId(text: unknown): PeriodId | null {
  if (typeof text !== "string") return null;
  const key = fold(text);
  if (key in ALIASES) return ALIASES[key];
  const byLabel = PERIODS.find((p) => fold(p.label) === key);
  return byLabel ? byLabel.id : null;
}

/** Vietnamese message for an unknown period, listing what is accepted. */
export function unknownPeriodMessage(text: string): string {
  return (
    `Kỳ báo cáo không rõ: “${text}”. Chọn một trong: q1 (Quý I), h1 (6 tháng), q2 (Quý II), ` +
    `q3 (9 tháng / Quý III), q4 (Quý IV), year (Năm).`
  );
}

/** The reporting month (1–12 of `year`) an ISO date falls in; null when outside 15/12/(year−1)–14/12/year. */
export function reportingMonthOf(year: number, iso: string): number | null {
  for (let m = 1; m <= 12; m++) {
    const w = monthWindow(year, m);
    if (iso >= w.from && iso <= w.to) return m;
  }
  return null;
}
