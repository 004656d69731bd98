/**
 * `cchc snapshot`: "Chốt số liệu" appends the period's figures to the Lịch sử sheet, keeps every
 * earlier snapshot and every typed value, and the history survives `cchc workbook --from`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { computeReport } from "../../src/domain/reportFigures";
import { rosterAccountsOf } from "../../src/layouts/rosterSheet";
import { isoToSerial } from "../../src/domain/excelDate";
import {
  HISTORY_KIND,
  HISTORY_TABLE,
  snapshotRows,
  type HistoryRow,
} from "../../src/layouts/historySheet";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import { RECURRING_TABLE } from "../../src/layouts/recurringSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { withPlanSheet } from "../../src/layouts/planSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import { importPlan } from "../../src/import/importPlan";
import { readTextPlan } from "../../src/import/text";
import { getPlan, parsePlan as importPlanJson } from "../../src/plan";
import { readStoredPlan } from "../../src/render/xlsx/readStoredPlan";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { runCli } from "../support/runCli";
import { filledYear } from "../support/reportFixtures";
import { FIXTURES } from "../support/planFixtures";
import { planText } from "../support/planFiles";

jest.setTimeout(120_000);

const plan = getPlan();
const input = filledYear(plan);
const layout = buildWorkbook(plan, { flavor: "file", asOf: null }).layout;
let dir: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-snapshot-"));
  const built = buildWorkbook(plan, { flavor: "file", asOf: "2024-06-20", userInput: input });
  fs.writeFileSync(
    path.join(dir, "so.xlsx"),
    await renderWorkbookFile(withPlanSheet(built.layout, plan))
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

async function typed(file: string) {
  return (await readUserInputFromFile(fs.readFileSync(path.join(dir, file)), layout, file))
    .userInput;
}

const inputs = {
  tasks: input.tables[TASKS_TABLE],
  recurring: input.tables[RECURRING_TABLE],
  indicators: input.tables[INDICATORS_TABLE],
  marginPoints: 5,
  accounts: rosterAccountsOf(plan, input),
};

describe("cchc snapshot", () => {
  test("appends each period's figures; earlier snapshots and typed values stay as they were", async () => {
    const original = await typed("so.xlsx");
    expect(
      (await run(["snapshot", "so.xlsx", "--period", "q1", "--date", "2024-03-20"])).code
    ).toBe(0);
    const first = (await typed("so.xlsx")).tables[HISTORY_TABLE];
    const r = await run(["snapshot", "so.xlsx", "--period", "6 tháng", "--date", "2024-06-20"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /Đã chốt số liệu lần 2, kỳ 6 tháng năm 2024 \(số liệu từ .*ngày chốt 20\/06\/2024/
    );
    const after = await typed("so.xlsx");
    const history = after.tables[HISTORY_TABLE];
    const expected = {
      ...snapshotRows(computeReport(plan, "q1", inputs), 1, "2024-03-20"),
      ...snapshotRows(computeReport(plan, "h1", inputs), 2, "2024-06-20"),
    };
    const perSnapshot = 1 + 11 + plan.indicators.length;
    expect(Object.keys(history)).toHaveLength(2 * perSnapshot);
    // What was read back is what was written (a blank cell reads back as absent).
    const clean = (rows: Record<string, HistoryRow>) =>
      Object.fromEntries(
        Object.entries(rows).map(([k, row]) => [
          k,
          Object.fromEntries(Object.entries(row).filter(([, v]) => v !== "" && v !== null)),
        ])
      );
    expect(clean(history)).toEqual(clean(expected));
    for (const [key, row] of Object.entries(first)) expect(history[key]).toEqual(row);
    const whole = Object.values(history).filter((x) => x.kind === HISTORY_KIND.plan);
    expect(whole.map((x) => [x.no, x.from, x.to])).toEqual([
      [1, isoToSerial("2023-12-15"), isoToSerial("2024-03-14")],
      [2, isoToSerial("2023-12-15"), isoToSerial("2024-06-14")],
    ]);
    for (const table of [TASKS_TABLE, RECURRING_TABLE, INDICATORS_TABLE])
      expect(after.tables[table]).toEqual(original.tables[table]);
  });

  test("the history survives regeneration with cchc workbook --from", async () => {
    await run(["snapshot", "so.xlsx", "--period", "q1", "--date", "2024-03-20"]);
    const before = await typed("so.xlsx");
    const r = await run(["workbook", "--from", "so.xlsx", "--out", "moi.xlsx"]);
    expect(r.code).toBe(0);
    const after = await typed("moi.xlsx");
    expect(after.tables[HISTORY_TABLE]).toEqual(before.tables[HISTORY_TABLE]);
    expect(after.tables[RECURRING_TABLE]).toEqual(before.tables[RECURRING_TABLE]);
  });

  test("a workbook of an imported 2025 plan: its plan stays in it; a revised plan keeps the history", async () => {
    const huyen = importPlan(readTextPlan(planText(FIXTURES[1].plan))).plan;
    const typedH = filledYear(huyen);
    const built = buildWorkbook(huyen, { flavor: "file", asOf: "2025-06-20", userInput: typedH });
    fs.writeFileSync(
      path.join(dir, "huyen.xlsx"),
      await renderWorkbookFile(withPlanSheet(built.layout, huyen))
    );
    const r = await run(["snapshot", "huyen.xlsx", "--period", "h1", "--date", "2025-06-20"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Đã chốt số liệu lần 1, kỳ 6 tháng năm 2025 \(/);
    expect(await readStoredPlan(fs.readFileSync(path.join(dir, "huyen.xlsx")))).toEqual(huyen);
    const layoutH = buildWorkbook(huyen, { flavor: "file", asOf: null }).layout;
    const read = async (file: string, l = layoutH) =>
      (await readUserInputFromFile(fs.readFileSync(path.join(dir, file)), l, file)).userInput;
    const history = (await read("huyen.xlsx")).tables[HISTORY_TABLE];
    const report = computeReport(huyen, "h1", {
      tasks: typedH.tables[TASKS_TABLE],
      recurring: typedH.tables[RECURRING_TABLE],
      indicators: typedH.tables[INDICATORS_TABLE],
      marginPoints: 5,
    });
    expect(Object.keys(history).sort()).toEqual(
      Object.keys(snapshotRows(report, 1, "2025-06-20")).sort()
    );
    const whole = Object.values(history).find((x) => x.kind === HISTORY_KIND.plan)!;
    expect([whole.total, whole.period]).toEqual([huyen.tasks.length, "6 tháng 2025"]);

    // A revised plan (the recurring task renumbered): history kept as it was, its quarter marks
    // follow the task to its new code.
    const ri = huyen.tasks.findIndex((t) => t.deadline.recurring);
    const oldKey = huyen.tasks[ri].key;
    const file = JSON.parse(JSON.stringify(huyen));
    file.tasks[ri].code = "9";
    fs.writeFileSync(path.join(dir, "kh-sua.json"), JSON.stringify(file));
    const moved = await run([
      "workbook",
      "--from",
      "huyen.xlsx",
      "--plan",
      "kh-sua.json",
      "--out",
      "sua.xlsx",
    ]);
    expect(moved.code).toBe(0);
    const revisedLayout = buildWorkbook(importPlanJson(file), {
      flavor: "file",
      asOf: null,
    }).layout;
    const after = await read("sua.xlsx", revisedLayout);
    expect(after.tables[HISTORY_TABLE]).toEqual(history);
    const marks = (await read("huyen.xlsx")).tables[RECURRING_TABLE][oldKey];
    expect(Object.keys(marks ?? {}).length).toBeGreaterThan(0);
    expect(after.tables[RECURRING_TABLE]["9#1"]).toEqual(marks);
    expect(after.tables[RECURRING_TABLE][oldKey]).toBeUndefined();
    const again = await run(["snapshot", "sua.xlsx", "--period", "q3", "--date", "2025-09-20"]);
    expect(again.stderr).toMatch(
      /Đã chốt số liệu lần 2, kỳ 9 tháng \(Quý III\) năm 2025 \(số liệu từ /
    );
    const later = (await read("sua.xlsx", revisedLayout)).tables[HISTORY_TABLE];
    for (const [key, row] of Object.entries(history)) expect(later[key]).toEqual(row);
  });

  test.each([
    [["snapshot", "so.xlsx", "--period", "q1", "--json"], /--json và --docx/],
    [["snapshot", "so.xlsx", "--period", "q1", "--date", "20/03/2024"], /Ngày chốt không hợp lệ/],
    [["snapshot", "so.xlsx"], /Thiếu --period/],
  ])("%j → exit 2, the file untouched", async (args, message) => {
    const before = fs.readFileSync(path.join(dir, "so.xlsx"));
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readFileSync(path.join(dir, "so.xlsx")).equals(before)).toBe(true);
  });

  test("a missing file → exit 1, nothing written", async () => {
    const r = await run(["snapshot", "khong-co.xlsx", "--period", "q1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không tồn tại/);
    expect(fs.readdirSync(dir)).toEqual(["so.xlsx"]);
  });
});
