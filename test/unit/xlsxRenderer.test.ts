/**
 * The exceljs renderer, read back with exceljs: every part of the layout model must land in the file
 * (sheets, table, formulas with cached results, validation, rules, names, frozen panes, print set-up,
 * protection), first on small layouts written here, then on the real workbook layout.
 */
import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs) reads the package parts exceljs does not expose.
import JSZip from "jszip";
import type { SheetLayout, WorkbookLayout } from "../../src/layouts/model";
import {
  buildExcelWorkbook,
  renderWorkbookFile,
  validationsOf,
} from "../../src/render/xlsx/renderWorkbookFile";
import { CHART_NOTE, barText } from "../../src/render/xlsx/chartFallback";
import { rowHeight, textUnits, wrappedLines } from "../../src/render/xlsx/rowHeights";
import { cellScalar, dateToSerial } from "../../src/render/xlsx/readCells";
import { getPlan } from "../../src/plan";
import { buildWorkbook } from "../../src/layouts/workbook";

const STATUS = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Không áp dụng"];

function tasksSheet(): SheetLayout {
  return {
    key: "tasks",
    name: "Nhiệm vụ",
    tabColor: "#1F4E79",
    font: { name: "Times New Roman", size: 12 },
    columnWidths: [6, 40, 18, 12, 16],
    blocks: [
      {
        at: "A1",
        cells: [["KẾ HOẠCH CCHC NĂM 2024", null, null, null, null]],
        merge: true,
        format: { font: { bold: true, size: 14 }, horizontal: "center" },
      },
      {
        at: "A2",
        cells: [
          ["Ngày báo cáo", "=DATE(2024,3,31)"],
          ["Số ngày sắp đến hạn", 7],
        ],
        results: [
          [null, 45382],
          [null, null],
        ],
        format: { numberFormat: "dd/mm/yyyy", locked: false },
      },
    ],
    table: {
      name: "tblNhiemVu",
      at: "A4",
      style: "TableStyleLight9",
      columns: [
        { key: "key", header: "Khóa", role: "key", width: 6, hidden: true },
        { key: "text", header: "Nhiệm vụ", role: "plan", width: 40, format: { wrap: true } },
        {
          key: "status",
          header: "Trạng thái",
          role: "input",
          width: 18,
          validation: {
            rule: { type: "list", values: STATUS },
            errorTitle: "Trạng thái không hợp lệ",
            errorMessage: "Chọn một trạng thái trong danh sách.",
          },
        },
        {
          key: "doneDate",
          header: "Ngày hoàn thành",
          role: "input",
          width: 12,
          format: { numberFormat: "dd/mm/yyyy" },
          validation: {
            rule: { type: "date", min: "2023-01-01", max: "2030-12-31" },
            errorTitle: "Ngày không hợp lệ",
            errorMessage: "Nhập ngày dạng dd/mm/yyyy.",
            prompt: "Ngày hoàn thành",
          },
        },
        { key: "state", header: "Tình trạng", role: "computed", width: 16 },
      ],
      rows: [
        {
          key: "§I",
          cells: ["§I", "I. CHỈ ĐẠO ĐIỀU HÀNH", null, null, null],
          format: { font: { bold: true }, fill: "#DDEBF7", locked: true },
        },
        {
          key: "2.1#1",
          cells: [
            "2.1#1",
            "Ban hành kế hoạch",
            "Hoàn thành",
            45300,
            '=IF(C6="Hoàn thành","Hoàn thành",IF(NgayBaoCao>45322,"Quá hạn","Trong hạn"))',
          ],
          results: [null, null, null, null, "Hoàn thành"],
        },
        {
          key: "2.2#1",
          cells: [
            "2.2#1",
            "Kiểm tra & đôn đốc",
            null,
            null,
            '=IF(C7="Hoàn thành","Hoàn thành",IF(NgayBaoCao>45322,"Quá hạn","Trong hạn"))',
          ],
          results: [null, null, null, null, "Quá hạn"],
        },
      ],
    },
    rules: [
      {
        type: "expression",
        range: "B5:E7",
        formula: '=$E5="Quá hạn"',
        format: { fill: "#FFC7CE", fontColor: "#9C0006" },
        stopIfTrue: true,
      },
      {
        type: "expression",
        range: "B5:E7",
        formula: '=$E5="Hoàn thành"',
        format: { fill: "#C6EFCE", bold: true },
      },
    ],
    validations: [
      {
        range: "B3",
        rule: { type: "wholeNumber", min: 0, max: 90 },
        errorTitle: "Số ngày không hợp lệ",
        errorMessage: "Nhập số nguyên từ 0 đến 90.",
      },
    ],
    names: [
      { name: "NgayBaoCao", ref: "B2" },
      { name: "SoNgaySapDenHan", ref: "B3" },
    ],
    freeze: { rows: 4, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: "4:4",
      fitToWidth: true,
      header: "Kế hoạch CCHC & theo dõi",
    },
    protect: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
    charts: [],
  };
}

function unitsSheet(): SheetLayout {
  return {
    key: "units",
    name: "Theo đơn vị",
    font: { name: "Times New Roman", size: 12 },
    columnWidths: [30, 10, 10],
    blocks: [
      { at: "A1", cells: [["Đơn vị", "Quá hạn", "Tỷ lệ"]], format: { font: { bold: true } } },
      {
        at: "A2",
        cells: [
          ["Văn phòng Sở", "=1+2", "=0.5"],
          ["Thanh tra Sở", "=0", "=1"],
          ["Chi cục TĐC", "=1", '=""'],
        ],
        results: [
          [null, 3, 0.5],
          [null, 0, 1],
          [null, 1, ""],
        ],
      },
    ],
    rules: [
      { type: "colorScale", range: "C2:C4", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
      {
        type: "iconSet",
        range: "B2:B4",
        iconSet: "3TrafficLights1",
        thresholds: [
          { type: "num", value: 1 },
          { type: "num", value: 3 },
        ],
        reverse: true,
      },
    ],
    validations: [],
    names: [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    charts: [
      {
        type: "barClustered",
        title: "Nhiệm vụ quá hạn theo đơn vị",
        categories: "A2:A4",
        values: "B2:B4",
        seriesName: "Quá hạn",
        at: "E1",
        widthCols: 6,
        heightRows: 12,
      },
    ],
  };
}

async function roundTrip(layout: WorkbookLayout): Promise<ExcelJS.Workbook> {
  const buffer = await renderWorkbookFile(layout);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rulesOf(ws: ExcelJS.Worksheet): { ref: string; rules: Record<string, unknown>[] }[] {
  return (
    ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }
  ).conditionalFormattings;
}

/** Locked is Excel's default, so a locked cell may carry no protection attribute at all. */
function isLocked(cell: ExcelJS.Cell): boolean {
  return cell.protection?.locked !== false;
}

function pageSetupOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return ws.pageSetup as unknown as Record<string, unknown>;
}

describe("renderWorkbookFile on a small layout", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip({ sheets: [tasksSheet(), unitsSheet()] });
  });

  test("sheets in order, with the tab colour", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Theo đơn vị"]);
    expect(wb.getWorksheet("Nhiệm vụ")!.properties.tabColor).toEqual({ argb: "FF1F4E79" });
  });

  test("the workbook asks Excel to recalculate everything on open", async () => {
    const zip = await JSZip.loadAsync(await renderWorkbookFile({ sheets: [unitsSheet()] }));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("the table: name, range, header row, no totals row, style, stripes", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    const table = (ws.getTable("tblNhiemVu") as unknown as { table: Record<string, unknown> })
      .table;
    expect(table.name).toBe("tblNhiemVu");
    expect(table.tableRef).toBe("A4:E7");
    expect(table.headerRow).toBe(true);
    expect(table.totalsRow).toBe(false);
    expect((table.columns as { name: string }[]).map((c) => c.name)).toEqual([
      "Khóa",
      "Nhiệm vụ",
      "Trạng thái",
      "Ngày hoàn thành",
      "Tình trạng",
    ]);
    expect((table.style as { theme: string }).theme).toBe("TableStyleLight9");
    expect(ws.getCell("C4").value).toBe("Trạng thái");
  });

  test("formulas are stored without '=' and with their cached results", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    // exceljs hands date-formatted results back as Dates.
    expect(ws.getCell("B2").value).toEqual({
      formula: "DATE(2024,3,31)",
      result: new Date(Date.UTC(2024, 2, 31)),
    });
    expect(ws.getCell("E7").formula).toBe(
      'IF(C7="Hoàn thành","Hoàn thành",IF(NgayBaoCao>45322,"Quá hạn","Trong hạn"))'
    );
    expect(ws.getCell("E7").result).toBe("Quá hạn");
    const units = wb.getWorksheet("Theo đơn vị")!;
    expect(units.getCell("B2").result).toBe(3);
    expect(units.getCell("C2").result).toBe(0.5);
  });

  test("values, merges, fonts, number formats, wrap", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(ws.getCell("A1").value).toBe("KẾ HOẠCH CCHC NĂM 2024");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("E1").isMerged).toBe(true);
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("B6").font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(ws.getCell("B6").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("D6").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("C6").value).toBe("Hoàn thành");
    expect(ws.getCell("B7").value).toBe("Kiểm tra & đôn đốc");
  });

  test("section header rows keep their format", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(ws.getCell("B5").font).toMatchObject({ bold: true });
    expect(ws.getCell("B5").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
  });

  test("widths and the hidden key column", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(false);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(3).width).toBe(18);
  });

  test("validation: lists, dates and whole numbers with Vietnamese stop alerts, on the table body", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    const v = validationsOf(ws).model;
    for (const a of ["C5", "C6", "C7"]) {
      expect(v[a]).toMatchObject({
        type: "list",
        formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành,Không áp dụng"'],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Trạng thái không hợp lệ",
        error: "Chọn một trạng thái trong danh sách.",
      });
    }
    expect(v.C4).toBeUndefined();
    expect(v.C8).toBeUndefined();
    expect(v.D6).toMatchObject({
      type: "date",
      operator: "between",
      showInputMessage: true,
      prompt: "Ngày hoàn thành",
    });
    expect(v.B3).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [0, 90],
      errorTitle: "Số ngày không hợp lệ",
    });
  });

  test("conditional formats: expression rules in layout order, colour scale, icon set, data bar", () => {
    const tasks = rulesOf(wb.getWorksheet("Nhiệm vụ")!);
    expect(tasks).toHaveLength(2);
    expect(tasks[0].ref).toBe("B5:E7");
    expect(tasks[0].rules[0]).toMatchObject({
      type: "expression",
      formulae: ['$E5="Quá hạn"'],
      priority: 1,
    });
    expect(tasks[0].rules[0].style).toMatchObject({
      fill: { bgColor: { argb: "FFFFC7CE" } },
      font: { color: { argb: "FF9C0006" } },
    });
    expect(tasks[1].rules[0]).toMatchObject({
      type: "expression",
      formulae: ['$E5="Hoàn thành"'],
      priority: 2,
    });

    const units = rulesOf(wb.getWorksheet("Theo đơn vị")!);
    const byType = (t: string) => units.find((u) => u.rules[0].type === t)!;
    expect(byType("colorScale")).toMatchObject({ ref: "C2:C4" });
    expect(byType("colorScale").rules[0].cfvo).toHaveLength(3);
    expect(byType("iconSet").rules[0]).toMatchObject({ iconSet: "3TrafficLights1", reverse: true });
    expect(byType("iconSet").rules[0].cfvo).toEqual([
      { type: "percent", value: 0 },
      { type: "num", value: 1 },
      { type: "num", value: 3 },
    ]);
    // The plotted values already have a rule: the chart fallback adds no data bar over it.
    expect(byType("dataBar")).toBeUndefined();
  });

  test("defined names point at the sheet's cells", () => {
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
      .model;
    const find = (n: string) => model.find((m) => m.name === n)?.ranges;
    expect(find("NgayBaoCao")).toEqual(["'Nhiệm vụ'!$B$2"]);
    expect(find("SoNgaySapDenHan")).toEqual(["'Nhiệm vụ'!$B$3"]);
  });

  test("frozen header row", () => {
    const view = wb.getWorksheet("Nhiệm vụ")!.views[0] as unknown as Record<string, unknown>;
    expect(view).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
  });

  test("print set-up: A4 landscape, one page wide, header row repeated, header and page numbers", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(pageSetupOf(ws)).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(pageSetupOf(ws).printTitlesRow).toBe("4:4");
    expect(ws.headerFooter.oddHeader).toContain("Kế hoạch CCHC && theo dõi");
    expect(ws.headerFooter.oddFooter).toContain("&P/&N");
  });

  test("protection without password, filter/sort/format columns allowed; only input cells unlocked", () => {
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(p).toMatchObject({ sheet: true, autoFilter: true, sort: true, formatColumns: true });
    expect(p.hashValue).toBeUndefined();
    expect(isLocked(ws.getCell("C6"))).toBe(false);
    expect(isLocked(ws.getCell("D7"))).toBe(false);
    expect(isLocked(ws.getCell("B6"))).toBe(true);
    expect(isLocked(ws.getCell("E6"))).toBe(true);
    // Section header rows: nothing to type there.
    expect(isLocked(ws.getCell("C5"))).toBe(true);
    // A block may unlock its cells (the as-of date).
    expect(isLocked(ws.getCell("B2"))).toBe(false);
    expect(
      (wb.getWorksheet("Theo đơn vị") as unknown as { sheetProtection?: unknown }).sheetProtection
    ).toBeFalsy();
  });

  test("chart fallback: a note, one text bar per category with cached results, no chart part", async () => {
    const ws = wb.getWorksheet("Theo đơn vị")!;
    expect(ws.getCell("E1").value).toBe("Nhiệm vụ quá hạn theo đơn vị");
    expect(ws.getCell("E2").formula).toBe('A2&""');
    expect(ws.getCell("E2").result).toBe("Văn phòng Sở");
    expect(ws.getCell("F2").formula).toContain('REPT("█"');
    expect(ws.getCell("F2").result).toBe(barText(3, 3));
    expect(ws.getCell("F3").result).toBe("0");
    expect(ws.getCell("F4").result).toBe(barText(1, 3));
    expect(ws.getCell("E6").value).toBe(CHART_NOTE);
    expect(ws.getCell("E6").isMerged && ws.getCell("F6").isMerged).toBe(true);
    const zip = await JSZip.loadAsync(await renderWorkbookFile({ sheets: [unitsSheet()] }));
    expect(Object.keys(zip.files).some((f) => f.includes("chart") || f.includes("drawing"))).toBe(
      false
    );
  });
});

describe("renderWorkbookFile edge cases", () => {
  test("an empty table still gets one (blank) body row, as Excel requires", async () => {
    const sheet = tasksSheet();
    sheet.table!.rows = [];
    sheet.rules = [];
    const wb = await roundTrip({ sheets: [sheet] });
    const table = (
      wb.getWorksheet("Nhiệm vụ")!.getTable("tblNhiemVu") as unknown as {
        table: { tableRef: string };
      }
    ).table;
    expect(table.tableRef).toBe("A4:E5");
  });

  test("bad colours are skipped instead of written broken; long alert texts are clipped to Excel's limits", async () => {
    const sheet = tasksSheet();
    sheet.tabColor = undefined;
    sheet.table!.rows[0].format = { fill: "red" };
    sheet.table!.columns[2].validation!.errorTitle = "T".repeat(40);
    sheet.table!.columns[2].validation!.errorMessage = "M".repeat(300);
    const wb = await roundTrip({ sheets: [sheet] });
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(
      ws.getCell("B5").fill?.type === "pattern" ? ws.getCell("B5").fill : undefined
    ).not.toMatchObject({ pattern: "solid" });
    const v = validationsOf(ws).model.C6!;
    expect(v.errorTitle!.length).toBeLessThanOrEqual(32);
    expect(v.error!.length).toBeLessThanOrEqual(255);
  });

  test("error results are stored as Excel errors, non-finite numbers never written", async () => {
    const sheet = unitsSheet();
    sheet.charts = [];
    sheet.blocks[1].results = [
      [null, "#DIV/0!", Number.NaN],
      [null, 0, 1],
      [null, 1, ""],
    ];
    const wb = await roundTrip({ sheets: [sheet] });
    const ws = wb.getWorksheet("Theo đơn vị")!;
    expect(ws.getCell("B2").result).toEqual({ error: "#DIV/0!" });
    expect(ws.getCell("C2").result).toEqual({ error: "#NUM!" });
  });

  test("chart fallback: plotted values without a rule of their own get a data bar", async () => {
    const sheet = unitsSheet();
    sheet.rules = [];
    const wb = await roundTrip({ sheets: [sheet] });
    const rules = rulesOf(wb.getWorksheet("Theo đơn vị")!);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ref: "B2:B4", rules: [{ type: "dataBar" }] });
  });

  test("per-cell number formats, the header format and the print area of the layout", async () => {
    const sheet = tasksSheet();
    sheet.table!.headerFormat = { fill: "#1F4E79", font: { color: "#FFFFFF" } };
    sheet.table!.rows[1].numberFormats = [null, null, null, "d/m", null];
    sheet.print!.printArea = "B1:E7";
    const wb = await roundTrip({ sheets: [sheet] });
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect(ws.getCell("D6").numFmt).toBe("d/m");
    expect(ws.getCell("D7").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B4").fill).toMatchObject({ fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell("B4").font).toMatchObject({
      bold: true,
      color: { argb: "FFFFFFFF" },
      name: "Times New Roman",
    });
    expect(pageSetupOf(ws).printArea).toBe("B1:E7");
    const zip = await JSZip.loadAsync(await renderWorkbookFile({ sheets: [sheet] }));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain(
      "&apos;Nhiệm vụ&apos;!$B$1:$E$7</definedName>"
    );
  });

  test("rows with long wrapped text are made tall enough to print (LibreOffice does not autofit)", async () => {
    const sheet = tasksSheet();
    const long =
      "Tổ chức kiểm tra, đôn đốc việc thực hiện nhiệm vụ cải cách hành chính tại các phòng, đơn vị trực thuộc Sở. ".repeat(
        4
      );
    sheet.table!.rows[1].cells[1] = long;
    const wb = await roundTrip({ sheets: [sheet] });
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    // ~440 characters in a 40-wide column: about ten lines of 11–12 pt text.
    expect(ws.getRow(6).height).toBeGreaterThan(120);
    expect(ws.getRow(6).height).toBeLessThan(260);
    // A short single-line row keeps the default height.
    expect(ws.getRow(7).height ?? 15).toBeLessThanOrEqual(18);
    // A 14 pt title is taller than a default row.
    expect(ws.getRow(1).height).toBeGreaterThan(15);
  });

  test("buildExcelWorkbook gives the same workbook object callers can post-process", async () => {
    const wb = await buildExcelWorkbook({ sheets: [unitsSheet()] });
    expect(wb.worksheets).toHaveLength(1);
  });
});

describe("the real workbook layout, flavor file", () => {
  const plan = getPlan();
  let wb: ExcelJS.Workbook;
  let layout: WorkbookLayout;
  beforeAll(async () => {
    layout = buildWorkbook(plan, { asOf: "2024-06-30", soonDays: 7, flavor: "file" }).layout;
    wb = await roundTrip(layout);
  });

  test("every sheet in the add-in's order, each table found by name", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(layout.sheets.map((s) => s.key)).toEqual([
      "tasks",
      "indicators",
      "units",
      "roster",
      "report",
      "recurring",
      "history",
    ]);
    for (const sheet of layout.sheets) {
      if (!sheet.table) continue;
      const ws = wb.getWorksheet(sheet.name)!;
      const table = (
        ws.getTable(sheet.table.name) as unknown as { table: { columns: { name: string }[] } }
      ).table;
      expect(table.columns.map((c) => c.name)).toEqual(sheet.table.columns.map((c) => c.header));
    }
  });

  test("every task and every indicator has its row", () => {
    const tasks = layout.sheets.find((s) => s.key === "tasks")!;
    const keys = new Set(tasks.table!.rows.map((r) => r.key));
    for (const t of plan.tasks) expect(keys.has(t.key)).toBe(true);
    const indicators = layout.sheets.find((s) => s.key === "indicators")!;
    const ids = new Set(indicators.table!.rows.map((r) => r.key));
    for (const i of plan.indicators) expect(ids.has(i.id)).toBe(true);
  });

  test("no CCHC.* function anywhere in the file (cells and rules)", () => {
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) {
            formulas += 1;
            expect(cell.formula).not.toMatch(/CCHC\./i);
            expect(cell.formula.startsWith("=")).toBe(false);
          }
        })
      );
      for (const cf of rulesOf(ws))
        for (const r of cf.rules)
          for (const f of (r.formulae as string[] | undefined) ?? [])
            expect(String(f)).not.toMatch(/CCHC\./i);
    }
    expect(formulas).toBeGreaterThan(plan.tasks.length * 2);
  });

  test("in the package, every formula cell stores a cached value (<v>), empty text included", async () => {
    const zip = await JSZip.loadAsync(await renderWorkbookFile(layout));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(layout.sheets.length);
    let formulas = 0;
    for (const f of sheets) {
      const xml = await zip.file(f)!.async("string");
      for (const m of xml.matchAll(/<c [^>]*>(.*?)<\/c>/g)) {
        if (!m[1].includes("<f>")) continue;
        formulas += 1;
        expect(m[1]).toMatch(/<f>.*<\/f>(<v>.*<\/v>|<v\/>)$/);
      }
    }
    expect(formulas).toBeGreaterThan(plan.tasks.length * 2);
  });

  test("NgayBaoCao is a defined name holding the fixed as-of date", () => {
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
      .model;
    const names = model.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(["NgayBaoCao", "SoNgaySapDenHan", "BienDoGan"]));
    const [ref] = model.find((m) => m.name === "NgayBaoCao")!.ranges;
    const [sheetPart, cellPart] = ref.split("!");
    const ws = wb.getWorksheet(sheetPart.replace(/^'|'$/g, ""))!;
    const cell = ws.getCell(cellPart.replace(/\$/g, ""));
    const serial =
      cell.value instanceof Date ? cell.value.getTime() / 86400000 + 25569 : cell.value;
    expect(serial).toBe(45473); // 30/06/2024
  });

  test("each sheet: frozen panes, A4 landscape, protection with input cells unlocked", () => {
    for (const sheet of layout.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      if (sheet.freeze)
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: sheet.freeze.rows });
      if (sheet.print)
        expect(pageSetupOf(ws)).toMatchObject({
          paperSize: 9,
          orientation: sheet.print.orientation,
        });
      if (sheet.protect)
        expect(
          (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet
        ).toBe(true);
      if (!sheet.table) continue;
      const inputCol = sheet.table.columns.findIndex((c) => c.role === "input");
      if (inputCol < 0) continue;
      const rowIndex = sheet.table.rows.findIndex((r) => !r.key.startsWith("§"));
      if (rowIndex < 0) continue; // an empty table (Lịch sử before any snapshot)
      const at = ws.getCell(sheet.table.at);
      const cell = ws.getCell(Number(at.row) + 1 + rowIndex, Number(at.col) + inputCol);
      expect(isLocked(cell)).toBe(false);
    }
  });
});

describe("helpers of the file renderer", () => {
  test("wrappedLines wraps at word boundaries, counts paragraphs, breaks over-long words", () => {
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("một hai ba", 20)).toBe(1);
    expect(wrappedLines("một hai ba bốn năm sáu bảy tám chín mười", 10)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines("a\nb\nc", 10)).toBe(3);
    expect(wrappedLines("x".repeat(25), 10)).toBe(3);
    // Capitals are wider than lowercase letters; diacritics do not widen a letter.
    expect(textUnits("ĐIỀU")).toBeGreaterThan(textUnits("điều"));
    expect(textUnits("điều")).toBe(textUnits("dieu"));
  });

  test("row heights grow with the text and stop at Excel's 409 pt", () => {
    // The estimate keeps a margin (printFit.test.ts measures the real font): a short name in a
    // column a little wider than it stays on one line.
    const short = rowHeight([{ text: "Văn phòng Sở", width: 14, fontSize: 11, wrap: true }]);
    const long = rowHeight([
      { text: "Kiểm tra việc thực hiện. ".repeat(10), width: 12, fontSize: 11, wrap: true },
    ]);
    const huge = rowHeight([{ text: "chữ ".repeat(5000), width: 5, fontSize: 11, wrap: true }]);
    expect(short).toBeLessThanOrEqual(17);
    expect(long).toBeGreaterThan(short * 5);
    expect(huge).toBe(409);
  });

  test("cells read back as UserInput scalars: dates as serials, formulas, rich text, hyperlinks, errors", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell("A2").value = { formula: "1+1", result: 2 };
    ws.getCell("A3").value = { richText: [{ text: "Số " }, { font: { bold: true }, text: "12" }] };
    ws.getCell("A4").value = { text: "Quyết định 12", hyperlink: "https://x.vn/qd12" };
    ws.getCell("A5").value = { text: "https://x.vn/a", hyperlink: "https://x.vn/a" };
    ws.getCell("A6").value = { error: "#N/A" };
    ws.getCell("A7").value = 'Có "ngoặc"';
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const s = back.getWorksheet("S")!;
    expect(cellScalar(s.getCell("A1"))).toBe(45473);
    expect(cellScalar(s.getCell("A2"))).toBe("=1+1");
    expect(cellScalar(s.getCell("A3"))).toBe("Số 12");
    expect(cellScalar(s.getCell("A4"))).toBe('=HYPERLINK("https://x.vn/qd12","Quyết định 12")');
    expect(cellScalar(s.getCell("A5"))).toBe("https://x.vn/a");
    expect(cellScalar(s.getCell("A6"))).toBe("#N/A");
    expect(cellScalar(s.getCell("A7"))).toBe('Có "ngoặc"');
    expect(cellScalar(s.getCell("A8"))).toBeNull();
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Number.NaN))).toBeNull();
  });
});
