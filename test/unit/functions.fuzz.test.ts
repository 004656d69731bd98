/**
 * Property test: whatever Excel (or a careless caller) hands the CCHC functions — numbers, NaN-like
 * text, blanks, booleans, nested arrays, Excel error values, data-type objects — the result is a
 * finite value of the function's result type or a CustomFunctions.Error with a code a custom
 * function may return and a message. Never a JavaScript exception, never NaN or ±Infinity.
 */
import fc from "fast-check";
import {
  CustomFunctionsError,
  ErrorCode,
  isCustomFunctionsError,
} from "../support/customFunctionsStub";
import { ATTAIN, DAYSLATE, DUE, MET, RATE, STATUS, TARGET } from "../../src/functions/functions";
import { MAX_EXCEL_SERIAL } from "../../src/domain/excelDate";
import { ALL_TASK_STATES } from "../../src/domain/taskState";

/** Codes Excel accepts as a custom function's result (#REF! and #NAME? are input-only). */
const OUTPUT_CODES = new Set<string>([
  ErrorCode.invalidValue,
  ErrorCode.notAvailable,
  ErrorCode.divisionByZero,
  ErrorCode.invalidNumber,
  ErrorCode.nullReference,
]);

const errorValue = fc
  .constantFrom(...Object.values(ErrorCode))
  .chain((code) =>
    fc.oneof(
      fc.constant(new CustomFunctionsError(code)),
      fc.constant(new CustomFunctionsError(code, "lỗi gốc")),
      fc.constant(code as string)
    )
  );

const nastyText = fc.constantFrom(
  "",
  " ",
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "1e999",
  "-0",
  "0x1F",
  "1,234",
  "95%",
  "12",
  " 7 ",
  "abc",
  "#N/A",
  "#DIV/0!",
  "#SPILL!",
  "#hashtag",
  "Quý I/2024",
  "Quý V/2024",
  "Quý I-III/2024",
  "Tháng 13/2024",
  "Tháng 01/2024 Thường xuyên",
  "Thường xuyên",
  "Trước ngày 05/01/2024",
  "31/02/2024",
  "29/02/2024",
  "05/01/2024",
  "3.5b",
  "3.6",
  "PL.III.1.2a",
  ">=",
  ">",
  "≤",
  "<",
  "=",
  "undefined",
  "null",
  "__proto__",
  "constructor",
  "toString"
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.integer({ min: 45000, max: 46000 }), // plausible 2023–2025 date serials
  fc.double({ min: 0, max: 1, noNaN: true }),
  nastyText,
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  errorValue,
  fc.constant({}),
  fc.constant({ type: "FormattedNumber", basicValue: 45296, numberFormat: "dd/mm/yyyy" }),
  fc.constant({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }),
  fc.constant({ type: "Entity", text: "x", properties: {} })
);

const { value: anyValue } = fc.letrec<{ value: unknown; array: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array")),
  array: fc.array(tie("value"), { maxLength: 5 }),
}));

/** A 2-D array as Excel passes a range, sometimes ragged or empty. */
const matrix = fc.array(fc.array(scalar, { maxLength: 6 }), { maxLength: 6 });
const arg = fc.oneof(anyValue, matrix);

type Check = (result: unknown) => void;

function isAllowedError(result: unknown): boolean {
  return (
    isCustomFunctionsError(result) &&
    OUTPUT_CODES.has(result.code) &&
    typeof result.message === "string" &&
    result.message.length > 0
  );
}

const finiteNumber: Check = (r) => {
  if (isAllowedError(r)) return;
  expect(typeof r).toBe("number");
  expect(Number.isFinite(r as number)).toBe(true);
};

const cases: {
  name: string;
  fn: (...args: never[]) => unknown;
  arity: [number, number];
  check: Check;
}[] = [
  {
    name: "RATE",
    fn: RATE,
    arity: [2, 2],
    check: (r) => {
      finiteNumber(r);
      if (typeof r === "number") expect(r >= 0 && r <= 1).toBe(true);
    },
  },
  { name: "ATTAIN", fn: ATTAIN, arity: [2, 3], check: finiteNumber },
  {
    name: "MET",
    fn: MET,
    arity: [2, 3],
    check: (r) => {
      if (!isAllowedError(r)) expect(typeof r).toBe("boolean");
    },
  },
  { name: "TARGET", fn: TARGET, arity: [1, 1], check: finiteNumber },
  {
    name: "DUE",
    fn: DUE,
    arity: [1, 2],
    check: (r) => {
      finiteNumber(r);
      if (typeof r === "number")
        expect(Number.isInteger(r) && r >= 1 && r <= MAX_EXCEL_SERIAL).toBe(true);
    },
  },
  {
    name: "STATUS",
    fn: STATUS,
    arity: [1, 4],
    check: (r) => {
      if (!isAllowedError(r)) expect(ALL_TASK_STATES).toContain(r);
    },
  },
  {
    name: "DAYSLATE",
    fn: DAYSLATE,
    arity: [1, 3],
    check: (r) => {
      finiteNumber(r);
      if (typeof r === "number") expect(Number.isInteger(r) && r >= 0).toBe(true);
    },
  },
];

const RUNS_PER_FUNCTION = 1500;
let calls = 0;

describe.each(cases)("CCHC.$name never throws and never returns NaN", ({ fn, arity, check }) => {
  it(`holds for ${RUNS_PER_FUNCTION} generated argument lists`, () => {
    const [min, max] = arity;
    fc.assert(
      fc.property(
        fc.array(arg, { minLength: max, maxLength: max }),
        fc.integer({ min, max }),
        (args, given) => {
          // Excel passes null for every omitted optional argument.
          const passed = args.map((a, i) => (i < given ? a : null));
          let result: unknown;
          expect(() => {
            result = (fn as (...a: unknown[]) => unknown)(...passed);
          }).not.toThrow();
          calls += 1;
          check(result);
        }
      ),
      { numRuns: RUNS_PER_FUNCTION }
    );
  });
});

describe("volume", () => {
  it("tried at least 10,000 generated inputs across the functions", () => {
    expect(calls).toBeGreaterThanOrEqual(10_000);
  });
});
