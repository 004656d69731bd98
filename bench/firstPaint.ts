import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { launchChromium, routeOfficeJs, serveStatic } from "../test/browser/support";

/**
 * First paint of the task pane against the baseline page (React + FluentProvider + one Button), both
 * with office.js in the head, in Debian chromium at 350 px wide. Paired rounds: each round loads both
 * pages in a fresh context, in alternating order; figures are medians, the ratios medians of each
 * round's ratio (bench/timing.ts). Also counts the loads where every lazy chunk was requested after
 * the first contentful paint.
 */
import { median, pairedRatio, type PairedRatio } from "./timing";

export interface PaintFigures {
  rounds: number;
  fcpMs: number;
  baselineFcpMs: number;
  dclMs: number;
  baselineDclMs: number;
  fcpRatio: PairedRatio;
  dclRatio: PairedRatio;
  /** Loads of the task pane where every lazy chunk requested started after first contentful paint. */
  chunksAfterPaint: number;
}

/** The baseline page: office.js, then its one deferred script (bench/baseline/index.tsx). */
export const BASELINE_HTML = `<!doctype html><html lang="vi"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>baseline</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script defer src="baseline.js"></script></head><body style="margin:0"><div id="root"></div></body></html>`;

/** The chunks the task pane requests after its first paint (index.tsx), by name. */
const PRELOADED = ["actions", "engine"];

interface Load {
  fcp: number;
  dcl: number;
  /** Start times of the lazy chunks' requests (ms since navigation). */
  chunkStarts: number[];
}

async function load(
  browser: Browser,
  url: string,
  lazy: string[],
  preloaded: string[]
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 350, height: 700 } });
  try {
    const page = await context.newPage();
    await routeOfficeJs(page);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint").length > 0
    );
    // The preload after the paint must be seen, not missed: "networkidle" alone can be reached
    // before it starts (500 ms without requests after the page's scripts, on a busy machine often
    // before the paint), and a load with no chunk requested counted as "not after paint".
    await page.waitForFunction(
      (prefixes) =>
        prefixes.every((p) =>
          performance.getEntriesByType("resource").some((r) => r.name.includes(`/${p}.`))
        ),
      preloaded,
      { timeout: 30_000 }
    );
    await page.waitForLoadState("networkidle");
    return await page.evaluate((names) => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0].startTime;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const chunkStarts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((r) => names.some((n) => r.name.endsWith(`/${n}`)))
        .map((r) => r.startTime);
      return { fcp, dcl: nav.domContentLoadedEventEnd, chunkStarts };
    }, lazy);
  } finally {
    await context.close();
  }
}

/** `built` holds real/ (the production build) and baseline/ (baseline.js), as measureBundles makes. */
export async function measurePaint(built: string, rounds = 21): Promise<PaintFigures> {
  fs.writeFileSync(path.join(built, "baseline", "baseline.html"), BASELINE_HTML);
  const upFront = new Set(["functions.js", "commands.js", "taskpane.js"]);
  const lazy = fs
    .readdirSync(path.join(built, "real"))
    .filter((f) => f.endsWith(".js") && !upFront.has(f));
  const server = await serveStatic(built);
  const browser = await launchChromium();
  try {
    const real: Load[] = [];
    const base: Load[] = [];
    const pages = {
      real: () => load(browser, `${server.url}/real/taskpane.html`, lazy, PRELOADED),
      base: () => load(browser, `${server.url}/baseline/baseline.html`, [], []),
    };
    await pages.real(); // warm-up: the server's and chromium's caches of the code
    await pages.base();
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) {
        real.push(await pages.real());
        base.push(await pages.base());
      } else {
        base.push(await pages.base());
        real.push(await pages.real());
      }
    }
    return {
      rounds,
      fcpMs: median(real.map((l) => l.fcp)),
      baselineFcpMs: median(base.map((l) => l.fcp)),
      dclMs: median(real.map((l) => l.dcl)),
      baselineDclMs: median(base.map((l) => l.dcl)),
      fcpRatio: pairedRatio(
        real.map((l) => l.fcp),
        base.map((l) => l.fcp)
      ),
      dclRatio: pairedRatio(
        real.map((l) => l.dcl),
        base.map((l) => l.dcl)
      ),
      // Chunks loaded only on demand (e.g. the date picker) are not requested at all: not counted.
      chunksAfterPaint: real.filter(
        (l) => l.chunkStarts.length > 0 && l.chunkStarts.every((s) => s >= l.fcp)
      ).length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
