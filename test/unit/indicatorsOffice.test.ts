/**
 * The "Chỉ tiêu" sheet in the (fake) live workbook, through the task pane's create/update action:
 * it is written, typed monthly numbers give the YTD / attainment / verdict HyperFormula computes with
 * the CCHC functions, re-running keeps every typed number (matched by indicator id and month header,
 * after sorting, a user column and a changed margin), and the number of syncs does not grow with the
 * number of indicators.
 */
import "../support/customFunctionsStub";
import { createFakeExcel, type FakeExcel, type Scalar } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { builderFor, depsOf } from "../support/officeHarness";
import { prng } from "../support/indicatorFixtures";
import { createOrUpdate } from "../../src/render/office/actions";
import { getPlan } from "../../src/plan";
import type { Indicator, Plan } from "../../src/plan/types";
import {
  INDICATORS_HEADER_ROW,
  INDICATORS_SHEET_NAME,
  INDICATORS_TABLE,
  INDICATOR_COLUMNS,
  MARGIN_CELL,
} from "../../src/layouts/indicatorsSheet";
import { TASKS_SHEET_NAME } from "../../src/layouts/tasksSheet";
import { UNITS_SHEET_NAME } from "../../src/layouts/unitsSheet";
import { col } from "../../src/layouts/indicatorFormulas";
import { NEW_TARGET_ROWS, newRowKey } from "../../src/layouts/indicatorRows";

const plan = getPlan();
const SHEET = INDICATORS_SHEET_NAME;

async function createOrUpdateOk(fake: FakeExcel, p: Plan = plan): Promise<void> {
  const result = await createOrUpdate(depsOf(fake), builderFor(p));
  if (!result.ok) throw new Error(`${result.message}\n${result.details.join("\n")}`);
}

/** id → header → content, read from the table as it stands (whatever its row order). */
function tableByKey(fake: FakeExcel): Map<string, Record<string, Scalar>> {
  const view = fake.table(INDICATORS_TABLE);
  const out = new Map<string, Record<string, Scalar>>();
  for (const row of view.body) {
    const record: Record<string, Scalar> = {};
    view.headers.forEach((h, i) => (record[h] = row[i] ?? null));
    out.set(String(row[0]), record);
  }
  return out;
}

const rowOfId = (fake: FakeExcel, id: string) => fake.user.rowOf(INDICATORS_TABLE, id);

describe("Chỉ tiêu sheet through create/update in the fake workbook", () => {
  test("the action writes the sheet between Nhiệm vụ and Theo đơn vị, with table, name, rules and protection", async () => {
    const fake = createFakeExcel();
    await createOrUpdateOk(fake);
    const names = fake.sheetNames();
    expect(names.indexOf(SHEET)).toBe(names.indexOf(TASKS_SHEET_NAME) + 1);
    expect(names.indexOf(UNITS_SHEET_NAME)).toBe(names.indexOf(SHEET) + 1);

    const view = fake.table(INDICATORS_TABLE);
    expect(view.sheet).toBe(SHEET);
    expect(view.headers).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    // One row per target, then the empty rows where targets are added by hand (no key).
    expect(view.body.map((r) => r[0])).toEqual([
      ...plan.indicators.map((i) => i.id),
      ...Array.from({ length: NEW_TARGET_ROWS }, (_, n) => newRowKey(n + 1)),
    ]);
    expect(view.address.startsWith(`A${INDICATORS_HEADER_ROW}:`)).toBe(true);

    const first = INDICATORS_HEADER_ROW + 1;
    expect(String(fake.cell(SHEET, `${col("ytd")}${first}`))).toContain("CCHC.RATE(");
    expect(String(fake.cell(SHEET, `${col("attainment")}${first}`))).toContain("CCHC.ATTAIN(");
    expect(String(fake.cell(SHEET, `${col("met")}${first}`))).toContain("CCHC.MET(");
    expect(fake.names().BienDoGan).toBe(`='${SHEET}'!$D$3`);
    expect(fake.cell(SHEET, MARGIN_CELL)).toBe(5);

    expect(fake.isLocked(SHEET, MARGIN_CELL)).toBe(false);
    expect(fake.isLocked(SHEET, `${col("num1")}${first}`)).toBe(false);
    expect(fake.isLocked(SHEET, `${col("den12")}${first}`)).toBe(false);
    // The definition cells are open to the coordinator's corrections (indicatorEdits.ts).
    expect(fake.isLocked(SHEET, `${col("text")}${first}`)).toBe(false);
    expect(fake.isLocked(SHEET, `${col("targetValue")}${first}`)).toBe(true);
    expect(fake.isLocked(SHEET, `${col("ytd")}${first}`)).toBe(true);
    expect(fake.sheet(SHEET).protection.protected).toBe(true);
    expect(fake.sheet(SHEET).cfs.length).toBeGreaterThanOrEqual(3);

    // Rates show as %, counts as whole numbers, row by row.
    const countRow = rowOfId(fake, "1.2a");
    const rateRow = rowOfId(fake, "3.2b");
    expect(fake.numberFormat(SHEET, `${col("ytd")}${rateRow}`)).toBe("0.0%");
    expect(fake.numberFormat(SHEET, `${col("ytd")}${countRow}`)).toBe("#,##0");
    expect(fake.numberFormat(SHEET, `${col("targetValue")}${countRow}`)).toBe("0");
  });

  test("typing a year of monthly numbers gives the YTD, attainment and verdict HyperFormula computes", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    await createOrUpdateOk(fake);
    // Online submission 3.2b climbing from 88% to 97% over 200 dossiers a month, typed up to July.
    const nums = [176, 178, 180, 182, 184, 187, 190];
    for (const [i, n] of nums.entries()) {
      fake.user.typeInTable(INDICATORS_TABLE, "3.2b", `Đạt T${i + 1}`, n);
      fake.user.typeInTable(INDICATORS_TABLE, "3.2b", `Tổng T${i + 1}`, 200);
    }
    // Satisfaction 3.6 at exactly 95%: "trên 95%" is not met.
    fake.user.typeInTable(INDICATORS_TABLE, "3.6", "Đạt T1", 95);
    fake.user.typeInTable(INDICATORS_TABLE, "3.6", "Tổng T1", 100);
    // Two initiatives (1.2a, ≥ 2): one in March, one in June.
    fake.user.typeInTable(INDICATORS_TABLE, "1.2a", "Đạt T3", 1);
    fake.user.typeInTable(INDICATORS_TABLE, "1.2a", "Đạt T6", 1);

    const at = (id: string, key: Parameters<typeof col>[0]) =>
      fake.value(SHEET, `${col(key)}${rowOfId(fake, id)}`);
    const ytd = nums.reduce((a, b) => a + b, 0) / (200 * nums.length);
    expect(at("3.2b", "ytd") as number).toBeCloseTo(ytd, 9);
    expect(at("3.2b", "latestMonth")).toBe(7);
    expect(at("3.2b", "latestValue") as number).toBeCloseTo(190 / 200, 9);
    expect(at("3.2b", "attainment") as number).toBeCloseTo(ytd / 0.95, 9);
    expect(at("3.2b", "met")).toBe(ytd >= 0.95 ? "Đạt" : ytd >= 0.9 ? "Gần đạt" : "Chưa đạt");
    expect(at("3.6", "ytd") as number).toBeCloseTo(0.95, 9);
    expect(at("3.6", "met")).toBe("Gần đạt");
    expect([
      at("1.2a", "ytd"),
      at("1.2a", "latestMonth"),
      at("1.2a", "attainment"),
      at("1.2a", "met"),
    ]).toEqual([2, 6, 1, "Đạt"]);
    // Indicators without numbers stay empty, not 0% and not an error.
    expect([at("3.1", "ytd"), at("3.1", "attainment"), at("3.1", "met")]).toEqual(["", "", ""]);
  });

  test("typed numbers survive re-running create/update after sorting, a user column and a new margin", async () => {
    const fake = createFakeExcel();
    await createOrUpdateOk(fake);
    const rnd = prng(2024);
    const expected = new Map<string, Record<string, Scalar>>();
    const headers = INDICATOR_COLUMNS.filter((c) => c.role === "input").map((c) => c.header);
    const sortable = ["Chỉ tiêu", "Mã chỉ tiêu", "Đơn vị chủ trì", "Giá trị"];

    for (let round = 0; round < 12; round += 1) {
      for (let k = 0; k < 8; k += 1) {
        const ind = plan.indicators[Math.floor(rnd() * plan.indicators.length)] as Indicator;
        const header = headers[Math.floor(rnd() * headers.length)] as string;
        const value: Scalar =
          header === "Ghi chú cập nhật" ? `ghi chú ${round}.${k}` : Math.floor(rnd() * 500);
        fake.user.typeInTable(INDICATORS_TABLE, ind.id, header, value);
        expected.set(ind.id, { ...expected.get(ind.id), [header]: value });
      }
      fake.user.unprotect(SHEET); // Excel sorts a table with locked cells only when unprotected
      fake.user.sortTable(
        INDICATORS_TABLE,
        sortable[round % sortable.length] as string,
        round % 2 === 0
      );
      if (round === 4) {
        fake.user.type(fake.sheet(SHEET), 3, 4, 3); // D3: BienDoGan = 3
      }
      if (round === 6) {
        const row = rowOfId(fake, "3.3");
        fake.user.addColumnRight(INDICATORS_TABLE, "Người cập nhật", new Map([[row, "Lan (VP)"]]));
      }
      await createOrUpdateOk(fake);

      const now = tableByKey(fake);
      for (const [id, typed] of expected) {
        for (const [header, value] of Object.entries(typed)) {
          expect({ round, id, header, value: now.get(id)?.[header] }).toEqual({
            round,
            id,
            header,
            value,
          });
        }
      }
      if (round >= 4) expect(fake.cell(SHEET, MARGIN_CELL)).toBe(3);
      if (round >= 6) expect(now.get("3.3")?.["Người cập nhật"]).toBe("Lan (VP)");
      // The rewritten table is in plan order again, with its formulas back.
      expect(fake.table(INDICATORS_TABLE).body.map((r) => r[0])).toEqual([
        ...plan.indicators.map((i) => i.id),
        ...Array.from({ length: NEW_TARGET_ROWS }, (_, n) => newRowKey(n + 1)),
      ]);
    }
    expect(expected.size).toBeGreaterThan(10);
  });

  test("values typed for an indicator the plan no longer has are kept in a row at the end", async () => {
    const fake = createFakeExcel();
    await createOrUpdateOk(fake);
    fake.user.typeInTable(INDICATORS_TABLE, "7.3", "Đạt T2", 4);
    fake.user.typeInTable(INDICATORS_TABLE, "7.3", "Tổng T2", 9);
    const smaller: Plan = { ...plan, indicators: plan.indicators.filter((i) => i.id !== "7.3") };
    await createOrUpdateOk(fake, smaller);
    const rows = fake.table(INDICATORS_TABLE).body;
    const last = rows[rows.length - 1 - NEW_TARGET_ROWS] ?? [];
    const headers = fake.table(INDICATORS_TABLE).headers;
    expect(last[0]).toBe("7.3");
    expect(last[headers.indexOf("Đạt T2")]).toBe(4);
    expect(last[headers.indexOf("Tổng T2")]).toBe(9);
    // Back in a plan that has it: the numbers return to their computed row.
    await createOrUpdateOk(fake, plan);
    expect(tableByKey(fake).get("7.3")?.["Đạt T2"]).toBe(4);
  });

  test.each([1, 10, 100])(
    "create/update syncs do not grow with %i× the indicators",
    async (times) => {
      const big = planWithIndicators(times);
      const fake = createFakeExcel();
      await createOrUpdateOk(fake, big);
      const createSyncs = fake.lastRun.syncs;
      fake.user.typeInTable(
        INDICATORS_TABLE,
        big.indicators[big.indicators.length - 1]!.id,
        "Đạt T1",
        7
      );
      await createOrUpdateOk(fake, big);
      const updateSyncs = fake.lastRun.syncs;
      expect(fake.table(INDICATORS_TABLE).body).toHaveLength(
        big.indicators.length + NEW_TARGET_ROWS
      );
      // 100× the indicators is past one request's byte budget (src/render/office/payload.ts): the
      // write goes in more requests, as many in create as in update (the Chỉ tiêu table and the Báo
      // cáo targets' rows); payloadLimits.test bounds them by bytes ÷ budget with Microsoft's client.
      // Below the budget, no change.
      const extra = createSyncs - BASE_SYNCS.create;
      if (times === 100) expect(extra).toBeGreaterThan(0);
      else expect(extra).toBe(0);
      expect({ times, createSyncs, updateSyncs }).toEqual({
        times,
        createSyncs: BASE_SYNCS.create + extra,
        updateSyncs: BASE_SYNCS.update + extra,
      });
      expect(BASE_SYNCS.create).toBeLessThanOrEqual(3);
      expect(BASE_SYNCS.update).toBeLessThanOrEqual(3);
    }
  );
});

/** The seed plan with its indicators repeated `times` times under new ids ("3.2b" → "3.2b.r2"). */
function planWithIndicators(times: number): Plan {
  const indicators: Indicator[] = [];
  for (let k = 0; k < times; k += 1) {
    for (const ind of plan.indicators)
      indicators.push({ ...ind, id: k === 0 ? ind.id : `${ind.id}.r${k + 1}` });
  }
  return { ...plan, indicators };
}

/** Syncs of the 1× plan, measured once; every size must match them exactly. */
const BASE_SYNCS = { create: 0, update: 0 };
beforeAll(async () => {
  const fake = createFakeExcel();
  await createOrUpdateOk(fake);
  BASE_SYNCS.create = fake.lastRun.syncs;
  await createOrUpdateOk(fake);
  BASE_SYNCS.update = fake.lastRun.syncs;
});
