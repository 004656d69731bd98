/**
 * A 10× plan through Microsoft's Excel web client: office.js splits every array over 1,500 cells into
 * row chunks (`_ValidateArraySize`, `getRow(i).getBoundingRect(…)`) inside the request. The replay must
 * follow, and the workbook must be the same as when the actions talk to the fake directly.
 */
import { getPlan } from "../../src/plan";
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
