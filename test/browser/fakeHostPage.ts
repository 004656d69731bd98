import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { DIST, OFFICE_CDN, ROOT, launchChromium, serveStatic, type StaticServer } from "./support";

/** Builds test/browser/fakeHost.ts (webpack's node API) into `outDir`; returns the bundle. */
export function compileFakeHost(outDir: string): Promise<Buffer> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(ROOT, "test", "browser", "fakeHost.ts"),
    output: { path: outDir, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") },
          },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  });
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (!stats || stats.hasErrors())
        return reject(new Error(stats?.toString("errors-only") ?? "webpack failed"));
      resolve(fs.readFileSync(path.join(outDir, "fake-office.js")));
    });
  });
}

/** office.js → the fake host (`fakeHostJs`, from compileFakeHost); nothing else leaves the machine. */
export async function routeFakeHost(page: Page, fakeHostJs: Buffer): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN) && url.split("?")[0].endsWith("office.js")) {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: fakeHostJs });
      return;
    }
    await route.abort();
  });
}

export interface FakeHostEnv {
  server: StaticServer;
  browser: Browser;
  fakeHostJs: Buffer;
}

/**
 * Registers the suite's beforeAll/afterAll: the fake host compiled, dist/ served, chromium started;
 * the returned object is filled in by beforeAll.
 */
export function fakeHostEnv(tmpPrefix: string): FakeHostEnv {
  const env = {} as FakeHostEnv;
  let tmpDir = "";
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html")))
      throw new Error(
        "dist/taskpane.html missing: run `npm run build` (or `npm run build:dev`) first"
      );
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
    env.fakeHostJs = await compileFakeHost(tmpDir);
    env.server = await serveStatic();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  });
  return env;
}
