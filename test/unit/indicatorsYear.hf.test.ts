/**
 * The "Chỉ tiêu" sheet's formulas evaluated by HyperFormula on a realistic year of monthly numbers
 * (test/support/indicatorsEngine.ts): both flavours equal the reference, the domain, the cached
 * results and the colour rules, for the fixture plan and the real plan.
 */
import "../support/customFunctionsStub";
import { composeIndicatorsSheet } from "../../src/layouts/indicatorsAssembly";
import { getPlan } from "../../src/plan";
import { fixturePlan, userInputOf } from "../support/indicatorFixtures";
import {
  at,
  bodyRow,
  checkPlan,
  engineFor,
  total,
  yearOfNumbers,
} from "../support/indicatorsEngine";

describe("Chỉ tiêu formulas over a realistic year (HyperFormula, CCHC functions)", () => {
  test.each([
    [7, 11],
    [12, 12],
    [3, 13],
    [1, 14],
  ])("fixture plan, numbers typed up to month %i (seed %i)", (lastMonth, seed) => {
    const plan = fixturePlan();
    const verdicts = checkPlan(plan, yearOfNumbers(plan, seed, lastMonth), 5);
    expect(verdicts).toContain("");
    expect(verdicts.filter((v) => v !== "").length).toBeGreaterThan(3);
  });

  test.each([
    [7, 21, 5],
    [12, 22, 5],
    [10, 23, 2],
    [12, 24, 10],
  ])(
    "the real plan, numbers up to month %i (seed %i), margin %i points",
    (lastMonth, seed, margin) => {
      const plan = getPlan();
      expect(plan.indicators.length).toBeGreaterThan(10);
      const verdicts = checkPlan(plan, yearOfNumbers(plan, seed, lastMonth), margin);
      // The generated year covers every outcome: no data, met, near and missed.
      expect(new Set(verdicts)).toEqual(new Set(["", "Đạt", "Gần đạt", "Chưa đạt"]));
    }
  );

  test("the online-submission rate climbing from 88% to 97%: YTD under target until late in the year", () => {
    const plan = fixturePlan();
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const dens = months.map(() => 200);
    const nums = months.map((m) => Math.round(200 * (0.88 + (0.09 * (m - 1)) / 11)));
    const rows = { "3.2b": { nums, dens } };
    checkPlan(plan, rows, 5);
    const sheet = composeIndicatorsSheet(plan, {
      flavor: "addin",
      userInput: userInputOf(rows),
    }).sheet;
    const hf = engineFor(sheet);
    try {
      const ytd = at(hf, "ytd", bodyRow(0)) as number;
      expect(ytd).toBeCloseTo(total(nums) / 2400, 12);
      expect(ytd).toBeLessThan(0.95);
      expect(at(hf, "met", bodyRow(0))).toBe("Gần đạt");
      expect(at(hf, "latestValue", bodyRow(0))).toBeCloseTo(0.97, 12);
    } finally {
      hf.destroy();
    }
  });
});
