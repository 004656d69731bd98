import * as fs from "fs";
import * as path from "path";

/**
 * What `cchc` loads before a command runs, read from the sources: the static imports reachable from a
 * module (type-only imports are erased by the compiler; `await import()` loads on demand). The CLI
 * start-up figures of docs/BENCHMARKS.md depend on exceljs, jszip and zod staying out of this set.
 */
const SRC = path.resolve(__dirname, "../../src");
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"([^"]+)";/gm;

function resolveModule(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Packages and source files loaded at once when `entry` is required. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (file.endsWith(".json")) return;
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const spec = match[1];
      if (spec.startsWith(".")) visit(resolveModule(file, spec));
      else packages.add(spec);
    }
  };
  visit(path.join(SRC, entry));
  return { files, packages };
}

const HEAVY = ["exceljs", "jszip", "zod", "zod/mini", "docx"];

test("the static-import walk sees what it must (a module known to load zod statically)", () => {
  expect(staticClosure("plan/index.ts").packages).toContain("zod/mini");
  expect(staticClosure("cli/commands/workbookRun.ts").packages).toContain("exceljs");
  expect(staticClosure("cli/commands/importRun.ts").packages).toContain("jszip");
  expect(staticClosure("cli/commands/reportRun.ts").packages).toContain("docx");
  expect(staticClosure("cli/commands/snapshotRun.ts").packages).toContain("exceljs");
});

test("cchc starts without exceljs, jszip, zod, docx, the importer or the layouts", () => {
  const { files, packages } = staticClosure("cli/main.ts");
  for (const heavy of HEAVY) expect(packages).not.toContain(heavy);
  const relative = [...files].map((f) => path.relative(SRC, f));
  expect(relative.filter((f) => /^(import|render|layouts)\//.test(f))).toEqual([]);
  // report and snapshot are registered like workbook and import: their bodies load when run.
  expect(relative).toEqual(
    expect.arrayContaining(["cli/commands/report.ts", "cli/commands/snapshot.ts"])
  );
  expect(relative).not.toContain("plan/schema.ts");
});

test("`cchc plan` on the built-in plan loads the plan data but not zod", () => {
  const { files, packages } = staticClosure("cli/planFile.ts");
  for (const heavy of HEAVY) expect(packages).not.toContain(heavy);
  const relative = [...files].map((f) => path.relative(SRC, f));
  expect(relative).toContain("plan/plan-2024.json");
  expect(relative).not.toContain("plan/schema.ts");
});
