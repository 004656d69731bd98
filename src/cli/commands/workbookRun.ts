/**
 * `cchc workbook` (registered by ./workbook, which loads this module only when the command runs):
 * writes the tracking workbook as an .xlsx file (exceljs), for Excel without add-ins
 * (perpetual Office 2016/2019) and LibreOffice. Same layouts as the add-in, flavor "file" (plain
 * formulas). docs/workbook-file.md.
 *
 * Safety: nothing is written until everything succeeded; then src/cli/outputFile.ts creates the file
 * exclusively (or, with --force, replaces it keeping its mode and links), so bad input, a full disk or
 * a concurrent run never leaves a half-written or clobbered file.
 */
import { promises as fs, type Stats } from "fs";
import * as path from "path";
import { buildWorkbook } from "../../layouts/workbook";
import { taskInputsOf } from "../../layouts/tasksSheet";
import { workbookTargets } from "../../layouts/targets";
import { leadUnits, planRollup } from "../../domain/unitRollup";
import { isoToSerial } from "../../domain/excelDate";
import { formatDmy, isIsoDate } from "../../domain/isoDate";
import type { UserInput } from "../../layouts/userInput";
import { renderWorkbookFile } from "../../render/xlsx/renderWorkbookFile";
import { readUserInputFromFile, WorkbookFileError } from "../../render/xlsx/readUserInput";
import { readStoredPlan } from "../../render/xlsx/readStoredPlan";
import { withPlanSheet } from "../../layouts/planSheet";
import { carryInputToRevisedPlan } from "../../layouts/planRevision";
import { parseArgs, UsageError } from "../args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO } from "../io";
import { PlanFileError } from "../planFile";
import { choosePlan } from "../choosePlan";
import { OutputFileError, writeOutputFile, describeWriteError } from "../outputFile";
import { InputError, readInputFile } from "../inputFile";

export interface WorkbookIO extends CliIO {
  /** Today's ISO date for cached results of =TODAY() (tests); default: the machine's date. */
  today?: string;
}

const WORKBOOK_USAGE = [
  "Cách dùng: cchc workbook [--out TỆP] [--as-of YYYY-MM-DD] [--from TỆP_CŨ.xlsx] [--plan KẾ_HOẠCH.json] [--force]",
  "",
  "Ghi sổ theo dõi CCHC thành tệp .xlsx (dùng được trong Excel 2016/2019 không có add-in và LibreOffice).",
  "  --out TỆP          tệp kết quả (mặc định: CCHC-<năm kế hoạch>.xlsx, tức CCHC-2024.xlsx)",
  "  --as-of NGÀY       cố định ngày báo cáo NgayBaoCao (mặc định: công thức =TODAY(),",
  "                     hoặc ngày cố định đã đặt trong tệp --from)",
  "  --from TỆP_CŨ      mang sang mọi giá trị đã nhập trong tệp cũ (trạng thái, ngày hoàn thành,",
  "                     tiến độ, minh chứng, ghi chú, số liệu tháng), khớp theo nhiệm vụ và chỉ tiêu",
  "  --plan TỆP.json    dùng kế hoạch trong tệp JSON (định dạng: docs/plan-format.md)",
  "  --force            ghi đè tệp kết quả nếu đã có",
  "",
  "Mã thoát: 0 thành công · 1 dữ liệu vào hỏng hoặc không ghi được · 2 sai tham số.",
].join("\n");

interface WorkbookArgs {
  out?: string;
  asOf?: string;
  from?: string;
  plan?: string;
  force: boolean;
  help: boolean;
}

function parseWorkbookArgs(argv: readonly string[]): WorkbookArgs {
  const a = parseArgs(argv, {
    flags: ["force", "help"],
    options: ["out", "as-of", "from", "plan"],
    short: { h: "help", f: "force", o: "out" },
  });
  if (a.positionals.length > 0)
    throw new UsageError(`Tham số không hợp lệ: “${a.positionals[0]}”.`);
  const args: WorkbookArgs = {
    out: a.options.get("out"),
    asOf: a.options.get("as-of"),
    from: a.options.get("from"),
    plan: a.options.get("plan"),
    force: a.flags.has("force"),
    help: a.flags.has("help"),
  };
  if (
    args.asOf !== undefined &&
    !(
      /^\d{4}-\d{2}-\d{2}$/.test(args.asOf) &&
      isIsoDate(args.asOf) &&
      isoToSerial(args.asOf) !== null
    )
  ) {
    throw new UsageError(
      `Ngày báo cáo không hợp lệ: “${args.asOf}” (cần dạng YYYY-MM-DD, ví dụ 2024-06-30).`
    );
  }
  return args;
}

async function statOf(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

export async function runWorkbook(argv: readonly string[], io: WorkbookIO): Promise<number> {
  let args: WorkbookArgs;
  try {
    args = parseWorkbookArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`cchc workbook: ${err.message}\n\n${WORKBOOK_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout(`${WORKBOOK_USAGE}\n`);
    return EXIT_OK;
  }
  const cwd = io.cwd ?? process.cwd();
  const progress = (text: string): void => io.stderr(`${text}\n`);

  try {
    const fromFile = args.from === undefined ? undefined : path.resolve(cwd, args.from);
    const fromData = fromFile ? await readInputFile(fromFile, "tệp nguồn") : undefined;
    const stored = fromData ? await readStoredPlan(fromData, path.basename(fromFile ?? "")) : null;
    const plan = await choosePlan(args.plan, stored, fromData !== undefined, cwd, progress);
    const out = path.resolve(cwd, args.out ?? `CCHC-${plan.year}.xlsx`);
    const existing = await statOf(out);
    if (existing?.isDirectory()) throw new InputError(describeWriteError(out, { code: "EISDIR" }));
    if (!args.force && existing) {
      throw new InputError(
        `Tệp “${out}” đã có. Dùng --force để ghi đè, hoặc chọn tên khác bằng --out. ` +
          `Để tạo bản mới mà giữ số liệu đã nhập: --from “${path.basename(out)}” --out <tệp mới>.`
      );
    }
    if (!out.toLowerCase().endsWith(".xlsx")) {
      progress(
        `Lưu ý: tệp kết quả “${path.basename(out)}” không có đuôi .xlsx; Excel có thể không mở trực tiếp.`
      );
    }

    let userInput: UserInput | undefined;
    if (fromFile !== undefined && fromData !== undefined) {
      progress(`Đang đọc dữ liệu đã nhập trong ${args.from}…`);
      // The tables of the layout being written decide which columns are input columns.
      const bare = buildWorkbook(plan, {
        flavor: "file",
        asOf: args.asOf ?? null,
        today: io.today,
      }).layout;
      const read = await readUserInputFromFile(fromData, bare, path.basename(fromFile));
      for (const f of read.found) {
        progress(
          `  bảng ${f.table} (trang “${f.sheet}”${f.via === "header" ? ", tìm theo dòng tiêu đề" : ""}): ${f.bodyRows} dòng`
        );
      }
      for (const note of read.notes) progress(`  ${note}`);
      userInput = read.userInput;
      if (stored && args.plan !== undefined) {
        // A revised plan: typed values follow tasks and targets matched by identity, then by text.
        const revision = carryInputToRevisedPlan(userInput, stored, plan);
        for (const line of revision.moved) progress(`  ${line}`);
        userInput = revision.userInput;
      }
    }

    const sheetNames = workbookTargets(plan.year).sheets.map((t) => t.name);
    progress(`Đang dựng các trang ${sheetNames.join(", ")}…`);
    let build;
    try {
      build = buildWorkbook(plan, {
        flavor: "file",
        asOf: args.asOf,
        userInput,
        today: io.today,
        // The typed definitions are compared with the plan the file was built from.
        editBase: args.plan === undefined ? undefined : stored,
      });
    } catch (err) {
      if (err instanceof RangeError) throw new InputError(err.message);
      throw err;
    }
    for (const note of build.notes) progress(`  ${note}`);
    if (build.orphans.length > 0) {
      progress(
        `  Giữ lại ${build.orphans.length} dòng dữ liệu không còn khớp kế hoạch (cuối bảng): ` +
          build.orphans.map((o) => `${o.table}:${o.key}`).join(", ")
      );
    }

    progress(`Đang ghi ${out}…`);
    // The plan travels inside the workbook: --from and the add-in read it back (layouts/planSheet.ts).
    const data = await renderWorkbookFile(withPlanSheet(build.layout, build.plan));
    await writeOutputFile(out, data, { force: args.force });

    const { asOf, soonDays } = build.settings;
    const overdue = planRollup(plan, taskInputsOf(userInput), asOf, soonDays).overdue;
    io.stderr(
      `Đã ghi ${out}: ${plan.tasks.length} nhiệm vụ, ${build.plan.indicators.length} chỉ tiêu, ` +
        `${leadUnits(plan).length} đơn vị chủ trì, ${overdue} nhiệm vụ quá hạn tính đến ${formatDmy(asOf)}` +
        `${args.asOf === undefined && typeof build.settings.asOfCell === "string" ? " (hôm nay)" : ""}.\n`
    );
    return EXIT_OK;
  } catch (err) {
    if (
      err instanceof InputError ||
      err instanceof OutputFileError ||
      err instanceof WorkbookFileError ||
      err instanceof PlanFileError
    ) {
      io.stderr(`cchc workbook: ${err.message}\nKhông ghi tệp nào.\n`);
      return EXIT_FAILED;
    }
    throw err;
  }
}
