/**
 * countIllegal's quick first look (no lookarounds) never misses what the full expression removes:
 * a string it passes as clean is one xmlSafeText leaves as it is, and the other way round.
 */
import fc from "fast-check";
import { countIllegal, xmlSafeText } from "../../src/layouts/xmlSafe";

const tricky = fc.constantFrom(
  "\u0000",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\t",
  "\n",
  "\r",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uD83D\uDE00",
  "Sở",
  "ệ",
  "a"
);
const text = fc.array(fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 4 })), {
  maxLength: 12,
});

test("a string counted clean is left as it is; one with forbidden characters is changed", () => {
  fc.assert(
    fc.property(text, (parts) => {
      const s = parts.join("");
      expect(countIllegal(s) === 0).toBe(xmlSafeText(s) === s);
    }),
    { numRuns: 5000 }
  );
  expect(countIllegal("Văn phòng Sở\tQuý I\n")).toBe(0);
  expect(countIllegal("a\u000Bb\uD800c\uD83D\uDE00")).toBe(2);
});
