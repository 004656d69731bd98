import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * CLI start-up: `cchc plan --json` and `cchc due "Quý II/2025"` (lib/ from `npm run build`) against
 * the node floor, node printing the same output from a file. Paired rounds (each round runs the three
 * in turn), wall-clock medians; the ratios are medians of each round's ratio (bench/timing.ts).
 */
import { median, pairedRatio, type PairedRatio } from "./timing";

export interface CliFigures {
  rounds: number;
  planMs: number;
  dueMs: number;
  floorMs: number;
  planRatio: PairedRatio;
  dueRatio: PairedRatio;
}

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "cchc.js");

function wallMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status} ${String(r.stderr)}`);
  return ms;
}

export function measureCli(rounds = 15): CliFigures {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
    throw new Error("lib/ missing: run `npm run build` first");
  const json = spawnSync(process.execPath, [BIN, "plan", "--json"], { cwd: ROOT }).stdout;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-cli-"));
  const file = path.join(dir, "plan.json");
  fs.writeFileSync(file, json);
  const floorScript = `process.stdout.write(require("fs").readFileSync(${JSON.stringify(file)}))`;
  const plan: number[] = [];
  const due: number[] = [];
  const floor: number[] = [];
  try {
    wallMs([BIN, "plan", "--json"]); // warm-up: the OS file cache
    for (let i = 0; i < rounds; i++) {
      plan.push(wallMs([BIN, "plan", "--json"]));
      due.push(wallMs([BIN, "due", "Quý II/2025"]));
      floor.push(wallMs(["-e", floorScript]));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    rounds,
    planMs: median(plan),
    dueMs: median(due),
    floorMs: median(floor),
    planRatio: pairedRatio(plan, floor),
    dueRatio: pairedRatio(due, floor),
  };
}
