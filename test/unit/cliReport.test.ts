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
import { rosterAccountsOf } from "../../src/layouts/rosterSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { withPlanSheet } from "../../src/layouts/planSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import { importPlan } from "../../src/import/importPlan";
import { readTextPlan } from "../../src/import/text";
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import type { UserInput } from "../../src/layouts/userInput";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { runCli } from "../support/runCli";
import { ADDED_MEMBER, filledYear, withGroupMembers } from "../support/reportFixtures";
import { FIXTURES } from "../support/planFixtures";
import { planText } from "../support/planFiles";

jest.setTimeout(120_000);

const plan = getPlan();
// A group lead with two member units on "Đơn vị": its tasks count for each (as on "Theo đơn vị").
const { userInput: input, group } = withGroupMembers(plan, filledYear(plan));
let dir: string;

/** A tracker as `cchc workbook` writes it: the plan stored in it (KeHoach) unless `bare`. */
async function writeTracker(name: string, p: Plan, typed: UserInput, bare = false): Promise<void> {
  const asOf = `${p.year}-12-20`;
  const built = buildWorkbook(p, { flavor: "file", asOf, userInput: typed }).layout;
  const data = await renderWorkbookFile(bare ? built : withPlanSheet(built, p));
  fs.writeFileSync(path.join(dir, name), data);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-report-"));
  await writeTracker("so.xlsx", plan, input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir);

const expectedOf = (p: Plan, typed: UserInput, id: (typeof PERIOD_IDS)[number]) =>
  reportJson(
    computeReport(p, id, {
      tasks: typed.tables[TASKS_TABLE],
      recurring: typed.tables[RECURRING_TABLE],
      indicators: typed.tables[INDICATORS_TABLE],
      marginPoints: 5,
      accounts: rosterAccountsOf(p, typed),
    })
  );
const expected = (id: (typeof PERIOD_IDS)[number]) => expectedOf(plan, input, id);

describe("cchc report", () => {
  test.each(PERIOD_IDS)(
    "--period %s --json equals the domain's figures of the typed values",
    async (id) => {
      const r = await run(["report", "so.xlsx", "--period", id, "--json"]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toEqual(expected(id));
      // Not a trivial year: every kind of figure occurs somewhere across the periods.
      expect(json.tasks.total).toBe(43);
      // Per unit of the "Đơn vị" list: the member added by hand answers for the group's tasks.
      const member = json.byUnit.find((u: { unit: string }) => u.unit === ADDED_MEMBER);
      expect(member.total).toBe(plan.tasks.filter((t) => t.lead.includes(group)).length);
      expect(json.byUnit.some((u: { unit: string }) => u.unit.startsWith(group))).toBe(false);
    }
  );

  test("the filled year exercises done-in-period, overdue, not applicable and every verdict", async () => {
    const all = PERIOD_IDS.map((id) => expected(id) as ReturnType<typeof JSON.parse>);
    for (const k of ["doneInPeriod", "doneToDate", "overdue", "onTrack", "notApplicable"])
      expect(all.some((j) => j.tasks[k] > 0)).toBe(true);
    const verdicts = new Set(
      all.flatMap((j) => j.indicators.map((i: { verdict: string }) => i.verdict))
    );
    // "Đúng tiến độ": a count reaching its share of the year due over a period's months.
    expect([...verdicts].sort()).toEqual(["Chưa đạt", "Gần đạt", "Đúng tiến độ", "Đạt"]);
  });

  test("Vietnamese period names work like the ids", async () => {
    const a = await run(["report", "so.xlsx", "--period", "6 tháng", "--json"]);
    const b = await run(["report", "so.xlsx", "--period=h1", "--json"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({
      period: "h1",
      from: "2023-12-15",
      to: "2024-06-14",
    });
  });

  test("the text summary names the window and lists each unit's overdue tasks", async () => {
    const r = await run(["report", "so.xlsx", "--period", "q3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("9 THÁNG (QUÝ III) NĂM 2024 (SỐ LIỆU TỪ 15/12/2023 ĐẾN 14/09/2024)");
    const json = expected("q3") as { byUnit: { unit: string; overdueTasks: string[] }[] };
    const late = json.byUnit.find((u) => u.overdueTasks.length > 0)!;
    expect(r.stdout).toContain(`  ${late.unit}: `);
    expect(r.stdout).toMatch(new RegExp(`    - ${late.overdueTasks[0].replace(".", "\\.")} `));
  });

  test("--docx writes a Word draft, A4 landscape, Times New Roman, holding the figures", async () => {
    const r = await run(["report", "so.xlsx", "--period", "year", "--docx", "phu-luc.docx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("phu-luc.docx");
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

describe("cchc report on a workbook of another plan (imported, 2025)", () => {
  const huyen = importPlan(readTextPlan(planText(FIXTURES[1].plan))).plan;
  const typed = filledYear(huyen);
  beforeAll(async () => {
    await writeTracker("huyen.xlsx", huyen, typed);
    await writeTracker("huyen-cu.xlsx", huyen, typed, true);
  });

  test.each(PERIOD_IDS)("--period %s: the figures of the plan the workbook carries", async (id) => {
    const r = await run(["report", "huyen.xlsx", "--period", id, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Dùng kế hoạch lưu trong tệp nguồn: “.*Cẩm Xuyên năm 2025”/);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(expectedOf(huyen, typed, id));
    expect(json.tasks.total).toBe(huyen.tasks.length);
    expect(json.to).toMatch(/^2025-/);
  });

  test("the text and the draft name that plan, its year and its agency, never 2024", async () => {
    const text = await run(["report", "huyen.xlsx", "--period", "h1"]);
    expect(text.stdout).toContain("Kế hoạch Cải cách hành chính huyện Cẩm Xuyên năm 2025");
    expect(text.stdout).toContain("6 THÁNG NĂM 2025 (SỐ LIỆU TỪ 15/12/2024 ĐẾN 14/06/2025)");
    const r = await run(["report", "huyen.xlsx", "--period", "h1", "--docx", "huyen.docx"]);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "huyen.docx")));
    const words = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(words).toContain("CẢI CÁCH HÀNH CHÍNH 6 THÁNG NĂM 2025");
    expect(words).toContain("/2025 của UBND huyện Cẩm Xuyên)");
    // 2024 occurs only as the window's first day (15/12/2024), never as the report's year.
    expect(words.replace(/15\/12\/2024/g, "")).not.toMatch(/2024|Khoa học và Công nghệ/);
  });

  test("a workbook written before plans were stored: the built-in plan, said aloud", async () => {
    const r = await run(["report", "huyen-cu.xlsx", "--period", "h1", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/không lưu kế hoạch .*dùng kế hoạch có sẵn .*--plan KẾ_HOẠCH\.json/s);
    expect(JSON.parse(r.stdout).from).toBe("2023-12-15");
  });

  test("--plan: the plan given, the typed values matched to it as workbook --from matches them", async () => {
    fs.writeFileSync(path.join(dir, "kh.json"), JSON.stringify(huyen));
    const r = await run([
      "report",
      "huyen-cu.xlsx",
      "--period",
      "q3",
      "--plan",
      "kh.json",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedOf(huyen, typed, "q3"));
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
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("Cách dùng: cchc report");
    expect(r.stdout).toBe("");
  });

  test("a missing file, or one that is not a workbook → exit 1, one clear line", async () => {
    const missing = await run(["report", "khong-co.xlsx", "--period", "q1"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không đọc được sổ theo dõi .*khong-co\.xlsx.*không tồn tại/);
    fs.writeFileSync(path.join(dir, "note.xlsx"), "không phải xlsx");
    const bad = await run(["report", "note.xlsx", "--period", "q1"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/note\.xlsx/);
    expect(bad.stdout).toBe("");
  });
});
