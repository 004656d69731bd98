import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * `webpack serve` must not crash when office-addin-dev-certs cannot install its CA (no sudo here):
 * it falls back to the certificate files the package generated in ~/.office-addin-dev-certs.
 */
const ROOT = path.resolve(__dirname, "..", "..");

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => {
    throw new Error("Unable to install the CA certificate (sudo required)");
  }),
}));

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-home-"));
  process.env.CCHC_DEV_CERTS_DIR = path.join(home, ".office-addin-dev-certs");
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.CCHC_DEV_CERTS_DIR;
  fs.rmSync(home, { recursive: true, force: true });
  jest.restoreAllMocks();
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadConfig = () => require(path.join(ROOT, "webpack.config.js"));

test("falls back to the generated certificate files when the CA cannot be installed", async () => {
  const dir = path.join(home, ".office-addin-dev-certs");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "localhost.crt"), "CERT");
  fs.writeFileSync(path.join(dir, "localhost.key"), "KEY");
  fs.writeFileSync(path.join(dir, "ca.crt"), "CA");
  const options = await loadConfig().httpsOptions();
  expect(String(options.cert)).toBe("CERT");
  expect(String(options.key)).toBe("KEY");
  expect(String(options.ca)).toBe("CA");
});

test("without any certificate files it lets webpack-dev-server self-sign instead of crashing", async () => {
  await expect(loadConfig().httpsOptions()).resolves.toBeUndefined();
  process.env.WEBPACK_SERVE = "true";
  try {
    const config = await loadConfig()({}, { mode: "development" });
    expect(config.devServer.server).toEqual({ type: "https" });
    expect(config.devServer.port).toBe(3000);
  } finally {
    delete process.env.WEBPACK_SERVE;
  }
});
