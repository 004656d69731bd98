import { isCustomFunctionsError } from "../support/customFunctionsStub";
import { MET, TARGET } from "../../src/functions/functions";
import { importPlan } from "../../src/import/importPlan";
import { readTextPlan } from "../../src/import/text";
import { setWorkbookTargets } from "../../src/plan/workbookTargets";
import type { ExcelRun, OfficeDeps } from "../../src/render/office/actions";
import { createOrUpdateForPlan, refreshWithWorkbookPlan } from "../../src/taskpane/planImport";
import { createFakeExcel } from "../support/fakeExcel";
import { FIXTURES } from "../support/planFixtures";
import { planText } from "../support/planFiles";

const deps = (fake: ReturnType<typeof createFakeExcel>): OfficeDeps => ({
  run: fake.run as unknown as ExcelRun,
  isSetSupported: fake.isSetSupported,
});

afterEach(() => setWorkbookTargets(null));

test("CCHC.TARGET follows the plan the workbook carries, also after the workbook is reopened", async () => {
  const fake = createFakeExcel();
  const plan = importPlan(readTextPlan(planText(FIXTURES[0].plan))).plan;
  expect(TARGET("3.6")).toBe(0.95); // the built-in 2024 plan until a workbook says otherwise

  expect((await createOrUpdateForPlan(deps(fake), plan)).ok).toBe(true);
  expect(TARGET("2b")).toBe(0.9);
  expect(TARGET("3")).toBe(2);
  expect(MET(0.04, "5")).toBe(true); // "dưới 5%": lower is better
  expect(isCustomFunctionsError(TARGET("3.6"))).toBe(true); // not a target of this plan

  setWorkbookTargets(null); // the page reloaded: the task pane reads the plan again on open
  expect(TARGET("3.6")).toBe(0.95);
  expect((await refreshWithWorkbookPlan(deps(fake))).ok).toBe(true);
  expect(TARGET("2b")).toBe(0.9);
});

test("a workbook without a stored plan keeps the built-in targets", async () => {
  const fake = createFakeExcel();
  await refreshWithWorkbookPlan(deps(fake));
  expect(TARGET("3.6")).toBe(0.95);
});
