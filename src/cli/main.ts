/**
 * The `cchc` command line (bin/cchc.js → lib/cli/main.js after `npm run build`): a dispatcher over
 * subcommands, one module each in src/cli/commands/. Messages are Vietnamese-first; bad arguments
 * print the usage and exit 2; an unexpected error prints one line, never a stack trace.
 *
 * ADDING A SUBCOMMAND: write src/cli/commands/<name>.ts exporting a `run(argv, io)` that returns its
 * exit code (see ./io.ts), import it below and add ONE line to COMMANDS. That is the only
 * registration point; `cchc --help` lists the entries in this order.
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO, type Command } from "./io";
import { dueCommand } from "./commands/due";
import { importCommand } from "./commands/import";
import { planCommand } from "./commands/plan";
import { workbookCommand } from "./commands/workbook";
import { reportCommand } from "./commands/report";
import { snapshotCommand } from "./commands/snapshot";

const COMMANDS: readonly Command[] = [
  planCommand,
  dueCommand,
  workbookCommand,
  importCommand,
  reportCommand,
  snapshotCommand,
  // { name: "…", summary: "…", run: … },  ← one line per subcommand
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "cchc: công cụ dòng lệnh theo dõi kế hoạch cải cách hành chính (CCHC) của bất kỳ năm, đơn vị nào",
    "(kế hoạch có sẵn: năm 2024, Sở Khoa học và Công nghệ Hà Tĩnh; kế hoạch khác: cchc import)",
    "",
    "Cách dùng: cchc <lệnh> [tham số]   ·   cchc <lệnh> --help   ·   cchc --help",
    "",
    "Các lệnh:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Mã thoát: 0 thành công · 1 dữ liệu vào hỏng hoặc thao tác thất bại · 2 sai tham số.",
  ].join("\n");
}

function processIO(): CliIO {
  // `cchc plan --json | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") === 0) {
      stream.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE") process.exit(EXIT_OK);
        throw err;
      });
    }
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** Waits until what was written to a pipe is handed over, so process.exit() cannot cut the JSON. */
async function flush(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (s) => new Promise<void>((done) => s.write("", () => done()))
    )
  );
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const target = first === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (target) return target.run(["--help"], io);
    io.stdout(`${usage()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`cchc: lệnh không rõ “${first}”.\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** Runs `cchc` with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  const out = io ?? processIO();
  let code: number;
  try {
    code = await dispatch(Array.isArray(argv) ? argv.map(String) : [], out);
  } catch (err) {
    out.stderr(`cchc: lỗi không mong đợi: ${err instanceof Error ? err.message : String(err)}\n`);
    code = EXIT_FAILED;
  }
  if (!io) await flush();
  return code;
}
