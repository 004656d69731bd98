/**
 * The sheet's plain formulas, evaluated by a real spreadsheet engine (HyperFormula), equal the domain:
 * "Tình trạng" / "Số ngày trễ" = taskOutcome() (taskState/daysLate), for as-of dates before, on and
 * after each kind of deadline and for every kind of typed input; the per-unit COUNTIFS of
 * "Theo đơn vị" = unitRollup(); the cached `results` = what the engine computes.
 */
import fc from "fast-check";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { isoToSerial, serialToIso, todayIso } from "../../src/domain/excelDate";
import { planRollup, taskOutcome, unitRollup, type TaskInputs } from "../../src/domain/unitRollup";
import { cellAddress, parseCell, parseRange, rangeAddress } from "../../src/layouts/a1";
import type { Scalar, SheetLayout, WorkbookLayout } from "../../src/layouts/model";
import {
  AS_OF_ROW,
  NAME_AS_OF,
  NAME_SOON_DAYS,
  SETTINGS_HINT_COL,
  SETTINGS_VALUE_COL,
  SOON_DAYS_ROW,
  TASKS_FIRST_BODY_ROW,
  TASKS_SHEET_KEY,
  TASKS_TABLE,
  taskColumn,
} from "../../src/layouts/tasksSheet";
import { UNITS_FIRST_BODY_ROW, UNITS_SHEET_KEY, unitColumn } from "../../src/layouts/unitsSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import type { Plan, Task } from "../../src/plan/types";
import { getPlan } from "../../src/plan";
import { samplePlan } from "../support/layoutFixtures";
import { AS_OF_FIXED_HINT, AS_OF_TODAY_HINT } from "../../src/layouts/tasksAssembly";
import { literalText } from "../../src/layouts/cellText";

const serial = (iso: string): number => isoToSerial(iso) as number;
const addDays = (iso: string, n: number): string => serialToIso(serial(iso) + n) as string;

/**
 * Plain formulas need no CCHC functions, so the engine is HyperFormula as it comes, set to Excel's
 * 1900 date system (serial 60 = 29/02/1900), like test/support/hyperformula.ts.
 */
function createEngine(
  sheets: Record<string, RawCellContent[][]>,
  opts: { names: Record<string, string> }
): HyperFormula {
  const names = Object.entries(opts.names).map(([name, expression]) => ({ name, expression }));
  return HyperFormula.buildFromSheets(
    sheets,
    { licenseKey: "gpl-v3", leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } },
    names
  );
}

function valueAt(hf: HyperFormula, sheet: string, a1: string) {
  const id = hf.getSheetId(sheet);
  const address = id === undefined ? undefined : hf.simpleCellAddressFromString(a1, id);
  if (address === undefined) throw new Error(`${sheet}!${a1}?`);
  return hf.getCellValue(address);
}

/**
 * A layout value as cell content: text stays text (HyperFormula would read "05/01/2024" as a date, as
 * Excel does with typed input, but a text cell holding it is text), formulas stay formulas.
 */
const raw = (v: Scalar): RawCellContent =>
  typeof v === "string" && !v.startsWith("=") ? `'${v}` : v;

/** Every sheet of the layout as a grid of raw contents (blocks, table header and body), plus its names. */
function loadWorkbook(layout: WorkbookLayout, only?: (key: string) => boolean): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  const names: Record<string, string> = {};
  for (const sheet of layout.sheets.filter((s) => only?.(s.key) ?? true)) {
    const grid: RawCellContent[][] = [];
    const put = (row: number, col: number, v: RawCellContent): void => {
      while (grid.length < row) grid.push([]);
      const line = grid[row - 1];
      while (line.length < col) line.push(null);
      line[col - 1] = v;
    };
    for (const b of sheet.blocks) {
      const at = parseCell(b.at);
      b.cells.forEach((cells, i) =>
        cells.forEach((v, j) => v !== null && put(at.row + i, at.col + j, raw(v)))
      );
    }
    if (sheet.table) {
      const at = parseCell(sheet.table.at);
      sheet.table.columns.forEach((c, j) => put(at.row, at.col + j, raw(c.header)));
      sheet.table.rows.forEach((r, i) =>
        r.cells.forEach((v, j) => put(at.row + 1 + i, at.col + j, raw(v)))
      );
    }
    sheets[sheet.name] = grid;
    // A name always refers to fixed cells (renderers write refs absolute, whatever the layout says).
    for (const n of sheet.names) {
      const r = parseRange(n.ref);
      names[n.name] = `='${sheet.name}'!${rangeAddress(r.top, r.left, r.bottom, r.right, true)}`;
    }
  }
  return createEngine(sheets, { names });
}

interface Loaded {
  hf: HyperFormula;
  tasksSheet: string;
  unitsSheet: string;
  /** Sheet row of each task key. */
  rowOf: Map<string, number>;
  unitRows: string[];
  totalRow: number;
}

/** `only`: the sheet keys to load (fewer formulas recalculate faster when the as-of date changes). */
function load(
  plan: Plan,
  opts: Parameters<typeof buildWorkbook>[1],
  only?: (key: string) => boolean
): Loaded & { layout: WorkbookLayout } {
  const built = buildWorkbook(plan, opts);
  const sheetOf = (key: string) => built.layout.sheets.find((s) => s.key === key) as SheetLayout;
  const [tasks, units] = [sheetOf(TASKS_SHEET_KEY), sheetOf(UNITS_SHEET_KEY)];
  const rowOf = new Map((tasks.table?.rows ?? []).map((r, i) => [r.key, TASKS_FIRST_BODY_ROW + i]));
  const unitRows = (units.table?.rows ?? []).map((r) => r.key);
  return {
    hf: loadWorkbook(built.layout, only),
    layout: built.layout,
    tasksSheet: tasks.name,
    unitsSheet: units.name,
    rowOf,
    unitRows,
    totalRow: UNITS_FIRST_BODY_ROW + unitRows.length + 1,
  };
}

const at = (l: Loaded, sheet: string, row: number, col: number) =>
  valueAt(l.hf, sheet, cellAddress(row, col));

function setAsOf(l: Loaded, iso: string): void {
  const sheetId = l.hf.getSheetId(l.tasksSheet) as number;
  const cell = { sheet: sheetId, row: AS_OF_ROW - 1, col: SETTINGS_VALUE_COL - 1 };
  l.hf.setCellContents(cell, serial(iso));
}

function checkTasks(
  l: Loaded,
  plan: Plan,
  inputs: TaskInputs,
  asOf: string,
  soonDays: number
): void {
  for (const task of plan.tasks) {
    const row = l.rowOf.get(task.key) as number;
    const expected = taskOutcome(task.deadline.due, inputs[task.key], asOf, soonDays);
    const got = {
      state: at(l, l.tasksSheet, row, taskColumn("state")),
      daysLate: at(l, l.tasksSheet, row, taskColumn("daysLate")),
    };
    if (got.state !== expected.state || got.daysLate !== expected.daysLate) {
      throw new Error(
        `${task.key} (hạn ${task.deadline.due}, nhập ${JSON.stringify(inputs[task.key])}) ngày ${asOf}, ${soonDays} ngày: ` +
          `bảng tính ${JSON.stringify(got)} ≠ miền ${JSON.stringify(expected)}`
      );
    }
    const due = at(l, l.tasksSheet, row, taskColumn("due"));
    expect(due).toBe(task.deadline.due === null ? "" : serial(task.deadline.due));
  }
}

function checkUnits(
  l: Loaded,
  plan: Plan,
  inputs: TaskInputs,
  asOf: string,
  soonDays: number
): void {
  const expected = unitRollup(plan, inputs, asOf, soonDays);
  expect(l.unitRows).toEqual(expected.map((x) => x.id));
  const rows = [
    ...expected.map((x, i) => ({ x, row: UNITS_FIRST_BODY_ROW + i })),
    { x: planRollup(plan, inputs, asOf, soonDays), row: l.totalRow },
  ];
  for (const { x, row } of rows) {
    const got = {
      total: at(l, l.unitsSheet, row, unitColumn("total")),
      done: at(l, l.unitsSheet, row, unitColumn("done")),
      overdue: at(l, l.unitsSheet, row, unitColumn("overdue")),
      dueSoon: at(l, l.unitsSheet, row, unitColumn("dueSoon")),
    };
    expect({ unit: x.unit, ...got }).toEqual({
      unit: x.unit,
      total: x.total,
      done: x.done,
      overdue: x.overdue,
      dueSoon: x.dueSoon,
    });
    const rate = at(l, l.unitsSheet, row, unitColumn("onTimeRate"));
    if (x.onTimeRate === null) expect(rate).toBe("");
    else expect(rate).toBeCloseTo(x.onTimeRate, 9); // the engine rounds to 10 significant digits
  }
}

/** As-of dates around every deadline of the plan: before the window, at its edge, on, after. */
function asOfDates(plan: Plan): string[] {
  const dates = new Set<string>([
    `${plan.year}-01-01`,
    `${plan.year}-12-31`,
    `${plan.year + 1}-01-01`,
  ]);
  for (const t of plan.tasks) {
    const due = t.deadline.due;
    if (due === null) continue;
    for (const d of [-8, -7, -6, -1, 0, 1, 30]) dates.add(addDays(due, d));
  }
  return [...dates].sort();
}

/** Every kind of typed input, relative to the task's due date (or a mid-year date for recurring work). */
function scenario(kind: number, task: Task): Record<string, Scalar> | undefined {
  const due = task.deadline.due ?? "2024-06-01";
  const d = (n: number) => serial(addDays(due, n));
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return { status: "Chưa thực hiện" };
    case 2:
      return { status: "Đang thực hiện", progress: 40 };
    case 3:
      return { status: "Hoàn thành" };
    case 4:
      return { status: "Hoàn thành", doneDate: d(-3) };
    case 5:
      return { status: "Hoàn thành", doneDate: d(0) };
    case 6:
      return { status: "Hoàn thành", doneDate: d(5) };
    case 7:
      return { doneDate: d(12) };
    case 8:
      return { status: "Đang thực hiện", doneDate: d(-1) };
    case 9:
      return { status: "Không áp dụng", doneDate: d(40) };
    case 10:
      return { status: "hoàn thành" };
    case 11:
      return { doneDate: "05/01/2024", status: "Đang thực hiện" };
    case 12:
      return { status: "Hoàn thành", doneDate: d(0) + 0.6 };
    case 13:
      return { doneDate: 0 };
    case 14:
      return { status: "Không áp dụng " };
    default:
      return { status: "KHÔNG ÁP DỤNG" };
  }
}
const KINDS = 16;

function inputsFor(plan: Plan, kinds: number[]): Record<string, Record<string, Scalar>> {
  const out: Record<string, Record<string, Scalar>> = {};
  plan.tasks.forEach((t, i) => {
    const s = scenario(kinds[i % kinds.length], t);
    if (s) out[t.key] = s;
  });
  return out;
}

/** Numbers as the engine shows them (10 significant digits); anything else exactly. */
function expectSameValue(got: unknown, want: unknown, where: string): void {
  if (typeof got === "number" && typeof want === "number") {
    if (Math.abs(got - want) > 1e-9) throw new Error(`${where}: ${got} ≠ ${want}`);
  } else expect([where, got]).toEqual([where, want]);
}

// The hand-made plan gets every kind of input on every task (KINDS shifts); the 2024 plan, which is
// five times larger and slower to recalculate, gets a few shifts as an integration check.
describe.each([
  {
    label: "a hand-made plan with every kind of deadline",
    plan: samplePlan(),
    shifts: KINDS,
    runs: 20,
  },
  { label: "the 2024 plan", plan: getPlan(), shifts: 2, runs: 3 },
])("state formulas in a spreadsheet engine equal the domain: $label", ({ plan, shifts, runs }) => {
  const dates = asOfDates(plan);

  it("every kind of input on every task, for as-of dates around each deadline", () => {
    // Task i gets kind (i + shift) mod KINDS: over KINDS shifts every task sees every kind.
    for (let shift = 0; shift < shifts; shift += 1) {
      const kinds = plan.tasks.map((_, i) => (i + shift) % KINDS);
      const rows = inputsFor(plan, kinds);
      const l = load(
        plan,
        {
          flavor: "file",
          asOf: dates[0],
          userInput: { tables: { [TASKS_TABLE]: rows }, names: {} },
        },
        (key) => key === "tasks"
      );
      try {
        for (const asOf of dates) {
          setAsOf(l, asOf);
          checkTasks(l, plan, rows, asOf, 7);
        }
      } finally {
        l.hf.destroy();
      }
    }
  });

  it("random inputs, windows and dates: tasks and per-unit counts (COUNTIFS) agree", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: KINDS - 1 }), {
          minLength: plan.tasks.length,
          maxLength: plan.tasks.length,
        }),
        fc.constantFrom(0, 3, 7, 30),
        fc.array(fc.constantFrom(...dates), { minLength: 1, maxLength: 6 }),
        (kinds, soonDays, asOfs) => {
          const rows = inputsFor(plan, kinds);
          const l = load(
            plan,
            {
              flavor: "file",
              asOf: asOfs[0],
              soonDays,
              userInput: { tables: { [TASKS_TABLE]: rows }, names: {} },
            },
            (key) => key !== "indicators"
          );
          try {
            for (const asOf of asOfs) {
              setAsOf(l, asOf);
              checkTasks(l, plan, rows, asOf, soonDays);
              checkUnits(l, plan, rows, asOf, soonDays);
            }
          } finally {
            l.hf.destroy();
          }
        }
      ),
      { numRuns: runs, seed: 20240105 }
    );
  });

  it("the cached results equal what the engine computes", () => {
    const rows = inputsFor(plan, [3, 6, 9, 0, 7, 4, 2, 12]);
    const l = load(plan, {
      flavor: "file",
      asOf: "2024-03-28",
      userInput: { tables: { [TASKS_TABLE]: rows }, names: {} },
    });
    try {
      for (const sheet of l.layout.sheets.filter((s) => s.key === "tasks" || s.key === "units")) {
        const t = sheet.table;
        if (t) {
          const top = parseCell(t.at);
          t.rows.forEach((r, i) =>
            r.cells.forEach((c, j) => {
              if (typeof c === "string" && c.startsWith("=") && literalText(c) === null) {
                const got = valueAt(l.hf, sheet.name, cellAddress(top.row + 1 + i, top.col + j));
                expectSameValue(got, r.results?.[j], `${sheet.name} ${r.key} cột ${j + 1}`);
              }
            })
          );
        }
        for (const b of sheet.blocks) {
          const top = parseCell(b.at);
          b.cells.forEach((line, i) =>
            line.forEach((c, j) => {
              if (typeof c === "string" && c.startsWith("=")) {
                const got = valueAt(l.hf, sheet.name, cellAddress(top.row + i, top.col + j));
                expectSameValue(got, b.results?.[i][j], `${sheet.name} ${b.at} [${i},${j}]`);
              }
            })
          );
        }
      }
    } finally {
      l.hf.destroy();
    }
  });

  it("=TODAY() as the default as-of date, and the window read from its named cell", () => {
    const rows = inputsFor(plan, [0]);
    const l = load(plan, {
      flavor: "addin",
      userInput: { tables: { [TASKS_TABLE]: rows }, names: {} },
    });
    try {
      checkTasks(l, plan, rows, todayIso(), 7);
      const sheetId = l.hf.getSheetId(l.tasksSheet) as number;
      // The hint beside the date says what is true of it, whatever put the date there.
      const hint = cellAddress(AS_OF_ROW, SETTINGS_HINT_COL);
      expect(valueAt(l.hf, l.tasksSheet, hint)).toBe(AS_OF_TODAY_HINT);
      const asOfCell = { sheet: sheetId, row: AS_OF_ROW - 1, col: SETTINGS_VALUE_COL - 1 };
      l.hf.setCellContents(asOfCell, serial("2024-06-30"));
      expect(valueAt(l.hf, l.tasksSheet, hint)).toBe(AS_OF_FIXED_HINT);
      l.hf.setCellContents(asOfCell, "=TODAY()");
      const soonDaysCell = { sheet: sheetId, row: SOON_DAYS_ROW - 1, col: SETTINGS_VALUE_COL - 1 };
      l.hf.setCellContents(soonDaysCell, 45);
      checkTasks(l, plan, rows, todayIso(), 45);
    } finally {
      l.hf.destroy();
    }
  });

  it("the highlight rules select exactly the rows in their state", () => {
    const rows = inputsFor(plan, [3, 6, 9, 0, 7, 4, 2, 12]);
    const l = load(
      plan,
      {
        flavor: "file",
        asOf: "2024-03-28",
        userInput: { tables: { [TASKS_TABLE]: rows }, names: {} },
      },
      (key) => key === "tasks"
    );
    try {
      const tasks = l.layout.sheets.find((s) => s.key === TASKS_SHEET_KEY) as SheetLayout;
      const body = tasks.table?.rows ?? [];
      const sheetId = l.hf.getSheetId(tasks.name) as number;
      const scratch = (tasks.table?.columns.length ?? 0) + 3;
      for (const rule of tasks.rules) {
        if (rule.type !== "expression") continue;
        // The rule as Excel applies it to row r: relative row references shift with r.
        body.forEach((r, i) => {
          const row = TASKS_FIRST_BODY_ROW + i;
          const firstRowRef = new RegExp(`(\\$?[A-Z]{1,3})${TASKS_FIRST_BODY_ROW}\\b`, "g");
          const formula = rule.formula.replace(firstRowRef, `$1${row}`);
          l.hf.setCellContents({ sheet: sheetId, row: row - 1, col: scratch - 1 }, formula);
          const fires = valueAt(l.hf, tasks.name, cellAddress(row, scratch));
          if (rule.format.italic) {
            // The objective rows' italics: exactly the rows keyed "§MT:…".
            expect([r.key, fires]).toEqual([r.key, r.key.startsWith("§MT:")]);
            return;
          }
          const state = valueAt(l.hf, tasks.name, cellAddress(row, taskColumn("state")));
          const wanted = /="(.+)"$/.exec(rule.formula)?.[1];
          expect([r.key, fires]).toEqual([r.key, state === wanted]);
        });
      }
    } finally {
      l.hf.destroy();
    }
  });

  it("names resolve to the settings cells", () => {
    const l = load(plan, { flavor: "file", asOf: "2024-03-28", soonDays: 5 });
    try {
      const v = (f: string) => {
        const id = l.hf.getSheetId(l.unitsSheet) as number;
        l.hf.setCellContents({ sheet: id, row: 99, col: 0 }, f);
        return valueAt(l.hf, l.unitsSheet, "A100");
      };
      expect(v(`=${NAME_AS_OF}`)).toBe(serial("2024-03-28"));
      expect(v(`=${NAME_SOON_DAYS}`)).toBe(5);
    } finally {
      l.hf.destroy();
    }
  });
});
