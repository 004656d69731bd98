import ExcelJS from "exceljs";
import { buildWorkbook } from "../src/layouts/workbook";
import { buildExcelWorkbook, renderWorkbookFile } from "../src/render/xlsx/renderWorkbookFile";
import { getPlan } from "../src/plan";
import { syntheticPlan } from "../test/support/officeHarness";
import { timeMsAsync } from "./timing";

/**
 * .xlsx export (layout + exceljs render to a buffer) at N× the plan's size, against a peer: a script
 * that writes the same cells (values, formulas) and styles, column widths and merges with exceljs
 * directly, taken from what the export produced (untimed), then writes the buffer.
 */
export interface ExportFigures {
  scale: number;
  tasks: number;
  ms: number;
  peerMs: number;
  bytes: number;
}

interface SheetCells {
  name: string;
  widths: (number | undefined)[];
  merges: string[];
  cells: { address: string; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[];
}

function snapshot(wb: ExcelJS.Workbook): SheetCells[] {
  return wb.worksheets.map((ws) => {
    const cells: SheetCells["cells"] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) =>
        cells.push({ address: cell.address, value: cell.value, style: cell.style })
      )
    );
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
    return { name: ws.name, widths: (ws.columns ?? []).map((c) => c.width), merges, cells };
  });
}

async function writePeer(sheets: SheetCells[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.widths.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = w;
    });
    for (const c of s.cells) {
      const cell = ws.getCell(c.address);
      cell.value = c.value;
      cell.style = c.style;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  return (await wb.xlsx.writeBuffer()).byteLength;
}

export async function measureExport(scales: number[]): Promise<ExportFigures[]> {
  const out: ExportFigures[] = [];
  for (const scale of scales) {
    const plan = syntheticPlan(getPlan(), scale);
    const layoutOf = () =>
      buildWorkbook(plan, { flavor: "file", asOf: "2024-06-30", today: "2024-06-30" }).layout;
    let bytes = 0;
    const runs = scale >= 100 ? 3 : 5;
    const ms = await timeMsAsync(async () => {
      bytes = (await renderWorkbookFile(layoutOf())).length;
    }, runs);
    const cells = snapshot(await buildExcelWorkbook(layoutOf()));
    const peerMs = await timeMsAsync(() => writePeer(cells), runs);
    out.push({ scale, tasks: plan.tasks.length, ms, peerMs, bytes });
  }
  return out;
}
