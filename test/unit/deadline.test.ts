import * as fs from "fs";
import fc from "fast-check";
import { parseDeadline, type DeadlineKind } from "../../src/domain/deadline";
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatDmy,
  isIsoDate,
  isLeapYear,
  lastDayOfMonth,
  parseIso,
  toIso,
} from "../../src/domain/isoDate";
import { SEED_PATH } from "../support/seed";

const SEED = SEED_PATH;

type Row = [
  text: string,
  kind: DeadlineKind,
  due: string | null,
  recurring: boolean,
  firstMilestone?: string | null,
];

/** What each phrasing yields with the plan's year 2024 (docs/deadlines.md). */
const TABLE: Row[] = [
  // "Trước" ends the day before: the last day of the period "before X".
  ["Trước ngày 05/01/2024", "date", "2024-01-04", false],
  ["Trước ngày 5/1/2024", "date", "2024-01-04", false],
  ["Trước ngày 05 tháng 01 năm 2024", "date", "2024-01-04", false],
  ["Trước ngày 1 tháng 3 năm 2024", "date", "2024-02-29", false],
  ["Trước 01/01/2025", "date", "2024-12-31", false],
  ["Trước ngày 15/12", "date", "2024-12-14", false],
  ["Trước tháng 6/2024", "month", "2024-05-31", false],
  ["Trước Quý III/2024", "quarter", "2024-06-30", false],
  // Full dates and deadlines on a day.
  ["05/01/2024", "date", "2024-01-05", false],
  ["Ngày 29/02/2024", "date", "2024-02-29", false],
  ["Ngày 30 tháng 6 năm 2024", "date", "2024-06-30", false],
  ["Chậm nhất ngày 30/6/2024", "date", "2024-06-30", false],
  ["Hạn chót 15.03.2024", "date", "2024-03-15", false],
  ["Đến ngày 30-09-2024", "date", "2024-09-30", false],
  // Months.
  ["Tháng 01/2024", "month", "2024-01-31", false],
  ["Tháng 1/2024", "month", "2024-01-31", false],
  ["Tháng 2 năm 2024", "month", "2024-02-29", false],
  ["Tháng 02/2023", "month", "2023-02-28", false],
  ["Tháng 12", "month", "2024-12-31", false],
  ["Trong tháng 3/2024", "month", "2024-03-31", false],
  ["Cuối tháng 9/2024", "month", "2024-09-30", false],
  ["Tháng 3, 4/2024", "month", "2024-04-30", false],
  ["Tháng 3-5/2024", "month", "2024-05-31", false],
  ["Từ tháng 3 đến tháng 5/2024", "month", "2024-05-31", false],
  ["Tháng 6 và tháng 12/2024", "month", "2024-12-31", false],
  ["06/2024", "month", "2024-06-30", false],
  // Quarters, Roman or Arabic.
  ["Quý I/2024", "quarter", "2024-03-31", false],
  ["Quý 1/2024", "quarter", "2024-03-31", false],
  ["Quý II năm 2024", "quarter", "2024-06-30", false],
  ["Quý IV/2024", "quarter", "2024-12-31", false],
  ["Quý I, II/2024", "quarter", "2024-06-30", false],
  ["Quý I-III/2024", "quarter", "2024-09-30", false],
  ["Quý I–III/2024", "quarter", "2024-09-30", false],
  ["Quý I-IV năm 2024", "quarter", "2024-12-31", false],
  ["Quý 2-3/2024", "quarter", "2024-09-30", false],
  ["Quý II/2025", "quarter", "2025-06-30", false],
  ["Quý III", "quarter", "2024-09-30", false],
  ["QUÝ III/2024", "quarter", "2024-09-30", false],
  ["Quí II/2024", "quarter", "2024-06-30", false],
  ["Q3/2024", "quarter", "2024-09-30", false],
  // Parts of a year, years.
  ["6 tháng đầu năm 2024", "half", "2024-06-30", false],
  ["6 tháng cuối năm 2024", "half", "2024-12-31", false],
  ["6 tháng đầu năm", "half", "2024-06-30", false],
  ["Nửa đầu năm 2024", "half", "2024-06-30", false],
  ["9 tháng đầu năm 2024", "month", "2024-09-30", false],
  ["Năm 2024", "year", "2024-12-31", false],
  ["Trong năm 2024", "year", "2024-12-31", false],
  ["Cả năm 2024", "year", "2024-12-31", false],
  ["Cuối năm 2024", "year", "2024-12-31", false],
  ["Trong năm", "year", "2024-12-31", false],
  ["2024", "year", "2024-12-31", false],
  ["Năm 2024-2025", "year", "2025-12-31", false],
  ["Giai đoạn 2021-2025", "year", "2025-12-31", false],
  // "năm" instead of "/" before the year, no "ngày", no leading zeros.
  ["Ngày 5/3 năm 2025", "date", "2025-03-05", false],
  ["Trước 31/3 năm 2025", "date", "2025-03-30", false],
  // "Theo Kế hoạch …": the end of the plan's year.
  ["Theo Kế hoạch ISO năm 2024", "plan", "2024-12-31", false],
  ["Theo Kế hoạch của UBND tỉnh năm 2025", "plan", "2025-12-31", false],
  ["Theo kế hoạch", "plan", "2024-12-31", false],
  // Recurring work has no single due date.
  ["Thường xuyên", "recurring", null, true],
  ["Thường xuyên, liên tục", "recurring", null, true],
  ["Hằng tháng", "recurring", null, true],
  ["Hàng tháng", "recurring", null, true],
  ["Hằng quý", "recurring", null, true],
  ["Hàng quý", "recurring", null, true],
  ["Hằng năm", "recurring", null, true],
  ["Định kỳ", "recurring", null, true],
  ["Định kỳ hằng tháng", "recurring", null, true],
  ["Định kỳ 6 tháng", "recurring", null, true],
  ["6 tháng/lần", "recurring", null, true],
  ["Khi có yêu cầu", "recurring", null, true],
  ["Thường xuyên trong năm 2024", "recurring", null, true],
  ["Thường xuyên theo chỉ đạo của UBND tỉnh", "recurring", null, true],
  // A first milestone, then recurring.
  ["Tháng 01/2024 Thường xuyên", "milestone", "2024-01-31", true, "2024-01-31"],
  ["Tháng 01/2024, thường xuyên", "milestone", "2024-01-31", true, "2024-01-31"],
  ["Quý I/2024 và hằng quý", "milestone", "2024-03-31", true, "2024-03-31"],
  [
    "Trước ngày 15/02/2024, sau đó định kỳ hằng tháng",
    "milestone",
    "2024-02-14",
    true,
    "2024-02-14",
  ],
  ["Thường xuyên (Quý II/2024)", "milestone", "2024-06-30", true, "2024-06-30"],
  // Several milestones: due at the last, the first is kept.
  ["Quý I/2024; Quý III/2024", "quarter", "2024-09-30", false, "2024-03-31"],
  ["Tháng 6/2024, tháng 12/2024", "month", "2024-12-31", false, "2024-06-30"],
];

describe("parseDeadline: the table of phrasings", () => {
  // Rows without a first milestone expect null (jest would pass `done` for a missing argument).
  const rows = TABLE.map(
    ([text, kind, due, recurring, first]) => [text, kind, due, recurring, first ?? null] as const
  );
  test.each(rows)("%s", (text, kind, due, recurring, firstMilestone) => {
    const r = parseDeadline(text, { year: 2024 });
    expect({ kind: r.kind, due: r.due, recurring: r.recurring }).toEqual({ kind, due, recurring });
    expect(r.firstMilestone).toBe(firstMilestone);
    expect(r.text).toBe(text);
    expect(r.error).toBeUndefined();
    expect(r.understood).not.toBe("");
    if (due !== null) expect(r.understood).toContain(formatDmy(due));
  });

  test("'understood' says what was read, in Vietnamese with dd/mm/yyyy", () => {
    expect(parseDeadline("Trước ngày 05/01/2024").understood).toBe(
      "Trước ngày 05/01/2024 → hạn 04/01/2024 (ngày cuối cùng trước mốc)."
    );
    expect(parseDeadline("Quý I-III/2024").understood).toBe("Quý I–III/2024 → hạn 30/09/2024.");
    expect(parseDeadline("Tháng 01/2024 Thường xuyên").understood).toBe(
      "Mốc đầu: tháng 01/2024 → hạn 31/01/2024; sau đó thường xuyên."
    );
    expect(parseDeadline("Quý II", { year: 2024 }).understood).toContain(
      "lấy năm 2024 của kế hoạch"
    );
  });

  test("milestone-then-recurring: due is the milestone and firstMilestone repeats it", () => {
    const r = parseDeadline("Tháng 01/2024 Thường xuyên");
    expect(r).toMatchObject({
      kind: "milestone",
      due: "2024-01-31",
      firstMilestone: "2024-01-31",
      recurring: true,
    });
  });

  test("a single period has no firstMilestone", () => {
    expect(parseDeadline("Quý I, II/2024").firstMilestone).toBeNull();
    expect(parseDeadline("Thường xuyên").firstMilestone).toBeNull();
  });
});

describe("parseDeadline: the year", () => {
  test("a year missing from the text comes from opts.year", () => {
    expect(parseDeadline("Quý II", { year: 2025 }).due).toBe("2025-06-30");
    expect(parseDeadline("Tháng 2", { year: 2023 }).due).toBe("2023-02-28");
    expect(parseDeadline("Tháng 2", { year: 2024 }).due).toBe("2024-02-29");
  });

  test("a year in the text wins over opts.year", () => {
    expect(parseDeadline("Quý II/2025", { year: 2024 }).due).toBe("2025-06-30");
  });

  test("without any year the result is unknown, with a reason, never a guessed date", () => {
    for (const text of ["Quý II", "Tháng 12", "Trước ngày 15/12", "6 tháng đầu năm", "Cuối năm"]) {
      const r = parseDeadline(text);
      expect(r).toMatchObject({ kind: "unknown", due: null, recurring: false });
      expect(r.error).toMatch(/năm/);
    }
  });

  test("an unusable opts.year counts as missing", () => {
    for (const year of [Number.NaN, 2024.5, 0, -1, 10000]) {
      expect(parseDeadline("Quý II", { year }).kind).toBe("unknown");
    }
  });

  test("recurring work needs no year", () => {
    expect(parseDeadline("Thường xuyên").kind).toBe("recurring");
  });
});

describe("parseDeadline: malformed input is 'unknown' with a Vietnamese reason", () => {
  const cases: [string, RegExp][] = [
    ["", /trống/],
    ["   ", /trống/],
    ["Quý V/2024", /Quý V không hợp lệ/],
    ["Quý 5/2024", /Quý 5 không hợp lệ/],
    ["Quý 0/2024", /Quý 0 không hợp lệ/],
    ["Quý III-I/2024", /tăng dần/],
    ["Tháng 13/2024", /Tháng 13 không hợp lệ/],
    ["Tháng 0/2024", /Tháng 0 không hợp lệ/],
    ["Tháng 5-3/2024", /tăng dần/],
    ["31/02/2024", /31\/02\/2024 không tồn tại/],
    ["29/02/2023", /29\/02\/2023 không tồn tại/],
    ["Trước ngày 32/01/2024", /không tồn tại/],
    ["05/01/24", /4 chữ số/],
    ["Năm 24", /4 chữ số/],
    ["Năm 2025-2024", /tăng dần/],
    ["Quý I/1800", /ngoài khoảng/],
    ["Trước ngày 01/01/1900", /ngoài khoảng/],
    ["abc", /Không hiểu/],
    ["Sớm", /Không hiểu/],
    ["Theo quy định", /không nêu thời hạn/],
    // Another body's plan holds the date: say so, never take the end of the year.
    ["Theo kế hoạch của UBND tỉnh", /phụ thuộc kế hoạch của UBND tỉnh/],
    ["Theo KH của Sở Nội vụ", /phụ thuộc kế hoạch của Sở Nội vụ/],
    ["Đầu năm 2024", /không cho biết/],
    ["Từ tháng 3/2024", /bắt đầu/],
    ["Thường xuyên, 2024/13", /Không hiểu/],
  ];
  test.each(cases)("%j", (text, reason) => {
    const r = parseDeadline(text, { year: 2024 });
    expect(r).toMatchObject({
      text,
      kind: "unknown",
      due: null,
      recurring: false,
      firstMilestone: null,
    });
    expect(r.error).toMatch(reason);
    expect(r.understood).toContain(r.error as string);
  });

  test("non-string input (from a JavaScript caller) does not throw", () => {
    for (const v of [null, undefined, 42, {}, []]) {
      const r = parseDeadline(v as unknown as string, { year: 2024 });
      expect(r.kind === "unknown" || r.kind === "year").toBe(true);
    }
    expect(parseDeadline(null as unknown as string).error).toMatch(/trống/);
  });
});

describe("parseDeadline: robustness", () => {
  test("case, spacing, dashes and Unicode normalisation do not matter", () => {
    const variants = [
      "Quý I-III/2024",
      "quý i - iii / 2024",
      "QUÝ I–III/2024",
      "Quý  I-III/2024".normalize("NFD"),
      " Quý I-III/2024 ",
    ];
    for (const v of variants) expect(parseDeadline(v).due).toBe("2024-09-30");
    expect(parseDeadline("TRƯỚC NGÀY 05/01/2024").due).toBe("2024-01-04");
    expect(parseDeadline("thường xuyên".normalize("NFD")).kind).toBe("recurring");
  });

  test("any text: never throws, the result is consistent", () => {
    const alphabet = fc.constantFrom(
      ..."0123456789/.-,; IVXivxQuýQUÝTháng tháng Năm năm Trước trước ngày Thường xuyên hằng quý định kỳ theo kế hoạch đầu cuối 6 tháng".split(
        ""
      )
    );
    const texty = fc.oneof(
      fc.string(),
      fc.string({ unit: alphabet, maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 30 })
    );
    fc.assert(
      fc.property(
        texty,
        fc.option(fc.integer({ min: 1800, max: 2200 }), { nil: undefined }),
        (text, year) => {
          const r = parseDeadline(text, { year });
          expect(r.text).toBe(text);
          if (r.due !== null) expect(isIsoDate(r.due)).toBe(true);
          if (r.kind === "unknown") {
            expect(r.due).toBeNull();
            expect(r.error).toBeTruthy();
          } else {
            expect(r.error).toBeUndefined();
          }
          if (r.kind === "recurring") expect(r.due).toBeNull();
          if (r.kind === "milestone") expect(r.due).toBe(r.firstMilestone);
          expect(r.recurring).toBe(r.kind === "recurring" || r.kind === "milestone");
        }
      ),
      { numRuns: 1000 }
    );
  });

  test("dates: dd/mm/yyyy is that day; 'Trước ngày' is the day before", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1901-01-02T00:00:00Z"),
          max: new Date("2199-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = toIso(y, m, d);
          expect(parseDeadline(`${d}/${m}/${y}`).due).toBe(iso);
          expect(parseDeadline(`Ngày ${d} tháng ${m} năm ${y}`).due).toBe(iso);
          expect(parseDeadline(`Trước ngày ${d}/${m}/${y}`).due).toBe(addDays(iso, -1));
        }
      ),
      { numRuns: 500 }
    );
  });

  test("months and quarters end on their last day, Roman and Arabic alike", () => {
    const roman = ["", "I", "II", "III", "IV"];
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(parseDeadline(`Tháng ${m}/${y}`).due).toBe(lastDayOfMonth(y, m));
        const q = Math.ceil(m / 3);
        const end = lastDayOfMonth(y, q * 3);
        expect(parseDeadline(`Quý ${roman[q]}/${y}`).due).toBe(end);
        expect(parseDeadline(`Quý ${q} năm ${y}`).due).toBe(end);
      }),
      { numRuns: 300 }
    );
  });
});

describe("parseDeadline: every deadline of the seed's appendix", () => {
  const EXPECTED: Record<string, [DeadlineKind, string | null, boolean]> = {
    "Trước ngày 05/01/2024": ["date", "2024-01-04", false],
    "Quý I/2024": ["quarter", "2024-03-31", false],
    "Tháng 01/2024 Thường xuyên": ["milestone", "2024-01-31", true],
    "Thường xuyên": ["recurring", null, true],
    "Năm 2024": ["year", "2024-12-31", false],
    "Quý I-III/2024": ["quarter", "2024-09-30", false],
    "Quý I, II/2024": ["quarter", "2024-06-30", false],
    "Tháng 01/2024": ["month", "2024-01-31", false],
    "Theo Kế hoạch ISO năm 2024": ["plan", "2024-12-31", false],
    "Quý I-IV năm 2024": ["quarter", "2024-12-31", false],
  };

  /** The "Thời gian hoàn thành" column of the appendix, rows split over page breaks joined. */
  function seedDeadlines(): string[] {
    const lines = fs.readFileSync(SEED, "utf8").split("\n");
    const start = lines.findIndex((l) => l.startsWith("TT\tMục tiêu"));
    const cells = lines
      .slice(start + 1)
      .map((l) => l.split("\t"))
      .filter((c) => c.length >= 9)
      .map((c) => c[7].trim());
    const out: string[] = [];
    for (const c of cells) {
      if (c === "") continue;
      // A cell that does not start like a deadline continues the previous one ("Thường" + "xuyên").
      if (/^[a-zà-ỹđ]/.test(c) && out.length > 0) out[out.length - 1] += ` ${c}`;
      else out.push(c);
    }
    return out;
  }

  test("the seed has 43 deadline cells, all of the known phrasings", () => {
    const texts = seedDeadlines();
    expect(texts).toHaveLength(43);
    expect(new Set(texts)).toEqual(new Set(Object.keys(EXPECTED)));
  });

  test.each(Object.entries(EXPECTED))("%s", (text, [kind, due, recurring]) => {
    expect(parseDeadline(text, { year: 2024 })).toMatchObject({ kind, due, recurring });
  });
});

describe("isoDate helpers", () => {
  test("leap years and month lengths", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 13)).toBe(0);
    expect(lastDayOfMonth(2024, 12)).toBe("2024-12-31");
  });

  test("parseIso is strict", () => {
    expect(parseIso("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
    for (const bad of [
      "2023-02-29",
      "2024-13-01",
      "2024-1-01",
      "24-01-01",
      "2024-01-00",
      "",
      "2024-01-01T00:00",
    ]) {
      expect(parseIso(bad)).toBeNull();
    }
    expect(isIsoDate(20240101)).toBe(false);
  });

  test("addDays and daysBetween cross months, leap days and years", () => {
    expect(addDays("2024-01-05", -1)).toBe("2024-01-04");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -36524, max: 100000 }), (n) => {
        expect(daysBetween("2000-01-01", addDays("2000-01-01", n))).toBe(n);
      })
    );
    expect(() => addDays("1900-01-01", -1)).toThrow(RangeError);
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });

  test("formatDmy shows dd/mm/yyyy and leaves other text alone", () => {
    expect(formatDmy("2024-01-04")).toBe("04/01/2024");
    expect(formatDmy("không phải ngày")).toBe("không phải ngày");
  });
});
