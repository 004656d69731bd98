import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { checkManifest } from "../support/manifestChecks";

/**
 * The production build with a deployment URL: every dev URL in the manifest replaced, metadata
 * generated, the task pane page loading the functions before the UI (shared runtime).
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "..", "..");
const PROD_URL = "https://cchc.skhcn.hatinh.example/addin/";
let out: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-build-"));
  const previous = process.env.ADDIN_URL;
  process.env.ADDIN_URL = PROD_URL.replace(/\/$/, ""); // without the slash: the config must add it
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    const config = await makeConfig({}, { mode: "production" });
    config.context = ROOT;
    config.output.path = out;
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, result) =>
        err || !result ? reject(err ?? new Error("no stats")) : resolve(result)
      )
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  } finally {
    if (previous === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = previous;
  }
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("emits the manifest with no localhost left, pointing at the production URL", () => {
  const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toMatch(/localhost/i);
  expect(manifest).toContain(`${PROD_URL}taskpane.html`);
  expect(manifest).toContain(`${PROD_URL}functions.json`);
  expect(manifest).toContain("<AppDomain>https://cchc.skhcn.hatinh.example</AppDomain>");
  expect(checkManifest(manifest)).toEqual([]);
});

test("emits functions.json with every function described", () => {
  const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as {
    functions: { id: string; description?: string }[];
  };
  expect(meta.functions.length).toBeGreaterThan(0);
  for (const f of meta.functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
    expect(f.description ?? "").not.toBe("");
  }
});

test("the task pane page loads functions.js before the UI, and office.js before both", () => {
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  const office = html.indexOf("office.js");
  const functions = html.indexOf("functions.js");
  const taskpane = html.indexOf("taskpane.js");
  expect(office).toBeGreaterThan(-1);
  expect(functions).toBeGreaterThan(office);
  expect(taskpane).toBeGreaterThan(functions);
  for (const f of [
    "functions.js",
    "commands.js",
    "taskpane.js",
    "help.html",
    "assets/icon-16.png",
    "assets/icon-80.png",
  ]) {
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
});

test("the task pane page carries the connecting pane and its styles, for a paint before any script", () => {
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  const root = html.slice(html.search(/<div id="?root"?>/));
  expect(root.length).toBeLessThan(html.length);
  expect(root).toMatch(/<h1[^>]*>Theo dõi CCHC<\/h1>/);
  expect(root).toContain("Kế hoạch cải cách hành chính");
  expect(root).toContain("Đang kết nối với Excel…");
  expect(root).toMatch(/<main>.*<\/main>/s);
  // Fluent's theme variables and the components' atomic classes, as Griffel would insert them.
  expect(root).toContain("--colorNeutralForeground1:");
  expect(html).toMatch(/<style data-make-styles-bucket=/);
  // Only styles are inlined: the Content-Security-Policy still refuses inline scripts.
  expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\ssrc=/.test(tag))).toBe(true);
});

test("the functions bundle registers its functions with CustomFunctions.associate", () => {
  const js = fs.readFileSync(path.join(out, "functions.js"), "utf8");
  const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as {
    functions: { id: string }[];
  };
  for (const f of meta.functions) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("an http:// ADDIN_URL is refused (Office only loads https add-ins)", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  process.env.ADDIN_URL = "http://insecure.example/";
  try {
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/https/);
  } finally {
    delete process.env.ADDIN_URL;
  }
});
