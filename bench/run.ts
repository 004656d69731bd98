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
import { measurePrevious } from "./previousVersion";
import { measurePayloads, payloadLines } from "./payload";
import { measureExport } from "./exportFile";
import { measureCli } from "./cli";
import { measurePaint } from "./firstPaint";
import { bundleSection, kb, ms, officeSection, previousSection, spread, x } from "./report";

const SCALES = [1, 10, 100];

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
  const previous = await attempt("create/update against the previous version", () =>
    measurePrevious()
  );
  const payloads = await attempt("request/response bytes (real office.js client)", () =>
    measurePayloads([1, 10, 100, 300])
  );
  const fns = await attempt("custom functions", () => measureFunctions());
  const exp = await attempt(".xlsx export", () => measureExport(SCALES));
  const cli = await attempt("CLI start-up", () => measureCli());
  const built = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-pages-"));
  const bundles = await attempt("bundles", () => measureBundles(built));
  const paint = bundles ? await attempt("first paint", () => measurePaint(built)) : null;
  fs.rmSync(built, { recursive: true, force: true });

  lines.push("# Benchmarks", "");
  lines.push(
    `Latest \`npm run bench\`: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Times are medians after a warm-up; ` +
      "every figure is compared with a baseline measured in the same run. No figure is a test threshold.",
    ""
  );

  if (office) lines.push(...officeSection(office));
  if (previous) lines.push(...previousSection(previous));
  if (payloads) lines.push(...payloadLines(payloads));
  if (fns) {
    lines.push("## Custom functions against plain loops", "");
    lines.push("| measurement | CCHC | plain loop | ratio | target |", "|---|---|---|---|---|");
    lines.push(
      `| \`CCHC.RATE\` over two 100,000-cell ranges | ${ms(fns.rateMs)} | ${ms(fns.rateLoopMs)} | ${x(fns.rateMs / fns.rateLoopMs)} | ≤ 2× |`
    );
    lines.push(
      `| \`CCHC.STATUS\` over 100,000 rows of serials | ${ms(fns.statusMs)} | ${ms(fns.statusLoopMs)} | ${x(fns.statusMs / fns.statusLoopMs)} | ≤ 30× |`
    );
    lines.push(
      `| deadline parser, ${fns.parserPhrases.toLocaleString("en")} seed phrases | ${fns.parserPhrasesPerSecond.toLocaleString("en")} phrases/s | | | |`
    );
    lines.push("");
  }
  if (exp) {
    lines.push(
      "## .xlsx export (layout + exceljs), against a peer writing the same cells and styles with exceljs",
      ""
    );
    lines.push(
      "| plan size | tasks | time | peer | ÷ peer | ÷ 1× time | file size |",
      "|---|---|---|---|---|---|---|"
    );
    for (const e of exp)
      lines.push(
        `| ${e.scale}× | ${e.tasks} | ${ms(e.ms)} | ${ms(e.peerMs)} | ${x(e.ms / e.peerMs)} | ${x(e.ms / exp[0].ms)} | ${kb(e.bytes)} |`
      );
    lines.push("");
  }
  if (cli) {
    lines.push(
      `## CLI start-up, against node printing the same output (${cli.rounds} paired rounds)`,
      ""
    );
    lines.push(
      "| command | time | ÷ node floor (median of paired rounds) | quartiles | target |",
      "|---|---|---|---|---|"
    );
    lines.push(`| node floor | ${ms(cli.floorMs)} | 1.00× | | |`);
    lines.push(
      `| \`cchc plan --json\` | ${ms(cli.planMs)} | ${x(cli.planRatio.median)} | ${spread(cli.planRatio)} | ≤ 2.5× |`
    );
    lines.push(
      `| \`cchc due "Quý II/2025"\` | ${ms(cli.dueMs)} | ${x(cli.dueRatio.median)} | ${spread(cli.dueRatio)} | ≤ 2.5× |`
    );
    lines.push("");
  }
  if (bundles) lines.push(...bundleSection(bundles));
  if (paint) {
    lines.push(
      `## First paint in chromium (350 px), against React + FluentProvider + one Button, office.js on both (${paint.rounds} paired rounds)`,
      ""
    );
    lines.push(
      "| measurement | task pane | baseline | ratio (median of paired rounds) | quartiles | target |",
      "|---|---|---|---|---|---|"
    );
    lines.push(
      `| first contentful paint | ${ms(paint.fcpMs)} | ${ms(paint.baselineFcpMs)} | ${x(paint.fcpRatio.median)} | ${spread(paint.fcpRatio)} | ≤ 1.15× |`
    );
    lines.push(
      `| DOMContentLoaded | ${ms(paint.dclMs)} | ${ms(paint.baselineDclMs)} | ${x(paint.dclRatio.median)} | ${spread(paint.dclRatio)} | |`
    );
    lines.push(
      `| loads whose lazy chunk requests all started after first paint | ${paint.chunksAfterPaint} of ${paint.rounds} | | | | all |`
    );
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
