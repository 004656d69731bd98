/**
 * "Chốt số liệu" in the add-in: the create/update action with a builder that appends the period's
 * figures to Lịch sử. Against the fake Excel: rows appended per snapshot, earlier ones kept through
 * another snapshot and a plain update, the same number of round trips as an update.
 */
import { HISTORY_TABLE, historyColumns } from "../../src/layouts/historySheet";
import { createOrUpdate } from "../../src/render/office/actions";
import { snapshotLayoutBuilder } from "../../src/taskpane/engine";
import { getPlan } from "../../src/plan";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";

const plan = getPlan();
const perSnapshot = 1 + 11 + plan.indicators.length;
const header = (key: string) => historyColumns().find((c) => c.key === key)!.header;

test("each snapshot appends the period's rows; earlier ones survive snapshots and updates", async () => {
  const fake = createFakeExcel();
  const deps = depsOf(fake);
  expect((await createOrUpdate(deps, builderFor(plan))).ok).toBe(true);
  expect((await createOrUpdate(deps, builderFor(plan))).ok).toBe(true);
  const update = fake.lastRun.syncs;

  const first = await createOrUpdate(deps, snapshotLayoutBuilder("q1", "2024-03-20"));
  expect(first.ok).toBe(true);
  expect(first.details.join("\n")).toMatch(/Đã chốt số liệu lần 1 \(Quý I 2024\)/);
  expect(fake.lastRun.syncs).toBe(update);
  const after1 = fake.table(HISTORY_TABLE);
  expect(after1.body).toHaveLength(perSnapshot);

  expect((await createOrUpdate(deps, snapshotLayoutBuilder("h1", "2024-06-20"))).ok).toBe(true);
  expect((await createOrUpdate(deps, builderFor(plan))).ok).toBe(true);
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
