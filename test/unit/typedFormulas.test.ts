/**
 * A formula a user typed follows its task, not its row: typed in task 2.5's "Ghi chú cập nhật" as a
 * reference to the same row's "Hạn", it still points at 2.5's "Hạn" after the table was sorted and the
 * workbook regenerated (add-in create/update, and `cchc workbook --from`). Structured references
 * typed by users survive as typed. Text that merely starts with "=" stays text.
 */
import ExcelJS from "exceljs";
import { getPlan } from "../../src/plan";
import { columnLetters, parseCell } from "../../src/layouts/a1";
import { buildWorkbook } from "../../src/layouts/workbook";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import type { SheetLayout, TableSpec } from "../../src/layouts/model";
import { createOrUpdate } from "../../src/render/office/actions";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";

const plan = getPlan();
const build = builderFor(plan);
const note = (row: number, col: string): string => `="Hạn "&TEXT(${col}${row},"dd/mm/yyyy")`;

function tasksSheet(sheets: SheetLayout[]): SheetLayout & { table: TableSpec } {
  return sheets.find((s) => s.table?.name === TASKS_TABLE) as SheetLayout & { table: TableSpec };
}

/** Sheet row and column letter of a task's cell in a layout. */
function where(sheet: SheetLayout & { table: TableSpec }, key: string, header: string) {
  const at = parseCell(sheet.table.at);
  const i = sheet.table.rows.findIndex((r) => r.key === key);
  const j = sheet.table.columns.findIndex((c) => c.header === header);
  return { row: at.row + 1 + i, col: at.col + j, cell: sheet.table.rows[i].cells[j] };
}

/** A fake workbook after create, with the letter of "Hạn" and the column of "Ghi chú cập nhật". */
async function createdWorkbook() {
  const fake = createFakeExcel();
  expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
  const due = columnLetters(fake.user.columnOf(TASKS_TABLE, "Hạn"));
  const sheet = fake.book.mustTable(TASKS_TABLE).sheet;
  return { fake, due, sheet, col: fake.user.columnOf(TASKS_TABLE, "Ghi chú cập nhật") };
}

describe("add-in: typed formulas after a sort and create/update", () => {
  test("a row-relative formula points at its own task's Hạn; [@Hạn] survives", async () => {
    const { fake, due, sheet, col } = await createdWorkbook();
    // Typed after a sort moved 2.5: the formula names the row 2.5 sits in at that moment. (The
    // fake's sort does not carry cell formats, so the user lifts the protection, as staff can.)
    sheet.protection = { protected: false, options: {} };
    fake.user.sortTable(TASKS_TABLE, "Nhiệm vụ trọng tâm", false);
    const moved = fake.user.rowOf(TASKS_TABLE, "2.5#1");
    fake.user.type(sheet, moved, col, note(moved, due));
    fake.user.typeInTable(TASKS_TABLE, "2.1#1", "Ghi chú cập nhật", "=[@Hạn]+1");
    fake.user.typeInTable(TASKS_TABLE, "2.2#1", "Ghi chú cập nhật", "'=ABC không phải công thức");

    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    const home = fake.user.rowOf(TASKS_TABLE, "2.5#1");
    expect(home).not.toBe(moved);
    expect(fake.book.formulaAt(sheet, home, col)).toBe(note(home, due));
    const r21 = fake.user.rowOf(TASKS_TABLE, "2.1#1");
    expect(fake.book.formulaAt(sheet, r21, col)).toBe("=[@Hạn]+1");
    const r22 = fake.user.rowOf(TASKS_TABLE, "2.2#1");
    expect(fake.book.valueAt(sheet, r22, col)).toBe("=ABC không phải công thức");
  });
});

describe("file: typed formulas after a sort and --from", () => {
  test("a row-relative formula points at its own task's Hạn; structured refs and '=' text survive", async () => {
    const first = buildWorkbook(plan, { flavor: "file", today: "2024-03-15" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderWorkbookFile(first.layout)) as unknown as ArrayBuffer);
    const layout = tasksSheet(first.layout.sheets);
    const ws = wb.getWorksheet(layout.name)!;
    const a = where(layout, "2.5#1", "Ghi chú cập nhật");
    const b = where(layout, "2.40#1", "Ghi chú cập nhật");
    const due = columnLetters(where(layout, "2.5#1", "Hạn").col);
    // A sort swapped the rows of 2.5 and 2.40; then the user typed in 2.5's new row.
    const rowA = ws.getRow(a.row);
    const rowB = ws.getRow(b.row);
    for (let c = 1; c <= layout.table.columns.length; c += 1) {
      const v = rowA.getCell(c).value;
      rowA.getCell(c).value = rowB.getCell(c).value;
      rowB.getCell(c).value = v;
    }
    rowB.getCell(a.col).value = { formula: note(b.row, due).slice(1) } as ExcelJS.CellValue;
    const structured = "tblNhiemVu[[#This Row],[Hạn]]+1";
    const c21 = where(layout, "2.1#1", "Ghi chú cập nhật");
    ws.getRow(c21.row).getCell(c21.col).value = { formula: structured } as ExcelJS.CellValue;
    const c22 = where(layout, "2.2#1", "Ghi chú cập nhật");
    ws.getRow(c22.row).getCell(c22.col).value = "=ABC không phải công thức";
    const saved = new Uint8Array(await wb.xlsx.writeBuffer());

    const read = await readUserInputFromFile(saved, first.layout);
    const again = tasksSheet(
      buildWorkbook(plan, { flavor: "file", today: "2024-03-15", userInput: read.userInput }).layout
        .sheets
    );
    expect(where(again, "2.5#1", "Ghi chú cập nhật").cell).toBe(note(a.row, due));
    expect(where(again, "2.1#1", "Ghi chú cập nhật").cell).toBe(`=${structured}`);

    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await renderWorkbookFile({ sheets: [again] })) as unknown as ArrayBuffer);
    const cell = out.getWorksheet(again.name)!.getRow(c22.row).getCell(c22.col);
    expect(cell.value).toBe("=ABC không phải công thức");
  });
});

describe("add-in: a calculated column typed by a user", () => {
  test("fills the empty column, and every row keeps its own-row formula after create/update", async () => {
    const { fake, due, sheet, col } = await createdWorkbook();
    const r21 = fake.user.rowOf(TASKS_TABLE, "2.1#1");
    fake.user.typeInTable(TASKS_TABLE, "2.1#1", "Ghi chú cập nhật", note(r21, due));
    const r240 = fake.user.rowOf(TASKS_TABLE, "2.40#1");
    expect(fake.book.formulaAt(sheet, r240, col)).toBe(note(r240, due));

    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    for (const key of ["2.1#1", "2.5#1", "2.40#1"]) {
      const r = fake.user.rowOf(TASKS_TABLE, key);
      expect([key, fake.book.formulaAt(sheet, r, col)]).toEqual([key, note(r, due)]);
    }
  });
});
