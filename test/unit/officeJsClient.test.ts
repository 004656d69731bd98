/**
 * The actions driven through Microsoft's real Excel web client (office.js in jsdom, requests replayed
 * on the fake Excel, see test/support/officeJsClient.ts): the client serializes every call, so a call
 * the real client sends differently from what the fake accepts, a round trip the action waits for, or
 * the cleanup request office.js adds at the end of Excel.run shows here, not only in the fake's counts.
 */
import { getPlan } from "../../src/plan";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import {
  createOrUpdate,
  filterByUnit,
  refresh,
  setAsOfDate,
  type OfficeDeps,
} from "../../src/render/office/actions";
import { readHistoryTrends, snapshotWorkbookPlan } from "../../src/taskpane/engine";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf, syntheticPlan, unitChoice } from "../support/officeHarness";
import { createOfficeJsClient, type OfficeJsClient } from "../support/officeJsClient";

jest.setTimeout(60_000);

const build = builderFor(getPlan());

/**
 * The same user session on any deps: create, type, update, refresh, as-of date, filter, unfilter,
 * a snapshot into Lịch sử and its trend read back.
 */
async function session(deps: OfficeDeps, fake: FakeExcel): Promise<string[]> {
  const messages: string[] = [];
  const step = async (p: Promise<{ ok: boolean; message: string }>) => {
    const r = await p;
    expect(r.ok).toBe(true);
    messages.push(r.message);
  };
  await step(createOrUpdate(deps, build));
  fake.user.typeInTable(TASKS_TABLE, "2.23#2", "Minh chứng", "CV số 12/VP");
  fake.user.typeInTable(TASKS_TABLE, getPlan().tasks[0].key, "Trạng thái", "Hoàn thành");
  await step(createOrUpdate(deps, build));
  await step(refresh(deps));
  await step(setAsOfDate(deps, "2024-06-30"));
  await step(filterByUnit(deps, unitChoice(getPlan(), "Văn phòng Sở")));
  await step(filterByUnit(deps, null));
  // Chốt số liệu (the workbook's plan read first, then the update's round trips) and the trend.
  await step(snapshotWorkbookPlan(deps, "h1", "2024-06-20"));
  const trends = await readHistoryTrends(deps.run);
  messages.push(JSON.stringify(trends.overdue));
  return messages;
}

function clientDeps(client: OfficeJsClient): OfficeDeps {
  return { run: client.run, isSetSupported: client.isSetSupported };
}

describe("the actions through the real office.js client", () => {
  test("leave the same workbook and say the same as on the fake alone", async () => {
    const direct = createFakeExcel();
    const viaClient = createFakeExcel();
    const client = createOfficeJsClient(viaClient);
    const expected = await session(depsOf(direct), direct);
    const got = await session(clientDeps(client), viaClient);
    expect(got).toEqual(expected);
    expect(viaClient.snapshot()).toEqual(direct.snapshot());
    const t = viaClient.table(TASKS_TABLE);
    const row = t.body.find((r) => r[0] === "2.23#2");
    expect(row?.[t.headers.indexOf("Minh chứng")]).toBe("CV số 12/VP");
  });

  test("at 10× the client sends large writes in slices (getRow/getBoundingRect): same workbook", async () => {
    const big = builderFor(syntheticPlan(getPlan(), 10));
    const direct = createFakeExcel();
    const viaClient = createFakeExcel();
    const client = createOfficeJsClient(viaClient);
    expect((await createOrUpdate(depsOf(direct), big)).ok).toBe(true);
    expect((await createOrUpdate(clientDeps(client), big)).ok).toBe(true);
    expect(client.bodies.some((b) => b.Actions.some((a) => a.Name === "_ValidateArraySize"))).toBe(
      true
    );
    expect(viaClient.snapshot()).toEqual(direct.snapshot());
  });

  test("round trips the actions wait for, and the cleanup request counted apart", async () => {
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake);
    const deps = clientDeps(client);
    const counted = async (p: Promise<unknown>) => {
      await p;
      const r = client.lastRun;
      expect(r.requests.every((q) => q.requestBytes > 0 && q.responseBytes > 0)).toBe(true);
      return { waiting: r.waiting, cleanup: r.cleanup };
    };
    const create = await counted(createOrUpdate(deps, build));
    const update = await counted(createOrUpdate(deps, build));
    const refreshed = await counted(refresh(deps));
    const asOf = await counted(setAsOfDate(deps, "2024-06-30"));
    const filter = await counted(filterByUnit(deps, unitChoice(getPlan(), "Văn phòng Sở")));
    // The first snapshot also adds the KeHoach sheet this session's builder did not write (a piece
    // missing: +2); the next one is counted. Counted: the last Excel.run, the update's (the stored
    // plan was read in its own run before).
    expect((await snapshotWorkbookPlan(deps, "q1", "2024-03-20")).ok).toBe(true);
    const snapshot = await counted(snapshotWorkbookPlan(deps, "h1", "2024-06-20"));
    const trends = await counted(readHistoryTrends(deps.run));
    expect({ create, update, refreshed, asOf, filter, snapshot, trends }).toEqual({
      create: { waiting: 3, cleanup: 1 },
      update: { waiting: 2, cleanup: 1 },
      refreshed: { waiting: 1, cleanup: 1 },
      asOf: { waiting: 2, cleanup: 1 },
      filter: { waiting: 2, cleanup: 0 },
      snapshot: { waiting: 2, cleanup: 1 },
      trends: { waiting: 1, cleanup: 1 },
    });
    // The write batch is by far the largest request: the one issue 12 splits under a byte budget.
    const sizes = client.runs[1].requests.map((q) => q.requestBytes);
    expect(Math.max(...sizes)).toBe(sizes[1]);
  });

  test("a failing batch reaches the action as Excel's error, with nothing half-read", async () => {
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake);
    const r = await filterByUnit(clientDeps(client), unitChoice(getPlan(), "Văn phòng Sở"));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Chưa có bảng nhiệm vụ/);
    fake.user.protect("Sheet1", {}, "mật khẩu");
    await expect(
      client.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.cell("Sheet1", "A1")).toBe("");
  });
});
