/**
 * The verdict rules (src/domain/indicatorVerdict.ts): counts over the year judged against what is due
 * by the report date, rates as they stand, the "Gần đạt" band for %, counts and lower-is-better.
 */
import {
  countDue,
  judgeIndicator,
  monthsElapsed,
  type VerdictInput,
} from "../../src/domain/indicatorVerdict";

test.each([
  ["2024-09-30", 9],
  ["2024-09-15", 8],
  ["2024-01-30", 0],
  ["2024-01-31", 1],
  ["2024-02-29", 2],
  ["2024-12-30", 11],
  ["2024-12-31", 12],
  ["2025-03-01", 12],
  ["2023-12-31", 0],
])("months of 2024 ended by %s: %i", (asOf, months) => {
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
    expect(judge({ value: 1 })).toBe("onTrack");
    expect(judge({ value: 2 })).toBe("met");
    expect(judge({ value: 0 })).toBe("missed");
    expect(judge({ value: 0, months: 5 })).toBe("onTrack");
  });

  test("at the year's end the annual level decides", () => {
    expect(judge({ value: 1, months: 12 })).toBe("missed");
    expect(judge({ value: 2, months: 12 })).toBe("met");
  });

  test("a large count is near when short of what is due by at most the margin (percent of it)", () => {
    const inspections = { target: 40, months: 12 };
    expect(judge({ ...inspections, value: 38 })).toBe("near"); // 2 short of 40: 5%
    expect(judge({ ...inspections, value: 37 })).toBe("missed");
    expect(judge({ target: 40, months: 6, value: 19 })).toBe("near"); // 20 due, 1 short
    expect(judge({ target: 40, months: 6, value: 20 })).toBe("onTrack");
    expect(judge({ target: 12, months: 9, value: 8, marginPoints: 20 })).toBe("near");
  });

  test("a count that must stay low is only met once the year is over", () => {
    const cap = { comparison: "<=" as const, target: 2 };
    expect(judge({ ...cap, value: 2 })).toBe("onTrack");
    expect(judge({ ...cap, value: 2, months: 12 })).toBe("met");
    expect(judge({ ...cap, value: 3 })).toBe("missed"); // over the cap: no way back
    expect(judge({ comparison: "<=", target: 40, value: 42 })).toBe("near");
    expect(judge({ comparison: "=", target: 3, value: 3 })).toBe("onTrack");
    expect(judge({ comparison: "=", target: 3, value: 3, months: 12 })).toBe("met");
    expect(judge({ comparison: ">", target: 2, value: 3 })).toBe("met");
    expect(judge({ comparison: ">", target: 2, value: 1 })).toBe("onTrack");
  });
});

describe("a rate is judged as it stands, whatever the date", () => {
  const rate = (value: number, over: Partial<VerdictInput> = {}) =>
    judge({ unit: "%", target: 0.95, value, months: 3, ...over });

  test("≥ 95%: 5 points of band", () => {
    expect(rate(0.95)).toBe("met");
    expect(rate(0.9)).toBe("near");
    expect(rate(0.89)).toBe("missed");
    expect(rate(0.9, { marginPoints: 0 })).toBe("missed");
  });

  test("lower is better (không quá 5%): up to 5 points above is near", () => {
    const low = { comparison: "<=" as const, target: 0.05 };
    expect(rate(0.05, low)).toBe("met");
    expect(rate(0.1, low)).toBe("near");
    expect(rate(0.11, low)).toBe("missed");
    expect(rate(0.84, { target: 0.9 })).toBe("missed"); // 6 points, not "near" by a rounding error
    expect(rate(0.85, { target: 0.9 })).toBe("near");
  });
});
