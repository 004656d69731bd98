/**
 * A task's deadline and lead corrected by hand in the Nhiệm vụ sheet (issue 11): the edit read again
 * (deadline parser, unit names), applied to the plan and stored with it, refused edits listed and kept
 * as typed, and the tracker following in the add-in (fake Excel, HyperFormula) and in `--from`.
 */
import "../support/customFunctionsStub";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isoToSerial } from "../../src/domain/excelDate";
import { columnLetters } from "../../src/layouts/a1";
import { ROSTER_TABLE } from "../../src/layouts/rosterSheet";
import { applyTaskEdits } from "../../src/layouts/taskEdits";
import {
  TASKS_HEADER_ROW,
  TASKS_SHEET_NAME,
  TASKS_TABLE,
  taskColumn,
  taskColumnHeader,
  type TaskColumnKey,
} from "../../src/layouts/tasksSheet";
import type { Scalar } from "../../src/layouts/model";
import type { UserInput } from "../../src/layouts/userInput";
import { getPlan } from "../../src/plan";
import type { Plan, Task } from "../../src/plan/types";
import { setWorkbookTargets } from "../../src/plan/workbookTargets";
import type { ExcelRun, OfficeDeps } from "../../src/render/office/actions";
import { readWorkbookPlan } from "../../src/render/office/planActions";
import { createOrUpdateForPlan, createOrUpdateWorkbookPlan } from "../../src/taskpane/planImport";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { readStoredPlan } from "../../src/render/xlsx/readStoredPlan";
import { runCli } from "../support/runCli";

afterEach(() => setWorkbookTargets(null));

const plan = getPlan();
const task = (p: Plan, code: string): Task => p.tasks.find((t) => t.code === code) as Task;
const typed = (rows: Record<string, Record<string, Scalar>>): UserInput => ({
  tables: { [TASKS_TABLE]: rows },
  names: {},
});

describe("corrections typed in the task table, applied to the plan", () => {
  test("a deadline read again: due date, recurrence, the document's text kept", () => {
    const r = applyTaskEdits(
      plan,
      typed({
        "2.2#1": { deadline: "30/06/2024", status: "Đang thực hiện" },
        "2.4#1": { deadline: "Thường xuyên" },
        "2.6#1": { deadline: "Hằng quý" },
      })
    );
    const t = task(r.plan, "2.2");
    expect(t.deadline).toEqual({ text: "30/06/2024", due: "2024-06-30", recurring: false });
    expect(t.corrections).toEqual([
      { field: "deadline", original: "Quý I/2024", corrected: "30/06/2024" },
    ]);
    expect(task(r.plan, "2.6").deadline.recurring).toBe(true);
    expect(r.changes).toEqual([
      "Nhiệm vụ 2.2: thời gian hoàn thành “Quý I/2024” → “30/06/2024” (hạn 30/06/2024).",
      expect.stringMatching(/^Nhiệm vụ 2\.6: thời gian hoàn thành “Năm 2024” → “Hằng quý”/),
    ]);
    // Applied: the cell is rewritten from the plan; the other typed values stay.
    expect(r.userInput?.tables[TASKS_TABLE]["2.2#1"]).toEqual({ status: "Đang thực hiện" });
    expect(r.problems).toEqual([]);
    // The plan given is not changed.
    expect(task(plan, "2.2").deadline.text).toBe("Quý I/2024");
  });

  test("a lead read into units as the document's are; one unit's spellings are one unit", () => {
    const r = applyTaskEdits(
      plan,
      typed({ "2.7#1": { lead: "Thanh tra, Văn phòng" }, "2.1#1": { lead: "Văn phòng Sở" } })
    );
    expect(task(r.plan, "2.7").lead).toEqual(["Thanh tra Sở", "Văn phòng Sở"]);
    expect(task(r.plan, "2.7").leadText).toBe("Thanh tra, Văn phòng");
    // The OCR typo fixed in the document's objective stays recorded next to it.
    expect(task(r.plan, "2.7").corrections).toContainEqual({
      field: "lead",
      original: "Các phòng chuyên môn",
      corrected: "Thanh tra Sở, Văn phòng Sở",
    });
    // "Văn phòng Sở" is what the sheet wrote for 2.1: no edit.
    expect(r.changes).toEqual([
      "Nhiệm vụ 2.7: chủ trì “Các phòng chuyên môn” → “Thanh tra Sở, Văn phòng Sở”.",
    ]);
  });

  test("what cannot be read is refused, listed and kept as typed; the task keeps its deadline", () => {
    const r = applyTaskEdits(
      plan,
      typed({
        "2.2#1": { deadline: "khi có hướng dẫn của tỉnh" },
        "2.5#1": { lead: " ; , " },
        "2.8#1": { deadline: "" },
      })
    );
    expect(task(r.plan, "2.2").deadline.due).toBe("2024-03-31");
    expect(task(r.plan, "2.5").lead).toEqual(["Văn phòng Sở"]);
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^Nhiệm vụ 2\.2: thời gian hoàn thành không đọc được “khi có hướng dẫn của tỉnh”.*ví dụ “30\/06\/2024”.*giữ nguyên ô đã nhập, nhiệm vụ vẫn tính theo “Quý I\/2024”\.$/
      ),
      expect.stringMatching(/^Nhiệm vụ 2\.5: chủ trì không đọc được tên đơn vị nào/),
    ]);
    const rows = r.userInput?.tables[TASKS_TABLE] ?? {};
    expect(rows["2.2#1"]).toEqual({ deadline: "khi có hướng dẫn của tỉnh" });
    expect(rows["2.5#1"]).toEqual({ lead: " ; , " });
    // An emptied cell is no edit: the plan's text is written back.
    expect(rows["2.8#1"]).toBeUndefined();
    expect(r.changes).toEqual([]);
  });

  test("corrected twice keeps the document's original; corrected back leaves no record", () => {
    const once = applyTaskEdits(plan, typed({ "2.2#1": { deadline: "30/06/2024" } })).plan;
    const twice = applyTaskEdits(once, typed({ "2.2#1": { deadline: "Quý III/2024" } })).plan;
    expect(task(twice, "2.2").corrections).toEqual([
      { field: "deadline", original: "Quý I/2024", corrected: "Quý III/2024" },
    ]);
    const back = applyTaskEdits(twice, typed({ "2.2#1": { deadline: "Quý I/2024" } })).plan;
    expect(task(back, "2.2").corrections).toBeUndefined();
    expect(task(back, "2.2").deadline.due).toBe("2024-03-31");
  });

  test("a new document (base null): the old sheet's texts are not corrections of it", () => {
    const r = applyTaskEdits(plan, typed({ "2.2#1": { deadline: "30/06/2024" } }), null);
    expect(r.plan.tasks).toEqual(plan.tasks);
    expect(r.changes).toEqual([]);
    expect(r.userInput?.tables[TASKS_TABLE]["2.2#1"]).toBeUndefined();
  });
});

const deps = (fake: FakeExcel): OfficeDeps => ({
  run: fake.run as unknown as ExcelRun,
  isSetSupported: fake.isSetSupported,
});

/** The value a task's cell shows (formulas computed by HyperFormula). */
const cell = (fake: FakeExcel, key: string, column: TaskColumnKey): Scalar =>
  fake.value(
    TASKS_SHEET_NAME,
    `${columnLetters(taskColumn(column))}${fake.user.rowOf(TASKS_TABLE, key)}`
  );

describe("in the add-in (fake Excel, HyperFormula)", () => {
  test("the coordinator corrects a deadline and a lead: Hạn, Tình trạng, the counts and the stored plan follow", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    expect((await createOrUpdateForPlan(deps(fake), plan)).ok).toBe(true);
    fake.user.typeInTable(TASKS_TABLE, "2.2#1", taskColumnHeader("updateNote"), "Chờ ý kiến");
    // Both are protected plan texts made editable; the fake refuses typing in a locked cell.
    fake.user.typeInTable(TASKS_TABLE, "2.2#1", taskColumnHeader("deadline"), "31/12/2099");
    fake.user.typeInTable(TASKS_TABLE, "2.2#1", taskColumnHeader("lead"), "Thanh tra");
    fake.user.typeInTable(TASKS_TABLE, "2.5#1", taskColumnHeader("deadline"), "sau này");
    // A unit the plan never named: it joins the Đơn vị list and answers for the task.
    fake.user.typeInTable(
      TASKS_TABLE,
      "2.6#1",
      taskColumnHeader("lead"),
      "Phòng Kế hoạch - Tài chính"
    );

    const r = await createOrUpdateWorkbookPlan(deps(fake));
    expect(r.ok).toBe(true);
    expect(r.details).toEqual(
      expect.arrayContaining([
        "Nhiệm vụ 2.2: thời gian hoàn thành “Quý I/2024” → “31/12/2099” (hạn 31/12/2099).",
        "Nhiệm vụ 2.2: chủ trì “Văn phòng Sở” → “Thanh tra Sở”.",
        expect.stringMatching(/^Nhiệm vụ 2\.5: thời gian hoàn thành không đọc được “sau này”/),
      ])
    );
    expect(cell(fake, "2.2#1", "due")).toBe(isoToSerial("2099-12-31"));
    expect(cell(fake, "2.2#1", "state")).not.toBe("Quá hạn");
    expect(cell(fake, "2.2#1", "lead")).toBe("Thanh tra Sở");
    expect(cell(fake, "2.2#1", "updateNote")).toBe("Chờ ý kiến");
    // Refused: kept as typed, the old due date still counts.
    expect(cell(fake, "2.5#1", "deadline")).toBe("sau này");
    expect(cell(fake, "2.5#1", "due")).toBe(isoToSerial("2024-03-31"));
    // The pane's per-unit counts follow the new lead.
    const thanhTra = r.counts?.units.find((u) => u.unit === "Thanh tra Sở");
    const ledBefore = plan.tasks.filter((t) => t.lead.includes("Thanh tra Sở")).length;
    expect(thanhTra?.total).toBe(ledBefore + 1);
    expect(r.counts?.units.find((u) => u.unit === "Phòng Kế hoạch - Tài chính")?.total).toBe(1);
    const roster = fake.table(ROSTER_TABLE);
    expect(roster.body.map((row) => row[roster.headers.indexOf("Đơn vị")])).toContain(
      "Phòng Kế hoạch - Tài chính"
    );

    const stored = await readWorkbookPlan(deps(fake).run);
    expect(task(stored as Plan, "2.2").deadline.due).toBe("2099-12-31");
    expect(task(stored as Plan, "2.2").corrections).toEqual([
      { field: "lead", original: "Văn phòng Sở", corrected: "Thanh tra Sở" },
      { field: "deadline", original: "Quý I/2024", corrected: "31/12/2099" },
    ]);

    // Nothing typed since: no change reported, the table does not move.
    const body = fake.table(TASKS_TABLE).body;
    const again = await createOrUpdateWorkbookPlan(deps(fake));
    expect(again.details.filter((d) => /thời gian hoàn thành “|chủ trì “/.test(d))).toEqual([]);
    expect(fake.table(TASKS_TABLE).body).toEqual(body);
  }, 120_000);
});

describe("cchc workbook --from: corrections typed in the file", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-task-edits-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("a deadline corrected in the file is stored and computed in the new file", async () => {
    const first = await runCli(["workbook", "--out", "a.xlsx", "--as-of", "2024-09-30"], tmp);
    expect(first.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "a.xlsx"));
    const ws = wb.getWorksheet(TASKS_SHEET_NAME)!;
    const colOf = (key: TaskColumnKey): number => {
      let found = 0;
      ws.getRow(TASKS_HEADER_ROW).eachCell((c, n) => {
        if (c.text === taskColumnHeader(key)) found = n;
      });
      return found;
    };
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === "2.2#1") row = n;
    });
    expect(ws.getCell(row, colOf("state")).text || ws.getCell(row, colOf("state")).result).toBe(
      "Quá hạn"
    );
    ws.getCell(row, colOf("deadline")).value = "Quý IV/2024";
    await wb.xlsx.writeFile(path.join(tmp, "a.xlsx"));

    const again = await runCli(["workbook", "--from", "a.xlsx", "--out", "b.xlsx"], tmp);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /Nhiệm vụ 2\.2: thời gian hoàn thành “Quý I\/2024” → “Quý IV\/2024” \(hạn 31\/12\/2024\)\./
    );
    const stored = await readStoredPlan(fs.readFileSync(path.join(tmp, "b.xlsx")));
    expect(task(stored as Plan, "2.2").deadline.due).toBe("2024-12-31");

    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(tmp, "b.xlsx"));
    const sheet = out.getWorksheet(TASKS_SHEET_NAME)!;
    const result = (key: TaskColumnKey): unknown => {
      const v = sheet.getCell(row, colOf(key)).value as { result?: unknown } | string;
      return typeof v === "object" && v !== null ? v.result : v;
    };
    expect(result("deadline")).toBe("Quý IV/2024");
    expect(result("due")).toEqual(expect.anything());
    expect(result("state")).toBe("Trong hạn");

    const third = await runCli(["workbook", "--from", "b.xlsx", "--out", "c.xlsx"], tmp);
    expect(third.stderr).not.toMatch(/thời gian hoàn thành “/);
  }, 120_000);
});
