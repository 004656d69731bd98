import { excelError, isCustomFunctionsError } from "../support/customFunctionsStub";
import { ATTAIN, DAYSLATE, DUE, MET, RATE, STATUS, TARGET } from "../../src/functions/functions";
import * as indicatorTargetModule from "../../src/domain/indicatorTarget";
import * as ratesModule from "../../src/domain/rates";
import { getIndicators } from "../../src/plan/indicators";
import { isoToSerial, todayIso } from "../../src/domain/excelDate";
import { addDays } from "../../src/domain/isoDate";
import {
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
} from "../../src/domain/taskState";

const s = (iso: string): number => isoToSerial(iso) as number;

/** How the runtime passes an omitted optional argument. */
const OMITTED = null;

describe("CCHC.RATE", () => {
  it("is 1 when the parts add up to the total but for rounding (0.1 + 0.2 vs 0.3)", () => {
    expect(RATE([[0.1, 0.2]], [[0.3]])).toBe(1);
    expect(RATE([[0.1, 0.2]], [[0.29]])).toEqual(excelError("#NUM!"));
  });

  it("divides two numbers (a single value arrives as a 1×1 matrix)", () => {
    expect(RATE([[953]], [[1000]])).toBeCloseTo(0.953, 12);
  });

  it("sums ranges, blank cells ('' or null) as 0", () => {
    expect(RATE([[10], [""], [null], [30]], [[20], [20], [null], [40]])).toBe(0.5);
  });

  it("total = 0 → #DIV/0!", () => {
    expect(RATE([[0]], [[0]])).toEqual(excelError("#DIV/0!"));
    expect(RATE([[null]], [[""]])).toEqual(excelError("#DIV/0!", "bằng 0"));
  });

  it("a negative → #NUM!", () => {
    expect(RATE([[-1]], [[10]])).toEqual(excelError("#NUM!", "âm"));
    expect(RATE([[1]], [[5], [-10]])).toEqual(excelError("#NUM!", "âm"));
  });

  it("part > total → #NUM! with a message", () => {
    expect(RATE([[11]], [[10]])).toEqual(excelError("#NUM!", "lớn hơn"));
  });

  it("text that is not a number → #VALUE! with a message", () => {
    expect(RATE([["mười"]], [[10]])).toEqual(excelError("#VALUE!", '"mười"'));
    expect(RATE([[1]], [[true]])).toEqual(excelError("#VALUE!", "TRUE"));
  });

  it("an error value in the input is passed on", () => {
    expect(
      RATE([[1], [new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "x")]], [[10]])
    ).toEqual(excelError("#N/A", "#N/A"));
    expect(RATE([[1]], [["#DIV/0!"]])).toEqual(excelError("#DIV/0!"));
    // #REF! and #NAME? cannot be returned by a custom function: #VALUE! naming the original error
    expect(
      RATE([[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference)]], [[1]])
    ).toEqual(excelError("#VALUE!", "#REF!"));
  });
});

describe("CCHC.ATTAIN", () => {
  it("higher is better by default: actual ÷ target", () => {
    expect(ATTAIN(0.9, 0.95, OMITTED)).toBeCloseTo(0.9 / 0.95, 12);
    expect(ATTAIN(3, 2, ">")).toBe(1.5);
  });

  it("lower is better: target ÷ actual", () => {
    expect(ATTAIN(0.1, 0.05, "<=")).toBe(0.5);
  });

  it("accepts an indicator id as the target, with the indicator's comparison", () => {
    expect(ATTAIN(0.76, "3.5b", OMITTED)).toBeCloseTo(0.76 / 0.8, 12);
  });

  it("blank actual or target → #N/A (no data yet)", () => {
    expect(ATTAIN(null, 0.95, OMITTED)).toEqual(excelError("#N/A", "chưa có số liệu"));
    expect(ATTAIN("", 0.95, OMITTED)).toEqual(excelError("#N/A"));
    expect(ATTAIN(0.9, null, OMITTED)).toEqual(excelError("#N/A"));
  });

  it("negatives → #NUM!", () => {
    expect(ATTAIN(-0.1, 0.95, OMITTED)).toEqual(excelError("#NUM!", "âm"));
    expect(ATTAIN(0.1, -0.95, OMITTED)).toEqual(excelError("#NUM!", "âm"));
  });

  it("division by zero → #DIV/0!", () => {
    expect(ATTAIN(0.5, 0, OMITTED)).toEqual(excelError("#DIV/0!"));
    expect(ATTAIN(0, 0.05, "<=")).toEqual(excelError("#DIV/0!"));
  });

  it("a bad comparison → #VALUE! listing the accepted ones", () => {
    expect(ATTAIN(0.9, 0.95, "trên")).toEqual(excelError("#VALUE!", '">="'));
  });

  it("text that is neither a number nor an indicator id → #VALUE! / #N/A", () => {
    expect(ATTAIN("chín mươi", 0.95, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(ATTAIN(0.9, "không có", OMITTED)).toEqual(excelError("#N/A", "PL."));
  });

  it("a multi-cell range where one value is expected → #VALUE!", () => {
    expect(ATTAIN([[0.9, 0.8]], 0.95, OMITTED)).toEqual(excelError("#VALUE!", "vùng"));
    expect(ATTAIN([[0.9]], [[0.9]], OMITTED)).toBe(1);
  });

  it("passes on input errors", () => {
    expect(
      ATTAIN(new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero), 0.95, OMITTED)
    ).toEqual(excelError("#DIV/0!"));
    expect(ATTAIN(0.9, "#N/A", OMITTED)).toEqual(excelError("#N/A"));
  });
});

describe("CCHC.MET", () => {
  it("honours the comparison; '>' is strict", () => {
    expect(MET(0.95, 0.95, OMITTED)).toBe(true);
    expect(MET(0.95, 0.95, ">")).toBe(false);
    expect(MET(0.951, 0.95, ">")).toBe(true);
    expect(MET(0.04, 0.05, "<=")).toBe(true);
    expect(MET(0.06, 0.05, "≤")).toBe(false);
  });

  it("takes the satisfaction indicator's '>' when given its id", () => {
    expect(MET(0.95, "3.6", OMITTED)).toBe(false);
    expect(MET(0.96, "3.6", OMITTED)).toBe(true);
    expect(MET(0.95, "3.6", ">=")).toBe(true); // an explicit comparison wins
  });

  it("works on the result of RATE and TARGET", () => {
    expect(MET(RATE([[80]], [[100]]), TARGET("3.5b"), OMITTED)).toBe(true);
    expect(MET(RATE([[79]], [[100]]), TARGET("3.5b"), OMITTED)).toBe(false);
  });

  it("error paths", () => {
    expect(MET(null, 0.95, OMITTED)).toEqual(excelError("#N/A"));
    expect(MET(-1, 0.95, OMITTED)).toEqual(excelError("#NUM!"));
    expect(MET(0.9, 0.95, "x")).toEqual(excelError("#VALUE!"));
    expect(MET(true, 0.95, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(MET(RATE([[1]], [[0]]), 0.95, OMITTED)).toEqual(excelError("#DIV/0!"));
  });
});

describe("CCHC.TARGET", () => {
  it("gives % targets as fractions and counts as counts, for every indicator of the plan", () => {
    const indicators = getIndicators();
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) {
      expect(TARGET(i.id)).toBe(i.unit === "%" ? i.target / 100 : i.target);
    }
  });

  it("knows the seed's targets", () => {
    expect(TARGET("3.5b")).toBe(0.8); // online payment transactions ≥ 80%
    expect(TARGET("3.6")).toBe(0.95); // satisfaction > 95%
  });

  it("ignores case and spaces; an id typed into a cell as a number works", () => {
    expect(TARGET(" 3.5B ")).toBe(0.8);
    expect(TARGET(3.6)).toBe(0.95);
    expect(TARGET([["3.6"]])).toBe(0.95);
  });

  it("an unknown id → #N/A with a message showing how ids look", () => {
    const r = TARGET("9.9z");
    expect(r).toEqual(excelError("#N/A", "3.5b"));
    expect(isCustomFunctionsError(r) && r.message).toContain("PL.III.1.2a");
  });

  it("other error paths", () => {
    expect(TARGET(null)).toEqual(excelError("#N/A", "chưa nhập"));
    expect(TARGET(true)).toEqual(excelError("#VALUE!"));
    expect(TARGET("#N/A")).toEqual(excelError("#N/A"));
    expect(TARGET([["3.6", "3.5b"]])).toEqual(excelError("#VALUE!"));
  });
});

describe("CCHC.DUE", () => {
  it("returns the due date as an Excel serial", () => {
    expect(DUE("Quý I/2024", OMITTED)).toBe(s("2024-03-31"));
    expect(DUE("Tháng 01/2024", OMITTED)).toBe(s("2024-01-31"));
    expect(DUE("Năm 2024", OMITTED)).toBe(s("2024-12-31"));
    expect(DUE("Quý I-III/2024", OMITTED)).toBe(s("2024-09-30"));
  });

  it("uses the year argument for text without a year", () => {
    expect(DUE("Quý II", 2025)).toBe(s("2025-06-30"));
    expect(DUE("Quý II", "2025")).toBe(s("2025-06-30"));
  });

  it("milestone then recurring: the first milestone", () => {
    expect(DUE("Tháng 01/2024 Thường xuyên", OMITTED)).toBe(s("2024-01-31"));
  });

  it("a date (serial) is returned as it is, without the time", () => {
    expect(DUE(45296.5, OMITTED)).toBe(45296);
  });

  it("recurring text with no due date → #N/A saying so", () => {
    expect(DUE("Thường xuyên", OMITTED)).toEqual(excelError("#N/A", "thường xuyên"));
  });

  it("unreadable text → #N/A with the parser's reason", () => {
    expect(DUE("Quý V/2024", OMITTED)).toEqual(excelError("#N/A", "Quý V/2024"));
    expect(DUE("abc", OMITTED)).toEqual(excelError("#N/A", "không đọc được"));
  });

  it("other error paths", () => {
    expect(DUE(null, OMITTED)).toEqual(excelError("#N/A", "ô trống"));
    expect(DUE(-3, OMITTED)).toEqual(excelError("#NUM!"));
    expect(DUE(true, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(DUE("Quý I/2024", "hai nghìn")).toEqual(excelError("#VALUE!"));
    expect(DUE("Quý I/2024", 1800)).toEqual(excelError("#NUM!"));
    expect(DUE("Quý I/2024", 2024.5)).toEqual(excelError("#NUM!"));
    expect(DUE("#VALUE!", OMITTED)).toEqual(excelError("#VALUE!"));
    expect(DUE([["Quý I/2024"], ["Quý II/2024"]], OMITTED)).toEqual(excelError("#VALUE!"));
  });
});

describe("CCHC.STATUS", () => {
  const due = s("2024-03-31");

  it("gives every state", () => {
    expect(STATUS(due, s("2024-03-30"), s("2024-05-01"), OMITTED)).toBe(STATE_DONE);
    expect(STATUS(due, s("2024-04-02"), s("2024-05-01"), OMITTED)).toBe(STATE_DONE_LATE);
    expect(STATUS(due, OMITTED, s("2024-04-01"), OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS(due, OMITTED, s("2024-03-24"), OMITTED)).toBe(STATE_DUE_SOON);
    expect(STATUS(due, OMITTED, s("2024-03-23"), OMITTED)).toBe(STATE_ON_TRACK);
    expect(STATUS("Thường xuyên", OMITTED, s("2024-03-23"), OMITTED)).toBe(STATE_RECURRING);
  });

  it("soon_days widens or narrows 'Sắp đến hạn'", () => {
    expect(STATUS(due, OMITTED, s("2024-03-01"), 30)).toBe(STATE_DUE_SOON);
    expect(STATUS(due, OMITTED, s("2024-03-30"), 0)).toBe(STATE_ON_TRACK);
    expect(STATUS(due, OMITTED, s("2024-03-30"), "3")).toBe(STATE_DUE_SOON);
  });

  it("due may be a serial, dd/mm/yyyy text or a deadline text of the plan", () => {
    const asOf = s("2024-03-25");
    expect(STATUS("31/03/2024", OMITTED, asOf, OMITTED)).toBe(STATE_DUE_SOON);
    expect(STATUS("Quý I/2024", OMITTED, asOf, OMITTED)).toBe(STATE_DUE_SOON);
    expect(STATUS("Tháng 01/2024", OMITTED, asOf, OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS("Tháng 01/2024 Thường xuyên", OMITTED, asOf, OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS("Năm 2024", OMITTED, asOf, OMITTED)).toBe(STATE_ON_TRACK);
  });

  it("done_date and as_of may be date text; blank or 0 means none", () => {
    expect(STATUS(due, "30/03/2024", "01/05/2024", OMITTED)).toBe(STATE_DONE);
    expect(STATUS(due, "", s("2024-04-01"), OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS(due, 0, s("2024-04-01"), OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS(null, OMITTED, s("2024-04-01"), OMITTED)).toBe(STATE_RECURRING);
    expect(STATUS(0, OMITTED, s("2024-04-01"), OMITTED)).toBe(STATE_RECURRING);
  });

  it("as_of omitted means today", () => {
    const today = todayIso();
    expect(STATUS(s(addDays(today, -1)), OMITTED, OMITTED, OMITTED)).toBe(STATE_OVERDUE);
    expect(STATUS(s(addDays(today, 3)), OMITTED, OMITTED, OMITTED)).toBe(STATE_DUE_SOON);
    expect(STATUS(s(addDays(today, 30)), OMITTED, OMITTED, OMITTED)).toBe(STATE_ON_TRACK);
  });

  it("error paths", () => {
    expect(STATUS("Quý V/2024", OMITTED, due, OMITTED)).toEqual(excelError("#N/A", "Quý V/2024"));
    expect(STATUS(due, "hôm qua", due, OMITTED)).toEqual(excelError("#VALUE!", "dd/mm/yyyy"));
    expect(STATUS(due, "31/02/2024", due, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(STATUS(due, OMITTED, "ngày mai", OMITTED)).toEqual(excelError("#VALUE!"));
    expect(STATUS(due, OMITTED, due, -1)).toEqual(excelError("#NUM!"));
    expect(STATUS(due, OMITTED, due, "bảy")).toEqual(excelError("#VALUE!"));
    expect(STATUS(-5, OMITTED, due, OMITTED)).toEqual(excelError("#NUM!"));
    expect(STATUS(3_000_000, OMITTED, due, OMITTED)).toEqual(excelError("#NUM!"));
    expect(STATUS(true, OMITTED, due, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(STATUS([[due, due]], OMITTED, due, OMITTED)).toEqual(excelError("#VALUE!"));
    expect(
      STATUS(
        new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable),
        OMITTED,
        due,
        OMITTED
      )
    ).toEqual(excelError("#N/A"));
  });
});

describe("CCHC.DAYSLATE", () => {
  const due = s("2024-03-31");

  it("counts whole days late, 0 when not late", () => {
    expect(DAYSLATE(due, OMITTED, s("2024-04-10"))).toBe(10);
    expect(DAYSLATE(due, OMITTED, s("2024-03-01"))).toBe(0);
    expect(DAYSLATE(due, s("2024-04-02"), s("2024-12-31"))).toBe(2);
    expect(DAYSLATE(due, s("2024-03-02"), s("2024-12-31"))).toBe(0);
    expect(DAYSLATE("Thường xuyên", OMITTED, s("2024-12-31"))).toBe(0);
    expect(DAYSLATE("Quý I/2024", "05/04/2024", OMITTED)).toBe(5);
  });

  it("error paths", () => {
    expect(DAYSLATE("abc", OMITTED, due)).toEqual(excelError("#N/A"));
    expect(DAYSLATE(due, "x", due)).toEqual(excelError("#VALUE!"));
    expect(DAYSLATE(due, OMITTED, -1)).toEqual(excelError("#NUM!"));
  });
});

describe("no JavaScript exception escapes", () => {
  it("an unexpected failure inside becomes #VALUE! with a message", () => {
    const spyTarget = jest.spyOn(indicatorTargetModule, "targetValue").mockImplementation(() => {
      throw new Error("boom");
    });
    const spyMet = jest.spyOn(ratesModule, "met").mockImplementation(() => {
      throw new Error("boom");
    });
    try {
      expect(TARGET("3.6")).toEqual(excelError("#VALUE!", "boom"));
      expect(MET(0.9, 0.95, OMITTED)).toEqual(excelError("#VALUE!", "Lỗi không mong đợi"));
    } finally {
      spyTarget.mockRestore();
      spyMet.mockRestore();
    }
  });

  it("undefined (not how Excel passes an omitted argument, but possible from code) is treated as blank", () => {
    expect(STATUS(s("2024-03-31"), undefined, s("2024-04-01"), undefined)).toBe(STATE_OVERDUE);
    expect(ATTAIN(0.9, 0.9)).toBe(1);
  });
});
