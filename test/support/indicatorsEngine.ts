/**
 * The "Chỉ tiêu" sheet as a HyperFormula engine (with the CCHC functions registered) and a reference
 * written here in plain TypeScript: `checkPlan` evaluates every row of a plan in both flavours (CCHC.*
 * and plain Excel) and checks YTD, latest month, attainment and the verdict against the reference,
 * the domain's verdict (src/domain/verdict.ts), the cached `results` and the colour rules.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine, valueAt } from "./hyperformula";
import { INDICATORS_HEADER_ROW, INDICATORS_SHEET_NAME } from "../../src/layouts/indicatorsSheet";
import { composeIndicatorsSheet } from "../../src/layouts/indicatorsAssembly";
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
import { generateYear, prng, userInputOf, type MonthlyNumbers } from "./indicatorFixtures";

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
export const YEAR_END = "2024-12-31";

/** The sheet's names (BienDoGan, SoThangDaQua) and the report date NgayBaoCao of the Nhiệm vụ sheet. */
export function engineFor(sheet: SheetLayout, asOf = YEAR_END): HyperFormula {
  const names: Record<string, string> = {};
  for (const n of sheet.names) names[n.name] = `=${quoted}!$${n.ref.replace(/(\d)/, "$$$1")}`;
  const [y, m, d] = asOf.split("-").map(Number);
  names.NgayBaoCao = `=DATE(${y},${m},${d})`;
  return createEngine({ [INDICATORS_SHEET_NAME]: gridOf(sheet) }, { names });
}

export const bodyRow = (i: number) => INDICATORS_HEADER_ROW + 1 + i;
export const at = (hf: HyperFormula, key: IndicatorColumnKey, row: number) =>
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

export const total = (xs: Scalar[]) =>
  xs.reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);

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

export function yearOfNumbers(
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
export function checkPlan(
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
