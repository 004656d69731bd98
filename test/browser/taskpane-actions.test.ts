import type { Page } from "playwright-core";
import { PLAN_SHEET_NAME } from "../../src/layouts/planSheet";
import { workbookTargets } from "../../src/layouts/targets";
import { fakeHostEnv, routeFakeHost } from "./fakeHostPage";
import { outputPath } from "./support";
import { FIXTURES } from "../support/planFixtures";
import { pastedRows, planDocx } from "../support/planFiles";

/**
 * The BUILT task pane (dist/, from `npm run build`) in Debian chromium with a FAKE Excel host: the
 * office.js URL serves a bundle of test/browser/fakeHost.ts (compiled here with webpack's node API),
 * so Office.onReady says "Excel" and Excel.run works on the in-memory fake workbook. The test clicks
 * "create", then a unit, and checks the table filter and the messages; screenshots in test-output/.
 */
jest.setTimeout(180_000);

const env = fakeHostEnv("cchc-fake-host-");

/** office.js → the fake host; nothing else leaves the machine. */
const routeFakeOffice = (page: Page): Promise<void> => routeFakeHost(page, env.fakeHostJs);

interface TableView {
  headers: string[];
  body: unknown[][];
  hiddenRows: number[];
  address: string;
}

/** Lazy chunks carry a content hash for cache busting ("engine.1a2b3c4d.js"); compare them by name. */
const chunkName = (file: string): string => file.replace(/\.[0-9a-f]{8}\.js$/, ".js");

/** The file names of the scripts the page requested from the add-in's server, in order (hashes dropped). */
function scriptRequests(page: Page): string[] {
  const names: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.origin === env.server.url && url.pathname.endsWith(".js"))
      names.push(chunkName(url.pathname.slice(1)));
  });
  return names;
}

test("in a fake Excel host: create the sheets, filter by a unit, clear the filter", async () => {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const scripts = scriptRequests(page);
  await routeFakeOffice(page);
  await page.goto(`${env.server.url}/taskpane.html`);

  const notice = page.getByTestId("notice");
  await notice.waitFor({ timeout: 60_000 });
  expect(await notice.innerText()).toContain("chưa có các trang theo dõi");
  await page.screenshot({ path: outputPath("taskpane-actions-1-open.png"), fullPage: true });

  await page.getByTestId("create").click();
  await page.getByText(/Đã tạo bảng theo dõi/).waitFor({ timeout: 60_000 });
  expect(await notice.getAttribute("data-intent")).toBe("success");
  const units = page.getByTestId("unit-item");
  const unitCount = await units.count();
  expect(unitCount).toBeGreaterThan(5);
  expect(
    await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames()
    )
  ).toEqual(["Sheet1", ...workbookTargets(2024).sheets.map((t) => t.name), PLAN_SHEET_NAME]);
  // The list shows the counts the workbook computed (HyperFormula behind the fake).
  // Today is past every 2024 deadline: each unit has overdue tasks, shown as a badge.
  const firstText = await units.first().innerText();
  expect(firstText).toMatch(/[1-9]\d* quá hạn/);
  await page.screenshot({ path: outputPath("taskpane-actions-2-created.png"), fullPage: true });

  const unit = "Thanh tra Sở";
  await page.getByRole("button", { name: new RegExp(`^${unit}`) }).click();
  await page.getByText(new RegExp(`lọc bảng “Nhiệm vụ”.*${unit}`)).waitFor({ timeout: 30_000 });
  const filtered = await page.evaluate(() =>
    (window as unknown as { __fakeExcel: { table(n: string): TableView } }).__fakeExcel.table(
      "tblNhiemVu"
    )
  );
  // The filter works on the hidden column of line ids; the visible "Chủ trì" names the unit.
  const lead = filtered.headers.indexOf("Chủ trì");
  const first = Number(/\d+/.exec(filtered.address)?.[0]) + 1;
  const visible = filtered.body.filter((_r, i) => !filtered.hiddenRows.includes(first + i));
  expect(visible.length).toBeGreaterThan(0);
  expect(visible.every((r) => String(r[lead]).includes(unit))).toBe(true);
  expect(filtered.body.filter((r) => String(r[lead]).includes(unit)).length).toBe(visible.length);
  expect(filtered.hiddenRows.length).toBe(filtered.body.length - visible.length);
  expect(
    await page.getByRole("button", { name: new RegExp(`^${unit}`) }).getAttribute("aria-pressed")
  ).toBe("true");
  await page.screenshot({ path: outputPath("taskpane-actions-3-filtered.png"), fullPage: true });

  await page.getByTestId("unit-all").click();
  await page.getByText("Đã bỏ lọc: hiện nhiệm vụ của tất cả đơn vị.").waitFor({ timeout: 30_000 });
  const cleared = await page.evaluate(() =>
    (window as unknown as { __fakeExcel: { table(n: string): TableView } }).__fakeExcel.table(
      "tblNhiemVu"
    )
  );
  expect(cleared.hiddenRows).toEqual([]);

  // The page's own scripts first; the Actions panel and the engine came later, as lazy chunks.
  expect(scripts.slice(0, 3)).toEqual(["functions.js", "commands.js", "taskpane.js"]);
  expect(scripts).toContain("actions.js");
  expect(scripts).toContain("engine.js");
  expect(scripts).toContain("calendar.js");
  expect(errors).toEqual([]);
  await page.close();
});

type FakeWindow = {
  __fakeExcel: {
    user: {
      paste(s: string, at: string, rows: string[][]): void;
      select(s: string, a: string): void;
    };
    table(n: string): TableView;
    sheet(n: string): { visibility: string };
  };
};

test("Nhập kế hoạch in a fake Excel host: from the selected pasted table, Chốt số liệu on it, then from a .docx", async () => {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 1400 } });
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await routeFakeOffice(page);
  await page.goto(`${env.server.url}/taskpane.html`);
  await page.getByTestId("notice").waitFor({ timeout: 60_000 });

  const rows = pastedRows(FIXTURES[2].plan);
  await page.evaluate((r) => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    fake.user.paste("Sheet1", "A1", r);
    fake.user.select("Sheet1", `A1:F${r.length}`);
  }, rows);
  await page.getByTestId("import-selection").click();
  const preview = page.getByTestId("import-preview");
  await preview.waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("import-counts").innerText()).toContain("6 nhiệm vụ trong 2 phần");
  expect(await page.getByTestId("import-checks").innerText()).toContain("“Chưa xác định”");
  await page.screenshot({ path: outputPath("taskpane-import-1-preview.png"), fullPage: true });

  await page.getByTestId("import-build").click();
  await page.getByText(/Đã tạo bảng theo dõi/).waitFor({ timeout: 60_000 });
  const stored = await page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    const body = fake.table("tblNhiemVu").body.filter((r) => !String(r[0]).startsWith("§"));
    return { tasks: body.length, visibility: fake.sheet("KeHoach").visibility };
  });
  expect(stored).toEqual({ tasks: 6, visibility: "VeryHidden" });
  await page.screenshot({ path: outputPath("taskpane-import-2-built.png"), fullPage: true });

  // Chốt số liệu on the imported 2026 plan: the history and the trend are that plan's, not 2024's.
  await page.getByTestId("snapshot-period").selectOption("h1");
  await page.getByTestId("snapshot").click();
  await page.getByText(/Đã chốt số liệu lần 1, kỳ 6 tháng năm 2026:/).waitFor({ timeout: 60_000 });
  await page.getByTestId("trend-chart").first().waitFor({ timeout: 30_000 });
  const history = await page.evaluate(() => {
    const t = (window as unknown as FakeWindow).__fakeExcel.table("tblLichSu");
    return t.body.map((r) => r[t.headers.indexOf("Kỳ báo cáo")]);
  });
  expect(new Set(history)).toEqual(new Set(["6 tháng 2026"]));
  expect(
    await page
      .getByRole("img", { name: /quá hạn/i })
      .first()
      .isVisible()
  ).toBe(true);
  await page.screenshot({ path: outputPath("taskpane-import-3-snapshot.png"), fullPage: true });

  await page.getByTestId("import-file").setInputFiles({
    name: "KeHoach-SoTuPhap-2025.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await planDocx(FIXTURES[0].plan),
  });
  await page.getByText(/Từ tệp “KeHoach-SoTuPhap-2025.docx”/).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("import-counts").innerText()).toContain("6 chỉ tiêu");
  expect(errors).toEqual([]);
  await page.close();
});

test("offline lazy chunks: Vietnamese messages instead of a crash, and a later click loads them", async () => {
  const page = await env.browser.newPage({ viewport: { width: 350, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const scripts = scriptRequests(page);
  await routeFakeOffice(page);
  const offline = new Set(["actions.js", "engine.js"]);
  await page.route(/\/(actions|engine)(\.[0-9a-f]{8})?\.js$/, async (route) => {
    const name = chunkName(new URL(route.request().url()).pathname.slice(1));
    if (offline.has(name)) await route.abort("internetdisconnected");
    else await route.continue();
  });
  await page.goto(`${env.server.url}/taskpane.html`);

  // The panel's chunk is missing: a message and "Thử lại" instead of the buttons.
  const panelError = page.getByTestId("panel-load-error");
  await panelError.waitFor({ timeout: 60_000 });
  expect(await panelError.innerText()).toContain("Không tải được giao diện của bổ trợ");
  await page.screenshot({ path: outputPath("taskpane-offline-1-panel.png"), fullPage: true });
  offline.delete("actions.js");
  await page.getByTestId("panel-retry").click();

  // The panel is back; its refresh on open needs the engine, still missing.
  const notice = page.getByTestId("notice");
  await page.getByText("Không tải được phần xử lý của bổ trợ").waitFor({ timeout: 30_000 });
  expect(await notice.getAttribute("data-intent")).toBe("error");
  expect(await notice.innerText()).toContain("kết nối mạng");
  await page.screenshot({ path: outputPath("taskpane-offline-2-engine.png"), fullPage: true });

  offline.delete("engine.js");
  await page.getByTestId("create").click();
  await page.getByText(/Đã tạo bảng theo dõi/).waitFor({ timeout: 60_000 });
  expect(await notice.getAttribute("data-intent")).toBe("success");
  // Each chunk was asked for again after its failure (webpack adds a fresh <script>).
  expect(scripts.filter((f) => f === "actions.js").length).toBeGreaterThanOrEqual(2);
  expect(scripts.filter((f) => f === "engine.js").length).toBeGreaterThanOrEqual(2);
  expect(errors).toEqual([]);
  await page.close();
});
