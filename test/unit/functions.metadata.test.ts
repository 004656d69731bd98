/**
 * The functions.json that custom-functions-metadata generates from src/functions/functions.ts (the
 * same generator the webpack plugin runs): every function listed with Vietnamese help, optional
 * parameters marked optional, RATE's parameters matrices. Also guards what the functions bundle
 * imports, so it stays small.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  generateCustomFunctionsMetadata,
  type ICustomFunctionsMetadata,
} from "custom-functions-metadata";
import { CCHC_FUNCTIONS } from "../support/hyperformula";

const ROOT = resolve(__dirname, "../..");
const FUNCTIONS_FILE = join(ROOT, "src/functions/functions.ts");

/** Letters only Vietnamese uses among the scripts we might see here. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const EXPECTED: Record<string, { params: string[]; optional: string[]; matrix: string[] }> = {
  RATE: { params: ["part", "total"], optional: [], matrix: ["part", "total"] },
  ATTAIN: { params: ["actual", "target", "comparison"], optional: ["comparison"], matrix: [] },
  MET: { params: ["actual", "target", "comparison"], optional: ["comparison"], matrix: [] },
  TARGET: { params: ["id"], optional: [], matrix: [] },
  DUE: { params: ["deadline_text", "year"], optional: ["year"], matrix: [] },
  STATUS: {
    params: ["due", "done_date", "as_of", "soon_days"],
    optional: ["done_date", "as_of", "soon_days"],
    matrix: [],
  },
  DAYSLATE: { params: ["due", "done_date", "as_of"], optional: ["done_date", "as_of"], matrix: [] },
};

let metadata: ICustomFunctionsMetadata;
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  errors = result.errors;
  metadata = result.metadataJson
    ? (JSON.parse(result.metadataJson) as ICustomFunctionsMetadata)
    : { functions: [], enums: [] };
});

describe("generated functions.json", () => {
  it("has no generator errors", () => {
    expect(errors).toEqual([]);
  });

  it("lists exactly the seven CCHC functions with ASCII ids and names", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z]+$/);
    }
  });

  it.each(Object.keys(EXPECTED))(
    "%s has a Vietnamese description and Vietnamese help for every parameter",
    (id) => {
      const f = metadata.functions.find((x) => x.id === id)!;
      expect(f.description).toMatch(VIETNAMESE);
      expect(f.parameters.map((p) => p.name)).toEqual(EXPECTED[id]!.params);
      for (const p of f.parameters) {
        expect(p.description).toMatch(VIETNAMESE);
        // The "[name]" JSDoc form must not leak into the help text.
        expect(p.description).not.toMatch(/^\[/);
      }
    }
  );

  it.each(Object.keys(EXPECTED))("%s marks optional parameters, and only those, optional", (id) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    const optional = f.parameters.filter((p) => p.optional === true).map((p) => p.name);
    expect(optional).toEqual(EXPECTED[id]!.optional);
    // An optional parameter may not precede a required one.
    const firstOptional = f.parameters.findIndex((p) => p.optional === true);
    if (firstOptional >= 0)
      expect(f.parameters.slice(firstOptional).every((p) => p.optional === true)).toBe(true);
  });

  it.each(Object.keys(EXPECTED))(
    "%s takes values uncoerced (type any) with the intended dimensionality",
    (id) => {
      const f = metadata.functions.find((x) => x.id === id)!;
      for (const p of f.parameters) {
        expect(p.type).toBe("any");
        const matrix = EXPECTED[id]!.matrix.includes(p.name);
        expect(p.dimensionality ?? "scalar").toBe(matrix ? "matrix" : "scalar");
      }
      expect(f.result?.dimensionality ?? "scalar").toBe("scalar");
    }
  );

  it("is not volatile: as_of is an argument instead", () => {
    for (const f of metadata.functions) expect(f.options?.volatile).not.toBe(true);
  });

  it("matches the HyperFormula test engine's registrations", () => {
    for (const spec of CCHC_FUNCTIONS) {
      const f = metadata.functions.find((x) => x.id === spec.id)!;
      expect(spec.params.map((p) => [p.name, p.optional === true, p.matrix === true])).toEqual(
        f.parameters.map((p) => [p.name, p.optional === true, p.dimensionality === "matrix"])
      );
    }
  });
});

/** Runtime imports of a TS module: local ones resolved to files, and package names. */
function localImports(file: string): { local: string[]; packages: string[] } {
  const src = readFileSync(file, "utf8");
  const specs = [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)].map(
    (m) => m[1]!
  );
  const typeOnly = new Set(
    [...src.matchAll(/^\s*import\s+type\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!)
  );
  const local: string[] = [];
  const packages: string[] = [];
  for (const spec of specs) {
    if (typeOnly.has(spec)) continue; // erased at compile time
    if (!spec.startsWith(".")) {
      packages.push(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const candidates = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base];
    local.push(candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base);
  }
  return { local, packages };
}

describe("functions bundle imports", () => {
  it("pulls only domain modules and the indicators, never zod, React, exceljs or the task data", () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [FUNCTIONS_FILE];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!/\.(ts|tsx)$/.test(file)) continue;
      const { local, packages: pkgs } = localImports(file);
      pkgs.forEach((p) => packages.add(p));
      queue.push(...local);
    }
    const rel = [...seen].map((f) => f.slice(ROOT.length + 1)).sort();
    expect(rel).toContain("src/functions/functions.ts");
    // From src/plan only the indicators (module + JSON) and the workbook plan's targets handed over
    // by the task pane (a module without imports); the task data and zod stay out.
    const allowed =
      /^src\/(functions|domain)\/[^/]+\.ts$|^src\/plan\/(indicators(\.ts|-\d{4}\.json)|workbookTargets\.ts)$/;
    expect(rel.filter((f) => !allowed.test(f))).toEqual([]);
    expect(rel).toContain("src/plan/indicators.ts");
    expect([...packages]).toEqual([]);
  });
});
