/**
 * Round trips per action, counted by the fake Excel, for plans 1×, 10× and 100× the seed's size
 * (test/unit/officeJsClient.test.ts counts the same through the real office.js client):
 * the number of `context.sync()` calls must not depend on the plan (no sync in a loop) until the
 * write's arrays exceed one request's byte budget (payload.ts; 100× is past it), and the number of
 * queued operations must not grow with the number of tasks (formats per range, not per cell) beyond
 * one range per extra request. test/unit/payloadLimits.test.ts checks the bytes themselves.
 */
import { getPlan } from "../../src/plan";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import {
  createOrUpdate,
  filterByUnit,
  refresh,
  setAsOfDate,
} from "../../src/render/office/actions";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf, syntheticPlan, unitChoice } from "../support/officeHarness";

jest.setTimeout(120_000);

interface Measured {
  tasks: number;
  rows: number;
  create: { syncs: number; ops: number };
  update: { syncs: number; ops: number };
  refresh: number;
  asOf: number;
  filter: number;
  clearFilter: number;
}

async function measure(times: number): Promise<Measured> {
  const plan = syntheticPlan(getPlan(), times);
  const fake = createFakeExcel();
  const deps = depsOf(fake);
  const build = builderFor(plan);

  const created = await createOrUpdate(deps, build);
  expect(created.ok).toBe(true);
  const create = { syncs: fake.lastRun.syncs, ops: fake.lastRun.ops };

  // A value typed in the last task row must survive the update at every size.
  const lastKey = plan.tasks[plan.tasks.length - 1].key;
  fake.user.typeInTable(TASKS_TABLE, lastKey, "Minh chứng", "CV số 12/VP");
  const updated = await createOrUpdate(deps, build);
  expect(updated.ok).toBe(true);
  expect(updated.keptValues).toBe(1);
  const update = { syncs: fake.lastRun.syncs, ops: fake.lastRun.ops };
  const t = fake.table(TASKS_TABLE);
  const row = t.body.find((r) => r[0] === lastKey);
  expect(row?.[t.headers.indexOf("Minh chứng")]).toBe("CV số 12/VP");

  expect((await refresh(deps)).ok).toBe(true);
  const refreshSyncs = fake.lastRun.syncs;
  expect((await setAsOfDate(deps, "2024-06-30")).ok).toBe(true);
  const asOf = fake.lastRun.syncs;
  expect((await filterByUnit(deps, unitChoice(plan, "Văn phòng Sở"))).ok).toBe(true);
  const filter = fake.lastRun.syncs;
  expect((await filterByUnit(deps, null)).ok).toBe(true);
  const clearFilter = fake.lastRun.syncs;
  return {
    tasks: plan.tasks.length,
    rows: t.body.length,
    create,
    update,
    refresh: refreshSyncs,
    asOf,
    filter,
    clearFilter,
  };
}

const sizes = [1, 10, 100] as const;
/** Sizes whose write fits one request (the 1× write's arrays are ~0.13 MB, 10×'s ~0.6 MB). */
const oneRequest = [1, 10] as const;
const results = new Map<number, Measured>();

beforeAll(async () => {
  for (const n of sizes) results.set(n, await measure(n));
});

test.each(oneRequest)(
  "%i× the plan: create 3 syncs, update 2, refresh 1, as-of date 2, filter 2, clearing the filter 2",
  (n) => {
    const m = results.get(n)!;
    expect(m.tasks).toBe(getPlan().tasks.length * n);
    // A first create: the optimistic read fails (nothing exists), a listing, then write + counts.
    expect(m.create.syncs).toBe(3);
    // The monthly update: one read, then write + counts in one batch.
    expect(m.update.syncs).toBe(2);
    expect(m.refresh).toBe(1);
    expect(m.asOf).toBe(2);
    expect(m.filter).toBe(2);
    expect(m.clearFilter).toBe(2);
  }
);

test("100×: the write goes in more requests (create and update alike), the other actions are unchanged", () => {
  const m = results.get(100)!;
  // Past one request's byte budget (payload.ts); payloadLimits.test bounds the extra requests by
  // bytes ÷ budget with Microsoft's client. The Báo cáo sheet's helper table grows with the tasks.
  expect(m.create.syncs).toBeGreaterThan(3);
  expect(m.update.syncs).toBe(m.create.syncs - 1);
  expect([m.refresh, m.asOf, m.filter, m.clearFilter]).toEqual([1, 2, 2, 2]);
});

test("the same number of round trips at every size that fits one request", () => {
  const base = results.get(1)!;
  for (const n of oneRequest) {
    const m = results.get(n)!;
    expect([n, m.create.syncs, m.update.syncs, m.refresh, m.asOf, m.filter]).toEqual([
      n,
      base.create.syncs,
      base.update.syncs,
      base.refresh,
      base.asOf,
      base.filter,
    ]);
  }
});

test("queued operations do not grow with the number of tasks (whole ranges, not cells)", () => {
  const base = results.get(1)!;
  expect(results.get(10)!.create.ops).toBe(base.create.ops);
  expect(results.get(10)!.update.ops).toBe(base.update.ops);
  // Past the budget, each split array costs one more range and its write: 2 ops per extra request.
  const big = results.get(100)!;
  expect(big.rows).toBeGreaterThan(base.rows * 50);
  expect(big.create.ops).toBe(base.create.ops + 2 * (big.create.syncs - 3));
  expect(big.update.ops).toBe(base.update.ops + 2 * (big.update.syncs - 2));
});
