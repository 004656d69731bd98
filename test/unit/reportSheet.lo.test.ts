/**
 * The Báo cáo sheet recalculated by LibreOffice Calc equals `cchc report` (the domain code) for every
 * period: a filled-in year (test/support/reportFixtures.ts) is written once per period chosen in
 * KyBaoCao, every cached result poisoned, converted by LibreOffice, and each figure read back: the
 * window, per-section and whole-plan counts, per-unit counts with the overdue lists, and every
 * target's period value and verdict. The "Đơn vị" list gives a group lead two member units, so the
 * per-unit part counts by the same lines as "Theo đơn vị" (a group's task for each member). One page of each is rendered to PNG in test-output/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { computeReport, type Report } from "../../src/domain/reportFigures";
import { isoToSerial } from "../../src/domain/excelDate";
import { PERIODS, type PeriodId } from "../../src/domain/reportPeriods";
import {
  FIGURE_LABELS,
  OVERDUE_LIST_MAX,
  overdueLine,
  overdueListText,
} from "../../src/domain/reportTasks";
import { REPORT_SHEET_NAME, reportGeometry } from "../../src/layouts/reportSheet";
import { reportInputsOf } from "../../src/layouts/reportSources";
import { NAME_PERIOD } from "../../src/layouts/reportFormulas";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { computed, makeProfile, poisoned, soffice, which } from "../support/libreoffice";
import { ADDED_MEMBER, filledYear, withGroupMembers } from "../support/reportFixtures";
import { UNITS_TABLE } from "../../src/layouts/unitsSheet";

const plan = getPlan();
const { userInput: typed, group } = withGroupMembers(plan, filledYear(plan));
/** The "Theo đơn vị" lines of the workbook built from `typed`. */
let theoDonVi: string[] = [];
const OUTPUT = path.resolve(__dirname, "..", "..", "test-output");
const sheets: Partial<Record<PeriodId, ExcelJS.Worksheet>> = {};
const reports: Partial<Record<PeriodId, Report>> = {};

beforeAll(async () => {
  const bin = which("soffice");
  if (!bin)
    throw new Error(
      "LibreOffice (soffice) chưa được cài: apt-get install -y libreoffice-calc-nogui"
    );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-report-lo-"));
  const files: string[] = [];
  for (const p of PERIODS) {
    const userInput = { ...typed, names: { [NAME_PERIOD]: p.label } };
    const layout = buildWorkbook(plan, { flavor: "file", asOf: "2024-12-20", userInput }).layout;
    const file = path.join(work, `bao-cao-${p.id}.xlsx`);
    fs.writeFileSync(file, await renderWorkbookFile(poisoned(layout)));
    files.push(file);
    reports[p.id] = computeReport(plan, p.id, reportInputsOf(plan, userInput));
    const units = layout.sheets.find((s) => s.table?.name === UNITS_TABLE)?.table;
    theoDonVi = (units?.rows ?? []).map((r) => String(r.cells[0]));
  }
  const profile = makeProfile(path.join(work, "profile"));
  soffice(bin, profile, ["--convert-to", "xlsx", "--outdir", path.join(work, "lo"), ...files]);
  for (const p of PERIODS) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(work, "lo", `bao-cao-${p.id}.xlsx`));
    sheets[p.id] = wb.getWorksheet(REPORT_SHEET_NAME);
  }
  // Pages to look at: the 6-month report as printed.
  fs.mkdirSync(OUTPUT, { recursive: true });
  soffice(bin, profile, ["--convert-to", "pdf", "--outdir", OUTPUT, files[1]]);
}, 300_000);

const figuresAt = (ws: ExcelJS.Worksheet, row: number): unknown[] =>
  FIGURE_LABELS.map((_, i) => computed(ws, row, 3 + i));

describe.each(PERIODS.map((p) => p.id))("Báo cáo for %s, recalculated by LibreOffice", (id) => {
  const g = (): ReturnType<typeof reportGeometry> =>
    reportGeometry(plan, reports[id]!.units.length);

  test("the window and the whole-plan and per-section figures equal cchc report", () => {
    const ws = sheets[id]!;
    const r = reports[id]!;
    expect([computed(ws, 4, 3), computed(ws, 4, 5)]).toEqual([
      isoToSerial(r.period.from),
      isoToSerial(r.period.to),
    ]);
    expect(figuresAt(ws, g().totalRow)).toEqual(FIGURE_LABELS.map(([k]) => r.tasks[k]));
    r.sections.forEach((s, i) =>
      expect(figuresAt(ws, g().sectionRows[i])).toEqual(FIGURE_LABELS.map(([k]) => s.figures[k]))
    );
  });

  test("each unit line: figures and its overdue tasks (code, text, due date, days late)", () => {
    const ws = sheets[id]!;
    const r = reports[id]!;
    // The lines of "Theo đơn vị": the group's members, never the group that has them.
    expect(r.units.map((u) => u.unit)).toEqual(theoDonVi);
    expect(r.units.map((u) => u.unit)).toContain(ADDED_MEMBER);
    expect(r.units.some((u) => u.unit.startsWith(group))).toBe(false);
    const groupTasks = r.outcomes.filter((o) => o.task.lead.includes(group)).length;
    expect(groupTasks).toBeGreaterThan(0);
    expect(r.units.find((u) => u.unit === ADDED_MEMBER)?.figures.total).toBe(groupTasks);
    r.units.forEach((u, i) => {
      const row = g().unitRows[i];
      expect(computed(ws, row, 2)).toBe(u.unit);
      expect(figuresAt(ws, row)).toEqual(FIGURE_LABELS.map(([k]) => u.figures[k]));
      expect(computed(ws, row, 9)).toBe(overdueListText(u.overdue, plan.year));
    });
    expect(r.units.some((u) => u.overdue.length > 0)).toBe(true);
  });

  test("each target: value over the period's months and met / near / missed", () => {
    const ws = sheets[id]!;
    const r = reports[id]!;
    r.indicators.forEach((x, i) => {
      const row = g().indicatorRows[i];
      expect(computed(ws, row, 3)).toBe(x.indicator.id);
      const value = computed(ws, row, 4);
      if (typeof x.value === "number") expect(value).toBeCloseTo(x.value, 12);
      else expect(value).toBe(x.value === "" ? "" : "#N/A");
      expect(computed(ws, row, 6)).toBe(x.verdict ?? "");
    });
  });
});

test("a long overdue list is cut after OVERDUE_LIST_MAX tasks and says how many more, as computed", () => {
  const cut = PERIODS.flatMap((p) =>
    reports[p.id]!.units.map((u, i) => ({ p: p.id, u, i })).filter(
      (x) => x.u.overdue.length > OVERDUE_LIST_MAX
    )
  );
  expect(cut.length).toBeGreaterThan(0);
  for (const { p, u, i } of cut) {
    const ws = sheets[p]!;
    const row = reportGeometry(plan, reports[p]!.units.length).unitRows[i];
    const lines = String(computed(ws, row, 9)).split("\n");
    expect(lines).toHaveLength(OVERDUE_LIST_MAX + 1);
    expect(lines[0]).toBe(overdueLine(u.overdue[0], plan.year));
    expect(lines[OVERDUE_LIST_MAX]).toBe(
      `… và ${u.overdue.length - OVERDUE_LIST_MAX} nhiệm vụ quá hạn khác (xem trang Nhiệm vụ, lọc theo đơn vị)`
    );
  }
});

test("the six-month report was printed to PDF for people to look at", () => {
  expect(fs.statSync(path.join(OUTPUT, "bao-cao-h1.pdf")).size).toBeGreaterThan(10_000);
});

test("printed: sections 2 and 3 each start a page; no helper value (“>=”, “So sánh”) is printed", () => {
  const pdf = path.join(OUTPUT, "bao-cao-h1.pdf");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = text
    .split("\f")
    .map((p) => p.split("\n").filter((l) => l.trim() !== ""))
    .filter((lines) => lines[0] === `Báo cáo CCHC năm ${plan.year}`);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  for (const title of ["2. THEO ĐƠN VỊ CHỦ TRÌ", "3. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"]) {
    const page = pages.find((lines) => lines.some((l) => l.startsWith(title)));
    // The first line under the page header.
    expect(page?.[1]?.startsWith(title)).toBe(true);
  }
  const all = pages.flat().join("\n");
  for (const helper of [">=", "<=", "So sánh", "Đơn vị tính", "Giá trị"])
    expect(all).not.toContain(helper);
});
