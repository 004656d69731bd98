/**
 * `cchc import`, registered without loading its body (./importRun): the readers (jszip, exceljs) and
 * the importer load only when this command runs, so `cchc plan` and `cchc due` start without them
 * (docs/BENCHMARKS.md, CLI start-up; test/unit/cliStartup.test.ts).
 */
import type { CliIO, Command } from "../io";

async function runImport(argv: readonly string[], io: CliIO): Promise<number> {
  const body = await import("./importRun");
  return body.runImport(argv, io);
}

export const importCommand: Command = {
  name: "import",
  summary: "đọc kế hoạch từ văn bản (.docx, .xlsx, .txt) thành dữ liệu để theo dõi",
  run: runImport,
};
