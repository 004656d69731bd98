import fc from "fast-check";
import {
  parseNumberText,
  readNumber,
  readScalar,
  unwrapCellValue,
  inputError,
} from "../../src/domain/cellValue";
import {
  attainment,
  isMet,
  met,
  parseComparison,
  rate,
  rateCellByCell,
  readMeasure,
  sumCounts,
} from "../../src/domain/rates";
import { errorKindOfLiteral, type Result } from "../../src/domain/result";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error}: ${r.message}`);
  return r.value;
}

function errorOf<T>(r: Result<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${String(r.value)}`);
  return r.error;
}

describe("rate", () => {
  it("divides numbers and sums ranges first", () => {
    expect(value(rate(953, 1000))).toBeCloseTo(0.953, 12);
    expect(value(rate([[10], [20], [30]], [[20], [20], [40]]))).toBeCloseTo(0.75, 12);
    expect(value(rate([[1, 2, 3]], 12))).toBe(0.5);
  });

  it("counts blank cells as 0", () => {
    expect(value(rate([[5], [null], [""], ["  "], [undefined]], [[10], [null]]))).toBe(0.5);
  });

  it("accepts numbers typed as text", () => {
    expect(value(rate([["5"]], [[" 10 "]]))).toBe(0.5);
  });

  it("gives exactly the same double as the plain division (MET depends on it)", () => {
    expect(value(rate([[57]], [[60]]))).toBe(57 / 60);
    expect(value(rate(95, 100))).toBe(0.95);
  });

  it("total = 0 is #DIV/0!", () => {
    const r = rate(0, [[0], [null]]);
    expect(errorOf(r)).toBe("div0");
    expect(r.ok ? "" : r.message).toMatch(/bằng 0/);
  });

  it("a negative is #NUM!", () => {
    expect(errorOf(rate([[1], [-1]], 10))).toBe("num");
    expect(errorOf(rate(1, -10))).toBe("num");
  });

  it("part > total is #NUM! with a message", () => {
    const r = rate(11, 10);
    expect(errorOf(r)).toBe("num");
    expect(r.ok ? "" : r.message).toMatch(/lớn hơn/);
  });

  it("text that is not a number is #VALUE! naming the text", () => {
    const r = rate([["abc"]], 10);
    expect(errorOf(r)).toBe("value");
    expect(r.ok ? "" : r.message).toContain('"abc"');
    expect(errorOf(rate(1, [["1,234"]]))).toBe("value"); // ambiguous, never guessed
    expect(errorOf(rate([[true]], 10))).toBe("value");
    expect(errorOf(rate([[{}]], 10))).toBe("value");
  });

  it("passes on an Excel error value in the input, the first in reading order", () => {
    expect(errorOf(rate([[1], [{ code: "#N/A", message: "x" }]], 10))).toBe("na");
    expect(errorOf(rate([["#DIV/0!"]], 10))).toBe("div0");
    expect(errorOf(rate([[{ code: "#REF!" }]], [["#N/A"]]))).toBe("ref");
    expect(errorOf(rate(1, [[{ type: "Error", basicValue: "#NUM!", errorType: "Num" }]]))).toBe(
      "num"
    );
    // the other new error values become #VALUE!
    expect(errorOf(rate([["#SPILL!"]], 1))).toBe("value");
  });

  it("NaN and Infinity never leak", () => {
    expect(errorOf(rate(Number.NaN, 1))).toBe("num");
    expect(errorOf(rate(1, Number.POSITIVE_INFINITY))).toBe("num");
    expect(errorOf(rate([[Number.MAX_VALUE], [Number.MAX_VALUE]], 1))).toBe("num");
  });

  it("reads Excel data-type values through their basic value", () => {
    expect(value(rate([[{ type: "FormattedNumber", basicValue: 3, numberFormat: "0" }]], 4))).toBe(
      0.75
    );
  });

  it("sums nested arrays of any depth", () => {
    expect(value(sumCounts([1, [2, [3, [4]]], [[[]]]], "x"))).toBe(10);
  });

  it("is between 0 and 1 for any valid counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 24 }),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 24 }),
        (a, b) => {
          const part = a.map((x) => [x]);
          const total = b.map((x) => [x]);
          const sa = a.reduce((s, x) => s + x, 0);
          const sb = b.reduce((s, x) => s + x, 0);
          const r = rate(part, total);
          if (sb === 0) expect(errorOf(r)).toBe("div0");
          else if (sa > sb) expect(errorOf(r)).toBe("num");
          else {
            expect(value(r)).toBe(sa / sb);
            expect(value(r)).toBeGreaterThanOrEqual(0);
            expect(value(r)).toBeLessThanOrEqual(1);
          }
        }
      )
    );
  });

  test("two ranges of plain counts read in one pass give exactly what reading cell by cell gives", () => {
    // Mostly plain counts, sometimes a cell the one-pass reading leaves to the cell-by-cell one.
    const cell = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
      { weight: 4, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          -1,
          "",
          null,
          "7",
          "x",
          true,
          NaN,
          Infinity,
          1e308,
          "#N/A"
        ),
      }
    );
    const grid = (rows: number, cols: number) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      });
    const pair = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
      .chain(([rows, cols, sameShape]) =>
        fc.tuple(grid(rows, cols), grid(sameShape ? rows : rows + 1, cols))
      );
    fc.assert(
      fc.property(pair, ([part, total]) => {
        expect(rate(part, total)).toEqual(rateCellByCell(part, total));
      }),
      { numRuns: 2000 }
    );
  });
});

describe("cell values", () => {
  it.each([
    ["12", 12],
    ["0.953", 0.953],
    ["95%", 0.95],
    ["-3", -3],
    [".5", 0.5],
    ["1e3", 1000],
  ])("number text %p is %p", (text, n) => {
    expect(parseNumberText(text)).toBe(n);
  });

  it.each(["1,234", "1.234.567", "abc", "NaN", "Infinity", "", "12 kg", "0x10", "1e999"])(
    "%p is not a number",
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    }
  );

  it("reads blanks as null and refuses booleans", () => {
    expect(value(readNumber(null, "x"))).toBeNull();
    expect(value(readNumber("", "x"))).toBeNull();
    expect(errorOf(readNumber(true, "x"))).toBe("value");
  });

  it("unwraps 1×1 ranges and refuses larger ones where one cell is expected", () => {
    expect(value(readScalar([[[7]]], "x"))).toBe(7);
    expect(value(readScalar([], "x"))).toBeNull();
    expect(errorOf(readScalar([[1, 2]], "x"))).toBe("value");
    expect(errorOf(readScalar([[1], [2]], "x"))).toBe("value");
  });

  it("recognises error values by shape and by text", () => {
    expect(inputError({ code: "#N/A" }, "x")?.error).toBe("na");
    expect(inputError({ errorCode: "#VALUE!" }, "x")?.error).toBe("value");
    expect(inputError("#NAME?", "x")?.error).toBe("name");
    expect(inputError("#hashtag", "x")).toBeNull();
    expect(inputError({ code: 3 }, "x")).toBeNull();
    expect(errorKindOfLiteral("#null!")).toBe("null");
    expect(unwrapCellValue({ type: "String", basicValue: "a" })).toBe("a");
    expect(unwrapCellValue({ type: "Entity", basicValue: { x: 1 } })).toEqual({
      type: "Entity",
      basicValue: { x: 1 },
    });
  });
});

describe("comparison", () => {
  it.each([
    [">=", ">="],
    ["≥", ">="],
    ["=>", ">="],
    [" > ", ">"],
    ["<=", "<="],
    ["≤", "<="],
    ["<", "<"],
    ["=", "="],
  ])("reads %p as %p", (text, c) => {
    expect(value(parseComparison(text))).toBe(c);
  });

  it("blank falls back to the default or the given fallback", () => {
    expect(value(parseComparison(null))).toBe(">=");
    expect(value(parseComparison("", ">"))).toBe(">");
  });

  it("anything else is #VALUE! listing the accepted forms", () => {
    const r = parseComparison("trên");
    expect(errorOf(r)).toBe("value");
    expect(r.ok ? "" : r.message).toContain('">="');
    expect(errorOf(parseComparison(1))).toBe("value");
    expect(errorOf(parseComparison({ code: "#N/A" }))).toBe("na");
  });
});

describe("attainment and met", () => {
  it("higher is better: actual ÷ target", () => {
    expect(value(attainment(0.953, 0.95, ">="))).toBeCloseTo(0.953 / 0.95, 12);
    expect(value(attainment(3, 2, ">"))).toBe(1.5);
    expect(value(attainment(0.9, 0.9, "="))).toBe(1);
  });

  it("lower is better: target ÷ actual", () => {
    expect(value(attainment(0.1, 0.05, "<="))).toBe(0.5);
    expect(value(attainment(0.04, 0.05, "<"))).toBeCloseTo(1.25, 12);
  });

  it("documented edge cases", () => {
    expect(errorOf(attainment(0.5, 0, ">="))).toBe("div0");
    expect(errorOf(attainment(0, 0.05, "<="))).toBe("div0");
    expect(value(attainment(0, 0, "<="))).toBe(1);
    expect(value(attainment(0, 0.95, ">="))).toBe(0);
    expect(errorOf(attainment(-1, 1, ">="))).toBe("num");
    expect(errorOf(attainment(1, -1, ">="))).toBe("num");
    expect(errorOf(attainment(Number.MAX_VALUE, Number.MIN_VALUE, ">="))).toBe("num");
  });

  it("'>' is strict: exactly 95% is not 'trên 95%'", () => {
    expect(isMet(0.95, 0.95, ">")).toBe(false);
    expect(isMet(0.9501, 0.95, ">")).toBe(true);
    expect(isMet(0.95, 0.95, ">=")).toBe(true);
    expect(isMet(0.1 + 0.85, 0.95, ">=")).toBe(true); // 0.9499999999999999 within tolerance
  });

  it("lower-is-better comparisons", () => {
    expect(isMet(0.05, 0.05, "<=")).toBe(true);
    expect(isMet(0.05, 0.05, "<")).toBe(false);
    expect(isMet(0.06, 0.05, "<=")).toBe(false);
    expect(isMet(2, 2, "=")).toBe(true);
    expect(isMet(2.1, 2, "=")).toBe(false);
  });

  it("met refuses negatives", () => {
    expect(errorOf(met(-1, 1, ">="))).toBe("num");
    expect(errorOf(met(1, -1, ">="))).toBe("num");
    expect(value(met(2, 2, ">="))).toBe(true);
  });

  it("a blank measure is #N/A (no data yet), a negative #NUM!", () => {
    expect(errorOf(readMeasure(null, "x"))).toBe("na");
    expect(errorOf(readMeasure("", "x"))).toBe("na");
    expect(errorOf(readMeasure(-0.5, "x"))).toBe("num");
    expect(value(readMeasure("95%", "x"))).toBe(0.95);
  });
});
