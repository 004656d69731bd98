/**
 * Hostile-input corpus: a plan whose every text is a formula, a DDE payload or holds XML-forbidden
 * characters, whose task codes and unit names start with "=". In both renderers: no formula calls
 * anything the plan wrote (nothing injected), every text is in the workbook as text (nothing lost),
 * the file is well-formed XML (Excel opens it), and nothing crashes.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import { PlanValidationError, getPlan, parsePlan } from "../../src/plan";
import planData from "../../src/plan/plan-2024.json";
import { indicatorRecords } from "../../src/plan/indicators";
import { buildWorkbook } from "../../src/layouts/workbook";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { createOrUpdate } from "../../src/render/office/actions";
import { cellScalar } from "../../src/render/xlsx/readCells";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";
import {
  FORMULA_TEXTS,
  INJECTED,
  XML_ILLEGAL_CLEANED,
  formulaCode,
  hostilePlan,
} from "../support/hostilePlan";

const plan = hostilePlan(getPlan());

/** Texts every one of which must appear, whole, as a text cell of the workbook. */
const EXPECTED_TEXTS = [...FORMULA_TEXTS, XML_ILLEGAL_CLEANED];

function checkCells(cells: { formula: string | null; text: string | null; where: string }[]) {
  const texts = new Set<string>();
  for (const c of cells) {
    if (c.formula !== null) {
      expect([c.where, formulaCode(c.formula).includes(INJECTED)]).toEqual([c.where, false]);
      expect([c.where, /HYPERLINK|cmd\|/i.test(formulaCode(c.formula))]).toEqual([c.where, false]);
    }
    if (c.text !== null) {
      texts.add(c.text);
      for (const line of c.text.split("\n")) texts.add(line.replace(/^• /, ""));
    }
  }
  for (const t of EXPECTED_TEXTS) expect([t, texts.has(t)]).toEqual([t, true]);
}

describe("hostile plan texts", () => {
  test("the layout reports the XML-forbidden characters it removed", () => {
    const built = buildWorkbook(plan, { flavor: "file", today: "2024-03-15" });
    expect(built.notes.join("\n")).toMatch(/Đã bỏ \d+ ký tự không được phép trong tệp Excel/);
    expect(JSON.stringify(built.layout)).not.toMatch(/\\u0001|\\b|\uFFFE|\uFFFF|\\ud800/);
  });

  test("file: well-formed XML, no formula injected, every text kept as text", async () => {
    const built = buildWorkbook(plan, { flavor: "file", today: "2024-03-15" });
    const data = await renderWorkbookFile(built.layout);
    const zip = await JSZip.loadAsync(data);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
      const parser = new SaxesParser();
      let error: string | null = null;
      parser.on("error", (e) => {
        error = e.message;
      });
      parser.write(await zip.file(name)!.async("string")).close();
      expect([name, error]).toEqual([name, null]);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const cells: { formula: string | null; text: string | null; where: string }[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = cell.formula ? `=${cell.formula}` : null;
          const v = cellScalar(cell);
          cells.push({
            formula,
            text: formula === null && typeof cell.value === "string" ? cell.value : null,
            where: `${ws.name}!${cell.address} ${String(v)}`,
          });
        })
      )
    );
    checkCells(cells);
  });

  test("add-in: no formula injected, every text kept as text", async () => {
    const fake = createFakeExcel();
    const r = await createOrUpdate(depsOf(fake), builderFor(plan));
    expect(r.ok).toBe(true);
    const cells: { formula: string | null; text: string | null; where: string }[] = [];
    for (const name of fake.sheetNames()) {
      for (const [address, v] of Object.entries(fake.user.dump(name))) {
        const isFormula =
          typeof v === "string" && v.startsWith("=") && fake.value(name, address) !== v;
        cells.push({
          formula: isFormula ? (v as string) : null,
          text:
            !isFormula && typeof fake.value(name, address) === "string"
              ? (fake.value(name, address) as string)
              : null,
          where: `${name}!${address}`,
        });
      }
    }
    checkCells(cells);
    // Typed values and the keys of hostile task codes survive a second run.
    const again = await createOrUpdate(depsOf(fake), builderFor(plan));
    expect(again.ok).toBe(true);
    expect(again.details.join("\n")).not.toMatch(/không còn trong kế hoạch/);
  });
});

describe("Excel's limits are checked when a plan is loaded", () => {
  const file = (): { tasks: Record<string, unknown>[] } & Record<string, unknown> =>
    JSON.parse(JSON.stringify({ ...planData, indicators: indicatorRecords() }));

  test("a text over 32,767 characters is refused with where and what to do", () => {
    const json = file();
    json.tasks[4].text = "x".repeat(32_768);
    expect(() => parsePlan(json)).toThrow(PlanValidationError);
    expect(() => parsePlan(json)).toThrow(
      /tasks\[4\] \(2\.5\)\.text: dài 32\.768 ký tự, vượt giới hạn 32\.767/
    );
    json.tasks[4].text = "x".repeat(32_767);
    expect(parsePlan(json).tasks[4].text).toHaveLength(32_767);
  });

  test("a unit name that would make a formula over 8,192 characters is refused", () => {
    const json = file();
    json.tasks[4].leadText = `Phòng ${"Quản lý ".repeat(40)}`;
    expect(() => parsePlan(json)).toThrow(/Tên đơn vị “Phòng Quản lý.*tối đa 8\.192 ký tự/);
  });

  test("every formula of the hostile plan's workbook is within 8,192 characters", () => {
    const built = buildWorkbook(plan, { flavor: "addin", today: "2024-03-15" });
    const all = built.layout.sheets.flatMap((s) => [
      ...s.blocks.flatMap((b) => b.cells.flat()),
      ...(s.table?.rows.flatMap((r) => r.cells) ?? []),
    ]);
    for (const v of all) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(8_192);
  });
});
