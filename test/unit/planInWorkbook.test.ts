import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { importPlan } from "../../src/import/importPlan";
import { readTextPlan } from "../../src/import/text";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import { composePlanSheet, PLAN_CHUNK, planCells, planJsonOf } from "../../src/layouts/planSheet";
import { carryInputToRevisedPlan } from "../../src/layouts/planRevision";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { parsePlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { readStoredPlan } from "../../src/render/xlsx/readStoredPlan";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { buildWorkbook } from "../../src/layouts/workbook";
import { runCli } from "../support/runCli";
import { FIXTURES } from "../support/planFixtures";
import { planDocx, planText } from "../support/planFiles";

jest.setTimeout(120_000);

const huyen = (): Plan => importPlan(readTextPlan(planText(FIXTURES[1].plan))).plan;

describe("the plan stored in a sheet", () => {
  test("chunks under Excel's 32,767 characters a cell, read back whole", () => {
    const plan = huyen();
    const cells = planCells(plan, 500);
    expect(Number(cells[2])).toBeGreaterThan(3);
    expect(cells.slice(3).every((c) => c.startsWith("~") && c.length <= 501)).toBe(true);
    expect(parsePlan(planJsonOf(cells))).toEqual(plan);
    expect(
      planCells(plan)
        .slice(3)
        .every((c) => c.length <= PLAN_CHUNK + 1)
    ).toBe(true);
    expect(PLAN_CHUNK + 1).toBeLessThan(32767);
  });

  test("another sheet of that name is no plan; a damaged one is reported", () => {
    expect(planJsonOf(["Ghi chú", "bất kỳ", "1", "~{}"])).toBeNull();
    const cells = planCells(huyen(), 500);
    expect(() => planJsonOf(cells.slice(0, -1))).toThrow(/bị thiếu hoặc bị sửa/);
    const edited = [...cells];
    edited[3] = `~${edited[3].slice(2)}`; // the opening "{" lost
    expect(() => planJsonOf(edited)).toThrow(/bị hỏng/);
  });
});

describe("carrying typed values to a revised plan", () => {
  test("by identity, then by text; the rest stays keyed as it was", () => {
    const old = huyen();
    const file = JSON.parse(JSON.stringify(old));
    file.tasks[0].code = "9"; // renumbered, same text → follows by text
    file.tasks[1].text = "Theo dõi thi hành pháp luật (sửa lời)"; // same code → identity
    file.tasks.splice(2, 1); // removed → stays as an orphan
    file.indicators[0].id = "1-moi";
    const revised = parsePlan(file);
    const input = {
      tables: {
        [TASKS_TABLE]: {
          "1#1": { status: "Hoàn thành" },
          "2#1": { status: "Đang thực hiện" },
          "3#1": { status: "Chưa" },
        },
        [INDICATORS_TABLE]: { "1": { m1_num: 5 } },
      },
      names: {},
    };
    const r = carryInputToRevisedPlan(input, old, revised);
    expect(r.userInput.tables[TASKS_TABLE]).toEqual({
      "9#1": { status: "Hoàn thành" },
      "2#1": { status: "Đang thực hiện" },
      "3#1": { status: "Chưa" },
    });
    expect(r.userInput.tables[INDICATORS_TABLE]).toEqual({ "1-moi": { m1_num: 5 } });
    expect(r.moved).toEqual([
      "Nhiệm vụ 1#1 → 9#1 (khớp theo nội dung)",
      "Chỉ tiêu 1 → 1-moi (khớp theo nội dung)",
    ]);
  });
});

describe("cchc workbook with an imported plan", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-plan-wb-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const run = (argv: string[]) => runCli(argv, tmp);

  test("titled with the plan's own title and year, the plan inside, --from regenerates with it", async () => {
    fs.writeFileSync(path.join(tmp, "huyen.docx"), await planDocx(FIXTURES[1].plan));
    expect((await run(["import", "huyen.docx", "--out", "kh.json"])).code).toBe(0);
    const made = await run([
      "workbook",
      "--plan",
      "kh.json",
      "--out",
      "a.xlsx",
      "--as-of",
      "2025-06-30",
    ]);
    expect(made.code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "a.xlsx"));
    // Every visible sheet's heading rows name the plan's year, and nothing says 2024.
    const visible = wb.worksheets.filter((ws) => ws.state === "visible");
    // Nhiệm vụ, Chỉ tiêu, Theo đơn vị, Đơn vị and the report's Báo cáo, Thường xuyên, Lịch sử.
    expect(visible.length).toBe(7);
    for (const ws of visible) {
      const heading: string[] = [];
      // Dates are left out: Báo cáo's window of Quý I 2025 rightly starts on 15/12/2024.
      for (let r = 1; r <= 4; r++)
        ws.getRow(r).eachCell(
          (c) => void (c.effectiveType === ExcelJS.ValueType.Date || heading.push(c.text))
        );
      expect(heading.join(" | ")).toMatch(/NĂM 2025/);
      expect(heading.join(" | ")).not.toMatch(/2024/);
    }
    const tasksHeading: string[] = [];
    for (let r = 1; r <= 4; r++)
      visible[0].getRow(r).eachCell((c) => void tasksHeading.push(c.text));
    expect(tasksHeading).toContain("Kế hoạch Cải cách hành chính huyện Cẩm Xuyên năm 2025");
    expect(wb.getWorksheet("KeHoach")?.state).toBe("veryHidden");

    const stored = await readStoredPlan(fs.readFileSync(path.join(tmp, "a.xlsx")));
    expect(stored?.tasks.map((t) => t.key)).toEqual(["1#1", "2#1", "3#1", "4#1", "5#1", "6#1"]);

    const again = await run(["workbook", "--from", "a.xlsx", "--out", "b.xlsx"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /Dùng kế hoạch lưu trong tệp nguồn: “.*Cẩm Xuyên năm 2025” \(năm 2025\)/
    );
    expect(again.stderr).toMatch(/Đã ghi .*b\.xlsx: 6 nhiệm vụ, 3 chỉ tiêu/);
  });

  test("a revised plan keeps every typed value: by identity, by text, or as a listed orphan", async () => {
    const old = huyen();
    const typed = {
      tables: {
        [TASKS_TABLE]: {
          "1#1": { evidence: "bien-ban-1.pdf" },
          "2#1": { evidence: "bao-cao-2.pdf" },
          "3#1": { evidence: "de-an-3.pdf" },
        },
      },
      names: {},
    };
    const built = buildWorkbook(old, { flavor: "file", asOf: "2025-06-30", userInput: typed });
    fs.writeFileSync(
      path.join(tmp, "dang-theo-doi.xlsx"),
      await renderWorkbookFile({ sheets: [...built.layout.sheets, composePlanSheet(old)] })
    );
    const file = JSON.parse(JSON.stringify(old));
    file.tasks[0].code = "9";
    file.tasks.splice(2, 1);
    fs.writeFileSync(path.join(tmp, "kh-sua.json"), JSON.stringify(file));
    const r = await run([
      "workbook",
      "--from",
      "dang-theo-doi.xlsx",
      "--plan",
      "kh-sua.json",
      "--out",
      "sua.xlsx",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Nhiệm vụ 1#1 → 9#1 \(khớp theo nội dung\)/);
    expect(r.stderr).toMatch(/Giữ lại 1 dòng dữ liệu không còn khớp kế hoạch.*tblNhiemVu:3#1/);
    const revised = parsePlan(file);
    const back = await readUserInputFromFile(
      fs.readFileSync(path.join(tmp, "sua.xlsx")),
      buildWorkbook(revised, { flavor: "file", asOf: null }).layout
    );
    const rows = back.userInput.tables[TASKS_TABLE];
    expect(rows["9#1"]?.evidence).toBe("bien-ban-1.pdf");
    expect(rows["2#1"]?.evidence).toBe("bao-cao-2.pdf");
    expect(rows["3#1"]?.evidence).toBe("de-an-3.pdf");
  });

  test("a file without a stored plan says which plan it uses", async () => {
    const old = await run(["workbook", "--out", "cu.xlsx", "--as-of", "2024-06-30"]);
    expect(old.code).toBe(0);
    // Simulate a file written before plans were stored.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "cu.xlsx"));
    wb.removeWorksheet(wb.getWorksheet("KeHoach")!.id);
    await wb.xlsx.writeFile(path.join(tmp, "cu.xlsx"));
    const r = await run(["workbook", "--from", "cu.xlsx", "--out", "moi.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /Tệp nguồn không lưu kế hoạch \(tạo bằng phiên bản cũ\): dùng kế hoạch có sẵn/
    );
  });
});
