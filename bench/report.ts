/** Markdown sections of the benchmark report (bench/run.ts) for the Office.js actions and bundles. */
import type { BundleFigures } from "./bundle";
import type { OfficeFigures } from "./office";
import { PREVIOUS_REF_SAYS, type PreviousFigures } from "./previousVersion";

export const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
export const x = (v: number) => `${v.toFixed(2)}×`;
/** The middle half of paired-round ratios, e.g. "0.95–1.08×". */
export const spread = (r: { low: number; high: number }): string =>
  `${r.low.toFixed(2)}–${r.high.toFixed(2)}×`;

export function officeSection(office: OfficeFigures[]): string[] {
  const lines: string[] = [];
  lines.push("## Office.js round trips and CPU time per action", "");
  lines.push(
    "Syncs counted by the in-memory Excel fake; baseline: the naive renderer (one write + one `context.sync()` per row; run on the fake at 1× and 10×, counted from the layout beyond, the count checked against the runs).",
    ""
  );
  lines.push(
    "| plan size | tasks | create syncs | update syncs | refresh syncs | naive syncs | naive ÷ update | create CPU | update CPU | refresh CPU | create CPU ÷ 1× |"
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
  const base = office[0];
  for (const o of office) {
    lines.push(
      `| ${o.scale}× | ${o.tasks} | ${o.createSyncs} | ${o.updateSyncs} | ${o.refreshSyncs} | ${o.naiveSyncs} | ${x(o.naiveSyncs / o.updateSyncs)} | ` +
        `${ms(o.createMs)} | ${ms(o.updateMs)} | ${ms(o.refreshMs)} | ${x(o.createMs / base.createMs)} |`
    );
  }
  lines.push("");
  lines.push(
    "One layout build per action: create against create plus the empty-layout build an earlier version did first (same run).",
    ""
  );
  lines.push("| plan size | create CPU | with the extra build | ratio |", "|---|---|---|---|");
  for (const o of office)
    lines.push(
      `| ${o.scale}× | ${ms(o.createMs)} | ${ms(o.doubleBuildCreateMs)} | ${x(o.createMs / o.doubleBuildCreateMs)} |`
    );
  lines.push("");
  lines.push(
    "Through Microsoft's real Excel web client (office.js in jsdom, requests replayed on the fake): round trips the action waits for, the cleanup request Excel.run sends after the batch (not waited for), and the update's bytes.",
    ""
  );
  lines.push(
    "| plan size | create waits | update waits | refresh waits | cleanup requests | update request bytes | update response bytes | largest request |",
    "|---|---|---|---|---|---|---|---|"
  );
  for (const o of office) {
    const c = o.client;
    lines.push(
      `| ${o.scale}× | ${c.createWaiting} | ${c.updateWaiting} | ${c.refreshWaiting} | +${c.cleanupRequests} | ${kb(c.updateRequestBytes)} | ${kb(c.updateResponseBytes)} | ${kb(c.largestRequestBytes)} |`
    );
  }
  lines.push("");
  return lines;
}

export function bundleSection(bundles: BundleFigures): string[] {
  const lines: string[] = [];
  lines.push(
    "## Bundles (gzip -9), against React + FluentProvider + one Button built with the same settings",
    ""
  );
  lines.push("| what | gzip | ÷ baseline | target |", "|---|---|---|---|");
  lines.push(`| baseline (baseline.html + baseline.js) | ${kb(bundles.baselineGzip)} | 1.00× | |`);
  lines.push(
    `| task pane page, loaded up front (taskpane.html + functions.js + commands.js + taskpane.js) | ${kb(bundles.taskpanePageGzip)} | ${x(bundles.taskpanePageGzip / bundles.baselineGzip)} | ≤ 1.3× |`
  );
  if (bundles.lazyGzip > 0)
    lines.push(
      `| + lazy chunks, loaded in the background after first paint | ${kb(bundles.lazyGzip)} | ${x((bundles.taskpanePageGzip + bundles.lazyGzip) / bundles.baselineGzip)} (all) | |`
    );
  lines.push(
    `| functions.js (custom functions, loads first) | ${kb(bundles.functionsGzip)} | | ≤ 10 KB |`
  );
  lines.push(`| taskpane.js | ${kb(bundles.taskpaneGzip)} | | |`);
  lines.push(
    `| taskpane.html (with the prerendered "connecting" pane) | ${kb(bundles.taskpaneHtmlGzip)} | | |`
  );
  lines.push("");
  return lines;
}

export function previousSection(p: PreviousFigures): string[] {
  return [
    `## Create and update at ${p.scale}× against the add-in at ${p.ref} (${p.rounds} paired rounds)`,
    "",
    `${p.ref}: ${PREVIOUS_REF_SAYS}. Its \`src/\` and today's each drive today's fake Excel, each in its own node process, in turns (bench/previousVersion.ts).`,
    "",
    "| action | today | at " + p.ref + " | ratio (median of paired rounds) | quartiles | target |",
    "|---|---|---|---|---|---|",
    `| create | ${ms(p.createMs)} | ${ms(p.previousCreateMs)} | ${x(p.create.median)} | ${spread(p.create)} | ≤ 0.5× |`,
    `| update | ${ms(p.updateMs)} | ${ms(p.previousUpdateMs)} | ${x(p.update.median)} | ${spread(p.update)} | |`,
    "",
  ];
}
