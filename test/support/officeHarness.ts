/**
 * Glue for the Office renderer tests: the fake Excel as the actions' dependencies, the real workbook
 * builder, and synthetic plans N× the seed's size (tasks repeated with new codes).
 */
import type { Plan, Task } from "../../src/plan/types";
import type { WorkbookLayout } from "../../src/layouts/model";
import { targetsOf, workbookTargets } from "../../src/layouts/targets";
import { buildWorkbook } from "../../src/layouts/workbook";
import { UNITS_TABLE, unitColumn } from "../../src/layouts/unitsSheet";
import type {
  ExcelRun,
  LayoutBuilder,
  OfficeDeps,
  UnitChoice,
} from "../../src/render/office/actions";
import type { FakeExcel } from "./fakeExcel";

export function depsOf(fake: FakeExcel): OfficeDeps {
  return { run: fake.run as unknown as ExcelRun, isSetSupported: fake.isSetSupported };
}

/** The add-in's builder, with a fixed "today" so cached results do not depend on the clock. */
export function builderFor(
  plan: Plan,
  opts: { today?: string; asOf?: string | null } = {}
): LayoutBuilder {
  return {
    targets: workbookTargets(plan.year),
    build: (userInput, env) => {
      const built = buildWorkbook(plan, {
        userInput,
        flavor: env?.customFunctions === false ? "file" : "addin",
        today: opts.today ?? "2024-03-15",
        asOf: opts.asOf,
      });
      return { layout: built.layout, notes: built.notes, orphans: built.orphans };
    },
  };
}

/** A builder that always writes `layout` as it is (renderer tests of hand-made layouts). */
export function fixedBuilder(layout: WorkbookLayout): LayoutBuilder {
  return { targets: targetsOf(layout), build: () => ({ layout }) };
}

/** The plan with its tasks repeated `times` times; copies get new codes ("2.1" → "2.1.r2"). */
export function syntheticPlan(base: Plan, times: number): Plan {
  const tasks: Task[] = [];
  for (let k = 0; k < times; k += 1) {
    for (const t of base.tasks) {
      const code = k === 0 ? t.code : `${t.code}.r${k + 1}`;
      tasks.push({ ...t, seq: tasks.length + 1, code, key: `${code}#${t.occurrence}` });
    }
  }
  return { ...base, tasks };
}

/**
 * The unit-filter choice the task pane passes for the line named `name`: its id as buildWorkbook
 * writes it in the "Theo đơn vị" table (what the pane reads back).
 */
export function unitChoice(plan: Plan, name: string): UnitChoice {
  const units = buildWorkbook(plan, { flavor: "addin" }).layout.sheets.find(
    (s) => s.table?.name === UNITS_TABLE
  );
  const idCol = unitColumn("id") - 1;
  const row = units?.table?.rows.find((r) => r.cells[0] === name);
  const id = row?.cells[idCol];
  if (typeof id !== "string") throw new Error(`Không có dòng “${name}” trên trang Theo đơn vị`);
  return { id, unit: name };
}
