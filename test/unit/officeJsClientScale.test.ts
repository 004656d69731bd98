/**
 * A 10× plan through Microsoft's Excel web client: office.js splits every array over 1,500 cells into
 * row chunks (`_ValidateArraySize`, `getRow(i).getBoundingRect(…)`) inside the request. The replay must
 * follow, and the workbook must be the same as when the actions talk to the fake directly.
 */
import { getPlan } from "../../src/plan";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { createOrUpdate } from "../../src/render/office/actions";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf, syntheticPlan } from "../support/officeHarness";
import { createOfficeJsClient } from "../support/officeJsClient";

test("create at 10× through the real client leaves the same workbook as on the fake alone", async () => {
  const build = builderFor(syntheticPlan(getPlan(), 10));
  const direct = createFakeExcel();
  expect((await createOrUpdate(depsOf(direct), build)).ok).toBe(true);
  const viaClient = createFakeExcel();
  const client = createOfficeJsClient(viaClient);
  const r = await createOrUpdate({ run: client.run, isSetSupported: client.isSetSupported }, build);
  expect(r.message).toMatch(/^Đã tạo bảng theo dõi/);
  expect(viaClient.snapshot()).toEqual(direct.snapshot());
}, 120_000);

describe("Excel on the web's payload limit, in the stand-in transport", () => {
  const build = builderFor(getPlan());

  test("a request over the limit is refused whole: nothing written, a Vietnamese message", async () => {
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake, { payloadLimitBytes: 100_000 });
    const r = await createOrUpdate(
      { run: client.run, isSetSupported: client.isSetSupported },
      build
    );
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Dữ liệu quá lớn cho một lần ghi của Excel/);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  }, 60_000);

  test("a response over the limit that cannot be read in parts is an error, nothing written", async () => {
    const fake = createFakeExcel();
    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    // One cell of 30,000 three-byte characters: its formula and its value are 180 KB on their own.
    fake.user.typeInTable(TASKS_TABLE, getPlan().tasks[0].key, "Minh chứng", "ệ".repeat(30_000));
    const before = fake.snapshot();
    const client = createOfficeJsClient(fake, { payloadLimitBytes: 150_000 });
    const r = await createOrUpdate(
      { run: client.run, isSetSupported: client.isSetSupported },
      build
    );
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Dữ liệu đọc về quá lớn cho Excel/);
    expect(fake.snapshot()).toBe(before);
  }, 60_000);
});
