import fc from "fast-check";
import { isoToSerial, serialToIso } from "../../src/domain/excelDate";
import {
  ALL_TASK_STATES,
  daysLate,
  DEFAULT_SOON_DAYS,
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
  TASK_STATES,
  taskState,
} from "../../src/domain/taskState";

const DUE = "2024-03-31";

describe("state names", () => {
  it("are the Vietnamese strings the sheets show", () => {
    expect(TASK_STATES).toEqual({
      notApplicable: "Không áp dụng",
      done: "Hoàn thành",
      doneLate: "Hoàn thành trễ hạn",
      overdue: "Quá hạn",
      dueSoon: "Sắp đến hạn",
      onTrack: "Trong hạn",
      recurring: "Thường xuyên",
    });
    expect(new Set(ALL_TASK_STATES).size).toBe(7);
    expect(DEFAULT_SOON_DAYS).toBe(7);
  });

  it("are NFC-normalised, so they match text typed in Excel", () => {
    for (const s of ALL_TASK_STATES) expect(s).toBe(s.normalize("NFC"));
  });
});

describe("taskState: each rule", () => {
  it.each([
    // [due, done, asOf, soonDays, notApplicable, expected]
    [DUE, null, "2024-03-01", 7, true, STATE_NOT_APPLICABLE],
    [DUE, "2024-04-30", "2024-05-01", 7, true, STATE_NOT_APPLICABLE],
    [null, null, "2024-03-01", 7, true, STATE_NOT_APPLICABLE],
    [DUE, "2024-03-30", "2024-05-01", 7, false, STATE_DONE],
    [DUE, "2024-03-31", "2024-05-01", 7, false, STATE_DONE], // done on the due day is on time
    [DUE, "2024-04-01", "2024-05-01", 7, false, STATE_DONE_LATE],
    [null, "2024-04-01", "2024-05-01", 7, false, STATE_DONE], // recurring work done: done
    [null, null, "2024-05-01", 7, false, STATE_RECURRING],
    [DUE, null, "2024-04-01", 7, false, STATE_OVERDUE],
    [DUE, null, "2024-03-31", 7, false, STATE_DUE_SOON], // the due day itself
    [DUE, null, "2024-03-24", 7, false, STATE_DUE_SOON], // exactly soonDays before
    [DUE, null, "2024-03-23", 7, false, STATE_ON_TRACK], // one day more
    [DUE, null, "2024-03-30", 0, false, STATE_ON_TRACK],
    [DUE, null, "2024-03-31", 0, false, STATE_DUE_SOON],
    [DUE, null, "2024-01-01", 100, false, STATE_DUE_SOON],
  ])(
    "due %p done %p asOf %p soon %p n/a %p → %p",
    (due, done, asOf, soonDays, notApplicable, expected) => {
      expect(taskState({ due, done, asOf, soonDays, notApplicable })).toBe(expected);
    }
  );

  it("defaults soonDays to 7 and notApplicable to false", () => {
    expect(taskState({ due: DUE, done: null, asOf: "2024-03-24" })).toBe(STATE_DUE_SOON);
    expect(taskState({ due: DUE, done: null, asOf: "2024-03-23" })).toBe(STATE_ON_TRACK);
  });

  it("a done date after the as-of date still counts as done (the rule looks at done first)", () => {
    expect(taskState({ due: DUE, done: "2024-03-20", asOf: "2024-01-01" })).toBe(STATE_DONE);
  });

  it("counts across year ends and leap days", () => {
    expect(taskState({ due: "2025-01-03", done: null, asOf: "2024-12-27" })).toBe(STATE_DUE_SOON);
    expect(taskState({ due: "2024-03-01", done: null, asOf: "2024-02-23" })).toBe(STATE_DUE_SOON); // 7 days over 29/02
    expect(taskState({ due: "2024-03-01", done: null, asOf: "2024-02-22" })).toBe(STATE_ON_TRACK);
  });

  it("throws on malformed dates (callers validate user input first)", () => {
    expect(() => taskState({ due: "31/03/2024", done: null, asOf: DUE })).toThrow(RangeError);
    expect(() => taskState({ due: DUE, done: null, asOf: "" })).toThrow(RangeError);
    expect(() => taskState({ due: DUE, done: "2024-02-30", asOf: DUE })).toThrow(RangeError);
    expect(() => taskState({ due: DUE, done: null, asOf: DUE, soonDays: -1 })).toThrow(RangeError);
    expect(() => daysLate({ due: DUE, done: null, asOf: "x" })).toThrow(RangeError);
  });
});

describe("daysLate", () => {
  it.each([
    [DUE, null, "2024-04-10", false, 10],
    [DUE, null, "2024-03-31", false, 0],
    [DUE, null, "2024-03-01", false, 0],
    [DUE, "2024-04-02", "2024-12-31", false, 2], // done: counted to the done date, not to asOf
    [DUE, "2024-03-01", "2024-12-31", false, 0],
    [null, null, "2024-12-31", false, 0],
    [null, "2024-12-31", "2024-12-31", false, 0],
    [DUE, null, "2024-12-31", true, 0],
    ["2024-02-28", null, "2024-03-01", false, 2],
  ])("due %p done %p asOf %p n/a %p → %p", (due, done, asOf, notApplicable, expected) => {
    expect(daysLate({ due, done, asOf, notApplicable })).toBe(expected);
  });
});

describe("properties", () => {
  const serial = fc.integer({ min: isoToSerial("2020-01-01")!, max: isoToSerial("2030-12-31")! });
  const iso = serial.map((s) => serialToIso(s)!);
  const input = fc.record({
    due: fc.option(iso, { nil: null }),
    done: fc.option(iso, { nil: null }),
    asOf: iso,
    soonDays: fc.integer({ min: 0, max: 60 }),
    notApplicable: fc.boolean(),
  });

  it("late states go with days late, on-time states with none", () => {
    fc.assert(
      fc.property(input, (i) => {
        const state = taskState(i);
        const late = daysLate(i);
        expect(ALL_TASK_STATES).toContain(state);
        expect(Number.isInteger(late) && late >= 0).toBe(true);
        if (state === STATE_OVERDUE || state === STATE_DONE_LATE) expect(late).toBeGreaterThan(0);
        else expect(late).toBe(0);
      }),
      { numRuns: 3000 }
    );
  });

  it("is monotone in the as-of date for unfinished work: on track → due soon → overdue", () => {
    const order: string[] = [STATE_ON_TRACK, STATE_DUE_SOON, STATE_OVERDUE];
    fc.assert(
      fc.property(iso, serial, serial, fc.integer({ min: 0, max: 30 }), (due, a, b, soonDays) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const s1 = taskState({ due, done: null, asOf: serialToIso(early)!, soonDays });
        const s2 = taskState({ due, done: null, asOf: serialToIso(late)!, soonDays });
        expect(order.indexOf(s1)).toBeLessThanOrEqual(order.indexOf(s2));
      }),
      { numRuns: 2000 }
    );
  });
});
