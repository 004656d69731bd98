/**
 * `cchc workbook --from` loses nothing: a generated file has EVERY input cell filled (with exceljs, as a
 * user's Excel would save it), rows shuffled as after a sort, a blank row inserted, a user column added
 * at the right of the table, the settings changed; the file regenerated from it must hold every value
 * at the same task / indicator and column, and the settings.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { getPlan } from "../../src/plan";
import type { Scalar, TableSpec, WorkbookLayout } from "../../src/layouts/model";
import { buildWorkbook } from "../../src/layouts/workbook";
import { parseCell } from "../../src/layouts/a1";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { cellScalar } from "../../src/render/xlsx/readCells";
import { runWorkbook } from "../../src/cli/commands/workbook";

const STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Không áp dụng"];

interface Capture {
  out: string;
  err: string;
}

async function cli(args: string[], cwd: string): Promise<{ code: number } & Capture> {
  const c: Capture = { out: "", err: "" };
  const code = await runWorkbook(args, {
    stdout: (t) => (c.out += t),
    stderr: (t) => (c.err += t),
    cwd,
    today: "2024-05-15",
  });
  return { code, ...c };
}

/** A value for an input column that its validation accepts, different for every row. */
function valueFor(columnKey: string, i: number): Scalar {
  switch (columnKey) {
    case "status":
      return STATUSES[i % STATUSES.length];
    case "doneDate":
      return 45300 + i; // serials from 08/01/2024
    case "progress":
      return (i * 7) % 101;
    case "evidence":
      return i % 3 === 0 ? `https://vanban.hatinh.gov.vn/${i}` : `Số ${i}/QĐ-SKHCN`;
    case "updateNote":
      return `Ghi chú "${i}" — đã cập nhật; xuống dòng\nthứ hai`;
    default:
      // Monthly numbers: num1…num12, den1…den12.
      return /^den/.test(columnKey) ? 200 + i : i % 50;
  }
}

interface Typed {
  table: string;
  key: string;
  column: string;
  value: Scalar;
}

function tablesOf(layout: WorkbookLayout): { sheet: string; spec: TableSpec }[] {
  return layout.sheets.flatMap((s) =>
    s.table && s.table.columns.some((c) => c.role === "input")
      ? [{ sheet: s.name, spec: s.table }]
      : []
  );
}

/** Fills every input cell of every data row; returns what was typed. */
function fillEverything(wb: ExcelJS.Workbook, layout: WorkbookLayout): Typed[] {
  const typed: Typed[] = [];
  for (const { sheet, spec } of tablesOf(layout)) {
    const ws = wb.getWorksheet(sheet)!;
    const at = parseCell(spec.at);
    spec.rows.forEach((row, i) => {
      if (row.key.startsWith("§")) return;
      spec.columns.forEach((c, j) => {
        if (c.role !== "input") return;
        const value = valueFor(c.key, i + j);
        ws.getCell(at.row + 1 + i, at.col + j).value = value as ExcelJS.CellValue;
        typed.push({ table: spec.name, key: row.key, column: c.key, value });
      });
    });
  }
  return typed;
}

/** Reverses the body rows of a table (a sort), keeping each row's cells together. */
function reverseRows(ws: ExcelJS.Worksheet, spec: TableSpec): void {
  const at = parseCell(spec.at);
  const n = spec.rows.length;
  const width = spec.columns.length;
  const values = Array.from({ length: n }, (_, i) =>
    Array.from({ length: width }, (_, j) => ws.getCell(at.row + 1 + i, at.col + j).value)
  );
  values
    .reverse()
    .forEach((row, i) => row.forEach((v, j) => (ws.getCell(at.row + 1 + i, at.col + j).value = v)));
}

describe("cchc workbook --from: fill every input cell, regenerate, compare", () => {
  const plan = getPlan();
  let dir: string;
  let layout: WorkbookLayout;
  let typed: Typed[];
  let result: { code: number } & Capture;
  let regenerated: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-from-"));
    const first = await cli(["--out", "v1.xlsx", "--as-of", "2024-03-31"], dir);
    expect(first.code).toBe(0);
    layout = buildWorkbook(plan, { flavor: "file", asOf: "2024-03-31" }).layout;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "v1.xlsx"));
    typed = fillEverything(wb, layout);

    // What users do to a workbook over a year: sort, change settings, type a hyperlink, add a column.
    const tasks = tablesOf(layout).find((t) => t.spec.name === "tblNhiemVu")!;
    reverseRows(wb.getWorksheet(tasks.sheet)!, tasks.spec);
    const asOfName = (
      wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
    ).model.find((n) => n.name === "NgayBaoCao")!;
    const [sheetPart, cellPart] = asOfName.ranges[0].split("!");
    wb.getWorksheet(sheetPart.replace(/^'|'$/g, ""))!.getCell(cellPart.replace(/\$/g, "")).value =
      45473; // 30/06/2024
    const link = typed.find((t) => t.column === "evidence" && t.table === "tblNhiemVu")!;
    const linkRow =
      layout.sheets[0].table!.rows.length -
      1 -
      layout.sheets[0].table!.rows.findIndex((r) => r.key === link.key);
    const evidenceCol =
      parseCell(tasks.spec.at).col + tasks.spec.columns.findIndex((c) => c.key === "evidence");
    wb
      .getWorksheet(tasks.sheet)!
      .getCell(parseCell(tasks.spec.at).row + 1 + linkRow, evidenceCol).value = {
      text: "Quyết định 12",
      hyperlink: "https://vanban.hatinh.gov.vn/qd12",
    };
    link.value = '=HYPERLINK("https://vanban.hatinh.gov.vn/qd12","Quyết định 12")';

    fs.writeFileSync(path.join(dir, "v1-filled.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    result = await cli(["--from", "v1-filled.xlsx", "--out", "v2.xlsx"], dir);
    regenerated = new ExcelJS.Workbook();
    if (result.code === 0) await regenerated.xlsx.readFile(path.join(dir, "v2.xlsx"));
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the regeneration succeeds and reports what it read", () => {
    expect(result.err).toContain("bảng tblNhiemVu");
    expect(result.err).toContain("bảng tblChiTieu");
    expect(result.code).toBe(0);
  });

  test("every typed value is in the new file, at its task/indicator and column", async () => {
    expect(typed.length).toBeGreaterThan(plan.tasks.length * 5 + plan.indicators.length * 24);
    const newLayout = buildWorkbook(plan, { flavor: "file", asOf: "2024-06-30" }).layout;
    const lost: Typed[] = [];
    for (const { sheet, spec } of tablesOf(newLayout)) {
      const ws = regenerated.getWorksheet(sheet)!;
      const at = parseCell(spec.at);
      const rowOf = new Map<string, number>();
      // Read the keys from the file itself, not from the layout: the file is what users get.
      for (let r = at.row + 1; r <= ws.rowCount; r++) {
        const key = cellScalar(
          ws.getCell(r, at.col + spec.columns.findIndex((c) => c.role === "key"))
        );
        if (typeof key === "string") rowOf.set(key, r);
      }
      for (const t of typed.filter((x) => x.table === spec.name)) {
        const r = rowOf.get(t.key);
        const j = spec.columns.findIndex((c) => c.key === t.column);
        const got = r === undefined || j < 0 ? undefined : cellScalar(ws.getCell(r, at.col + j));
        if (got !== t.value)
          lost.push({ ...t, value: `${JSON.stringify(t.value)} → ${JSON.stringify(got)}` });
      }
    }
    expect(lost).toEqual([]);
  });

  test("the fixed as-of date travels too (no --as-of given)", () => {
    expect(result.err).toContain("30/06/2024");
    const model = (
      regenerated.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
    ).model;
    const [sheetPart, cellPart] = model.find((n) => n.name === "NgayBaoCao")!.ranges[0].split("!");
    const cell = regenerated
      .getWorksheet(sheetPart.replace(/^'|'$/g, ""))!
      .getCell(cellPart.replace(/\$/g, ""));
    expect(cellScalar(cell)).toBe(45473);
  });

  test("reading the regenerated file again gives the same input (a fixed point)", async () => {
    const first = await readUserInputFromFile(
      fs.readFileSync(path.join(dir, "v1-filled.xlsx")),
      layout,
      "v1-filled.xlsx"
    );
    const second = await readUserInputFromFile(
      fs.readFileSync(path.join(dir, "v2.xlsx")),
      layout,
      "v2.xlsx"
    );
    expect(second.userInput).toEqual(first.userInput);
    expect(second.found.map((f) => f.via)).toEqual(["table", "table", "table", "table", "table"]);
  });
});

describe("--from survives files that lost their table objects or gained columns and blank rows", () => {
  const plan = getPlan();

  test("values typed for a task the plan no longer has are kept at the end of the table and reported", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-from-"));
    try {
      expect((await cli(["--out", "v1.xlsx", "--as-of", "2024-03-31"], dir)).code).toBe(0);
      const layout = buildWorkbook(plan, { flavor: "file", asOf: "2024-03-31" }).layout;
      const { sheet, spec } = tablesOf(layout).find((t) => t.spec.name === "tblNhiemVu")!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "v1.xlsx"));
      const ws = wb.getWorksheet(sheet)!;
      const at = parseCell(spec.at);
      const i = spec.rows.findIndex((r) => !r.key.startsWith("§"));
      const col = (key: string) => at.col + spec.columns.findIndex((c) => c.key === key);
      // As if an older plan had a task 2.99 that this plan dropped.
      ws.getCell(at.row + 1 + i, col("key")).value = "2.99#1";
      ws.getCell(at.row + 1 + i, col("status")).value = "Đang thực hiện";
      ws.getCell(at.row + 1 + i, col("evidence")).value = "Công văn 45/SKHCN";
      fs.writeFileSync(path.join(dir, "old.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

      const r = await cli(["--from", "old.xlsx", "--out", "v2.xlsx"], dir);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/Giữ lại 1 dòng dữ liệu không còn khớp kế hoạch.*tblNhiemVu:2\.99#1/);
      const read = await readUserInputFromFile(
        fs.readFileSync(path.join(dir, "v2.xlsx")),
        layout,
        "v2.xlsx"
      );
      expect(read.userInput.tables.tblNhiemVu["2.99#1"]).toMatchObject({
        status: "Đang thực hiện",
        evidence: "Công văn 45/SKHCN",
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test("tables converted to plain ranges are found by their header row; a user column and blank rows are kept", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-from-"));
    try {
      expect((await cli(["--out", "v1.xlsx", "--as-of", "2024-03-31"], dir)).code).toBe(0);
      const layout = buildWorkbook(plan, { flavor: "file", asOf: "2024-03-31" }).layout;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "v1.xlsx"));
      const typed = fillEverything(wb, layout);
      const { sheet, spec } = tablesOf(layout).find((t) => t.spec.name === "tblNhiemVu")!;
      const ws = wb.getWorksheet(sheet)!;
      // A column the user added right of the table, and a blank row inserted in the middle of the body.
      const at = parseCell(spec.at);
      const extraCol = at.col + spec.columns.length;
      ws.getCell(at.row, extraCol).value = "Người theo dõi";
      const firstTask = spec.rows.findIndex((r) => !r.key.startsWith("§"));
      ws.getCell(at.row + 1 + firstTask, extraCol).value = "Chị Lan";
      ws.spliceRows(at.row + 3, 0, []);
      // Drop every table object (what some tools do when saving).
      for (const w of wb.worksheets) {
        for (const name of Object.keys(
          (w as unknown as { tables: Record<string, unknown> }).tables
        ))
          w.removeTable(name);
      }
      fs.writeFileSync(path.join(dir, "plain.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

      const read = await readUserInputFromFile(
        fs.readFileSync(path.join(dir, "plain.xlsx")),
        layout,
        "plain.xlsx"
      );
      expect(read.found.map((f) => [f.table, f.via])).toEqual([
        ["tblNhiemVu", "header"],
        ["tblChiTieu", "header"],
        ["tblDonVi", "header"],
        ["tblThuongXuyen", "header"],
        ["tblLichSu", "header"],
      ]);
      const missing = typed.filter(
        (t) => read.userInput.tables[t.table]?.[t.key]?.[t.column] !== t.value
      );
      expect(missing).toEqual([]);
      expect(read.userInput.tables.tblNhiemVu[spec.rows[firstTask].key]["+Người theo dõi"]).toBe(
        "Chị Lan"
      );

      const r = await cli(["--from", "plain.xlsx", "--out", "v2.xlsx"], dir);
      expect(r.code).toBe(0);
      const again = await readUserInputFromFile(
        fs.readFileSync(path.join(dir, "v2.xlsx")),
        layout,
        "v2.xlsx"
      );
      expect(again.userInput.tables.tblNhiemVu[spec.rows[firstTask].key]["+Người theo dõi"]).toBe(
        "Chị Lan"
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
