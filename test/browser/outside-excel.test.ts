import { builtPaneEnv, outputPath, routeOfficeJs } from "./support";

/**
 * The built task pane (dist/, from `npm run build`) opened in a plain browser with the REAL office.js:
 * Office.onReady resolves with host null, and the page must say it needs Excel instead of crashing.
 */
jest.setTimeout(60_000);

const env = builtPaneEnv();

test("outside Excel the task pane shows the Vietnamese 'open it in Excel' message", async () => {
  const page = await env.browser.newPage({ viewport: { width: 360, height: 640 } });
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const officeRequests: string[] = [];
  page.on("request", (req) => {
    if (req.url().includes("office.js")) officeRequests.push(req.url());
  });
  await routeOfficeJs(page);
  await page.goto(`${env.server.url}/taskpane.html`);
  const banner = page.getByTestId("outside-excel");
  await banner.waitFor({ timeout: 30_000 });
  const text = await banner.innerText();
  expect(text).toContain("Cần mở trong Excel");
  expect(text).toContain("phải chạy bên trong Excel");
  expect(officeRequests.length).toBeGreaterThan(0);
  // The real office.js was served and defines Office; the message is from host null, not a load failure.
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
    "object"
  );
  expect(errors).toEqual([]);
  await page.screenshot({ path: outputPath("taskpane-outside-excel.png"), fullPage: true });
  await page.close();
});
