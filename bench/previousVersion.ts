import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { median, pairedRatio, type PairedRatio } from "./timing";

/**
 * Create and update against the add-in as it was at an earlier commit, in the same run: the earlier
 * `src/` (from `git archive`) and today's `src/` each drive today's fake Excel (test/support), each in
 * its own node process, in turns; the ratio is the median of the rounds' own ratios. Both sides pay
 * the same fake, so the ratio is the add-in's own work (layouts, conversion, payload slicing).
 */
export const PREVIOUS_REF = "5610976";
export const PREVIOUS_REF_SAYS =
  "main before issue 16's last stage: a running overdue list per unit down every row of Báo cáo's helper table, formulas built piece by piece for every row";

export interface PreviousFigures {
  ref: string;
  scale: number;
  rounds: number;
  createMs: number;
  previousCreateMs: number;
  updateMs: number;
  previousUpdateMs: number;
  create: PairedRatio;
  update: PairedRatio;
}

const ROOT = path.join(__dirname, "..");

/** Runs in the child: median create and update (fresh fake, then over the created workbook). */
const CHILD = `
const path = require("path");
const root = process.cwd();
const { createFakeExcel } = require(path.join(root, "test/support/fakeExcel"));
const { builderFor, depsOf, syntheticPlan } = require(path.join(root, "test/support/officeHarness"));
const { createOrUpdate } = require(path.join(root, "src/render/office/actions"));
const { getPlan } = require(path.join(root, "src/plan"));
async function main() {
  const [scale, runs] = process.argv.slice(2).map(Number);
  const build = builderFor(syntheticPlan(getPlan(), scale));
  const time = async (f) => {
    const out = [];
    for (let i = 0; i <= runs; i++) {
      const start = process.hrtime.bigint();
      const r = await f();
      if (!r.ok) throw new Error(r.message);
      if (i > 0) out.push(Number(process.hrtime.bigint() - start) / 1e6); // the first is a warm-up
    }
    return out.sort((a, b) => a - b)[Math.floor(out.length / 2)];
  };
  const createMs = await time(() => createOrUpdate(depsOf(createFakeExcel()), build));
  const fake = createFakeExcel();
  await createOrUpdate(depsOf(fake), build);
  const updateMs = await time(() => createOrUpdate(depsOf(fake), build));
  process.stdout.write(JSON.stringify({ createMs, updateMs }));
}
main().catch((e) => { console.error(e); process.exit(1); });
`;

interface ChildFigures {
  createMs: number;
  updateMs: number;
}

/** Runs the child script (a plain .js file outside both trees) with `root` as its working folder. */
function runChild(script: string, root: string, scale: number, runs: number): ChildFigures {
  const out = execFileSync(
    process.execPath,
    ["-r", "ts-node/register", script, String(scale), String(runs)],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: "true",
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({
          module: "commonjs",
          moduleResolution: "node10",
        }),
      },
      maxBuffer: 1 << 20,
    }
  );
  return JSON.parse(out) as ChildFigures;
}

/** The earlier src/ beside today's test/support, node_modules shared. */
function checkoutPrevious(ref: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-previous-"));
  const tar = execFileSync("git", ["archive", "--format=tar", ref, "src", "tsconfig.json"], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  fs.cpSync(path.join(ROOT, "test", "support"), path.join(dir, "test", "support"), {
    recursive: true,
  });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

export function measurePrevious(scale = 100, rounds = 5, runs = 3): PreviousFigures {
  const previous = checkoutPrevious(PREVIOUS_REF);
  const scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-child-"));
  const script = path.join(scriptDir, "child.js");
  fs.writeFileSync(script, CHILD);
  try {
    const mine: ChildFigures[] = [];
    const theirs: ChildFigures[] = [];
    for (let i = 0; i < rounds; i++) {
      const pair = [
        () => mine.push(runChild(script, ROOT, scale, runs)),
        () => theirs.push(runChild(script, previous, scale, runs)),
      ];
      if (i % 2 === 1) pair.reverse();
      pair.forEach((f) => f());
    }
    const paired = (key: keyof ChildFigures): PairedRatio =>
      pairedRatio(
        mine.map((m) => m[key]),
        theirs.map((m) => m[key])
      );
    return {
      ref: PREVIOUS_REF,
      scale,
      rounds,
      createMs: median(mine.map((m) => m.createMs)),
      previousCreateMs: median(theirs.map((m) => m.createMs)),
      updateMs: median(mine.map((m) => m.updateMs)),
      previousUpdateMs: median(theirs.map((m) => m.updateMs)),
      create: paired("createMs"),
      update: paired("updateMs"),
    };
  } finally {
    fs.rmSync(scriptDir, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
  }
}
