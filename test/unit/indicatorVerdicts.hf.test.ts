/**
 * The verdict of the "Chỉ tiêu" sheet in HyperFormula (test/support/indicatorsEngine.ts): comparisons
 * and margins at their edges, the BienDoGan band, annual counts judged against what is due by the
 * report date (SoThangDaQua), and the sheet's sentences saying so.
 */
import { xlString } from "../../src/layouts/excelFacts";
import "../support/customFunctionsStub";
import { createEngine, valueAt } from "../support/hyperformula";
import { judgeIndicator, type VerdictInput } from "../../src/domain/verdict";
import { PERIODS } from "../../src/domain/reportPeriods";
import {
  MARGIN_NAME,
  UNIT_KIND_COUNT,
  UNIT_KIND_RATE,
  verdictExpression,
} from "../../src/layouts/indicatorFormulas";
import { INDICATORS_SHEET_NAME, MONTHS_CELL } from "../../src/layouts/indicatorsSheet";
import { composeIndicatorsSheet, countRule, nearBand } from "../../src/layouts/indicatorsAssembly";
import { comparisonCell } from "../../src/layouts/indicatorRows";
import { getPlan } from "../../src/plan";
import {
  FIXTURE_INDICATORS,
  fixturePlan,
  userInputOf,
  type MonthlyNumbers,
} from "../support/indicatorFixtures";
import { at, bodyRow, checkPlan, engineFor, yearOfNumbers } from "../support/indicatorsEngine";

describe("Chỉ tiêu verdicts (HyperFormula): edges, the near band, counts by the report date", () => {
  test("edge cases of comparisons and margins: exactly on target, strict '>', lower-is-better", () => {
    const plan = fixturePlan();
    const one = (num: number, den: number): MonthlyNumbers => ({
      nums: [num, ...Array(11).fill(null)],
      dens: [den, ...Array(11).fill(null)],
    });
    const rows = {
      "3.2b": one(95, 100), // exactly 95% with ≥: met
      "3.6": one(95, 100), // exactly 95% with >: not met, near
      "X.1": one(7, 100), // 7% late with ≤ 5%: near (within 5 points)
      "3.3": one(84, 100), // 84% vs 90%: missed (6 points under)
      "PL.III.1.8": one(84, 100), // 84% vs 70%: met
      "3.5b": one(0, 50), // 0%: a value, not empty
      "X.2": one(53, 100), // 53% vs "= 50%": near, on the wrong side
      "1.2a": { nums: [0, 0, 0, ...Array(9).fill(null)], dens: Array(12).fill(null) }, // 0 of 2: missed
    };
    checkPlan(plan, rows, 5);
    const sheet = composeIndicatorsSheet(plan, {
      flavor: "file",
      userInput: userInputOf(rows),
    }).sheet;
    const hf = engineFor(sheet);
    try {
      const verdicts = plan.indicators.map((ind, i) => [ind.id, at(hf, "met", bodyRow(i))]);
      expect(Object.fromEntries(verdicts)).toEqual({
        "3.2b": "Đạt",
        "3.6": "Gần đạt",
        "1.2a": "Chưa đạt",
        "X.1": "Gần đạt",
        "3.3": "Chưa đạt",
        "PL.III.1.8": "Đạt",
        "X.2": "Gần đạt",
        "3.5b": "Chưa đạt",
      });
    } finally {
      hf.destroy();
    }
  });

  test("a larger margin in BienDoGan turns a miss into a near miss", () => {
    const rows = {
      "3.3": { nums: [84, ...Array(11).fill(null)], dens: [100, ...Array(11).fill(null)] },
    };
    for (const [margin, verdict] of [
      [5, "Chưa đạt"],
      [6, "Gần đạt"],
      [0, "Chưa đạt"],
    ] as const) {
      checkPlan(fixturePlan(), rows, margin);
      const sheet = composeIndicatorsSheet(fixturePlan(), {
        flavor: "addin",
        userInput: userInputOf(rows, margin),
      }).sheet;
      const hf = engineFor(sheet);
      try {
        const i = FIXTURE_INDICATORS.findIndex((ind) => ind.id === "3.3");
        expect(at(hf, "met", bodyRow(i))).toBe(verdict);
        // The sheet says what "Gần đạt" means with the margin in force, as cached and as computed.
        const band = valueAt(hf, INDICATORS_SHEET_NAME, "B5");
        expect(band).toBe(nearBand(margin));
        expect(band).toContain(`thiếu ≤ ${margin} điểm %`);
        const block = sheet.blocks.find((b) => b.at === "B5");
        expect(block?.results?.[0][0]).toBe(band);
      } finally {
        hf.destroy();
      }
    }
  });

  test.each([
    ["2024-09-30", 31],
    ["2024-06-30", 32],
    ["2024-03-31", 33],
  ])(
    "the real plan reported on %s (seed %i): counts judged against what is due by then",
    (asOf, seed) => {
      const plan = getPlan();
      const month = Number(asOf.slice(5, 7));
      const rows = yearOfNumbers(plan, seed, month);
      // One initiative in March for the annual counts: short of the year's level, not of what is due.
      for (const ind of plan.indicators.filter((x) => x.unit === "count" && x.target > 1))
        rows[ind.id] = { nums: [0, 0, 1, ...Array(9).fill(null)], dens: Array(12).fill(null) };
      const verdicts = checkPlan(plan, rows, 5, asOf);
      expect(verdicts).toContain("Đúng tiến độ");
    }
  );

  test("two initiatives a year: 1 in September is on track, not red; 1 at the year's end is missed", () => {
    const plan = fixturePlan();
    const i = FIXTURE_INDICATORS.findIndex((ind) => ind.id === "1.2a");
    const rows = {
      "1.2a": { nums: [0, 0, 1, ...Array(9).fill(null)], dens: Array(12).fill(null) },
    };
    for (const [asOf, months, verdict, fill] of [
      ["2024-09-30", 9, "Đúng tiến độ", "#DDEBF7"],
      ["2024-05-31", 5, "Đúng tiến độ", "#DDEBF7"],
      ["2024-12-31", 12, "Chưa đạt", "#FFC7CE"],
    ] as const) {
      checkPlan(plan, rows, 5, asOf);
      const sheet = composeIndicatorsSheet(plan, {
        flavor: "file",
        userInput: userInputOf(rows),
        months,
      }).sheet;
      const hf = engineFor(sheet, asOf);
      try {
        expect(valueAt(hf, INDICATORS_SHEET_NAME, MONTHS_CELL)).toBe(months);
        expect({ asOf, v: at(hf, "met", bodyRow(i)) }).toEqual({ asOf, v: verdict });
        // The sheet says how counts are judged, with the months as computed.
        expect(valueAt(hf, INDICATORS_SHEET_NAME, "B6")).toBe(countRule(months));
        const rule = sheet.rules.find((r) => r.type === "expression" && r.format.fill === fill);
        expect(rule).toBeDefined();
      } finally {
        hf.destroy();
      }
    }
  });

  test("a report period's verdict (the Báo cáo formula, its months as cells, its target as cells or literals) equals the domain's", () => {
    // Every period of the report, counts and rates, each comparison, values around the share due.
    const cases: VerdictInput[] = [];
    for (const p of PERIODS)
      for (const [unit, target, values] of [
        ["count", 2, [0, 1, 2, 3]],
        ["count", 40, [0, 9, 10, 19, 20, 38, 40]],
        ["%", 0.9, [0.8, 0.85, 0.9, 0.95]],
      ] as const)
        for (const comparison of [">=", ">", "<=", "<", "="] as const)
          for (const value of values)
            cases.push({
              ...{ unit, target, comparison, value, marginPoints: 5 },
              ...{ firstMonth: p.months[0], months: p.months[p.months.length - 1] },
            });
    const rows = cases.map((c, i) => {
      const r = i + 1;
      const refs = {
        ...{ ytd: `A${r}`, target: `B${r}`, comparison: `C${r}`, unitKind: `D${r}` },
        ...{ firstMonth: `E${r}`, months: `F${r}` },
      };
      const kind = c.unit === "%" ? UNIT_KIND_RATE : UNIT_KIND_COUNT;
      return [
        c.value,
        c.target,
        comparisonCell(c.comparison),
        kind,
        c.firstMonth!,
        c.months,
        verdictExpression(refs, "file"),
        // As the Báo cáo sheet writes it: the target, comparison and unit kind as literals.
        verdictExpression(
          {
            ...refs,
            target: String(c.target),
            comparison: xlString(c.comparison),
            unitKind: xlString(kind),
          },
          "file"
        ),
      ];
    });
    const hf = createEngine({ S: rows }, { names: { [MARGIN_NAME]: 5 } });
    try {
      const sheet = cases.map((_, i) => valueAt(hf, "S", `G${i + 1}`));
      expect(sheet).toEqual(cases.map((c) => judgeIndicator(c)));
      expect(cases.map((_, i) => valueAt(hf, "S", `H${i + 1}`))).toEqual(sheet);
      expect(new Set(sheet)).toEqual(new Set(["Đạt", "Đúng tiến độ", "Gần đạt", "Chưa đạt"]));
    } finally {
      hf.destroy();
    }
  });
});
