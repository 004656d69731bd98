/**
 * `cchc report`: figures from the typed values of a real file (written by the file renderer, read
 * back as `--from` reads it) equal the domain's; text, JSON and the .docx draft (read back with
 * jszip); bad period → exit 2, bad file → exit 1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { computeReport, reportJson } from "../../src/domain/reportFigures";
import { PERIOD_IDS } from "../../src/domain/reportPeriods";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import { RECURRING_TABLE } from "../../src/layouts/recurringSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { runCli } from "../support/cliRun";
import { filledYear } from "../support/reportFixtures";

const plan = getPlan();
const input = filledYear(plan);
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-report-"));
  const layout = buildWorkbook(plan, { flavor: "file", asOf: "2024-12-20", userInput: input });
  fs.writeFileSync(path.join(dir, "so.xlsx"), await renderWorkbookFile(layout.layout));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

const expected = (id: (typeof PERIOD_IDS)[number]) =>
  reportJson(
    computeReport(plan, id, {
      tasks: input.tables[TASKS_TABLE],
      recurring: input.tables[RECURRING_TABLE],
      indicators: input.tables[INDICATORS_TABLE],
      marginPoints: 5,
    })
  );

describe("cchc report", () => {
  test.each(PERIOD_IDS)(
    "--period %s --json equals the domain's figures of the typed values",
    async (id) => {
      const r = await run(["report", "so.xlsx", "--period", id, "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json).toEqual(expected(id));
      // Not a trivial year: every kind of figure occurs somewhere across the periods.
      expect(json.tasks.total).toBe(43);
    }
  );

  test("the filled year exercises done-in-period, overdue, not applicable and met targets", async () => {
    const all = PERIOD_IDS.map((id) => expected(id) as ReturnType<typeof JSON.parse>);
    for (const k of ["doneInPeriod", "doneToDate", "overdue", "onTrack", "notApplicable"])
      expect(all.some((j) => j.tasks[k] > 0)).toBe(true);
    const verdicts = new Set(
      all.flatMap((j) => j.indicators.map((i: { verdict: string }) => i.verdict))
    );
    expect([...verdicts].sort()).toEqual(["Chưa đạt", "Gần đạt", "Đạt"]);
  });

  test("Vietnamese period names work like the ids", async () => {
    const a = await run(["report", "so.xlsx", "--period", "6 tháng", "--json"]);
    const b = await run(["report", "so.xlsx", "--period=h1", "--json"]);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out)).toMatchObject({ period: "h1", from: "2023-12-15", to: "2024-06-14" });
  });

  test("the text summary names the window and lists each unit's overdue tasks", async () => {
    const r = await run(["report", "so.xlsx", "--period", "q3"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("9 THÁNG (QUÝ III) NĂM 2024 (SỐ LIỆU TỪ 15/12/2023 ĐẾN 14/09/2024)");
    const json = expected("q3") as { byUnit: { unit: string; overdueTasks: string[] }[] };
    const late = json.byUnit.find((u) => u.overdueTasks.length > 0)!;
    expect(r.out).toContain(`  ${late.unit}: `);
    expect(r.out).toMatch(new RegExp(`    - ${late.overdueTasks[0].replace(".", "\\.")} `));
  });

  test("--docx writes a Word draft, A4 landscape, Times New Roman, holding the figures", async () => {
    const r = await run(["report", "so.xlsx", "--period", "year", "--docx", "phu-luc.docx"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("phu-luc.docx");
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "phu-luc.docx")));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain("Times New Roman");
    const text = xml.replace(/<[^>]+>/g, "|");
    expect(text).toContain("SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024");
    const json = expected("year") as {
      tasks: Record<string, number>;
      byUnit: { unit: string; overdue: number; overdueTasks: string[] }[];
    };
    // The total row: Tổng cộng, then the six figures in order.
    const cells = text.split("|").filter((s) => s.trim() !== "");
    const at = cells.indexOf("Tổng cộng");
    expect(cells.slice(at + 1, at + 7).map(Number)).toEqual(
      ["total", "doneInPeriod", "doneToDate", "onTrack", "overdue", "notApplicable"].map(
        (k) => json.tasks[k]
      )
    );
    for (const u of json.byUnit) {
      const i = cells.indexOf(u.unit);
      expect(Number(cells[i + 3])).toBe(u.overdue);
    }
  });
});

describe("cchc report: bad input", () => {
  test.each([
    [["report", "so.xlsx"], /Thiếu --period/],
    [["report", "so.xlsx", "--period", "q5"], /Kỳ báo cáo không rõ: “q5”/],
    [["report", "--period", "q1"], /Thiếu tệp sổ theo dõi/],
    [["report", "a.xlsx", "b.xlsx", "--period", "q1"], /thừa “b.xlsx”/],
  ])("%j → exit 2 with the usage", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Cách dùng: cchc report");
    expect(r.out).toBe("");
  });

  test("a missing file, or one that is not a workbook → exit 1, one clear line", async () => {
    const missing = await run(["report", "khong-co.xlsx", "--period", "q1"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Không đọc được sổ theo dõi .*khong-co\.xlsx.*không tồn tại/);
    fs.writeFileSync(path.join(dir, "note.xlsx"), "không phải xlsx");
    const bad = await run(["report", "note.xlsx", "--period", "q1"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/note\.xlsx/);
    expect(bad.out).toBe("");
  });
});
