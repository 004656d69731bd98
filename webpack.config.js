/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/:
 *   taskpane.html + taskpane.js (React task pane) — in the shared runtime this page also loads
 *   functions.js first, so the CCHC functions register before the UI renders;
 *   functions.js + functions.json (metadata generated from JSDoc by custom-functions-metadata-plugin);
 *   commands.js (ribbon command code, loaded by the same page); manifest.xml; assets/; help.html.
 *
 * Production: `ADDIN_URL=https://your.server/path/ npm run build` replaces every https://localhost:3000/
 * in the manifest with ADDIN_URL (all occurrences, not the first).
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** Normalised deployment URL (always ends with "/"), or null for a dev build. */
/**
 * Content-Security-Policy of the task pane and the help page, as a <meta> tag (the add-in is static
 * files; no server to send a header). Only what the pages load:
 * - script-src: the bundle ('self': entries and the lazy chunks) and office.js from Microsoft's CDN,
 *   which loads from the same place the host's script (excel-web-16.00.js), its strings and its
 *   telemetry script (ariatelemetry/). No 'unsafe-inline', no 'unsafe-eval': an injected
 *   <script> or onerror= does not run. MicrosoftAjax (ajax.aspnetcdn.com) is loaded only in Outlook.
 * - style-src 'unsafe-inline': Fluent UI's Griffel inserts <style> elements at run time and office.js's
 *   web host scripts set inline styles (OfficeDev/office-js#1687). A nonce would need a server making
 *   one per response; one fixed in a static page protects nothing. Styles cannot run script.
 * - connect-src: office.js's telemetry posts to *.pipe.aria.microsoft.com (Aria collector).
 * - frame-src: office.js frames its "host not trusted" page (AgaveErrorUX) from the CDN.
 * - img-src: the add-in's icons; data: for images Fluent draws inline.
 * Everything else: none.
 */
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
function contentSecurityPolicy() {
  const directives = {
    "default-src": ["'none'"],
    "script-src": ["'self'", OFFICE_CDN_ORIGIN],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", "https://*.pipe.aria.microsoft.com"],
    "frame-src": [OFFICE_CDN_ORIGIN],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The policy's <meta> tag in a page: the source pages hold the placeholder below. */
const CSP_PLACEHOLDER = "<%= csp %>";
const withPolicy = (content) =>
  content.toString().split(CSP_PLACEHOLDER).join(contentSecurityPolicy());

function deploymentUrl() {
  const raw = (process.env.ADDIN_URL || "").trim();
  if (!raw) return null;
  if (!/^https:\/\//i.test(raw)) {
    throw new Error(
      `ADDIN_URL must be an https:// URL (Office only loads add-ins over https); got "${raw}"`
    );
  }
  return raw.endsWith("/") ? raw : `${raw}/`;
}

/** The manifest is XML: a URL with & < > " ' must be escaped or the manifest breaks. */
function xmlEscape(s) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]
  );
}

function rewriteManifest(content, url) {
  const text = content.toString();
  if (!url) return text;
  const origin = new URL(url).origin;
  return text
    .split(DEV_URL)
    .join(xmlEscape(url))
    .split("https://localhost:3000")
    .join(xmlEscape(origin));
}

/**
 * https options for webpack-dev-server. office-addin-dev-certs may fail to install its CA (no sudo)
 * and still resolve, or throw; either way fall back to the certificate files it generated, then to
 * webpack-dev-server's own self-signed certificate, instead of crashing `webpack serve`.
 */
async function httpsOptions() {
  const certDir =
    process.env.CCHC_DEV_CERTS_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
  const fromFiles = () => {
    const cert = path.join(certDir, "localhost.crt");
    const key = path.join(certDir, "localhost.key");
    const ca = path.join(certDir, "ca.crt");
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      return {
        cert: fs.readFileSync(cert),
        key: fs.readFileSync(key),
        ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
      };
    }
    return null;
  };
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    if (options && options.cert && options.key) return options;
  } catch (err) {
    console.warn(
      `[cchc] office-addin-dev-certs could not install its certificate (${err && err.message}); using the generated files.`
    );
  }
  const files = fromFiles();
  if (files) return files;
  console.warn(
    "[cchc] no office-addin-dev-certs files; webpack-dev-server will use a self-signed certificate."
  );
  return undefined;
}

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const url = dev ? null : deploymentUrl();
  if (!dev && !url) {
    console.warn(
      "[cchc] ADDIN_URL is not set: dist/manifest.xml keeps https://localhost:3000/ (set ADDIN_URL for deployment)."
    );
  }

  const config = {
    mode,
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Entry names are fixed (the manifest and taskpane.html name them); lazy chunks get a content
      // hash so an Office webview that cached an old taskpane.js never pairs it with a new chunk.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        // A module html-webpack-plugin runs in Node: it writes the page with the "connecting" pane
        // already rendered in it (first paint before any script runs; docs/BENCHMARKS.md).
        template: "./src/taskpane/taskpane.html.tsx",
        // Order matters in the shared runtime: functions register before the UI renders.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { csp: contentSecurityPolicy() },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html", transform: withPolicy },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content, url),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
    },
  };

  if (process.env.WEBPACK_SERVE || (argv.env && argv.env.WEBPACK_SERVE)) {
    const https = await httpsOptions();
    config.devServer.server = https ? { type: "https", options: https } : { type: "https" };
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.httpsOptions = httpsOptions;
