/**
 * The one verdict rule (src/domain/verdict.ts): counts judged against what is due over the reporting
 * months a value covers (the year to date, or a report period), rates as they stand, the "Gần đạt"
 * band for %, counts and lower-is-better.
 */
import {
  countDue,
  judgeIndicator,
  monthsElapsed,
  VERDICT_MET,
  VERDICT_MISSED,
  VERDICT_NEAR,
  VERDICT_ON_TRACK,
  type VerdictInput,
} from "../../src/domain/verdict";

// Reporting months (NĐ 09/2019): T9 = 15/08–14/09 has ended on 14/09.
test.each([
  ["2024-09-30", 9],
  ["2024-09-14", 9],
  ["2024-09-13", 8],
  ["2024-01-13", 0],
  ["2024-01-14", 1],
  ["2024-02-29", 2],
  ["2024-12-13", 11],
  ["2024-12-14", 12],
  ["2024-12-31", 12],
  ["2025-03-01", 12],
  ["2023-12-31", 0],
])("reporting months of 2024 ended by %s: %i", (asOf, months) => {
  expect(monthsElapsed(asOf, 2024)).toBe(months);
});

test("what is due of an annual count: whole units, rounded down", () => {
  expect([0, 5, 6, 9, 11, 12].map((m) => countDue(2, m))).toEqual([0, 0, 1, 1, 1, 2]);
  expect([1, 9, 12].map((m) => countDue(12, m))).toEqual([1, 9, 12]);
  expect(countDue(1, 11)).toBe(0);
});

const judge = (over: Partial<VerdictInput>) =>
  judgeIndicator({
    unit: "count",
    target: 2,
    comparison: ">=",
    value: 0,
    months: 9,
    marginPoints: 5,
    ...over,
  });

describe("an annual count (ít nhất 2 sáng kiến)", () => {
  test("in September 1 of 2 is on track, not missed; 2 of 2 is met for good", () => {
    expect(judge({ value: 1 })).toBe(VERDICT_ON_TRACK);
    expect(judge({ value: 2 })).toBe(VERDICT_MET);
    expect(judge({ value: 0 })).toBe(VERDICT_MISSED);
    expect(judge({ value: 0, months: 5 })).toBe(VERDICT_ON_TRACK);
  });

  test("at the year's end the annual level decides", () => {
    expect(judge({ value: 1, months: 12 })).toBe(VERDICT_MISSED);
    expect(judge({ value: 2, months: 12 })).toBe(VERDICT_MET);
  });

  test("a large count is near when short of what is due by at most the margin (percent of it)", () => {
    const inspections = { target: 40, months: 12 };
    expect(judge({ ...inspections, value: 38 })).toBe(VERDICT_NEAR); // 2 short of 40: 5%
    expect(judge({ ...inspections, value: 37 })).toBe(VERDICT_MISSED);
    expect(judge({ target: 40, months: 6, value: 19 })).toBe(VERDICT_NEAR); // 20 due, 1 short
    expect(judge({ target: 40, months: 6, value: 20 })).toBe(VERDICT_ON_TRACK);
    expect(judge({ target: 12, months: 9, value: 8, marginPoints: 20 })).toBe(VERDICT_NEAR);
  });

  test("a count that must stay low is only met once the year is over", () => {
    const cap = { comparison: "<=" as const, target: 2 };
    expect(judge({ ...cap, value: 2 })).toBe(VERDICT_ON_TRACK);
    expect(judge({ ...cap, value: 2, months: 12 })).toBe(VERDICT_MET);
    expect(judge({ ...cap, value: 3 })).toBe(VERDICT_MISSED); // over the cap: no way back
    expect(judge({ comparison: "<=", target: 40, value: 42 })).toBe(VERDICT_NEAR);
    expect(judge({ comparison: "=", target: 3, value: 3 })).toBe(VERDICT_ON_TRACK);
    expect(judge({ comparison: "=", target: 3, value: 3, months: 12 })).toBe(VERDICT_MET);
    expect(judge({ comparison: ">", target: 2, value: 3 })).toBe(VERDICT_MET);
    expect(judge({ comparison: ">", target: 2, value: 1 })).toBe(VERDICT_ON_TRACK);
  });
});

describe("a report period: a count against its share of the year due over the period's months", () => {
  const quarter = (first: number, last: number, value: number) =>
    judge({ firstMonth: first, months: last, value });

  test("2 a year: Quý I's share is 0, Quý II's 1, Quý IV's 1 (the shares add up to the year)", () => {
    expect(quarter(1, 3, 0)).toBe(VERDICT_ON_TRACK);
    expect(quarter(4, 6, 0)).toBe(VERDICT_MISSED);
    expect(quarter(4, 6, 1)).toBe(VERDICT_ON_TRACK);
    expect(quarter(10, 12, 1)).toBe(VERDICT_ON_TRACK);
    expect(quarter(10, 12, 2)).toBe(VERDICT_MET); // the annual level within the quarter
  });

  test("only all twelve months are judged against the annual level alone", () => {
    expect(quarter(1, 12, 1)).toBe(VERDICT_MISSED);
    expect(quarter(1, 6, 1)).toBe(VERDICT_ON_TRACK); // 6 tháng: 1 due
    expect(judge({ comparison: "<=", target: 2, value: 1, firstMonth: 10, months: 12 })).toBe(
      VERDICT_ON_TRACK
    );
  });
});

describe("a rate is judged as it stands, whatever the date", () => {
  const rate = (value: number, over: Partial<VerdictInput> = {}) =>
    judge({ unit: "%", target: 0.95, value, months: 3, ...over });

  test("≥ 95%: 5 points of band", () => {
    expect(rate(0.95)).toBe(VERDICT_MET);
    expect(rate(0.9)).toBe(VERDICT_NEAR);
    expect(rate(0.89)).toBe(VERDICT_MISSED);
    expect(rate(0.9, { marginPoints: 0 })).toBe(VERDICT_MISSED);
  });

  test("lower is better (không quá 5%): up to 5 points above is near", () => {
    const low = { comparison: "<=" as const, target: 0.05 };
    expect(rate(0.05, low)).toBe(VERDICT_MET);
    expect(rate(0.1, low)).toBe(VERDICT_NEAR);
    expect(rate(0.11, low)).toBe(VERDICT_MISSED);
    expect(rate(0.84, { target: 0.9 })).toBe(VERDICT_MISSED); // 6 points, not "near" by a rounding error
    expect(rate(0.85, { target: 0.9 })).toBe(VERDICT_NEAR);
  });
});
