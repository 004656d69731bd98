/**
 * "Chốt số liệu" in the add-in: create/update with the workbook's own plan and the period's figures
 * appended to Lịch sử. Against the fake Excel: rows appended per snapshot, earlier ones kept through
 * another snapshot, a plain update and the import of a revised plan; the same round trips as an
 * update; a workbook of an imported 2025 plan is reported on its plan, never the built-in 2024 one.
 */
import { computeReport } from "../../src/domain/reportFigures";
import { importPlan } from "../../src/import/importPlan";
import { readTextPlan } from "../../src/import/text";
import { HISTORY_KIND, HISTORY_TABLE, historyColumns } from "../../src/layouts/historySheet";
import { parsePlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { getPlan } from "../../src/plan";
import {
  createOrUpdateForPlan,
  createOrUpdateWorkbookPlan,
  readHistoryTrends,
  snapshotWorkbookPlan,
} from "../../src/taskpane/engine";
import { createFakeExcel } from "../support/fakeExcel";
import { depsOf } from "../support/officeHarness";
import { FIXTURES } from "../support/planFixtures";
import { planText } from "../support/planFiles";

jest.setTimeout(120_000);

const header = (key: string) => historyColumns().find((c) => c.key === key)!.header;
/** Rows one snapshot adds: the whole plan, each lead unit, each target. */
const rowsPerSnapshot = (plan: Plan): number => {
  const report = computeReport(plan, "q1", {
    tasks: {},
    recurring: {},
    indicators: {},
    marginPoints: 5,
  });
  return 1 + report.units.length + plan.indicators.length;
};

test("each snapshot appends the period's rows; earlier ones survive snapshots and updates", async () => {
  const plan = getPlan();
  const perSnapshot = rowsPerSnapshot(plan);
  const fake = createFakeExcel();
  const deps = depsOf(fake);
  expect((await createOrUpdateWorkbookPlan(deps)).ok).toBe(true);
  expect((await createOrUpdateWorkbookPlan(deps)).ok).toBe(true);
  const update = fake.lastRun.syncs;

  const first = await snapshotWorkbookPlan(deps, "q1", "2024-03-20");
  expect(first.ok).toBe(true);
  expect(first.details.join("\n")).toMatch(/Đã chốt số liệu lần 1, kỳ Quý I năm 2024:/);
  expect(fake.lastRun.syncs).toBe(update);
  const after1 = fake.table(HISTORY_TABLE);
  expect(after1.body).toHaveLength(perSnapshot);

  expect((await snapshotWorkbookPlan(deps, "h1", "2024-06-20")).ok).toBe(true);
  expect((await createOrUpdateWorkbookPlan(deps)).ok).toBe(true);
  const t = fake.table(HISTORY_TABLE);
  expect(t.body).toHaveLength(2 * perSnapshot);
  const no = t.headers.indexOf(header("no"));
  const period = t.headers.indexOf(header("period"));
  expect(t.body.map((r) => r[no])).toEqual([
    ...Array(perSnapshot).fill(1),
    ...Array(perSnapshot).fill(2),
  ]);
  expect(t.body[0][period]).toBe("Quý I 2024");
  expect(t.body[perSnapshot][period]).toBe("6 tháng 2024");
  // The first snapshot's rows are exactly as they were written.
  expect(t.body.slice(0, perSnapshot)).toEqual(after1.body);
});

test("a workbook of an imported 2025 plan: snapshots of its plan, kept when a revised plan is imported", async () => {
  const huyen = importPlan(readTextPlan(planText(FIXTURES[1].plan))).plan;
  expect(huyen.year).toBe(2025);
  const fake = createFakeExcel();
  const deps = depsOf(fake);
  expect((await createOrUpdateForPlan(deps, huyen)).ok).toBe(true);

  const snap = await snapshotWorkbookPlan(deps, "h1", "2025-06-20");
  expect(snap.ok).toBe(true);
  expect(snap.details.join("\n")).toMatch(/Đã chốt số liệu lần 1, kỳ 6 tháng năm 2025:/);
  const t = fake.table(HISTORY_TABLE);
  expect(t.body).toHaveLength(rowsPerSnapshot(huyen));
  const col = (key: string) => t.headers.indexOf(header(key));
  const whole = t.body.find((r) => r[col("kind")] === HISTORY_KIND.plan)!;
  expect(whole[col("total")]).toBe(huyen.tasks.length);
  expect(whole[col("period")]).toBe("6 tháng 2025");
  const targets = t.body.filter((r) => r[col("kind")] === HISTORY_KIND.indicator);
  expect(targets.map((r) => r[col("subject")])).toEqual(huyen.indicators.map((i) => i.id));

  // The pane's trend reads the rows back and marks rates from the workbook's plan.
  const trends = await readHistoryTrends(deps.run);
  expect(trends.overdue.map((p) => p.label)).toEqual(["Lần 1 · 6 tháng 2025"]);
  expect(trends.indicatorIds).toEqual(huyen.indicators.map((i) => i.id));
  for (const i of huyen.indicators) expect(trends.isRate?.(i.id)).toBe(i.unit === "%");

  // Importing a revised plan rewrites every sheet; the reported snapshot stays as it was.
  const revised = parsePlan({
    ...JSON.parse(JSON.stringify(huyen)),
    tasks: huyen.tasks.slice(1),
  });
  expect((await createOrUpdateForPlan(deps, revised)).ok).toBe(true);
  expect(fake.table(HISTORY_TABLE).body).toEqual(t.body);
  const second = await snapshotWorkbookPlan(deps, "q3", "2025-09-20");
  expect(second.details.join("\n")).toMatch(
    /Đã chốt số liệu lần 2, kỳ 9 tháng \(Quý III\) năm 2025:/
  );
  expect(fake.table(HISTORY_TABLE).body.slice(0, t.body.length)).toEqual(t.body);
});
