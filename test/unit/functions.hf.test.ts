/**
 * The CCHC functions inside a real spreadsheet engine (HyperFormula, test-only): ranges, nesting,
 * omitted and empty optional arguments, error propagation, dates in Excel's 1900 system.
 */
import fc from "fast-check";
import type { HyperFormula } from "hyperformula";
import {
  createEngine,
  errorCodeOf,
  errorMessageOf,
  evaluateFormula,
  valueAt,
} from "../support/hyperformula";
import { isoToSerial, todayIso } from "../../src/domain/excelDate";
import { addDays } from "../../src/domain/isoDate";
import { rate } from "../../src/domain/rates";
import {
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
} from "../../src/domain/taskState";

const s = (iso: string): number => isoToSerial(iso) as number;

let engines: HyperFormula[] = [];
function engine(...args: Parameters<typeof createEngine>): HyperFormula {
  const hf = createEngine(...args);
  engines.push(hf);
  return hf;
}
afterEach(() => {
  engines.forEach((hf) => hf.destroy());
  engines = [];
});

describe("engine set-up", () => {
  it("counts dates like Excel, 1900 leap-year quirk included", () => {
    expect(evaluateFormula("=DATE(1900,2,28)")).toBe(59);
    expect(evaluateFormula("=DATE(1900,3,1)")).toBe(61);
    expect(evaluateFormula("=DATE(2024,1,5)")).toBe(45296);
    expect(evaluateFormula("=DATE(2024,3,31)")).toBe(s("2024-03-31"));
  });

  it("knows every CCHC function (dotted names are registered with translations)", () => {
    for (const f of [
      "RATE(1,2)",
      'TARGET("3.6")',
      'DUE("Năm 2024")',
      "STATUS(1,,2)",
      "DAYSLATE(1,,2)",
      "MET(1,1)",
      "ATTAIN(1,1)",
    ]) {
      expect(errorCodeOf(evaluateFormula(`=CCHC.${f}`))).not.toBe("#NAME?");
    }
  });
});

describe("=CCHC.RATE over ranges", () => {
  /** Twelve months: online dossiers (B) of all dossiers received (C). */
  const months: [number | null, number | null][] = [
    [88, 100],
    [90, 100],
    [91, 100],
    [null, null], // month not reported yet: blank cells
    [93, 100],
    [94, 100],
    [95, 100],
    [96, 100],
    [96, 100],
    [97, 100],
    [97, 100],
    [98, 100],
  ];
  const sheet = [["Tháng", "Trực tuyến", "Tiếp nhận"], ...months.map(([a, b], i) => [i + 1, a, b])];

  it("=CCHC.RATE(B2:B13,C2:C13) sums both ranges, then divides", () => {
    const hf = engine({ Sheet1: [...sheet, [null, "=CCHC.RATE(B2:B13,C2:C13)"]] });
    const part = months.reduce((t, [a]) => t + (a ?? 0), 0);
    const total = months.reduce((t, [, b]) => t + (b ?? 0), 0);
    expect(valueAt(hf, "Sheet1", "B14")).toBeCloseTo(part / total, 9);
  });

  it("takes single cells and numbers too", () => {
    const hf = engine({
      Sheet1: [...sheet, [null, "=CCHC.RATE(B2,C2)", "=CCHC.RATE(B2,100)", "=CCHC.RATE(953,1000)"]],
    });
    expect(valueAt(hf, "Sheet1", "B14")).toBeCloseTo(0.88, 12);
    expect(valueAt(hf, "Sheet1", "C14")).toBeCloseTo(0.88, 12);
    expect(valueAt(hf, "Sheet1", "D14")).toBeCloseTo(0.953, 12);
  });

  it("agrees with the domain for any column of counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const hf = createEngine({
            S: [
              ...rows.map(([a, b]) => [a, b]),
              [`=CCHC.RATE(A1:A${rows.length},B1:B${rows.length})`],
            ],
          });
          try {
            const got = valueAt(hf, "S", `A${rows.length + 1}`);
            const want = rate(
              rows.map(([a]) => [a]),
              rows.map(([, b]) => [b])
            );
            if (want.ok) expect(got).toBeCloseTo(want.value, 9);
            else
              expect(errorCodeOf(got)).toBe(
                { div0: "#DIV/0!", num: "#NUM!" }[want.error as "div0" | "num"]
              );
          } finally {
            hf.destroy();
          }
        }
      ),
      { numRuns: 150 }
    );
  });

  it("gives the Excel errors, with the Vietnamese message kept", () => {
    const hf = engine({
      Sheet1: [
        [0, 0, "=CCHC.RATE(A1,B1)"],
        [5, 4, "=CCHC.RATE(A2,B2)"],
        [-1, 4, "=CCHC.RATE(A3,B3)"],
        ["năm", 4, "=CCHC.RATE(A4,B4)"],
        ["=1/0", 4, "=CCHC.RATE(A5:A5,B5)"],
        ["=NA()", 4, "=CCHC.RATE(A5:A6,B5:B6)"],
        [null, null, "=CCHC.RATE(A6,B6)"],
      ],
    });
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C1"))).toBe("#DIV/0!");
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C2"))).toBe("#NUM!");
    expect(errorMessageOf(valueAt(hf, "Sheet1", "C2"))).toMatch(/lớn hơn/);
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C3"))).toBe("#NUM!");
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C4"))).toBe("#VALUE!");
    expect(errorMessageOf(valueAt(hf, "Sheet1", "C4"))).toContain('"năm"');
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C5"))).toBe("#DIV/0!"); // passed on from the range
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C6"))).toBe("#DIV/0!"); // first error in reading order (A5)
    expect(errorCodeOf(valueAt(hf, "Sheet1", "C7"))).toBe("#N/A");
  });

  it("IFERROR around it gives the sheet an empty month instead of an error wall", () => {
    const hf = engine({ Sheet1: [[null, null, '=IFERROR(CCHC.RATE(A1,B1),"")']] });
    expect(valueAt(hf, "Sheet1", "C1")).toBe("");
  });
});

describe("targets, attainment, met", () => {
  it('=CCHC.MET(CCHC.RATE(A1,B1),CCHC.TARGET("3.5b"))', () => {
    const hf = engine({
      Sheet1: [
        [80, 100, '=CCHC.MET(CCHC.RATE(A1,B1),CCHC.TARGET("3.5b"))'],
        [79, 100, '=CCHC.MET(CCHC.RATE(A2,B2),CCHC.TARGET("3.5b"))'],
      ],
    });
    expect(valueAt(hf, "Sheet1", "C1")).toBe(true);
    expect(valueAt(hf, "Sheet1", "C2")).toBe(false);
  });

  it("'trên 95%' is strict: the indicator id carries its comparison", () => {
    const hf = engine({
      Sheet1: [
        [
          95,
          100,
          '=CCHC.MET(CCHC.RATE(A1,B1),"3.6")',
          '=CCHC.MET(CCHC.RATE(A1,B1),CCHC.TARGET("3.6"),">")',
        ],
        [
          96,
          100,
          '=CCHC.MET(CCHC.RATE(A2,B2),"3.6")',
          '=CCHC.MET(CCHC.RATE(A2,B2),CCHC.TARGET("3.6"))',
        ],
      ],
    });
    expect(valueAt(hf, "Sheet1", "C1")).toBe(false);
    expect(valueAt(hf, "Sheet1", "D1")).toBe(false);
    expect(valueAt(hf, "Sheet1", "C2")).toBe(true);
    expect(valueAt(hf, "Sheet1", "D2")).toBe(true);
  });

  it("ATTAIN with omitted, empty and explicit comparison", () => {
    const hf = engine({
      Sheet1: [
        [
          0.76,
          0.8,
          "=CCHC.ATTAIN(A1,B1)",
          "=CCHC.ATTAIN(A1,B1,)",
          '=CCHC.ATTAIN(A1,B1,"<=")',
          "=CCHC.ATTAIN(A1,C2)",
        ],
      ],
    });
    // HyperFormula rounds displayed numbers to 10 significant digits (its default precisionRounding).
    expect(valueAt(hf, "Sheet1", "C1")).toBeCloseTo(0.95, 9);
    expect(valueAt(hf, "Sheet1", "D1")).toBeCloseTo(0.95, 9);
    expect(valueAt(hf, "Sheet1", "E1")).toBeCloseTo(0.8 / 0.76, 9);
    expect(errorCodeOf(valueAt(hf, "Sheet1", "F1"))).toBe("#N/A"); // blank target: no data
  });

  it("TARGET of an unknown id is #N/A with a message on how ids look", () => {
    const v = evaluateFormula('=CCHC.TARGET("9.9")');
    expect(errorCodeOf(v)).toBe("#N/A");
    expect(errorMessageOf(v)).toContain("3.5b");
  });
});

describe("deadlines and task state", () => {
  it("=CCHC.DUE gives date serials Excel formats as dates", () => {
    const hf = engine({
      Sheet1: [
        ['=CCHC.DUE("Quý I/2024")', "=DATE(2024,3,31)"],
        ['=CCHC.DUE("Quý II",2025)', "=DATE(2025,6,30)"],
        ['=CCHC.DUE("Thường xuyên")', null],
      ],
    });
    expect(valueAt(hf, "Sheet1", "A1")).toBe(valueAt(hf, "Sheet1", "B1"));
    expect(valueAt(hf, "Sheet1", "A2")).toBe(valueAt(hf, "Sheet1", "B2"));
    expect(errorCodeOf(valueAt(hf, "Sheet1", "A3"))).toBe("#N/A");
  });

  it("=CCHC.STATUS with an as-of name, empty and omitted arguments", () => {
    const hf = engine(
      {
        Sheet1: [
          ['=CCHC.STATUS(CCHC.DUE("Quý I/2024"),,NgayBaoCao)', null],
          ["=CCHC.STATUS(A4,B4,NgayBaoCao)", null],
          ['=CCHC.STATUS("Năm 2024",,NgayBaoCao,SoNgaySapDenHan)', null],
          ["=DATE(2024,3,1)", "=DATE(2024,3,5)"],
          ['=CCHC.STATUS("Thường xuyên")', null],
          ['=CCHC.STATUS("Quý I/2024","",NgayBaoCao,)', null],
        ],
      },
      { names: { NgayBaoCao: "=DATE(2024,3,25)", SoNgaySapDenHan: 7 } }
    );
    expect(valueAt(hf, "Sheet1", "A1")).toBe(STATE_DUE_SOON);
    expect(valueAt(hf, "Sheet1", "A2")).toBe(STATE_DONE_LATE);
    expect(valueAt(hf, "Sheet1", "A3")).toBe(STATE_ON_TRACK);
    expect(valueAt(hf, "Sheet1", "A5")).toBe(STATE_RECURRING);
    expect(valueAt(hf, "Sheet1", "A6")).toBe(STATE_DUE_SOON);
  });

  it("TODAY() as as_of", () => {
    const yesterday = s(addDays(todayIso(), -1));
    const hf = engine({
      Sheet1: [[yesterday, "=CCHC.STATUS(A1,,TODAY())", "=CCHC.DAYSLATE(A1,,TODAY())"]],
    });
    expect(valueAt(hf, "Sheet1", "B1")).toBe(STATE_OVERDUE);
    expect(valueAt(hf, "Sheet1", "C1")).toBe(1);
  });

  it("=CCHC.DAYSLATE", () => {
    const hf = engine({
      Sheet1: [
        ["=CCHC.DAYSLATE(DATE(2024,3,31),,DATE(2024,4,10))"],
        ["=CCHC.DAYSLATE(DATE(2024,3,31),DATE(2024,4,2),DATE(2024,12,31))"],
        ['=CCHC.DAYSLATE("Quý I/2024","05/04/2024",DATE(2024,12,31))'],
        ['=CCHC.DAYSLATE("abc",,DATE(2024,12,31))'],
      ],
    });
    expect(valueAt(hf, "Sheet1", "A1")).toBe(10);
    expect(valueAt(hf, "Sheet1", "A2")).toBe(2);
    expect(valueAt(hf, "Sheet1", "A3")).toBe(5);
    expect(errorCodeOf(valueAt(hf, "Sheet1", "A4"))).toBe("#N/A");
  });

  it("a scalar error argument is passed on by the engine, as Excel does", () => {
    expect(errorCodeOf(evaluateFormula("=CCHC.STATUS(1/0)"))).toBe("#DIV/0!");
  });
});
