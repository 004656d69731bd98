/**
 * `cchc report`, registered without loading its body (./reportRun): exceljs, the layouts, the report
 * figures and the `docx` library load only when this command runs, so `cchc plan` and `cchc due`
 * start without them (docs/BENCHMARKS.md, CLI start-up).
 */
import type { CliIO, Command } from "../io";

export async function runReport(argv: readonly string[], io: CliIO): Promise<number> {
  const body = await import("./reportRun");
  return body.runReport(argv, io);
}

export const reportCommand: Command = {
  name: "report",
  summary:
    "số liệu báo cáo CCHC định kỳ (Quý I, 6 tháng, 9 tháng, năm) từ sổ theo dõi; JSON, .docx",
  run: runReport,
};
