#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled by `npm run build` (tsc -p tsconfig.cli.json) into lib/.
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "cchc: chưa biên dịch. Hãy chạy `npm run build` trước (not built: run `npm run build`).\n"
    );
    process.exit(2);
  }
  throw err;
}
Promise.resolve(main(process.argv.slice(2))).then(
  (code) => process.exit(typeof code === "number" ? code : 0),
  (err) => {
    process.stderr.write(`cchc: lỗi không mong đợi: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  }
);
