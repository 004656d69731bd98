/**
 * The grammar of deadline texts (docs/deadlines.md): normalising the text, the recurrence words, and
 * the periods — a date, months, quarters, part of a year, a year, "theo kế hoạch …", with "trước",
 * "từ … đến …" and lists. ./deadline.ts turns a period into the due date users see.
 */
import { addDays, isValidYmd, lastDayOfMonth, MAX_YEAR, MIN_YEAR, toIso } from "./isoDate";

type PeriodKind = "date" | "month" | "quarter" | "half" | "year" | "plan";

export interface Period {
  kind: PeriodKind;
  /** First day of the period (used by "trước …"). */
  start: string;
  /** Due date after applying "trước". */
  due: string;
  /** Vietnamese description, e.g. "quý I–III/2024". */
  label: string;
  /** The year came from opts.year, not from the text. */
  yearFromPlan: boolean;
}

type Parsed = { ok: true; period: Period } | { ok: false; error: string };

const fail = (error: string): Parsed => ({ ok: false, error });
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function normalize(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/quí/gi, "quý")
    .replace(/hàng (ngày|tuần|tháng|quý|năm)/gi, "hằng $1")
    .trim();
}

const UNIT = "(?:ngày|tuần|tháng|quý|năm)";
const PER_TIME = "(?:\\s*\\/\\s*lần|\\s+một lần|\\s+1 lần)";
export const RECURRENCE = new RegExp(
  [
    `định kỳ(?:\\s+(?:hằng\\s+${UNIT}|mỗi\\s+${UNIT}|(?:\\d{1,2}|hai|ba|sáu)\\s+(?:tháng|tuần|năm)${PER_TIME}?|theo quy định))?`,
    "thường xuyên",
    "liên tục",
    `hằng\\s+${UNIT}`,
    `mỗi\\s+${UNIT}`,
    `(?:\\d{1,2}|hai|ba|sáu)\\s+tháng${PER_TIME}`,
    "khi có yêu cầu",
    "theo yêu cầu",
    "khi phát sinh",
  ].join("|"),
  "gi"
);

/** Strip separators and connectors left at both ends once recurrence words are taken out. */
export function clean(s: string): string {
  let prev: string;
  let out = s.replace(/\(\s*[,;]?\s*\)/g, " ");
  do {
    prev = out;
    out = out
      .replace(/^[\s,;:.\-()]+|[\s,;:.\-()]+$/g, "")
      .replace(/^(?:và|sau đó|rồi)\s+/i, "")
      .replace(/\s+(?:và|sau đó|rồi)$/i, "");
  } while (out !== prev);
  return out.replace(/\s*,\s*(?:,\s*)+/g, ", ");
}

function yearOf(
  digits: string | undefined,
  fallback: number | undefined
): { year: number; fromPlan: boolean } | string {
  if (digits === undefined) {
    return fallback === undefined
      ? "Thời hạn không ghi năm và chưa biết năm của kế hoạch."
      : { year: fallback, fromPlan: true };
  }
  if (digits.length !== 4) return `Năm “${digits}” phải ghi đủ 4 chữ số.`;
  const year = Number(digits);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return `Năm ${digits} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}.`;
  return { year, fromPlan: false };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OUT = ["", "I", "II", "III", "IV"];

/** Splits "3, 4", "I-III", "3 đến tháng 5" into numbers; ranges must go forward. */
function listOf(
  body: string,
  word: string,
  read: (token: string) => number | string
): { first: number; last: number; text: string } | string {
  const parts = body.split(new RegExp(`\\s*(,|-|và|đến|tới)\\s*(?:${word}\\s+)?`, "i"));
  const values: number[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const v = read(parts[i]);
    if (typeof v === "string") return v;
    values.push(v);
    if (i + 1 < parts.length) seps.push(parts[i + 1].toLowerCase());
  }
  for (let i = 0; i < seps.length; i++) {
    const isRange = seps[i] === "-" || seps[i] === "đến" || seps[i] === "tới";
    if (isRange ? values[i + 1] <= values[i] : values[i + 1] === values[i]) {
      return `Khoảng “${body}” không hợp lệ (phải tăng dần).`;
    }
  }
  return { first: Math.min(...values), last: Math.max(...values), text: body };
}

const YEAR_TAIL = "(?:\\s*(?:\\/|-|,?\\s*năm)\\s*(\\d+))?";
// "5/3/2025", "ngày 5/3 năm 2025" (plans write "năm" for the second "/").
const DATE_NUM = /^(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*(?:[/.-]|,?\s*năm)\s*(\d+))?$/i;
const DATE_WORDS = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d+))?$/i;
const MONTHS = new RegExp(
  `^tháng\\s+(\\d{1,2}(?:\\s*(?:,|-|và|đến|tới)\\s*(?:tháng\\s+)?\\d{1,2})*)${YEAR_TAIL}$`,
  "i"
);
const MONTH_BARE = /^(\d{1,2})\s*\/\s*(\d{4})$/;
const QUARTERS = new RegExp(
  `^(?:quý\\s+|q\\.?\\s*)((?:[ivx]+|\\d)(?:\\s*(?:,|-|và|đến|tới)\\s*(?:quý\\s+)?(?:[ivx]+|\\d))*)${YEAR_TAIL}$`,
  "i"
);
const PART_OF_YEAR =
  /^(?:(\d{1,2}|ba|sáu|chín)\s+tháng|nửa)\s+(đầu|cuối)\s+năm(?:\s*[/,]?\s*(\d+))?$/i;
const YEAR_WORD = /^(?:cả\s+|trong\s+)?(?:năm|giai đoạn)\s+(\d+)(?:\s*-\s*(\d+))?$/i;
const YEAR_BARE = /^(\d{4})(?:\s*-\s*(\d{4}))?$/;
const THIS_YEAR = /^(?:cả\s+|trong\s+)?năm(?:\s+nay)?$/i;
const BY_PLAN = /^theo\s+(.+)$/i;
const PREFIX =
  /^(?:hoàn thành|thực hiện|triển khai|dự kiến|trong|vào|đến hết|hết|cuối|đến|tới|chậm nhất(?:\s+(?:là|vào))?|hạn chót|hạn|không muộn hơn|trước)\s+/i;
const WORD_NUMBERS: Record<string, number> = { ba: 3, sáu: 6, chín: 9 };

function makePeriod(
  kind: PeriodKind,
  start: string,
  end: string,
  label: string,
  fromPlan: boolean
): Parsed {
  return { ok: true, period: { kind, start, due: end, label, yearFromPlan: fromPlan } };
}

/** One period without prefixes: a date, months, quarters, part of a year, a year, "theo kế hoạch …". */
function parseCore(s: string, fallback: number | undefined): Parsed {
  let m: RegExpExecArray | null;
  if ((m = DATE_NUM.exec(s)) || (m = DATE_WORDS.exec(s))) {
    const y = yearOf(m[3], fallback);
    if (typeof y === "string") return fail(y);
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const shown = `${pad2(d)}/${pad2(mo)}/${y.year}`;
    if (!isValidYmd(y.year, mo, d)) return fail(`Ngày ${shown} không tồn tại.`);
    const iso = toIso(y.year, mo, d);
    return makePeriod("date", iso, iso, `ngày ${shown}`, y.fromPlan);
  }
  if ((m = MONTH_BARE.exec(s))) {
    const y = yearOf(m[2], fallback);
    if (typeof y === "string") return fail(y);
    const mo = Number(m[1]);
    if (!(mo >= 1 && mo <= 12)) return fail(`Tháng ${m[1]} không hợp lệ (chỉ có tháng 1–12).`);
    return makePeriod(
      "month",
      toIso(y.year, mo, 1),
      lastDayOfMonth(y.year, mo),
      `tháng ${pad2(mo)}/${y.year}`,
      false
    );
  }
  if ((m = MONTHS.exec(s))) {
    const y = yearOf(m[2], fallback);
    if (typeof y === "string") return fail(y);
    const list = listOf(m[1], "tháng", (t) => {
      const n = Number(t);
      return n >= 1 && n <= 12 ? n : `Tháng ${t} không hợp lệ (chỉ có tháng 1–12).`;
    });
    if (typeof list === "string") return fail(list);
    const label =
      list.first === list.last
        ? `tháng ${pad2(list.first)}/${y.year}`
        : `tháng ${list.text}/${y.year}`;
    return makePeriod(
      "month",
      toIso(y.year, list.first, 1),
      lastDayOfMonth(y.year, list.last),
      label,
      y.fromPlan
    );
  }
  if ((m = QUARTERS.exec(s))) {
    const y = yearOf(m[2], fallback);
    if (typeof y === "string") return fail(y);
    const list = listOf(m[1], "quý", (t) => {
      const n = /^\d$/.test(t) ? Number(t) : ROMAN[t.toLowerCase()];
      return n >= 1 && n <= 4 ? n : `Quý ${t.toUpperCase()} không hợp lệ (chỉ có quý I–IV).`;
    });
    if (typeof list === "string") return fail(list);
    const label =
      list.first === list.last
        ? `quý ${ROMAN_OUT[list.first]}/${y.year}`
        : `quý ${m[1].toUpperCase().replace(/\s*-\s*/g, "–")}/${y.year}`;
    const start = toIso(y.year, list.first * 3 - 2, 1);
    return makePeriod("quarter", start, lastDayOfMonth(y.year, list.last * 3), label, y.fromPlan);
  }
  if ((m = PART_OF_YEAR.exec(s))) {
    const y = yearOf(m[3], fallback);
    if (typeof y === "string") return fail(y);
    const n = m[1] === undefined ? 6 : (WORD_NUMBERS[m[1].toLowerCase()] ?? Number(m[1]));
    if (!(n >= 1 && n <= 12)) return fail(`“${n} tháng” không hợp lệ (1–12 tháng).`);
    const first = m[2].toLowerCase() === "đầu";
    const kind = n === 6 ? "half" : "month";
    const label = `${n} tháng ${first ? "đầu" : "cuối"} năm ${y.year}`;
    return first
      ? makePeriod(kind, toIso(y.year, 1, 1), lastDayOfMonth(y.year, n), label, y.fromPlan)
      : makePeriod(kind, toIso(y.year, 13 - n, 1), toIso(y.year, 12, 31), label, y.fromPlan);
  }
  if ((m = YEAR_WORD.exec(s)) || (m = YEAR_BARE.exec(s))) {
    const from = yearOf(m[1], fallback);
    if (typeof from === "string") return fail(from);
    const to = m[2] === undefined ? from : yearOf(m[2], fallback);
    if (typeof to === "string") return fail(to);
    if (to.year < from.year)
      return fail(`Khoảng năm “${m[1]}-${m[2]}” không hợp lệ (phải tăng dần).`);
    const label = to.year === from.year ? `năm ${from.year}` : `năm ${from.year}–${to.year}`;
    return makePeriod("year", toIso(from.year, 1, 1), toIso(to.year, 12, 31), label, false);
  }
  if (THIS_YEAR.test(s)) {
    const y = yearOf(undefined, fallback);
    if (typeof y === "string") return fail(y);
    return makePeriod("year", toIso(y.year, 1, 1), toIso(y.year, 12, 31), `năm ${y.year}`, true);
  }
  if ((m = BY_PLAN.exec(s))) {
    const years = m[1].match(/\d+/g) ?? [];
    const isPlan = /^(?:kế hoạch|kh)\b/i.test(m[1]);
    const last = years.length ? years[years.length - 1] : undefined;
    if (last === undefined && !isPlan) return fail(`“Theo ${m[1]}” không nêu thời hạn cụ thể.`);
    // "Theo kế hoạch của UBND tỉnh": the date is in another body's plan, not yet known here.
    const body = /^(?:kế hoạch|kh)\s+(?:của\s+)(.+)$/i.exec(m[1]);
    if (last === undefined && body) {
      return fail(
        `Thời hạn phụ thuộc kế hoạch của ${body[1]}: chưa có ngày cụ thể, hãy ghi hạn khi có kế hoạch đó.`
      );
    }
    const y = yearOf(last, fallback);
    if (typeof y === "string") return fail(y);
    const label = `theo ${m[1]}`.replace(/\s*năm\s*\d+\s*$/i, "") + ` năm ${y.year} (cuối năm)`;
    return makePeriod("plan", toIso(y.year, 1, 1), toIso(y.year, 12, 31), label, y.fromPlan);
  }
  return fail(`Không hiểu “${s}”.`);
}

/** A period with its prefixes: "trước …", "chậm nhất …", "từ … đến …", "trong …", … */
function parseOne(input: string, fallback: number | undefined): Parsed {
  let s = input;
  let before = false;
  const range = /^từ\s+(.+?)\s+(?:đến|tới)\s+(?:hết\s+)?(.+)$/i.exec(s);
  if (range) {
    const end = parseOne(range[2], fallback);
    if (!end.ok) return end;
    const start = parseOne(range[1], Number(end.period.due.slice(0, 4)));
    if (!start.ok) return start;
    if (start.period.start > end.period.due)
      return fail(`Khoảng “${input}” kết thúc trước khi bắt đầu.`);
    return makePeriod(
      end.period.kind,
      start.period.start,
      end.period.due,
      `từ ${start.period.label} đến ${end.period.label}`,
      end.period.yearFromPlan
    );
  }
  if (/^từ\s/i.test(s))
    return fail(`“${input}” chỉ nêu thời điểm bắt đầu, không có hạn hoàn thành.`);
  if (/^đầu\s/i.test(s)) return fail(`“${input}” không cho biết ngày hết hạn cụ thể.`);
  for (let m = PREFIX.exec(s); m; m = PREFIX.exec(s)) {
    if (m[0].trim().toLowerCase() === "trước") before = true;
    s = s.slice(m[0].length);
    // "6 tháng đầu năm" is a period, but "đầu tháng 3" after a prefix is not precise.
    if (/^đầu\s/i.test(s)) return fail(`“${input}” không cho biết ngày hết hạn cụ thể.`);
  }
  const core = parseCore(s, fallback);
  if (!core.ok || !before) return core;
  const p = core.period;
  if (p.start <= toIso(MIN_YEAR, 1, 1))
    return fail(`Ngày trước ${p.label} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}.`);
  const due = addDays(p.start, -1);
  return {
    ok: true,
    period: { ...p, due, label: `trước ${p.label}` },
  };
}

/** One period, or a list of them ("Tháng 6/2024; Tháng 12/2024"): the due date is the latest end. */
export function parsePeriods(
  rest: string,
  fallback: number | undefined
): Parsed & { first?: string } {
  const whole = parseOne(rest, fallback);
  if (whole.ok || !/[,;]|\svà\s/i.test(rest)) return whole;
  const parts = rest.split(/\s*[,;]\s*|\s+và\s+/i).filter((p) => p !== "");
  // A part without a year takes the year of the next part that has one ("tháng 6 và tháng 12/2024").
  const years: (number | undefined)[] = new Array(parts.length);
  let next = fallback;
  for (let i = parts.length - 1; i >= 0; i--) {
    const found = parts[i].match(/\d{4}/g);
    if (found) next = Number(found[found.length - 1]);
    years[i] = next;
  }
  const periods: Period[] = [];
  for (let i = 0; i < parts.length; i++) {
    const one = parseOne(parts[i], years[i]);
    if (!one.ok) return whole.error.startsWith("Không hiểu") ? one : whole;
    periods.push(one.period);
  }
  const sorted = [...periods].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const last = sorted[sorted.length - 1];
  return {
    ok: true,
    period: { ...last, label: periods.map((p) => p.label).join("; ") },
    first: sorted[0].due,
  };
}
