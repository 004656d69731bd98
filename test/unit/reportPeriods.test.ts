import {
  PERIODS,
  monthWindow,
  parsePeriodId,
  quarterWindow,
  reportPeriod,
  reportingMonthOf,
  unknownPeriodMessage,
} from "../../src/domain/reportPeriods";
import { quarterOf, quarterState, recurringQuarters } from "../../src/domain/recurring";

describe("report windows (NĐ 09/2019 Art. 12)", () => {
  it.each([
    ["q1", "2023-12-15", "2024-03-14"],
    ["h1", "2023-12-15", "2024-06-14"],
    ["q2", "2024-03-15", "2024-06-14"],
    ["q3", "2023-12-15", "2024-09-14"],
    ["q4", "2024-09-15", "2024-12-14"],
    ["year", "2023-12-15", "2024-12-14"],
  ] as const)("%s 2024 runs %s → %s", (id, from, to) => {
    const p = reportPeriod(2024, id);
    expect([p.from, p.to]).toEqual([from, to]);
  });

  it("crosses the year boundary for the first quarter of any year", () => {
    expect(reportPeriod(2025, "q1")).toMatchObject({ from: "2024-12-15", to: "2025-03-14" });
    expect(quarterWindow(2000, 1)).toEqual({ from: "1999-12-15", to: "2000-03-14" });
  });

  it("monthly windows: T1 = 15/12 → 14/01, T3 = 15/02 → 14/03, T12 = 15/11 → 14/12", () => {
    expect(monthWindow(2024, 1)).toEqual({ from: "2023-12-15", to: "2024-01-14" });
    expect(monthWindow(2024, 3)).toEqual({ from: "2024-02-15", to: "2024-03-14" });
    expect(monthWindow(2024, 12)).toEqual({ from: "2024-11-15", to: "2024-12-14" });
  });

  it("a period is the union of its whole reporting months, with no gap between months", () => {
    for (const def of PERIODS) {
      const p = reportPeriod(2024, def.id);
      expect(p.from).toBe(monthWindow(2024, def.months[0]).from);
      expect(p.to).toBe(monthWindow(2024, def.months[def.months.length - 1]).to);
    }
    for (let m = 2; m <= 12; m++) {
      const prevEnd = new Date(`${monthWindow(2024, m - 1).to}T00:00:00Z`).getTime();
      const start = new Date(`${monthWindow(2024, m).from}T00:00:00Z`).getTime();
      expect(start - prevEnd).toBe(86_400_000);
    }
  });

  it("the 14th is the last day of a month's window and the 15th the first of the next", () => {
    expect(reportingMonthOf(2024, "2024-03-14")).toBe(3);
    expect(reportingMonthOf(2024, "2024-03-15")).toBe(4);
    expect(reportingMonthOf(2024, "2023-12-15")).toBe(1);
    expect(reportingMonthOf(2024, "2023-12-14")).toBeNull();
    expect(reportingMonthOf(2024, "2024-12-15")).toBeNull();
    expect(quarterOf(2024, "2024-06-14")).toBe(2);
    expect(quarterOf(2024, "2024-06-15")).toBe(3);
  });

  it("refuses months, quarters and years outside range", () => {
    expect(() => monthWindow(2024, 13)).toThrow(RangeError);
    expect(() => quarterWindow(2024, 0)).toThrow(RangeError);
    expect(() => reportPeriod(1900, "q1")).toThrow(RangeError);
    expect(() => reportPeriod(10000, "year")).toThrow(RangeError);
  });
});

describe("periods chosen by name", () => {
  it.each([
    ["q1", "q1"],
    ["Q1", "q1"],
    ["Quý I", "q1"],
    ["quy 1", "q1"],
    ["h1", "h1"],
    ["6 tháng", "h1"],
    ["6 tháng đầu năm", "h1"],
    ["Quý II", "q2"],
    ["q3", "q3"],
    ["9 tháng", "q3"],
    ["Quý III", "q3"],
    ["9 tháng (Quý III)", "q3"],
    ["Quý IV", "q4"],
    ["year", "year"],
    ["Năm", "year"],
    ["cả năm", "year"],
  ])("%s → %s", (text, id) => {
    expect(parsePeriodId(text)).toBe(id);
  });

  it("every label of the list reads back as its own period", () => {
    for (const p of PERIODS) expect(parsePeriodId(p.label)).toBe(p.id);
  });

  it("unknown names are null, and the message lists what is accepted", () => {
    for (const bad of ["q5", "", "quý V", 3, null]) expect(parsePeriodId(bad)).toBeNull();
    expect(unknownPeriodMessage("q5")).toMatch(/q5.*q1 \(Quý I\).*year \(Năm\)/);
  });
});

describe("recurring work per quarter", () => {
  it("a quarter not reported is pending up to its window end and overdue the day after", () => {
    expect(quarterState(2024, 1, "", "2024-03-14")).toBe("pending");
    expect(quarterState(2024, 1, null, "2024-03-15")).toBe("overdue");
    expect(quarterState(2024, 1, "Chưa thực hiện", "2024-03-15")).toBe("overdue");
    expect(quarterState(2024, 1, "Đã thực hiện", "2024-12-31")).toBe("done");
    expect(quarterState(2024, 1, "đã thực hiện", "2024-12-31")).toBe("done");
    expect(quarterState(2024, 4, "Không áp dụng", "2025-01-01")).toBe("notApplicable");
  });

  it("a milestone covers its own quarter; recurrence starts with the next one", () => {
    expect(recurringQuarters(2024, null)).toEqual([1, 2, 3, 4]);
    expect(recurringQuarters(2024, "2024-01-31")).toEqual([2, 3, 4]);
    expect(recurringQuarters(2024, "2024-03-15")).toEqual([3, 4]);
    expect(recurringQuarters(2024, "2024-12-31")).toEqual([]);
  });
});
