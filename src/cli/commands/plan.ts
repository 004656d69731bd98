/**
 * `cchc plan`: the plan as data. `--json` prints it whole (format: docs/plan-format.md), `--check`
 * validates it and lists the document's anomalies (exit 1 when the plan file does not validate),
 * no flag prints a short summary. `--plan FILE.json` works on a plan file instead of the built-in one.
 */
import { parseArgs, UsageError } from "../args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIO, type Command } from "../io";
import type { Anomaly, Plan } from "../../plan/types";

const PLAN_USAGE = [
  "Cách dùng: cchc plan [--json | --check] [--plan TỆP.json]",
  "",
  "Kế hoạch CCHC dưới dạng dữ liệu (mặc định: kế hoạch năm 2024 có sẵn).",
  "  (không tham số)   tóm tắt: số nhiệm vụ theo phần, chỉ tiêu, đơn vị, bất thường",
  "  --json            in toàn bộ kế hoạch dạng JSON (định dạng: docs/plan-format.md)",
  "  --check           kiểm tra dữ liệu và liệt kê các bất thường của văn bản",
  "  --plan TỆP.json   dùng kế hoạch trong tệp JSON thay cho kế hoạch có sẵn",
  "",
  "Mã thoát: 0 hợp lệ · 1 tệp kế hoạch hỏng hoặc không đúng định dạng · 2 sai tham số.",
].join("\n");

const KIND_LABELS: Record<Anomaly["kind"], string> = {
  "duplicate-code": "trùng mã nhiệm vụ",
  "missing-code": "thiếu mã nhiệm vụ",
  "duplicate-objective": "trùng số mục tiêu",
  "duplicate-row-number": "trùng số TT",
  "objective-without-task": "mục tiêu không có nhiệm vụ",
  "target-conflict": "chỉ tiêu mâu thuẫn",
  typo: "lỗi chính tả",
  other: "khác",
};

function counts(plan: Plan): string {
  return `${plan.tasks.length} nhiệm vụ, ${plan.indicators.length} chỉ tiêu, ${plan.units.length} đơn vị`;
}

function anomalyLines(plan: Plan): string[] {
  return plan.anomalies.map(
    (a) =>
      `  - [${KIND_LABELS[a.kind] ?? a.kind}] ${a.message}${a.refs.length ? ` (${a.refs.join(", ")})` : ""}`
  );
}

function summary(plan: Plan): string {
  const lines = [
    `${plan.title || "Kế hoạch"} (năm ${plan.year})`,
    `${counts(plan)}, ${plan.anomalies.length} bất thường.`,
  ];
  for (const s of plan.sections) {
    const tasks = plan.tasks.filter((t) => t.section === s.id);
    const recurring = tasks.filter((t) => t.deadline.recurring).length;
    lines.push(
      `  Phần ${s.id.padEnd(3)} ${s.title}: ${tasks.length} nhiệm vụ (${recurring} thường xuyên)`
    );
  }
  lines.push("Xem toàn bộ: cchc plan --json · kiểm tra và xem bất thường: cchc plan --check");
  return lines.join("\n");
}

async function runPlan(argv: readonly string[], io: CliIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, {
      flags: ["json", "check", "help"],
      options: ["plan"],
      short: { h: "help" },
    });
    if (args.positionals.length > 0)
      throw new UsageError(`Tham số thừa: ${args.positionals.join(" ")}`);
    if (args.flags.has("json") && args.flags.has("check"))
      throw new UsageError("Chỉ dùng một trong --json hoặc --check.");
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`cchc plan: ${err.message}\n\n${PLAN_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.flags.has("help")) {
    io.stdout(`${PLAN_USAGE}\n`);
    return EXIT_OK;
  }
  // The plan data loads here, not when the CLI starts; zod only for a --plan file.
  const { loadPlan, PlanFileError } = await import("../planFile");
  let plan: Plan;
  try {
    plan = await loadPlan(args.options.get("plan"), io.cwd);
  } catch (err) {
    if (!(err instanceof PlanFileError)) throw err;
    io.stderr(`cchc plan: ${err.message}\n`);
    return EXIT_FAILED;
  }
  if (args.flags.has("json")) {
    io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
  } else if (args.flags.has("check")) {
    io.stdout(
      [
        `Kế hoạch hợp lệ: ${counts(plan)}.`,
        `Bất thường của văn bản (${plan.anomalies.length}):`,
        ...anomalyLines(plan),
      ].join("\n") + "\n"
    );
  } else {
    io.stdout(`${summary(plan)}\n`);
  }
  return EXIT_OK;
}

export const planCommand: Command = {
  name: "plan",
  summary: "kế hoạch dưới dạng dữ liệu: --json (toàn bộ), --check (kiểm tra, bất thường)",
  run: runPlan,
};
