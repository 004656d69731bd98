/**
 * Driving LibreOffice Calc (headless) from tests: a profile of our own that recalculates Excel 2007+
 * files on load, conversions, layouts whose cached results are poisoned (so a value read back was
 * computed by LibreOffice, not copied), and reading what it computed. docs/workbook-file.md.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Scalar, SheetLayout, WorkbookLayout } from "../../src/layouts/model";

export const POISON_NUMBER = 987654;
export const POISON_TEXT = "SAI-CACHE";

export function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The same layout with every cached formula result replaced by a wrong value. */
export function poisoned(layout: WorkbookLayout): WorkbookLayout {
  const bad = (cell: Scalar, result: Scalar | undefined): Scalar | undefined =>
    typeof cell === "string" && cell.startsWith("=")
      ? typeof result === "number"
        ? POISON_NUMBER
        : POISON_TEXT
      : result;
  const sheets = layout.sheets.map((s): SheetLayout => ({
    ...s,
    blocks: s.blocks.map((b) => ({
      ...b,
      results: b.cells.map((row, i) => row.map((c, j) => bad(c, b.results?.[i]?.[j]) ?? null)),
    })),
    table: s.table && {
      ...s.table,
      rows: s.table.rows.map((r) => ({
        ...r,
        results: r.cells.map((c, j) => bad(c, r.results?.[j]) ?? null),
      })),
    },
  }));
  return { sheets };
}

/** A LibreOffice profile of our own, set to recalculate Excel 2007+ files on load. */
export function makeProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  return `file://${dir}`;
}

export function soffice(bin: string, profile: string, args: string[]): void {
  execFileSync(bin, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", ...args], {
    stdio: "pipe",
    timeout: 120_000,
  });
}

/** Cell value as LibreOffice computed it (a formula cell's result; dates as serials). */
export function computed(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row, col);
  // cell.result, not value.result: exceljs leaves a zero result out of `value`.
  const raw: unknown = cell.formula ? cell.result : cell.value;
  if (raw instanceof Date) return raw.getTime() / 86_400_000 + 25569;
  if (raw !== null && typeof raw === "object" && "error" in (raw as object))
    return (raw as { error: string }).error;
  return raw === undefined || raw === null ? "" : raw;
}
