/**
 * Báo cáo starts sections 2 and 3 on a new page (manual page breaks), so the per-unit table's header
 * never prints alone at the foot of page 1: in the file (the sheet's <rowBreaks>, which exceljs
 * writes but does not read back) and through Office.js (Worksheet.horizontalPageBreaks, ExcelApi 1.9)
 * against the fake Excel, which keeps the documented rules: breaks before the range's top-left cell,
 * removePageBreaks resets them, no change on a protected sheet, nothing below ExcelApi 1.9.
 */
import JSZip from "jszip";
import { buildWorkbook } from "../../src/layouts/workbook";
import { REPORT_SHEET_KEY, REPORT_SHEET_NAME, reportGeometry } from "../../src/layouts/reportSheet";
import { createOrUpdate } from "../../src/render/office/actions";
import { buildExcelWorkbook } from "../../src/render/xlsx/renderWorkbookFile";
import { getPlan } from "../../src/plan";
import { computeReport } from "../../src/domain/reportFigures";
import { reportInputsOf } from "../../src/layouts/reportSources";
import { createFakeExcel, FakeOfficeError } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";

const plan = getPlan();
const units = computeReport(plan, "q1", reportInputsOf(plan, undefined)).units.length;
const g = reportGeometry(plan, units);
/** The rows the two sections' titles are on: each must start a page. */
const SECTION_TITLES = [g.unitHeaderRow - 1, g.indicatorHeaderRow - 1];

test("the layout starts sections 2 and 3 on a new page", () => {
  const { layout } = buildWorkbook(plan, { flavor: "file", asOf: "2024-09-30" });
  const s = layout.sheets.find((x) => x.key === REPORT_SHEET_KEY)!;
  expect(s.print?.breakBefore).toEqual(SECTION_TITLES);
});

test("the file stores a manual break below the row before each section title", async () => {
  const { layout } = buildWorkbook(plan, { flavor: "file", asOf: "2024-09-30" });
  const wb = await buildExcelWorkbook(layout);
  const ws = wb.getWorksheet(REPORT_SHEET_NAME)!;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async("string");
  const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
  // <brk id="n"> breaks after row n: the title row n + 1 starts the page.
  expect(breaks.map((n) => n + 1)).toEqual(SECTION_TITLES);
});

describe("through Office.js", () => {
  const build = builderFor(plan, { today: "2024-09-30" });

  test("create and update leave exactly the two breaks", async () => {
    const fake = createFakeExcel();
    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    expect([...fake.sheet(REPORT_SHEET_NAME).rowBreaks].sort((a, b) => a - b)).toEqual(
      SECTION_TITLES
    );
    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    expect([...fake.sheet(REPORT_SHEET_NAME).rowBreaks].sort((a, b) => a - b)).toEqual(
      SECTION_TITLES
    );
  });

  test("ExcelApi 1.8: the sheets are written without page breaks, the user is told", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8" });
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(true);
    expect(r.details.join("\n")).toContain("ngắt trang");
    expect(fake.sheet(REPORT_SHEET_NAME).rowBreaks.size).toBe(0);
  });
});

describe("the fake's PageBreakCollection", () => {
  test("add breaks before the range's top-left row; getCount after sync; removePageBreaks resets", async () => {
    const fake = createFakeExcel();
    const opsBefore = fake.state.opCount;
    await fake.run(async (ctx) => {
      const breaks = ctx.workbook.worksheets.getItem("Sheet1").horizontalPageBreaks;
      breaks.add("C5:D9");
      breaks.add(ctx.workbook.worksheets.getItem("Sheet1").getRange("A12"));
      const n = breaks.getCount();
      expect(() => n.value).toThrow(/sync/);
      await ctx.sync();
      expect(n.value).toBe(2);
    });
    expect(fake.state.opCount - opsBefore).toBe(2);
    expect([...fake.sheet("Sheet1").rowBreaks]).toEqual([5, 12]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").horizontalPageBreaks.removePageBreaks();
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").rowBreaks.size).toBe(0);
  });

  test.each([
    ["a protected sheet", "1.17", true, "A5", "AccessDenied"],
    ["ExcelApi 1.8", "1.8", false, "A5", "ApiNotFound"],
    ["a break above row 1", "1.17", false, "A1", "InvalidArgument"],
  ])("refuses %s", async (_what, apiVersion, protect, at, code) => {
    const fake = createFakeExcel({ apiVersion });
    const run = fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      if (protect) ws.protection.protect();
      ws.horizontalPageBreaks.add(at);
      await ctx.sync();
    });
    await expect(run).rejects.toBeInstanceOf(FakeOfficeError);
    await expect(run).rejects.toMatchObject({ code });
    expect(fake.sheet("Sheet1").rowBreaks.size).toBe(0);
  });
});
