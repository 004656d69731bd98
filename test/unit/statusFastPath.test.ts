/**
 * CCHC.STATUS takes a fast path when every argument is a plain serial (a column of
 * =CCHC.STATUS(due, done, as_of) over date cells): it must answer exactly what the full path answers
 * for the same dates written as text, which goes through the ISO readers and their messages.
 */
import fc from "fast-check";
import "../support/customFunctionsStub";
import { STATUS } from "../../src/functions/functions";
import { MAX_EXCEL_SERIAL } from "../../src/domain/excelDate";

const serial = fc.oneof(
  fc.integer({ min: 1, max: MAX_EXCEL_SERIAL }),
  fc.integer({ min: 45_000, max: 46_000 }),
  fc.double({ min: 1, max: MAX_EXCEL_SERIAL + 0.999, noNaN: true })
);
/** The same value as a 1×1 range, which takes the full path. */
const asRange = (n: number | null): unknown => (n === null ? null : [[n]]);

test("plain serials give what the same values as 1×1 ranges give", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.constant(0), serial),
      fc.oneof(fc.constant(null), fc.constant(0), serial),
      serial,
      fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 400, noNaN: true })
      ),
      (due, done, asOf, soon) => {
        const fast = STATUS(due, done, asOf, soon);
        const full = STATUS(asRange(due), asRange(done), asRange(asOf), asRange(soon));
        expect(fast).toEqual(full);
      }
    ),
    { numRuns: 2000 }
  );
});

test("numbers the readers refuse keep their errors and messages", () => {
  for (const bad of [-1, 0.5, MAX_EXCEL_SERIAL + 1, Number.NaN, Infinity]) {
    const r = STATUS(bad, null, 45_500, null) as unknown as { code: string; message: string };
    expect(r.code).toBe("#NUM!");
    expect(r.message).toContain("Hạn (due)");
  }
  const neg = STATUS(45_500, null, 45_400, -3) as unknown as { code: string; message: string };
  expect(neg.code).toBe("#NUM!");
  expect(neg.message).toContain("không được âm");
  const asOfZero = STATUS(45_500, null, 0, null);
  expect(typeof asOfZero).toBe("string");
});
