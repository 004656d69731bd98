/**
 * `--from` a file that claims far more rows than it holds: a table whose range runs to row 1,048,576,
 * or one stray cell on the last row of the sheet. Only the rows that hold data are read (the typed
 * values come through), files past the documented limits are refused with a clear message, and
 * nothing crashes.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { getPlan } from "../../src/plan";
import { buildWorkbook } from "../../src/layouts/workbook";
import { parseCell } from "../../src/layouts/a1";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import type { SheetLayout, TableSpec } from "../../src/layouts/model";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { readUserInputFromFile, WorkbookFileError } from "../../src/render/xlsx/readUserInput";

const layout = buildWorkbook(getPlan(), { flavor: "file", today: "2024-03-15" }).layout;
const sheet = layout.sheets.find((s) => s.table?.name === TASKS_TABLE) as SheetLayout & {
  table: TableSpec;
};

/** The generated file with "Hoàn thành" typed for task 2.1, after `edit` ran on it. */
async function fileWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderWorkbookFile(layout)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet.name)!;
  const top = parseCell(sheet.table.at);
  const row = top.row + 1 + sheet.table.rows.findIndex((r) => r.key === "2.1#1");
  const col = top.col + sheet.table.columns.findIndex((c) => c.key === "status");
  ws.getRow(row).getCell(col).value = "Hoàn thành";
  edit(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const statusOf21 = (u: Awaited<ReturnType<typeof readUserInputFromFile>>) =>
  u.userInput.tables[TASKS_TABLE]?.["2.1#1"]?.status;

test("a table whose range claims A6:…1048576: only rows with data are read", async () => {
  const data = await fileWith(() => undefined);
  const zip = await JSZip.loadAsync(data);
  const tables = Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
  let changed = 0;
  for (const name of tables) {
    const xml = await zip.file(name)!.async("string");
    if (!xml.includes(`name="${TASKS_TABLE}"`)) continue;
    zip.file(name, xml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, 'ref="$1:$21048576"'));
    changed += 1;
  }
  expect(changed).toBe(1);
  const huge = await zip.generateAsync({ type: "uint8array" });
  const read = await readUserInputFromFile(huge, layout);
  expect(statusOf21(read)).toBe("Hoàn thành");
  expect(read.found.find((f) => f.table === TASKS_TABLE)!.bodyRows).toBeLessThan(100);
}, 60_000);

test("one stray cell on row 1,048,576: only rows with data are read", async () => {
  const data = await fileWith((ws) => {
    ws.getCell("C1048576").value = "x";
    ws.getCell("XFD1048576").value = "y";
  });
  const read = await readUserInputFromFile(data, layout);
  expect(statusOf21(read)).toBe("Hoàn thành");
}, 60_000);

test("past the documented limits: a clear refusal", async () => {
  const data = await fileWith(() => undefined);
  await expect(readUserInputFromFile(data, layout, "cu.xlsx", { maxRows: 10 })).rejects.toThrow(
    /Bảng tblNhiemVu trong “cu\.xlsx” có \d+ dòng có dữ liệu, quá giới hạn 10 dòng/
  );
  await expect(readUserInputFromFile(data, layout, "cu.xlsx", { maxBytes: 1000 })).rejects.toThrow(
    WorkbookFileError
  );
  await expect(readUserInputFromFile(data, layout, "cu.xlsx", { maxBytes: 1000 })).rejects.toThrow(
    /Tệp “cu\.xlsx” lớn \d+(,\d+)? MB, quá giới hạn/
  );
});
