/**
 * `cchc workbook`, registered without loading its body (./workbookRun): exceljs, the layouts and the
 * zod schema load only when this command runs, so `cchc plan` and `cchc due` start without them
 * (docs/BENCHMARKS.md, CLI start-up).
 */
import type { Command } from "../io";
import type { WorkbookIO } from "./workbookRun";

export type { WorkbookIO } from "./workbookRun";

export async function runWorkbook(argv: readonly string[], io: WorkbookIO): Promise<number> {
  const body = await import("./workbookRun");
  return body.runWorkbook(argv, io);
}

export const workbookCommand: Command = {
  name: "workbook",
  summary: "ghi sổ theo dõi thành tệp .xlsx (Excel 2016/2019 không add-in, LibreOffice)",
  run: runWorkbook,
};
