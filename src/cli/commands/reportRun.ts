/**
 * `cchc report FILE.xlsx --period q1|h1|q2|q3|q4|year [--json] [--docx OUT.docx] [--plan P.json]`:
 * the periodic CCHC report's figures computed by the domain code from the values typed in FILE (no
 * spreadsheet engine), as text, JSON or a Word draft of the data appendix. docs/report.md.
 * Registered by ./report, which loads this module only when the command runs.
 */
import * as path from "path";
import { computeReport, reportJson } from "../../domain/reportFigures";
import { parsePeriodId, unknownPeriodMessage, type PeriodId } from "../../domain/reportPeriods";
import type { Plan } from "../../plan/types";
import { isoToSerial } from "../../domain/excelDate";
import { isIsoDate } from "../../domain/isoDate";
import { WorkbookFileError } from "../../render/xlsx/readUserInput";
import { parseArgs, UsageError } from "../args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO } from "../io";
import { PlanFileError } from "../planFile";
import { reportDocx } from "../reportDocx";
import { readReportSource, type ReportSource } from "../reportSource";
import { reportText } from "../reportText";
import { OutputFileError, writeOutputFile } from "../outputFile";
import { InputError } from "../inputFile";

export const REPORT_USAGE = [
  "Cách dùng: cchc report TỆP.xlsx --period KỲ [--json] [--docx TỆP.docx] [--plan KẾ_HOẠCH.json]",
  "",
  "Lập số liệu báo cáo CCHC định kỳ từ các giá trị đã nhập trong sổ theo dõi (không cần Excel).",
  "  --period KỲ        q1 (Quý I), h1 (6 tháng), q2 (Quý II), q3 (9 tháng / Quý III), q4 (Quý IV),",
  '                     year (Năm); cũng nhận tên tiếng Việt, ví dụ --period "6 tháng".',
  "                     Kỳ số liệu theo NĐ 09/2019/NĐ-CP: từ ngày 15 tháng trước kỳ đến ngày 14",
  "                     tháng cuối kỳ (Quý I năm 2024: 15/12/2023–14/03/2024).",
  "  --json             in số liệu dạng JSON (ngày dạng YYYY-MM-DD)",
  "  --docx TỆP.docx    ghi bản nháp phụ lục số liệu dạng Word (A4 ngang, Times New Roman)",
  "  --plan TỆP.json    kế hoạch trong tệp JSON (mặc định: kế hoạch lưu trong TỆP.xlsx)",
  "",
  "Mã thoát: 0 thành công · 1 tệp không đọc được hoặc không ghi được · 2 sai tham số.",
].join("\n");

export interface ReportArgs {
  file: string;
  /** Values of the extra options a command asked for. */
  extra: Map<string, string>;
  period: PeriodId;
  json: boolean;
  docx?: string;
  plan?: string;
}

/** FILE and --period, shared with `cchc snapshot`; UsageError (exit 2) on anything wrong. */
export function parseReportArgs(
  argv: readonly string[],
  extra: { flags?: string[]; options?: string[] } = {}
): (ReportArgs & { help: false }) | { help: true } {
  const a = parseArgs(argv, {
    flags: ["json", "help", ...(extra.flags ?? [])],
    options: ["period", "docx", "plan", ...(extra.options ?? [])],
    short: { h: "help" },
  });
  if (a.flags.has("help")) return { help: true };
  if (a.positionals.length === 0) throw new UsageError("Thiếu tệp sổ theo dõi (.xlsx).");
  if (a.positionals.length > 1)
    throw new UsageError(`Chỉ nhận một tệp, thừa “${a.positionals[1]}”.`);
  const periodText = a.options.get("period");
  if (periodText === undefined) throw new UsageError("Thiếu --period (kỳ báo cáo).");
  const period = parsePeriodId(periodText);
  if (period === null) throw new UsageError(unknownPeriodMessage(periodText));
  return {
    help: false,
    file: a.positionals[0],
    period,
    json: a.flags.has("json"),
    docx: a.options.get("docx"),
    plan: a.options.get("plan"),
    extra: new Map(
      (extra.options ?? []).flatMap((o) => {
        const v = a.options.get(o);
        return v === undefined ? [] : [[o, v] as [string, string]];
      })
    ),
  };
}

/** A YYYY-MM-DD option Excel can hold as a date; UsageError otherwise. */
export function parseIsoOption(value: string, label: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value) && isoToSerial(value) !== null)
    return value;
  throw new UsageError(
    `${label} không hợp lệ: “${value}” (cần dạng YYYY-MM-DD, ví dụ 2024-06-30).`
  );
}

/**
 * The issuing agency named in the plan's title, for "… của <agency>" on the draft:
 * "Kế hoạch Cải cách hành chính Sở Khoa học và Công nghệ năm 2024" → "Sở Khoa học và Công nghệ",
 * "… hành chính huyện Cẩm Xuyên năm 2025" → "UBND huyện Cẩm Xuyên" (a district's plan is issued by
 * its People's Committee); a title naming none → a blank the coordinator fills in.
 */
export function agencyOf(plan: Plan): string {
  const m = /hành chính\s+(?:của\s+)?(.+?)\s+năm\s+\d{4}/iu.exec(plan.title.normalize("NFC"));
  const named = m?.[1].trim() ?? "";
  if (/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s/iu.test(named))
    return `UBND ${named}`;
  if (/^(sở|ubnd|ủy ban|uỷ ban|bộ|ban|cục|văn phòng|thanh tra)\s/iu.test(named)) return named;
  return "……………";
}

/** Exit 1 with the message for failures of the files; anything else is a bug and propagates. */
export function failure(name: string, err: unknown, io: CliIO): number {
  if (
    err instanceof InputError ||
    err instanceof OutputFileError ||
    err instanceof WorkbookFileError ||
    err instanceof PlanFileError
  ) {
    io.stderr(`cchc ${name}: ${err.message}\n`);
    return EXIT_FAILED;
  }
  throw err;
}

/** Usage errors print the message and the usage; exit 2. */
export function usageFailure(name: string, err: unknown, usage: string, io: CliIO): number {
  if (!(err instanceof UsageError)) throw err;
  io.stderr(`cchc ${name}: ${err.message}\n\n${usage}\n`);
  return EXIT_USAGE;
}

export async function runReport(argv: readonly string[], io: CliIO): Promise<number> {
  let args: ReturnType<typeof parseReportArgs>;
  try {
    args = parseReportArgs(argv);
  } catch (err) {
    return usageFailure("report", err, REPORT_USAGE, io);
  }
  if (args.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return EXIT_OK;
  }
  return withReportSource("report", args, io, async (plan, source, cwd) => {
    const report = computeReport(plan, args.period, source.inputs);
    if (args.json) io.stdout(`${JSON.stringify(reportJson(report), null, 2)}\n`);
    else io.stdout(reportText(report, plan.title));
    if (args.docx !== undefined) {
      const out = path.resolve(cwd, args.docx);
      // A draft is regenerated at will: an existing one is replaced (atomically).
      await writeOutputFile(out, await reportDocx(report, agencyOf(plan)), { force: true });
      io.stderr(`Đã ghi bản nháp phụ lục số liệu: ${out}\n`);
    }
  });
}

/**
 * Loads FILE's plan and typed values, tells what is worth knowing about them, runs `body`; exit 0, or 1
 * with the message when a file cannot be used.
 */
export async function withReportSource(
  name: string,
  args: ReportArgs,
  io: CliIO,
  body: (plan: Plan, source: ReportSource, cwd: string) => Promise<void>
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  try {
    const source = await readReportSource(args.file, args.plan, cwd, (t) => io.stderr(`${t}\n`));
    await body(source.plan, source, cwd);
    return EXIT_OK;
  } catch (err) {
    return failure(name, err, io);
  }
}
