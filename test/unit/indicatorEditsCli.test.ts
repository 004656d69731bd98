/**
 * Targets added and corrected by hand in a workbook file (issue 11), through the command line:
 * `cchc workbook --from` stores and computes them; `cchc report`, the Báo cáo sheet and
 * `cchc snapshot` judge the same targets, even before the file is rebuilt.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { col } from "../../src/layouts/indicatorFormulas";
import { INDICATORS_HEADER_ROW, INDICATORS_SHEET_NAME } from "../../src/layouts/indicatorsSheet";
import { REPORT_SHEET_NAME } from "../../src/layouts/reportSheet";
import { readStoredPlan } from "../../src/render/xlsx/readStoredPlan";
import { runCli } from "../support/runCli";

describe("cchc workbook --from: the targets typed in the file", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-edits-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("a target added and one corrected in the file are stored and computed in the new file", async () => {
    expect((await runCli(["workbook", "--out", "a.xlsx", "--as-of", "2024-09-30"], tmp)).code).toBe(
      0
    );
    // A person fills the file in Excel / LibreOffice: the first empty row and 3.3's level.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "a.xlsx"));
    const ws = wb.getWorksheet(INDICATORS_SHEET_NAME)!;
    const header = ws.getRow(INDICATORS_HEADER_ROW);
    const colOf = (h: string) => {
      let found = 0;
      header.eachCell((c, n) => void (c.text === h && (found = n)));
      return found;
    };
    let emptyRow = 0;
    let row33 = 0;
    ws.eachRow((r, n) => {
      const key = String(r.getCell(1).value ?? "");
      if (key === "(dòng mới 1)") emptyRow = n;
      if (key === "3.3") row33 = n;
    });
    const set = (row: number, h: string, v: ExcelJS.CellValue) =>
      (ws.getCell(row, colOf(h)).value = v);
    set(emptyRow, "Mã chỉ tiêu", "TAY.1");
    set(emptyRow, "Chỉ tiêu", "Hội nghị đối thoại với doanh nghiệp");
    set(emptyRow, "Chỉ tiêu kế hoạch", "ít nhất 2 hội nghị");
    set(emptyRow, "Đạt T5", 1);
    set(emptyRow, "Đạt T8", 1);
    set(row33, "Chỉ tiêu kế hoạch", "≥ 70%");
    await wb.xlsx.writeFile(path.join(tmp, "a.xlsx"));

    const again = await runCli(["workbook", "--from", "a.xlsx", "--out", "b.xlsx"], tmp);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Đã thêm chỉ tiêu TAY\.1: ít nhất 2 hội nghị\./);
    expect(again.stderr).toMatch(/Chỉ tiêu 3\.3: mức chỉ tiêu “≥ 90%” → “≥ 70%”\./);

    const stored = await readStoredPlan(fs.readFileSync(path.join(tmp, "b.xlsx")));
    const tay = stored!.indicators.find((i) => i.id === "TAY.1")!;
    expect([tay.target, tay.comparison, tay.unit]).toEqual([2, ">=", "count"]);
    expect(stored!.indicators.find((i) => i.id === "3.3")!.target).toBe(70);
    // The new file's cached results: the new row is computed like any other.
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(tmp, "b.xlsx"));
    const sheet = out.getWorksheet(INDICATORS_SHEET_NAME)!;
    let tayRow = 0;
    sheet.eachRow((r, n) => void (String(r.getCell(1).value) === "TAY.1" && (tayRow = n)));
    const result = (key: Parameters<typeof col>[0]) =>
      (sheet.getCell(`${col(key)}${tayRow}`).value as { result?: unknown }).result;
    expect([result("ytd"), result("met")]).toEqual([2, "Đạt"]);

    // Regenerating once more changes nothing.
    const third = await runCli(["workbook", "--from", "b.xlsx", "--out", "c.xlsx"], tmp);
    expect(third.stderr).not.toMatch(/Đã thêm|mức chỉ tiêu “/);
  }, 120_000);

  test("cchc report and the Báo cáo sheet judge the added and corrected targets; a snapshot stores them", async () => {
    const judged = async (file: string) => {
      const r = await runCli(["report", file, "--period", "h1", "--json"], tmp);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as {
        indicators: { id: string; value: number; target: number; verdict: string }[];
      };
      return Object.fromEntries(json.indicators.map((i) => [i.id, i]));
    };
    // b.xlsx stores them; a.xlsx only has them typed (report and snapshot apply them as a rebuild would).
    for (const file of ["a.xlsx", "b.xlsx"]) {
      const byId = await judged(file);
      // 6 tháng = T1–T6: 1 of the 2 a year, ⌊2 × 6 ÷ 12⌋ = 1 due by then.
      expect(byId["TAY.1"]).toMatchObject({ value: 1, target: 2, verdict: "Đúng tiến độ" });
      expect(byId["3.3"].target).toBe(0.7);
    }
    // The Báo cáo sheet has the row, with the same verdict for the period a person picks (6 tháng).
    const picked = new ExcelJS.Workbook();
    await picked.xlsx.readFile(path.join(tmp, "b.xlsx"));
    picked.getWorksheet(REPORT_SHEET_NAME)!.getCell("C3").value = "6 tháng";
    await picked.xlsx.writeFile(path.join(tmp, "b.xlsx"));
    expect((await runCli(["workbook", "--from", "b.xlsx", "--out", "d.xlsx"], tmp)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "d.xlsx"));
    const report = wb.getWorksheet(REPORT_SHEET_NAME)!;
    expect(report.getCell("C3").value).toBe("6 tháng");
    let tayRow = 0;
    report.eachRow((r, n) => void (r.getCell("C").value === "TAY.1" && (tayRow = n)));
    expect(tayRow).toBeGreaterThan(0);
    expect((report.getCell(`F${tayRow}`).value as { result?: unknown }).result).toBe(
      "Đúng tiến độ"
    );

    fs.copyFileSync(path.join(tmp, "a.xlsx"), path.join(tmp, "snap.xlsx"));
    const snap = await runCli(
      ["snapshot", "snap.xlsx", "--period", "h1", "--date", "2024-07-01"],
      tmp
    );
    expect(snap.code).toBe(0);
    const stored = await readStoredPlan(fs.readFileSync(path.join(tmp, "snap.xlsx")));
    expect(stored!.indicators.map((i) => i.id)).toContain("TAY.1");
    // Its monthly numbers moved to its id: the next report still finds them.
    expect((await judged("snap.xlsx"))["TAY.1"].value).toBe(1);
  }, 120_000);
});
