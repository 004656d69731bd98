/**
 * `cchc snapshot FILE.xlsx --period KỲ [--date YYYY-MM-DD] [--plan P.json]`: "Chốt số liệu" without
 * the add-in. Computes the period's figures from FILE's typed values, appends them to the Lịch sử
 * sheet (tblLichSu) and writes FILE again with every typed value and every earlier snapshot kept
 * (the same rewrite as `cchc workbook --from FILE`, the plan kept in its KeHoach sheet), atomically.
 * docs/report.md. Registered by ./snapshot, which loads this module only when the command runs.
 */
import * as path from "path";
import { todayIso } from "../../domain/excelDate";
import { formatDmy } from "../../domain/isoDate";
import { withPeriodSnapshot } from "../../layouts/historySheet";
import { withPlanSheet } from "../../layouts/planSheet";
import { buildWorkbook } from "../../layouts/workbook";
import { renderWorkbookFile } from "../../render/xlsx/renderWorkbookFile";
import { UsageError } from "../args";
import { EXIT_OK, type CliIO } from "../io";
import { periodName } from "../reportText";
import { parseIsoOption, parseReportArgs, usageFailure, withReportSource } from "./reportRun";
import { writeOutputFile } from "../outputFile";

export const SNAPSHOT_USAGE = [
  "Cách dùng: cchc snapshot TỆP.xlsx --period KỲ [--date YYYY-MM-DD] [--plan KẾ_HOẠCH.json]",
  "",
  "Chốt số liệu kỳ báo cáo: thêm số liệu của kỳ (toàn cơ quan, từng đơn vị, từng chỉ tiêu) vào trang",
  "“Lịch sử” của TỆP và ghi lại TỆP, giữ nguyên mọi giá trị đã nhập và các lần chốt trước.",
  "  --period KỲ        q1, h1, q2, q3, q4, year (hoặc “Quý I”, “6 tháng”, “9 tháng”, “Năm”)",
  "  --date NGÀY        ngày chốt ghi vào Lịch sử (mặc định: hôm nay)",
  "  --plan TỆP.json    kế hoạch trong tệp JSON (mặc định: kế hoạch lưu trong TỆP.xlsx)",
  "",
  "Mã thoát: 0 thành công · 1 tệp không đọc được hoặc không ghi được · 2 sai tham số.",
].join("\n");

export interface SnapshotIO extends CliIO {
  /** Today's ISO date (tests); default: the machine's date. */
  today?: string;
}

export async function runSnapshot(argv: readonly string[], io: SnapshotIO): Promise<number> {
  let args: ReturnType<typeof parseReportArgs>;
  let takenOn: string;
  try {
    args = parseReportArgs(argv, { options: ["date"] });
    if (!args.help && (args.json || args.docx !== undefined))
      throw new UsageError("--json và --docx dùng với lệnh report, không dùng với snapshot.");
    const date = args.help ? undefined : args.extra.get("date");
    takenOn = date === undefined ? (io.today ?? todayIso()) : parseIsoOption(date, "Ngày chốt");
  } catch (err) {
    return usageFailure("snapshot", err, SNAPSHOT_USAGE, io);
  }
  if (args.help) {
    io.stdout(`${SNAPSHOT_USAGE}\n`);
    return EXIT_OK;
  }
  return withReportSource("snapshot", args, io, async (plan, source, cwd) => {
    const snap = withPeriodSnapshot(plan, source.userInput, args.period, takenOn);
    const { report, no } = snap;
    // asOf omitted: the NgayBaoCao the file holds stays as it is.
    const build = buildWorkbook(plan, {
      flavor: "file",
      userInput: snap.userInput,
      today: io.today,
    });
    const out = path.resolve(cwd, args.file);
    // The plan stays in the file (KeHoach): the next report, snapshot or --from reads it back.
    const data = await renderWorkbookFile(withPlanSheet(build.layout, build.plan));
    await writeOutputFile(out, data, { force: true });
    io.stderr(
      `Đã chốt số liệu lần ${no}, kỳ ${periodName(report)} ` +
        `(số liệu từ ${formatDmy(report.period.from)} đến ${formatDmy(report.period.to)}), ` +
        `ngày chốt ${formatDmy(takenOn)}: ` +
        `${snap.rows} dòng thêm vào trang “Lịch sử” của ${out}; ` +
        `${report.tasks.overdue} nhiệm vụ quá hạn tại ngày cuối kỳ.\n`
    );
  });
}
