/**
 * The "Nhiệm vụ" sheet is protected with locked plan columns. Like Excel, the fake refuses a user's
 * sort of that table and a user's row insert there; the task pane's sort action unprotects, sorts and
 * protects again with the same options, in 2 round trips.
 */
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { createOrUpdate } from "../../src/render/office/actions";
import { sortTasks } from "../../src/render/office/sortAction";
import { getPlan } from "../../src/plan";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";
import { createOfficeJsClient } from "../support/officeJsClient";

const build = builderFor(getPlan());

async function created() {
  const fake = createFakeExcel();
  expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
  const sheet = fake.book.mustTable(TASKS_TABLE).sheet;
  expect(sheet.protection.protected).toBe(true);
  return { fake, sheet };
}

test("a user cannot sort the protected table nor insert rows in it (as in Excel)", async () => {
  const { fake } = await created();
  expect(() => fake.user.sortTable(TASKS_TABLE, "Chủ trì")).toThrow(/protected sheet/);
  expect(() => fake.user.insertRowsInTable(TASKS_TABLE, 3, 1)).toThrow(/protected sheet/);
});

test("the task pane's sort: sorted by the chosen column, protected again with the same options", async () => {
  const { fake, sheet } = await created();
  const options = { ...sheet.protection.options };
  const r = await sortTasks(depsOf(fake), "lead");
  expect(r.message).toBe("Đã sắp xếp bảng “Nhiệm vụ” theo đơn vị chủ trì.");
  expect(r.ok).toBe(true);
  expect(fake.lastRun.syncs).toBe(2);
  expect(sheet.protection.protected).toBe(true);
  expect(sheet.protection.options).toEqual(options);
  const leads = fake
    .table(TASKS_TABLE)
    .body.map((row) => row[fake.table(TASKS_TABLE).headers.indexOf("Chủ trì")])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .map((v) => v.toLowerCase());
  expect(leads.length).toBeGreaterThan(30);
  expect(leads).toEqual([...leads].sort());
});

test("without the table: a Vietnamese message saying what to do", async () => {
  const r = await sortTasks(depsOf(createFakeExcel()), "due");
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(/^Chưa có bảng nhiệm vụ \(tblNhiemVu\).*Tạo\/cập nhật bảng theo dõi/);
});

test("through Microsoft's office.js client: the same result, 2 waiting round trips", async () => {
  const { fake, sheet } = await created();
  const client = createOfficeJsClient(fake);
  const r = await sortTasks({ run: client.run, isSetSupported: client.isSetSupported }, "due");
  expect(r.ok).toBe(true);
  expect(client.lastRun.waiting).toBe(2);
  expect(sheet.protection.protected).toBe(true);
}, 60_000);
