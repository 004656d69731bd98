/**
 * `cchc due "Quý II/2025" "Thường xuyên" [--year 2024]`: reads deadline texts with the plan's parser
 * and prints one JSON object per line: { "text", "due", "recurring", "error"? } (--verbose adds
 * "kind", "firstMilestone", "understood"). Exit 1 when a text could not be read (its line is still
 * printed, with "error"), 2 on bad arguments.
 */
import { parseDeadline } from "../../domain/deadline";
import { parseArgs, UsageError } from "../args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO, type Command } from "../io";
import { BUILTIN_PLAN_YEAR } from "../../plan/builtinYear";

const DUE_USAGE = [
  'Cách dùng: cchc due "THỜI HẠN" ["THỜI HẠN" …] [--year NĂM] [--verbose]',
  "",
  "Đọc thời hạn ghi bằng chữ (như cột “Thời gian hoàn thành”) thành ngày hạn, mỗi thời hạn một dòng JSON:",
  '  {"text": "Quý I/2024", "due": "2024-03-31", "recurring": false}',
  "  --year NĂM   năm dùng khi thời hạn không ghi năm (mặc định: năm của kế hoạch, 2024)",
  "  --verbose    thêm kind, firstMilestone và understood (điều đã hiểu, tiếng Việt)",
  "Cách đọc từng kiểu thời hạn: docs/deadlines.md.",
  "",
  'Mã thoát: 0 đọc được tất cả · 1 có thời hạn không đọc được (dòng đó có "error") · 2 sai tham số.',
].join("\n");

function readYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim()))
    throw new UsageError(`Năm không hợp lệ: “${value}” (cần 4 chữ số, ví dụ 2024).`);
  const year = Number(value.trim());
  if (year < 1900) throw new UsageError(`Năm không hợp lệ: ${year} (từ 1900 trở đi).`);
  return year;
}

async function runDue(argv: readonly string[], io: CliIO): Promise<number> {
  let args;
  let year: number | undefined;
  try {
    args = parseArgs(argv, {
      flags: ["verbose", "help"],
      options: ["year"],
      short: { h: "help", v: "verbose" },
    });
    if (!args.flags.has("help") && args.positionals.length === 0)
      throw new UsageError("Thiếu thời hạn cần đọc.");
    const y = args.options.get("year");
    if (y !== undefined) year = readYear(y);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`cchc due: ${err.message}\n\n${DUE_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.flags.has("help")) {
    io.stdout(`${DUE_USAGE}\n`);
    return EXIT_OK;
  }
  if (year === undefined) year = BUILTIN_PLAN_YEAR;
  const verbose = args.flags.has("verbose");
  let unreadable = 0;
  const lines = args.positionals.map((text) => {
    const d = parseDeadline(text, { year });
    if (d.kind === "unknown") unreadable++;
    const out: Record<string, unknown> = { text: d.text, due: d.due, recurring: d.recurring };
    if (verbose)
      Object.assign(out, {
        kind: d.kind,
        firstMilestone: d.firstMilestone,
        understood: d.understood,
      });
    if (d.error !== undefined) out.error = d.error;
    return JSON.stringify(out);
  });
  io.stdout(`${lines.join("\n")}\n`);
  return unreadable > 0 ? EXIT_FAILED : EXIT_OK;
}

export const dueCommand: Command = {
  name: "due",
  summary: "đọc thời hạn bằng chữ (“Quý II/2025”, “Thường xuyên”) thành ngày hạn, dạng JSON",
  run: runDue,
};
