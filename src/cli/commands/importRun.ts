/**
 * `cchc import FILE [--year YYYY] [--out PLAN.json]`: reads a plan document (.docx, .xlsx with a
 * pasted appendix table, or .txt as copied from Word / OCR'd) into the plan format of
 * docs/plan-format.md. The plan goes to --out (or stdout); the summary and the to-check list go to
 * stderr. Exit 0 a plan was read · 1 no recognisable appendix (nothing written) · 2 bad arguments.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readDocxPlan } from "../../import/docx";
import { importPlan, type ImportResult } from "../../import/importPlan";
import { ImportError, type SourceDocument } from "../../import/model";
import { readTextPlan } from "../../import/text";
import { parseArgs, UsageError } from "../args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO } from "../io";
import { readXlsxPlan } from "../readers/xlsxPlan";

const IMPORT_USAGE = [
  "Cách dùng: cchc import TỆP [--year NĂM] [--out KẾ_HOẠCH.json] [--force]",
  "",
  "Đọc kế hoạch CCHC từ văn bản và ghi ra dạng dữ liệu (docs/plan-format.md) để theo dõi:",
  "  TỆP               .docx (văn bản Word có bảng phụ lục), .xlsx (bảng phụ lục dán vào Excel)",
  "                    hoặc .txt (chép từ Word/PDF, các cột cách nhau bằng Tab)",
  "  --year NĂM        năm của kế hoạch (mặc định: năm ghi trong tiêu đề, “… năm 2025”)",
  "  --out TỆP.json    ghi kế hoạch vào tệp (mặc định: in ra màn hình)",
  "  --force           ghi đè tệp --out nếu đã có",
  "",
  "Tóm tắt và danh sách cần kiểm tra in ra stderr. Sau đó: cchc workbook --plan KẾ_HOẠCH.json",
  "Mã thoát: 0 đã đọc được kế hoạch · 1 tệp không có bảng phụ lục đọc được (không ghi gì) · 2 sai tham số.",
].join("\n");

const READERS: Record<string, (bytes: Uint8Array) => Promise<SourceDocument>> = {
  ".docx": readDocxPlan,
  ".xlsx": readXlsxPlan,
  ".txt": async (bytes) => readTextPlan(new TextDecoder("utf-8").decode(bytes)),
};

interface ImportArgs {
  file: string;
  year?: number;
  out?: string;
  force: boolean;
}

function parseImportArgs(argv: readonly string[]): ImportArgs | "help" {
  const a = parseArgs(argv, {
    flags: ["help", "force"],
    options: ["year", "out"],
    short: { h: "help", o: "out", f: "force" },
  });
  if (a.flags.has("help")) return "help";
  if (a.positionals.length === 0) throw new UsageError("Thiếu tệp kế hoạch cần nhập.");
  if (a.positionals.length > 1)
    throw new UsageError(`Tham số thừa: ${a.positionals.slice(1).join(" ")}`);
  const file = a.positionals[0];
  const ext = path.extname(file).toLowerCase();
  if (!(ext in READERS)) {
    throw new UsageError(`Không nhập được tệp “${ext || file}”: chỉ nhận .docx, .xlsx hoặc .txt.`);
  }
  const yearText = a.options.get("year");
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900) {
      throw new UsageError(`--year cần năm 4 chữ số (ví dụ 2025), nhận được “${yearText}”.`);
    }
    year = Number(yearText);
  }
  return { file, year, out: a.options.get("out"), force: a.flags.has("force") };
}

async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(path.resolve(cwd, file)));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "không tồn tại" : code === "EISDIR" ? "là thư mục" : "không đọc được";
    throw new ImportError(`Tệp “${file}” ${why}.`);
  }
}

function report(result: ImportResult): string {
  const lines = [result.summary];
  lines.push(
    result.checks.length
      ? `Cần kiểm tra (${result.checks.length}):`
      : "Không có điểm nào cần kiểm tra thêm."
  );
  result.checks.forEach((c, i) => lines.push(`  ${i + 1}. ${c}`));
  return `${lines.join("\n")}\n`;
}

export async function runImport(argv: readonly string[], io: CliIO): Promise<number> {
  let args: ImportArgs | "help";
  try {
    args = parseImportArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`cchc import: ${err.message}\n\n${IMPORT_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args === "help") {
    io.stdout(`${IMPORT_USAGE}\n`);
    return EXIT_OK;
  }
  const cwd = io.cwd ?? process.cwd();
  try {
    const bytes = await readInput(args.file, cwd);
    const doc = await READERS[path.extname(args.file).toLowerCase()](bytes);
    const result = importPlan(doc, { year: args.year });
    const json = `${JSON.stringify(result.plan, null, 2)}\n`;
    if (args.out === undefined) io.stdout(json);
    else {
      const out = path.resolve(cwd, args.out);
      await fs
        .writeFile(out, json, { flag: args.force ? "w" : "wx" })
        .catch((err: NodeJS.ErrnoException) => {
          throw new ImportError(
            err.code === "EEXIST"
              ? `Tệp “${args.out}” đã có: thêm --force để ghi đè.`
              : `Không ghi được “${args.out}”: ${err.message}.`
          );
        });
    }
    io.stderr(report(result));
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    io.stderr(`cchc import: ${err.message}\n`);
    return EXIT_FAILED;
  }
}
