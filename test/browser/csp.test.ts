import type { Page } from "playwright-core";
import { fakeHostEnv, routeFakeHost } from "./fakeHostPage";
import { outputPath, routeOfficeJs } from "./support";

/**
 * The Content-Security-Policy of the built pages (webpack.config.js, a <meta> tag), in Debian
 * chromium: no violation while the pane loads with Microsoft's real office.js, while it goes through
 * its states in a fake Excel host (Fluent's runtime styles, the lazy chunks, the calendar), nor on the
 * help page; and what an attacker would inject (an inline <script>, an onerror= handler) does not run.
 */
jest.setTimeout(240_000);

const env = fakeHostEnv("cchc-csp-");

/** Every CSP violation the page reports ("directive blocked-uri @ source:line"), from the first byte. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleLines.push(m.text());
  });
  // An init script is injected by the browser itself, not subject to the page's policy.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} @ ${e.sourceFile}:${e.lineNumber}`)
    );
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
    ...consoleLines,
  ];
}

const policyOf = (page: Page): Promise<string | null> =>
  page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content", { timeout: 5_000 });

test("with the real office.js, outside Excel: the policy is there and nothing is refused", async () => {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 700 } });
  const violations = await watchViolations(page);
  await routeOfficeJs(page);
  await page.goto(`${env.server.url}/taskpane.html`);
  await page.getByTestId("outside-excel").waitFor({ timeout: 60_000 });
  expect(await policyOf(page)).toMatch(
    /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/
  );
  expect(await violations()).toEqual([]);
  await page.close();
});

test("in a fake Excel host, through create, the calendar, a date, a unit, only overdue: nothing is refused", async () => {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 900 } });
  const violations = await watchViolations(page);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await routeFakeHost(page, env.fakeHostJs);
  await page.goto(`${env.server.url}/taskpane.html`);
  await page.getByTestId("notice").waitFor({ timeout: 60_000 });
  await page.getByTestId("create").click();
  await page.getByText(/Đã tạo bảng theo dõi/).waitFor({ timeout: 60_000 });
  // The calendar is its own lazy chunk, with its own styles.
  await page.getByTestId("as-of-input").fill("15/06/2024");
  await page.getByTestId("as-of-calendar").click();
  await page.getByRole("button", { name: /^30, Tháng 6, 2024/ }).click();
  await page.getByTestId("as-of-input").press("Enter");
  await page.getByText("Đã đặt ngày báo cáo: 30/06/2024.").waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: /^Văn phòng Sở/ }).click();
  await page.getByText(/chỉ hiện nhiệm vụ do Văn phòng Sở chủ trì/).waitFor({ timeout: 30_000 });
  await page.getByRole("checkbox", { name: "Chỉ hiện nhiệm vụ quá hạn" }).check();
  await page.getByText(/chỉ hiện nhiệm vụ quá hạn do Văn phòng Sở/).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: outputPath("csp-pane.png"), fullPage: true });
  expect(errors).toEqual([]);
  expect(await violations()).toEqual([]);
  await page.close();
});

test("the help page: the policy is there and nothing is refused", async () => {
  const page = await env.browser.newPage();
  const violations = await watchViolations(page);
  await page.goto(`${env.server.url}/help.html`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(await policyOf(page)).toContain("default-src 'none'");
  expect(await violations()).toEqual([]);
  await page.close();
});

test("an injected inline script and an inline event handler do not run, and are reported", async () => {
  const page = await env.browser.newPage();
  const violations = await watchViolations(page);
  await routeOfficeJs(page);
  await page.goto(`${env.server.url}/taskpane.html`);
  await page.getByTestId("outside-excel").waitFor({ timeout: 60_000 });
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: string };
    const s = document.createElement("script");
    s.textContent = "window.__injected = 'script';";
    document.body.appendChild(s);
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__injected = 'handler';");
    img.src = "data:,not-an-image";
    document.body.appendChild(img);
    await new Promise((r) => setTimeout(r, 300));
    return w.__injected ?? null;
  });
  expect(ran).toBeNull();
  const seen = await violations();
  expect(seen.filter((v) => v.startsWith("script-src-elem inline"))).toHaveLength(1);
  expect(seen.filter((v) => v.startsWith("script-src-attr inline"))).toHaveLength(1);
  await page.close();
});
