import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

/** Shared helpers of the browser tests: a static server for dist/ on 127.0.0.1, Debian chromium, office.js routing. */

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const OUTPUT = path.join(ROOT, "test-output");
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` (default dist/) on 127.0.0.1 at a free port; extra routes override files. */
export async function serveStatic(
  dir = DIST,
  extra: Record<string, { type: string; body: string | Buffer }> = {}
): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const override = extra[urlPath];
    if (override) {
      res.writeHead(200, { "Content-Type": override.type });
      res.end(override.body);
      return;
    }
    const file = path.normalize(path.join(dir, urlPath));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Debian chromium not found at ${executablePath}: run \`apt-get install -y chromium\` (.ci/run does).`
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * The page loads office.js from Microsoft's CDN; there is no network here, so serve the same files
 * from the @microsoft/office-js package. Any other outside request is refused, as it would be offline.
 */
export async function routeOfficeJs(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = url.slice(OFFICE_CDN.length).split("?")[0];
      const file = path.join(OFFICE_JS_DIR, rel);
      if (
        file.startsWith(OFFICE_JS_DIR) &&
        fs.existsSync(file) &&
        !fs.statSync(file).isDirectory()
      ) {
        await route.fulfill({
          status: 200,
          contentType: "text/javascript",
          body: fs.readFileSync(file),
        });
        return;
      }
      await route.fulfill({ status: 404, body: "" });
      return;
    }
    await route.abort();
  });
}

export function outputPath(name: string): string {
  fs.mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}

/**
 * Registers the suite's beforeAll/afterAll: the built dist/ served and chromium started (the object
 * is filled in by beforeAll), both closed after the suite.
 */
export function builtPaneEnv(): { server: StaticServer; browser: Browser } {
  const env = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html")))
      throw new Error("dist/taskpane.html missing: run `npm run build` first");
    env.server = await serveStatic();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
