import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { BASELINE_HTML } from "./firstPaint";
import webpack from "webpack";

/**
 * Bundle sizes, measured against a baseline built in the same run with the same webpack settings:
 * the task pane page (every script taskpane.html loads) vs React + FluentProvider + one Button.
 */
const ROOT = path.resolve(__dirname, "..");

export interface BundleFigures {
  /** What the page loads before its lazy chunks: taskpane.html (with the prerendered pane) and its scripts. */
  taskpanePageGzip: number;
  /** taskpane.html itself: the prerendered "connecting" pane and its styles are most of it. */
  taskpaneHtmlGzip: number;
  functionsGzip: number;
  commandsGzip: number;
  taskpaneGzip: number;
  /** baseline.js and the baseline page's HTML. */
  baselineGzip: number;
  /** Chunks loaded on demand (e.g. the engine), not by the page's script tags. */
  lazyGzip: number;
}

const gzipSize = (file: string): number =>
  zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

async function compile(config: webpack.Configuration): Promise<void> {
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, result) =>
      err || !result ? reject(err ?? new Error("no stats")) : resolve(result)
    )
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/**
 * Builds the real task pane (production) into `out`/real and the baseline into `out`/baseline, then
 * measures them. The caller removes `out` (the first-paint benchmark loads the same files).
 */
export async function measureBundles(out: string): Promise<BundleFigures> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const real = await makeConfig({}, { mode: "production" });
  real.context = ROOT;
  real.output.path = path.join(out, "real");
  const warn = console.warn;
  console.warn = () => undefined; // the "ADDIN_URL not set" notice is irrelevant here
  try {
    await compile(real);
  } finally {
    console.warn = warn;
  }
  const baseline: webpack.Configuration = {
    mode: "production",
    context: ROOT,
    entry: { baseline: "./bench/baseline/index.tsx" },
    output: { path: path.join(out, "baseline"), filename: "[name].js" },
    resolve: real.resolve,
    module: real.module,
    performance: { hints: false },
  };
  await compile(baseline);
  const r = (f: string) => gzipSize(path.join(out, "real", f));
  const figures = {
    functionsGzip: r("functions.js"),
    commandsGzip: r("commands.js"),
    taskpaneGzip: r("taskpane.js"),
    taskpanePageGzip: 0,
    taskpaneHtmlGzip: r("taskpane.html"),
    baselineGzip:
      gzipSize(path.join(out, "baseline", "baseline.js")) +
      zlib.gzipSync(BASELINE_HTML, { level: 9 }).length,
    lazyGzip: 0,
  };
  const upFront = new Set(["functions.js", "commands.js", "taskpane.js"]);
  for (const f of fs.readdirSync(path.join(out, "real"))) {
    if (f.endsWith(".js") && !upFront.has(f)) figures.lazyGzip += r(f);
  }
  figures.taskpanePageGzip =
    figures.taskpaneHtmlGzip + figures.functionsGzip + figures.commandsGzip + figures.taskpaneGzip;
  return figures;
}
