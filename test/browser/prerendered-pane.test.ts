import * as fs from "fs";
import type { Page } from "playwright-core";
import { builtPaneEnv, outputPath } from "./support";

/**
 * taskpane.html carries the "connecting" pane, rendered by the build (src/taskpane/taskpane.html.tsx),
 * so it is on screen before any of the page's scripts has run; React's first render replaces it and
 * must look exactly the same (same pixels at 350 px, the spinner's animation stopped).
 */
jest.setTimeout(60_000);

const env = builtPaneEnv();

/** An Office whose onReady never settles: the pane stays "connecting" (detectHost's 10 s aside). */
const PENDING_OFFICE =
  "window.Office = { onReady: function () { return new Promise(function () {}); } };";

async function openPane(withScripts: boolean): Promise<{ page: Page; png: Buffer }> {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 700 } });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: PENDING_OFFICE })
  );
  const scripts: string[] = [];
  await page.route(/\/(functions|commands|taskpane)\.js$/, (route) => {
    scripts.push(route.request().url());
    return withScripts ? route.continue() : route.abort();
  });
  await page.goto(`${env.server.url}/taskpane.html`, { waitUntil: "load" });
  await page.getByRole("heading", { name: "Theo dõi CCHC" }).waitFor();
  await page.getByText("Đang kết nối với Excel…").waitFor();
  expect(scripts).toHaveLength(3);
  // Fonts and the last style insertions settle before the pixels are compared.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const png = await page.screenshot({ animations: "disabled" });
  return { page, png };
}

test("the connecting pane is on screen with none of the page's scripts run", async () => {
  const { page, png } = await openPane(false);
  expect(
    await page.evaluate(() => "React" in window || "webpackChunkcchc_excel_addin" in window)
  ).toBe(false);
  expect(await page.locator("main").count()).toBe(1);
  fs.writeFileSync(outputPath("pane-prerendered.png"), png);
  await page.close();
});

test("React's first render looks exactly like the prerendered pane at 350 px", async () => {
  const before = await openPane(false);
  const after = await openPane(true);
  // React replaced the build's markup: its own FluentProvider, styles in <head> (Griffel at run time).
  await after.page.waitForFunction(
    () => document.querySelector("#root style") === null && !!document.querySelector("#root h1")
  );
  const png = await after.page.screenshot({ animations: "disabled" });
  fs.writeFileSync(outputPath("pane-connecting-react.png"), png);
  expect(png.equals(before.png)).toBe(true);
  await before.page.close();
  await after.page.close();
});
