/**
 * Renders the ribbon/manifest icons (assets/icon-{16,32,64,80}.png) from SVG with Debian chromium.
 * Run once after changing the design: `node scripts/make-icons.js`. The PNGs are committed.
 * Small sizes use a simplified drawing so they stay legible at 16 px.
 */
const path = require("path");
const { chromium } = require("playwright-core");

const large = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect x="2" y="2" width="60" height="60" rx="12" fill="#C8102E"/>
  <path d="M32 7 l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z" fill="#FFD200"/>
  <rect x="12" y="24" width="40" height="33" rx="4" fill="#fff"/>
  <path d="M17 33 l3 3 6-6" fill="none" stroke="#107C10" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="30" y="31" width="17" height="3.4" rx="1.7" fill="#605E5C"/>
  <path d="M17 45 l3 3 6-6" fill="none" stroke="#107C10" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="30" y="43" width="17" height="3.4" rx="1.7" fill="#605E5C"/>
</svg>`;
const small = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
  <rect x="0.5" y="0.5" width="15" height="15" rx="3" fill="#C8102E"/>
  <rect x="3" y="3" width="10" height="10" rx="1.5" fill="#fff"/>
  <path d="M5 8.2 l2 2 4-4.4" fill="none" stroke="#107C10" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    for (const size of [16, 32, 64, 80]) {
      const svg = size <= 32 ? small : large;
      const page = await browser.newPage({
        viewport: { width: size, height: size },
        deviceScaleFactor: 1,
      });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`
      );
      await page.screenshot({
        path: path.join(__dirname, "..", "assets", `icon-${size}.png`),
        omitBackground: true,
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
