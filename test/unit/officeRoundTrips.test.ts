/**
 * The read before a write: optimistic (getItem, one round trip when everything exists), with a
 * fallback that lists what exists when something is missing, and never a load on an object reached
 * from a null object (the fake refuses those, as Office.js documents only a *OrNullObject result's
 * own isNullObject). Also: the layout is built once per action, from targets that match it.
 */
import { getPlan } from "../../src/plan";
import { targetsOf, workbookTargets } from "../../src/layouts/targets";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { UNITS_TABLE } from "../../src/layouts/unitsSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import {
  createOrUpdate,
  refresh,
  setAsOfDate,
  type LayoutBuilder,
} from "../../src/render/office/actions";
import { footprintName } from "../../src/render/office/probe";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";

const plan = getPlan();

async function created(): Promise<FakeExcel> {
  const fake = createFakeExcel();
  expect((await createOrUpdate(depsOf(fake), builderFor(plan))).ok).toBe(true);
  return fake;
}

describe("the fake refuses what Office.js does not document about null objects", () => {
  test("a *OrNullObject result's own isNullObject is readable", async () => {
    const fake = createFakeExcel();
    const found = await fake.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("khongCo");
      t.load("name");
      await ctx.sync();
      return t.isNullObject;
    });
    expect(found).toBe(true);
  });

  test.each([
    ["its worksheet", (t: Excel.Table) => t.worksheet.load("name")],
    ["its range", (t: Excel.Table) => t.getRange().load("address")],
    ["its sheet's protection", (t: Excel.Table) => t.worksheet.protection.load("protected")],
    ["its columns", (t: Excel.Table) => t.columns.load("items/name")],
  ])("loading %s fails the batch", async (_what, reach) => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (ctx) => {
        const t = ctx.workbook.tables.getItemOrNullObject("khongCo");
        reach(t as unknown as Excel.Table);
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("isNullObject of an object reached from a null object cannot be read", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (ctx) => {
        const item = ctx.workbook.names.getItemOrNullObject("KhongCo");
        const range = item.getRangeOrNullObject();
        await ctx.sync();
        return range.isNullObject;
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("navigating from an object that exists is fine", async () => {
    const fake = await created();
    const sheet = await fake.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject(TASKS_TABLE);
      const col = t.columns.getItemOrNullObject("không có cột này");
      col.load("name");
      await ctx.sync();
      return col.isNullObject;
    });
    // The table exists, so its column lookup is a documented *OrNullObject result.
    expect(sheet).toBe(true);
  });
});

describe("create/update reads optimistically", () => {
  test("a workbook missing one piece (an older version's, without the area name) costs 2 syncs more, keeps every typed value", async () => {
    const fake = await created();
    fake.user.typeInTable(TASKS_TABLE, "2.23#2", "Minh chứng", "CV số 12/VP");
    const fp = footprintName("tasks").toLowerCase();
    fake.book.names = fake.book.names.filter((n) => n.name.toLowerCase() !== fp);
    const r = await createOrUpdate(depsOf(fake), builderFor(plan));
    expect(r.ok).toBe(true);
    expect(r.keptValues).toBe(1);
    // optimistic read (ItemNotFound) → list → read what exists → write + counts
    expect(fake.lastRun.syncs).toBe(4);
    const t = fake.table(TASKS_TABLE);
    expect(t.body.find((row) => row[0] === "2.23#2")?.[t.headers.indexOf("Minh chứng")]).toBe(
      "CV số 12/VP"
    );
    expect(fake.names()[footprintName("tasks")]).toBeDefined();
    await createOrUpdate(depsOf(fake), builderFor(plan));
    expect(fake.lastRun.syncs).toBe(2);
  });

  test("the layout is built once per action, from targets that match it", async () => {
    const fake = createFakeExcel();
    const real = builderFor(plan);
    let builds = 0;
    const counting: LayoutBuilder = {
      targets: real.targets,
      build: (input) => {
        builds += 1;
        return real.build(input);
      },
    };
    await createOrUpdate(depsOf(fake), counting);
    expect(builds).toBe(1);
    await createOrUpdate(depsOf(fake), counting);
    expect(builds).toBe(2);
    const layout = buildWorkbook(plan, { flavor: "addin", today: "2024-03-15" }).layout;
    expect(workbookTargets(plan.year)).toEqual(targetsOf(layout));
  });
});

describe("refresh and the as-of date when a piece is missing", () => {
  test("refresh without the per-unit table still reads the as-of date (3 syncs)", async () => {
    const fake = await created();
    await setAsOfDate(depsOf(fake), "2024-06-30");
    fake.book.deleteTable(fake.book.mustTable(UNITS_TABLE));
    const r = await refresh(depsOf(fake));
    expect(r.ok).toBe(false);
    expect(r.counts?.asOf).toBe("2024-06-30");
    expect(fake.lastRun.syncs).toBe(3);
  });

  test("setting the date without the per-unit table sets it and reports no counts", async () => {
    const fake = await created();
    fake.book.deleteTable(fake.book.mustTable(UNITS_TABLE));
    const r = await setAsOfDate(depsOf(fake), "2024-07-31");
    expect(r.ok).toBe(true);
    expect(r.counts).toMatchObject({ found: false, asOf: "2024-07-31" });
    expect(fake.lastRun.syncs).toBe(2);
  });

  test("setting the date before create: the Vietnamese message, one sync", async () => {
    const fake = createFakeExcel();
    const r = await setAsOfDate(depsOf(fake), "2024-07-31");
    expect(r.ok).toBe(false);
    expect(r.message).toContain("Chưa có ô “Ngày báo cáo”");
    expect(fake.lastRun.syncs).toBe(1);
  });
});
