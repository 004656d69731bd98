/**
 * Excel on the web's 5 MB per request and per response, through Microsoft's real Excel web client
 * (test/support/officeJsClient.ts refuses either over the limit, as Excel on the web does). At 100×
 * and 300× the plan, create and update must succeed with every request and response under the limit,
 * typed values must survive, and the round trips past the single-request ones must grow with the
 * bytes ÷ the budget (src/render/office/payload.ts), not with the rows.
 */
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { createOrUpdate, type OfficeDeps } from "../../src/render/office/actions";
import { REQUEST_ARRAY_BUDGET_BYTES } from "../../src/render/office/payload";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf, syntheticPlan } from "../support/officeHarness";
import {
  createOfficeJsClient,
  PAYLOAD_LIMIT_BYTES,
  type ObservedRun,
  type OfficeJsClient,
} from "../support/officeJsClient";

jest.setTimeout(600_000);

const deps = (client: OfficeJsClient): OfficeDeps => ({
  run: client.run,
  isSetSupported: client.isSetSupported,
});

/** What staff typed: a status, a long note (Vietnamese, multi-byte) and a formula of the row. */
function typeInto(fake: FakeExcel, plan: Plan, every: number, note: string): Map<string, string> {
  const typed = new Map<string, string>();
  plan.tasks.forEach((t, i) => {
    if (i % every !== 0 && i !== plan.tasks.length - 1) return;
    const text = `${note} — nhiệm vụ ${t.code}`;
    fake.user.typeInTable(TASKS_TABLE, t.key, "Ghi chú cập nhật", text);
    fake.user.typeInTable(TASKS_TABLE, t.key, "Trạng thái", "Hoàn thành");
    typed.set(t.key, text);
  });
  return typed;
}

function expectKept(fake: FakeExcel, typed: Map<string, string>): void {
  const t = fake.table(TASKS_TABLE);
  const note = t.headers.indexOf("Ghi chú cập nhật");
  const status = t.headers.indexOf("Trạng thái");
  const byKey = new Map(t.body.map((r) => [String(r[0]), r]));
  for (const [key, text] of typed) {
    expect([key, byKey.get(key)?.[note]]).toEqual([key, text]);
    expect(byKey.get(key)?.[status]).toBe("Hoàn thành");
  }
}

const largest = (run: ObservedRun) => ({
  request: Math.max(...run.requests.map((q) => q.requestBytes)),
  response: Math.max(...run.requests.map((q) => q.responseBytes)),
});

/** Write requests beyond the first: at most one per budget's worth of bytes sent. */
function extraWrites(run: ObservedRun, reads: number): { extra: number; bound: number } {
  const writes = run.requests.filter((q) => q.kind === "batch").slice(reads);
  const bytes = writes.reduce((n, q) => n + q.requestBytes, 0);
  return { extra: writes.length - 1, bound: Math.ceil(bytes / REQUEST_ARRAY_BUDGET_BYTES) };
}

describe.each([100, 300])("%i× the plan within Excel on the web's limits", (scale) => {
  const plan = syntheticPlan(getPlan(), scale);
  const build = builderFor(plan);
  const fake = createFakeExcel();
  const client = createOfficeJsClient(fake); // the 5 MB limit, as Excel on the web

  test("create: every request under the limit, split only as the bytes require", async () => {
    const r = await createOrUpdate(deps(client), build);
    expect(r.message).toMatch(/^Đã tạo bảng theo dõi/);
    const run = client.lastRun;
    // A first create reads twice: the optimistic read fails (nothing exists), then the listing.
    expect(run.requests[0].error).toMatch(/^ItemNotFound/);
    expect(run.requests.slice(1).every((q) => q.error === undefined)).toBe(true);
    expect(largest(run).request).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const { extra, bound } = extraWrites(run, 2);
    expect(extra).toBeGreaterThanOrEqual(1);
    expect(extra).toBeLessThanOrEqual(bound);
    expect(run.waiting).toBe(3 + extra);
    expect(fake.table(TASKS_TABLE).body.length).toBeGreaterThan(plan.tasks.length);
  });

  test("update: reads only the typed columns, keeps every typed value", async () => {
    const typed = typeInto(fake, plan, 97, "Đã gửi báo cáo; chờ Sở Nội vụ phản hồi");
    const r = await createOrUpdate(deps(client), build);
    expect(r.ok).toBe(true);
    expect(r.keptValues).toBe(typed.size * 2);
    const run = client.lastRun;
    expect(run.requests.every((q) => q.error === undefined)).toBe(true);
    const { request, response } = largest(run);
    expect(request).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // The whole table's formulas and values were 8 MB at 100× (24 MB at 300×): now the key and input
    // columns of every table (the report sheets' typed cells too), read again in halves if too large.
    expect(response).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    if (scale === 100) expect(response).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
    const { extra, bound } = extraWrites(run, 1);
    expect(extra).toBeLessThanOrEqual(bound);
    expect(run.waiting).toBe(2 + extra);
    expectKept(fake, typed);
  });
});

describe("past the limits at the seed's size (a small limit and budget)", () => {
  // The write's formats, rules and paths alone are ~0.27 MB: a 0.4 MB limit leaves room for them.
  const limit = 400_000;
  const budgetBytes = 40_000;
  const build = builderFor(getPlan());

  test("the write goes in slices under the budget, the workbook is the same", async () => {
    const direct = createFakeExcel();
    expect((await createOrUpdate(depsOf(direct), build)).ok).toBe(true);
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake, { payloadLimitBytes: limit });
    const r = await createOrUpdate(deps(client), build, { budgetBytes });
    expect(r.ok).toBe(true);
    expect(client.lastRun.waiting).toBeGreaterThan(3 + 1);
    expect(largest(client.lastRun).request).toBeLessThanOrEqual(limit);
    expect(fake.snapshot()).toEqual(direct.snapshot());
  });

  test("typed values too large for one response are read in halves, none lost", async () => {
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake, { payloadLimitBytes: limit });
    expect((await createOrUpdate(deps(client), build, { budgetBytes })).ok).toBe(true);
    // ~14 KB a row (formulas and values of a 6,000-character note): 43 rows are 0.6 MB.
    const typed = typeInto(fake, getPlan(), 1, "Ghi chú rất dài của phòng. ".repeat(220));
    const r = await createOrUpdate(deps(client), build, { budgetBytes });
    expect(r.ok).toBe(true);
    const run = client.lastRun;
    // The guessed read was refused, then read again without it, in halves.
    expect(run.requests[0].error).toMatch(/^ResponsePayloadSizeLimitExceeded/);
    expect(run.requests.filter((q) => q.error).length).toBeGreaterThanOrEqual(2);
    expect(largest(run).response).toBeLessThanOrEqual(limit);
    expectKept(fake, typed);
  });
});
