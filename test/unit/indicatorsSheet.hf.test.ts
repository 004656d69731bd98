/**
 * The "Chỉ tiêu" sheet's formulas evaluated by a real spreadsheet engine (HyperFormula, with the CCHC
 * functions registered) on a realistic year of monthly numbers: YTD, latest month, attainment and the
 * verdict equal a reference written here in plain TypeScript, for both flavours (CCHC.* and plain
 * Excel), the two flavours agree, the cached `results` agree, and the colour rules pick the same
 * colour as the verdict.
 */
import "../support/customFunctionsStub";
import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine, errorCodeOf, valueAt } from "../support/hyperformula";
import {
  INDICATORS_HEADER_ROW,
  INDICATORS_SHEET_NAME,
  MONTHS_CELL,
} from "../../src/layouts/indicatorsSheet";
import { composeIndicatorsSheet, countRule, nearBand } from "../../src/layouts/indicatorsAssembly";
import { judgeIndicator, monthsElapsed } from "../../src/domain/verdict";
import {
  INDICATOR_COLUMN_KEYS,
  col,
  type IndicatorColumnKey,
  type IndicatorFlavor,
} from "../../src/layouts/indicatorFormulas";
import type { Scalar, SheetLayout } from "../../src/layouts/model";
import type { UserInput } from "../../src/layouts/userInput";
import type { Comparison } from "../../src/domain/rates";
import type { Indicator, Plan } from "../../src/plan/types";
import { getPlan } from "../../src/plan";
import {
  FIXTURE_INDICATORS,
  fixturePlan,
  generateYear,
  prng,
  userInputOf,
  type MonthlyNumbers,
} from "../support/indicatorFixtures";

// ---------- the layout as an engine sheet ----------

function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: c - 1 };
}

function gridOf(sheet: SheetLayout): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  const put = (row: number, column: number, v: Scalar) => {
    while (grid.length <= row) grid.push([]);
    grid[row]![column] = v;
  };
  for (const block of sheet.blocks) {
    const at = parseA1(block.at);
    block.cells.forEach((r, i) => r.forEach((v, j) => put(at.row + i, at.col + j, v)));
  }
  const table = sheet.table!;
  const at = parseA1(table.at);
  table.columns.forEach((c, j) => put(at.row, at.col + j, c.header));
  table.rows.forEach((r, i) => r.cells.forEach((v, j) => put(at.row + 1 + i, at.col + j, v)));
  return grid;
}

const quoted = `'${INDICATORS_SHEET_NAME}'`;

/** The year's end unless a test says otherwise: counts are then judged on the annual level. */
const YEAR_END = "2024-12-31";

/** The sheet's names (BienDoGan, SoThangDaQua) and the report date NgayBaoCao of the Nhiệm vụ sheet. */
function engineFor(sheet: SheetLayout, asOf = YEAR_END): HyperFormula {
  const names: Record<string, string> = {};
  for (const n of sheet.names) names[n.name] = `=${quoted}!$${n.ref.replace(/(\d)/, "$$$1")}`;
  const [y, m, d] = asOf.split("-").map(Number);
  names.NgayBaoCao = `=DATE(${y},${m},${d})`;
  return createEngine({ [INDICATORS_SHEET_NAME]: gridOf(sheet) }, { names });
}

const bodyRow = (i: number) => INDICATORS_HEADER_ROW + 1 + i;
const at = (hf: HyperFormula, key: IndicatorColumnKey, row: number) =>
  valueAt(hf, INDICATORS_SHEET_NAME, `${col(key)}${row}`);

/** Moves the relative row numbers of a formula written for `fromRow` to `toRow` (strings untouched). */
function shiftRows(formula: string, fromRow: number, toRow: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
            (all, c: string, d: string, r: string) =>
              d === "$" || Number(r) !== fromRow ? all : `${c}${toRow}`
          )
    )
    .join("");
}

// ---------- the reference, in plain TypeScript ----------

interface Reference {
  ytd: number | "";
  latestMonth: number | "";
  latestValue: number | "";
  attainment: number | "";
  verdict: "" | "Đạt" | "Đúng tiến độ" | "Gần đạt" | "Chưa đạt";
  met: boolean | null;
}

const total = (xs: Scalar[]) => xs.reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);

function reference(
  ind: Indicator,
  data: MonthlyNumbers,
  marginPoints: number,
  months = 12
): Reference {
  const target = ind.unit === "%" ? ind.target / 100 : ind.target;
  let ytd: number | "" = "";
  let latestMonth: number | "" = "";
  let latestValue: number | "" = "";
  for (let m = 12; m >= 1 && latestMonth === ""; m--) {
    const num = data.nums[m - 1] ?? null;
    const den = data.dens[m - 1] ?? null;
    if (ind.unit === "%" && typeof den === "number" && den > 0) {
      latestMonth = m;
      latestValue = (typeof num === "number" ? num : 0) / den;
    }
    if (ind.unit === "count" && typeof num === "number") {
      latestMonth = m;
      latestValue = num;
    }
  }
  if (ind.unit === "%" && total(data.dens) > 0) ytd = total(data.nums) / total(data.dens);
  if (ind.unit === "count" && data.nums.some((x) => typeof x === "number")) ytd = total(data.nums);
  if (ytd === "") return { ytd, latestMonth, latestValue, attainment: "", verdict: "", met: null };
  const lower = ind.comparison === "<=" || ind.comparison === "<";
  const met = (
    {
      ">=": ytd >= target,
      ">": ytd > target,
      "<=": ytd <= target,
      "<": ytd < target,
      "=": ytd === target,
    } as Record<Comparison, boolean>
  )[ind.comparison];
  // A count over the year is judged against what is due after `months` months (whole units), and
  // one that must stay low (or exact) is not final before the year ends.
  const final = ind.unit === "%" || months >= 12;
  const over = lower || (ind.comparison === "=" && ytd > target);
  const level = final || over ? target : Math.floor((target * months) / 12);
  const tolerance = ind.unit === "%" ? marginPoints / 100 : (level * marginPoints) / 100;
  // Slack for binary rounding: 90% − 84% is exactly 6 points, even if 0.9 − 0.84 is not 0.06 in binary.
  const shortfall = over
    ? ytd - level
    : ind.comparison === "="
      ? Math.abs(ytd - level)
      : level - ytd;
  const near = shortfall <= tolerance + 1e-9;
  const verdict = met
    ? !final && (lower || ind.comparison === "=")
      ? "Đúng tiến độ"
      : "Đạt"
    : !final && !over && ytd >= level
      ? "Đúng tiến độ"
      : near
        ? "Gần đạt"
        : "Chưa đạt";
  return {
    ytd,
    latestMonth,
    latestValue,
    attainment: lower ? target / ytd : ytd / target,
    verdict,
    met,
  };
}

function domainVerdict(ind: Indicator, ytd: number, marginPoints: number, months: number) {
  return judgeIndicator({
    unit: ind.unit,
    target: ind.unit === "%" ? ind.target / 100 : ind.target,
    comparison: ind.comparison,
    value: ytd,
    months,
    marginPoints,
  });
}

// ---------- a realistic year ----------

/** Share of the numerator that climbs over the year, per kind of target. */
function trendFor(ind: Indicator, rnd: () => number): { from: number; to: number } {
  const t = ind.unit === "%" ? ind.target / 100 : ind.target;
  if (ind.comparison === "<=" || ind.comparison === "<")
    return { from: t + 0.06, to: Math.max(0, t - 0.02) };
  // Online submission climbing from 88% to 97%, others ending anywhere from 12 points under their target to 8 points over it.
  if (ind.target === 95 && ind.comparison === ">=") return { from: 0.88, to: 0.97 };
  const to = Math.max(0, Math.min(1, t + (rnd() - 0.6) * 0.2));
  return { from: Math.max(0, to - 0.09), to };
}

function yearOfNumbers(
  plan: Plan,
  seed: number,
  lastMonth: number
): Record<string, MonthlyNumbers> {
  const rnd = prng(seed);
  const rows: Record<string, MonthlyNumbers> = {};
  plan.indicators.forEach((ind, i) => {
    // Leave some indicators without any number yet, and one month forgotten in some others.
    if (i % 5 === 4) return;
    rows[ind.id] = generateYear(ind, rnd, {
      ...trendFor(ind, rnd),
      lastMonth,
      gapMonth: i % 3 === 0 ? 2 : undefined,
    });
  });
  return rows;
}

// ---------- the checks ----------

function expectNumberOrEmpty(actual: unknown, expected: number | "", what: string): void {
  if (expected === "") {
    expect({ what, actual }).toEqual({ what, actual: "" });
  } else {
    expect({ what, isNumber: typeof actual }).toEqual({ what, isNumber: "number" });
    expect(actual as number).toBeCloseTo(expected, 9);
  }
}

/** Checks every row in both flavours; returns the reference verdicts, to show what was covered. */
function checkPlan(
  plan: Plan,
  rows: Record<string, MonthlyNumbers>,
  marginPoints: number,
  asOf = YEAR_END
): string[] {
  const verdicts: string[] = [];
  const input: UserInput = userInputOf(rows, marginPoints);
  const months = monthsElapsed(asOf, plan.year);
  const layouts: Record<IndicatorFlavor, SheetLayout> = {
    addin: composeIndicatorsSheet(plan, { flavor: "addin", userInput: input, months }).sheet,
    file: composeIndicatorsSheet(plan, { flavor: "file", userInput: input, months }).sheet,
  };
  const engines = {
    addin: engineFor(layouts.addin, asOf),
    file: engineFor(layouts.file, asOf),
  };
  const firstRow = bodyRow(0);
  const summaryRules = layouts.addin.rules.filter(
    (r) => r.type === "expression" && r.range.startsWith(`${col("ytd")}${firstRow}:`)
  );
  expect(summaryRules).toHaveLength(4);
  try {
    plan.indicators.forEach((ind, i) => {
      const row = bodyRow(i);
      const data = rows[ind.id] ?? { nums: Array(12).fill(null), dens: Array(12).fill(null) };
      const ref = reference(ind, data, marginPoints, months);
      // The domain's rules (the cached results and CCHC-free readers use them) say the same.
      if (ref.verdict !== "")
        expect({
          id: ind.id,
          v: domainVerdict(ind, ref.ytd as number, marginPoints, months),
        }).toEqual({ id: ind.id, v: ref.verdict });
      verdicts.push(ref.verdict);
      for (const flavor of ["addin", "file"] as const) {
        const hf = engines[flavor];
        const where = `${flavor} ${ind.id}`;
        expectNumberOrEmpty(at(hf, "ytd", row), ref.ytd, `${where} YTD`);
        expect({ where, m: at(hf, "latestMonth", row) }).toEqual({ where, m: ref.latestMonth });
        expectNumberOrEmpty(at(hf, "latestValue", row), ref.latestValue, `${where} latest`);
        expectNumberOrEmpty(at(hf, "attainment", row), ref.attainment, `${where} attainment`);
        expect({ where, v: at(hf, "met", row) }).toEqual({ where, v: ref.verdict });
        // The cached values the file renderer stores are what the engine computes.
        const results = layouts[flavor].table!.rows[i]!.results!;
        for (const key of ["ytd", "latestMonth", "latestValue", "attainment", "met"] as const) {
          const cached = results[INDICATOR_COLUMN_KEYS.indexOf(key)];
          const live = at(hf, key, row);
          if (typeof live === "number") expect(cached as number).toBeCloseTo(live, 9);
          else expect({ where, key, cached }).toEqual({ where, key, cached: live });
        }
      }
      // The colour rules (plain formulas) agree with the verdict: exactly the matching rule fires first.
      const hf = engines.file;
      const scratch = `${col("updateNote")}${row}`;
      const fired = summaryRules.map((rule) => {
        hf.setCellContents(hf.simpleCellAddressFromString(scratch, 0)!, [
          [shiftRows(rule.type === "expression" ? rule.formula : "", firstRow, row)],
        ]);
        return valueAt(hf, INDICATORS_SHEET_NAME, scratch) === true;
      });
      const firstFired = fired.indexOf(true);
      const colour = ["Đạt", "Đúng tiến độ", "Gần đạt", "Chưa đạt"][firstFired] ?? "";
      expect({ id: ind.id, colour }).toEqual({ id: ind.id, colour: ref.verdict });
    });
  } finally {
    engines.addin.destroy();
    engines.file.destroy();
  }
  return verdicts;
}

describe("Chỉ tiêu formulas in HyperFormula with the CCHC functions", () => {
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
