/**
 * `npm run bench`: every figure as a ratio against a baseline measured in the same run.
 * Prints a Markdown report; with --write, also replaces docs/BENCHMARKS.md with it.
 * Exits non-zero only when a measurement could not be made — never on a slow figure.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { measureBundles } from "./bundle";
import { measureFunctions } from "./functions";
import { measureOffice } from "./office";
import { measurePayloads, payloadLines } from "./payload";
import { measureExport } from "./exportFile";

const SCALES = [1, 10, 100];
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
const x = (v: number) => `${v.toFixed(2)}×`;

async function main(): Promise<number> {
  const lines: string[] = [];
  const started = Date.now();
  const failures: string[] = [];
  const attempt = async <T>(name: string, f: () => Promise<T> | T): Promise<T | null> => {
    try {
      process.stderr.write(`bench: ${name}…\n`);
      return await f();
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };

  const office = await attempt("Office.js round trips", () => measureOffice(SCALES));
  const payloads = await attempt("request/response bytes (real office.js client)", () =>
    measurePayloads([1, 10, 100, 300])
  );
  const fns = await attempt("custom functions", () => measureFunctions());
  const exp = await attempt(".xlsx export", () => measureExport(SCALES));
  const bundles = await attempt("bundles", () => measureBundles());

  lines.push("# Benchmarks", "");
  lines.push(
    `Latest \`npm run bench\`: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Times are medians after a warm-up; ` +
      "every figure is compared with a baseline measured in the same run. No figure is a test threshold.",
    ""
  );

  if (office) {
    lines.push("## Office.js round trips and CPU time per action (in-memory Excel fake)", "");
    lines.push("Baseline: the naive renderer (one write + one `context.sync()` per row).", "");
    lines.push(
      "| plan size | tasks | create syncs | update syncs | refresh syncs | naive syncs | naive ÷ create | create CPU | update CPU | refresh CPU | create CPU ÷ 1× |"
    );
    lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
    const base = office[0];
    for (const o of office) {
      lines.push(
        `| ${o.scale}× | ${o.tasks} | ${o.createSyncs} | ${o.updateSyncs} | ${o.refreshSyncs} | ${o.naiveSyncs} | ${x(o.naiveSyncs / o.createSyncs)} | ` +
          `${ms(o.createMs)} | ${ms(o.updateMs)} | ${ms(o.refreshMs)} | ${x(o.createMs / base.createMs)} |`
      );
    }
    lines.push("");
  }
  if (payloads) lines.push(...payloadLines(payloads));
  if (fns) {
    lines.push("## Custom functions against plain loops", "");
    lines.push("| measurement | CCHC | plain loop | ratio | target |", "|---|---|---|---|---|");
    lines.push(
      `| \`CCHC.RATE\` over two 100,000-cell ranges | ${ms(fns.rateMs)} | ${ms(fns.rateLoopMs)} | ${x(fns.rateMs / fns.rateLoopMs)} | ≤ 2× |`
    );
    lines.push(
      `| \`CCHC.STATUS\` over 100,000 rows | ${ms(fns.statusMs)} | ${ms(fns.statusLoopMs)} | ${x(fns.statusMs / fns.statusLoopMs)} | — |`
    );
    lines.push(
      `| deadline parser, ${fns.parserPhrases.toLocaleString("en")} seed phrases | ${fns.parserPhrasesPerSecond.toLocaleString("en")} phrases/s | | | |`
    );
    lines.push("");
  }
  if (exp) {
    lines.push("## .xlsx export (layout + exceljs), against the 1× time", "");
    lines.push("| plan size | tasks | time | ÷ 1× time | file size |", "|---|---|---|---|---|");
    for (const e of exp)
      lines.push(
        `| ${e.scale}× | ${e.tasks} | ${ms(e.ms)} | ${x(e.ms / exp[0].ms)} | ${kb(e.bytes)} |`
      );
    lines.push("");
  }
  if (bundles) {
    lines.push(
      "## Bundles (gzip -9), against React + FluentProvider + one Button built with the same settings",
      ""
    );
    lines.push("| what | gzip | ÷ baseline | target |", "|---|---|---|---|");
    lines.push(`| baseline | ${kb(bundles.baselineGzip)} | 1.00× | |`);
    lines.push(
      `| task pane page, loaded up front (functions.js + commands.js + taskpane.js) | ${kb(bundles.taskpanePageGzip)} | ${x(bundles.taskpanePageGzip / bundles.baselineGzip)} | ≤ 1.3× |`
    );
    if (bundles.lazyGzip > 0)
      lines.push(
        `| + lazy chunks, loaded in the background after first paint | ${kb(bundles.lazyGzip)} | ${x((bundles.taskpanePageGzip + bundles.lazyGzip) / bundles.baselineGzip)} (all) | |`
      );
    lines.push(
      `| functions.js (custom functions, loads first) | ${kb(bundles.functionsGzip)} | | ≤ 10 KB |`
    );
    lines.push(`| taskpane.js | ${kb(bundles.taskpaneGzip)} | | |`);
    lines.push("");
  }
  lines.push(`Run time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  if (failures.length) lines.push("", "## Not measured", "", ...failures.map((f) => `- ${f}`));

  const report = lines.join("\n") + "\n";
  process.stdout.write(report);
  if (process.argv.includes("--write")) {
    const file = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
    const notesMarker = "<!-- notes -->";
    const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const notes = previous.includes(notesMarker)
      ? previous.slice(previous.indexOf(notesMarker))
      : "";
    fs.writeFileSync(file, report + (notes ? `\n${notes}` : ""));
  }
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
