/**
 * The Báo cáo sheet's layout (its figures are checked against LibreOffice in reportSheet.lo.test.ts):
 * the period cell kept across rewrites, the names its formulas read, print set-up, Excel's formula
 * limit at 100× the plan, and the Chỉ tiêu months labelled with their official windows.
 */
import { PERIODS } from "../../src/domain/reportPeriods";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import type { WorkbookLayout } from "../../src/layouts/model";
import { NAME_PERIOD } from "../../src/layouts/reportFormulas";
import { REPORT_SHEET_KEY } from "../../src/layouts/reportSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import { syntheticPlan } from "../support/officeHarness";

const plan = getPlan();
const layoutWith = (names: Record<string, string> = {}): WorkbookLayout =>
  buildWorkbook(plan, { flavor: "file", asOf: "2024-06-20", userInput: { tables: {}, names } })
    .layout;
const reportSheet = (l: WorkbookLayout) => l.sheets.find((s) => s.key === REPORT_SHEET_KEY)!;
const cellAt = (l: WorkbookLayout, at: string) =>
  reportSheet(l).blocks.find((b) => b.at === at)?.cells[0][0];

describe("the Báo cáo sheet", () => {
  it("keeps the period the user chose, accepts its Vietnamese name, else starts at Quý I", () => {
    expect(cellAt(layoutWith(), "C3")).toBe("Quý I");
    expect(cellAt(layoutWith({ [NAME_PERIOD]: "9 tháng (Quý III)" }), "C3")).toBe(
      "9 tháng (Quý III)"
    );
    expect(cellAt(layoutWith({ [NAME_PERIOD]: "6 tháng" }), "C3")).toBe("6 tháng");
    expect(cellAt(layoutWith({ [NAME_PERIOD]: "không rõ" }), "C3")).toBe("Quý I");
    const list = reportSheet(layoutWith()).validations[0].rule;
    expect(list).toEqual({ type: "list", values: PERIODS.map((p) => p.label) });
  });

  it("defines the window names and the names over the source tables, each once", () => {
    const names = layoutWith().sheets.flatMap((s) => s.names.map((n) => n.name));
    for (const n of ["KyBaoCao", "KyTuNgay", "KyDenNgay", "NV_Khoa", "NV_TrangThai", "NV_NgayHT"])
      expect(names).toContain(n);
    for (const n of ["TX_Khoa", "TX_DanhDau", "CT_Khoa", "CT_SoDat", "CT_TongSo"])
      expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });

  it("prints A4 landscape in Times New Roman, the helper table outside the printed area", () => {
    const s = reportSheet(layoutWith());
    expect(s.font.name).toBe("Times New Roman");
    expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    expect(s.print?.printArea).toMatch(/^B1:I\d+$/);
    expect(s.table?.at).toBe("L8");
  });

  it("keeps every formula under Excel's 8,192 characters at 100× the plan", () => {
    const big = buildWorkbook(syntheticPlan(plan, 100), { flavor: "file", asOf: "2024-06-20" });
    const s = reportSheet(big.layout);
    const formulas = [
      ...s.blocks.flatMap((b) => b.cells.flat()),
      ...(s.table?.rows.flatMap((r) => r.cells) ?? []),
    ].filter((c): c is string => typeof c === "string" && c.startsWith("="));
    expect(formulas.length).toBeGreaterThan(4300);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThan(8192);
  });

  it("labels the Chỉ tiêu months with their official windows", () => {
    const sheet = layoutWith().sheets.find((s) => s.table?.name === INDICATORS_TABLE)!;
    const labels = sheet.blocks.filter((b) => b.cells[0][0] === "15/12–14/01");
    expect(labels).toHaveLength(2);
    expect(labels[0].cells[0]).toHaveLength(12);
    expect(labels[0].cells[0][11]).toBe("15/11–14/12");
    expect(
      sheet.blocks.some((b) =>
        String(b.cells[0][0]).startsWith(
          "Tháng báo cáo (NĐ 09/2019/NĐ-CP): T1 = 15/12 năm trước–14/01/2024, …, T12 = 15/11–14/12/2024."
        )
      )
    ).toBe(true);
  });
});
