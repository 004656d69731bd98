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
        template: "./src/taskpane/taskpane.html",
        // Order matters in the shared runtime: functions register before the UI renders.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
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
module.exports.httpsOptions = httpsOptions;
