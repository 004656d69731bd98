// CommonJS stand-ins for ESM-only packages that office-addin-mock pulls in through office-addin-manifest.
// Jest on Node 20 cannot require() ESM; the mock never calls these at test time.
function stripBom(s) {
  if (typeof s !== "string") throw new TypeError("Expected a string");
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
async function fetchUnavailable() {
  throw new Error("network is not available in tests");
}
module.exports = stripBom;
module.exports.default = stripBom;
module.exports.fetch = fetchUnavailable;
// uuid v11+ is ESM-only; node's crypto gives the same v4 ids.
module.exports.v4 = () => require("crypto").randomUUID();
