/**
 * The "Chỉ tiêu" sheet with no data or bad data in HyperFormula (test/support/indicatorsEngine.ts):
 * empty months stay empty, a bad number is one error in the YTD cell, and CCHC.RATE keeps its errors.
 */
import "../support/customFunctionsStub";
import { createEngine, errorCodeOf, valueAt } from "../support/hyperformula";
import { composeIndicatorsSheet } from "../../src/layouts/indicatorsAssembly";
import { FIXTURE_INDICATORS, fixturePlan, userInputOf } from "../support/indicatorFixtures";
import { at, bodyRow, engineFor } from "../support/indicatorsEngine";

describe("Chỉ tiêu formulas without data or with bad data (HyperFormula)", () => {
  test("months with no data are empty, never 0% and never an error", () => {
    for (const flavor of ["addin", "file"] as const) {
      const hf = engineFor(composeIndicatorsSheet(fixturePlan(), { flavor }).sheet);
      try {
        FIXTURE_INDICATORS.forEach((_, i) => {
          for (const key of ["ytd", "latestMonth", "latestValue", "attainment", "met"] as const) {
            expect({ flavor, i, key, v: at(hf, key, bodyRow(i)) }).toEqual({
              flavor,
              i,
              key,
              v: "",
            });
          }
        });
      } finally {
        hf.destroy();
      }
    }
  });

  test("bad numbers: one error in the YTD cell, not an error wall; both flavours flag it", () => {
    const rows = {
      "3.2b": { nums: [120, ...Array(11).fill(null)], dens: [100, ...Array(11).fill(null)] }, // part > total
      "3.6": { nums: [5, -1, ...Array(10).fill(null)], dens: [10, 10, ...Array(10).fill(null)] }, // negative
      "3.3": { nums: ["mười", ...Array(11).fill(null)], dens: [10, ...Array(11).fill(null)] }, // text
    };
    for (const flavor of ["addin", "file"] as const) {
      const sheet = composeIndicatorsSheet(fixturePlan(), {
        flavor,
        userInput: userInputOf(rows),
      }).sheet;
      const hf = engineFor(sheet);
      try {
        for (const id of Object.keys(rows)) {
          const row = bodyRow(FIXTURE_INDICATORS.findIndex((ind) => ind.id === id));
          expect({ flavor, id, ytdError: errorCodeOf(at(hf, "ytd", row)) !== null }).toEqual({
            flavor,
            id,
            ytdError: true,
          });
          expect({
            flavor,
            id,
            attainment: at(hf, "attainment", row),
            met: at(hf, "met", row),
          }).toEqual({
            flavor,
            id,
            attainment: "",
            met: "",
          });
        }
        // The other rows are untouched by the bad ones.
        expect(
          at(hf, "ytd", bodyRow(FIXTURE_INDICATORS.findIndex((ind) => ind.id === "X.1")))
        ).toBe("");
      } finally {
        hf.destroy();
      }
    }
  });

  test("CCHC.RATE itself still returns its errors when called directly", () => {
    const hf = createEngine({
      S: [[0, 0, "=CCHC.RATE(A1,B1)", "=CCHC.RATE(5,4)", "=CCHC.RATE(-1,4)"]],
    });
    try {
      expect(["C1", "D1", "E1"].map((a) => errorCodeOf(valueAt(hf, "S", a)))).toEqual([
        "#DIV/0!",
        "#NUM!",
        "#NUM!",
      ]);
    } finally {
      hf.destroy();
    }
  });
});
