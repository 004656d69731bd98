/**
 * Excel without custom functions (CustomFunctionsRuntime 1.1 missing: iPad, volume-licensed Office
 * older than 2021): the add-in still writes the workbook, with the plain-formula flavour of the
 * Chỉ tiêu sheet instead of CCHC.* cells that would show #NAME?, and says so.
 */
import { createOrUpdate } from "../../src/render/office/actions";
import { defaultLayoutBuilder } from "../../src/taskpane/engine";
import { createFakeExcel } from "../support/fakeExcel";
import { depsOf } from "../support/officeHarness";

async function formulasWritten(customFunctions: boolean) {
  const fake = createFakeExcel({ customFunctions });
  const r = await createOrUpdate(depsOf(fake), defaultLayoutBuilder);
  expect(r.ok).toBe(true);
  const formulas = fake
    .sheetNames()
    .flatMap((s) => Object.values(fake.user.dump(s)))
    .filter((v): v is string => typeof v === "string" && v.startsWith("="));
  return { r, formulas };
}

test("with custom functions: the Chỉ tiêu sheet uses CCHC.*", async () => {
  const { r, formulas } = await formulasWritten(true);
  expect(formulas.some((f) => f.includes("CCHC."))).toBe(true);
  expect(r.details.join("\n")).not.toMatch(/CustomFunctionsRuntime/);
});

test("without custom functions: plain formulas only, and the user is told", async () => {
  const { r, formulas } = await formulasWritten(false);
  expect(formulas.length).toBeGreaterThan(100);
  expect(formulas.filter((f) => f.includes("CCHC."))).toEqual([]);
  expect(r.details.join("\n")).toMatch(/không chạy được hàm CCHC\.\*.*công thức Excel thường/);
});
