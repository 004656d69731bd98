import * as fs from "fs";
import * as path from "path";

/**
 * The layering of ARCHITECTURE.md, enforced: plan data and pure logic never import Office.js, React
 * or exceljs, and no layer imports one above it.
 */
const SRC = path.resolve(__dirname, "..", "..", "src");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|require\(["']([^"']+)["']\)/g
  )) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

/** The layer of a source path: its folder under src/ (render/office and render/xlsx apart). */
function layerOf(abs: string): string {
  const rel = path.relative(SRC, abs).split(path.sep);
  return rel[0] === "render" ? `render/${rel[1]}` : rel[0];
}

const ALLOWED: Record<string, string[]> = {
  domain: ["domain"],
  plan: ["plan", "domain"],
  import: ["import", "plan", "domain"],
  layouts: ["layouts", "plan", "domain"],
  "render/office": ["render/office", "layouts", "plan", "domain"],
  "render/xlsx": ["render/xlsx", "layouts", "plan", "domain"],
  functions: ["functions", "domain", "plan/indicators", "plan/workbookTargets", "plan/types"],
  cli: ["cli", "import", "render/xlsx", "layouts", "plan", "domain"],
  taskpane: ["taskpane", "import", "render/office", "layouts", "plan", "domain"],
  commands: ["commands", "render/office"],
};
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  domain: /^(react|react-dom|@fluentui\/|exceljs|office|@microsoft\/office-js|zod)/,
  plan: /^(react|react-dom|@fluentui\/|exceljs|office|@microsoft\/office-js)/,
  import: /^(react|react-dom|@fluentui\/|exceljs|office|@microsoft\/office-js|zod)/,
  layouts: /^(react|react-dom|@fluentui\/|exceljs|office|@microsoft\/office-js)/,
  "render/office": /^(react|react-dom|@fluentui\/|exceljs)/,
  "render/xlsx": /^(react|react-dom|@fluentui\/)/,
  functions: /^(react|react-dom|@fluentui\/|exceljs|zod)/,
  cli: /^(react|react-dom|@fluentui\/)/,
  taskpane: /^(exceljs|zod)/,
  commands: /^(react|react-dom|@fluentui\/|exceljs|zod)/,
};

const violations: string[] = [];
for (const file of filesUnder(SRC)) {
  const layer = layerOf(file);
  const allowed = ALLOWED[layer];
  if (!allowed) {
    violations.push(`${path.relative(SRC, file)}: folder "${layer}" is not in the layer table`);
    continue;
  }
  for (const spec of importsOf(file)) {
    const where = path.relative(SRC, file);
    if (spec.startsWith(".")) {
      const target = path
        .relative(SRC, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join("/");
      if (!allowed.some((a) => target === a || target.startsWith(`${a}/`)))
        violations.push(`${where} imports ${spec} (${target})`);
    } else if (FORBIDDEN_PACKAGES[layer].test(spec)) {
      violations.push(`${where} imports package ${spec}`);
    }
  }
}

test("every import respects the layers of ARCHITECTURE.md", () => {
  expect(violations).toEqual([]);
});

test("the check sees imports (guards against a regex that matches nothing)", () => {
  const sample = importsOf(path.join(SRC, "layouts", "tasksSheet.ts"));
  expect(sample.some((s) => s.startsWith("../domain/"))).toBe(true);
  expect(layerOf(path.join(SRC, "render", "xlsx", "x.ts"))).toBe("render/xlsx");
});
