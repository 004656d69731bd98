/**
 * Per-unit counts and the unit filter tell units apart by id, never by name: names that differ only
 * by a ";" / "," (the old separator), by case (COUNTIFS and AutoFilter ignore it) or by wildcard
 * characters are separate lines, counted by the workbook's own formulas exactly as the domain counts
 * them, and filtering one shows only its tasks.
 */
import { unitRollup } from "../../src/domain/unitRollup";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { createOrUpdate, filterByUnit, refresh } from "../../src/render/office/actions";
import { getPlan } from "../../src/plan";
import { createFakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { COLLIDING_UNITS, collidingUnitsPlan } from "../support/hostilePlan";
import { builderFor, depsOf } from "../support/officeHarness";

const AS_OF = "2024-06-30";
const plan = collidingUnitsPlan(getPlan());

test("the domain keeps one line per name, each with its own tasks", () => {
  const rows = unitRollup(plan, {}, AS_OF);
  expect(rows.map((r) => r.unit)).toEqual(COLLIDING_UNITS);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  for (const r of rows)
    expect(r.total + r.notApplicable).toBe(
      plan.tasks.filter((t) => t.lead.includes(r.unit)).length
    );
});

test("the workbook's COUNTIFS and the task pane's filter keep colliding names apart", async () => {
  const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
  const deps = depsOf(fake);
  const inputs = { [plan.tasks[0].key]: { status: "Hoàn thành" } };
  await createOrUpdate(deps, builderFor(plan, { today: AS_OF, asOf: AS_OF }));
  fake.user.typeInTable(TASKS_TABLE, plan.tasks[0].key, "Trạng thái", "Hoàn thành");
  const r = await refresh(deps);
  expect(r.ok).toBe(true);
  const expected = unitRollup(plan, inputs, AS_OF);
  const got = r.counts?.units ?? [];
  expect(got.map((u) => [u.unit, u.total, u.done, u.overdue, u.dueSoon])).toEqual(
    expected.map((x) => [x.unit, x.total, x.done, x.overdue, x.dueSoon])
  );
  expect(new Set(got.map((u) => u.id)).size).toBe(COLLIDING_UNITS.length);

  const t = () => fake.table(TASKS_TABLE);
  for (const unit of got) {
    const f = await filterByUnit(deps, unit);
    expect(f.ok).toBe(true);
    const visible = t()
      .body.filter((_row, i) => !t().hiddenRows.includes(7 + i))
      .map((row) => String(row[0]));
    const mine = plan.tasks.filter((x) => x.lead.includes(unit.unit)).map((x) => x.key);
    expect([unit.unit, visible.sort()]).toEqual([unit.unit, mine.sort()]);
  }
});
