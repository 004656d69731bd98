/**
 * Writing the output: exclusive creation (two runs at once: one writes, the other is told the file
 * exists), --force keeps the file's mode and writes through symbolic and hard links, a full disk or a
 * folder gives a Vietnamese message, and no temporary file is ever left behind.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runWorkbook } from "../../src/cli/commands/workbook";
import { writeOutputFile, OutputFileError, type OutputFs } from "../../src/cli/outputFile";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-out-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; err: string }> {
  const r = { code: -1, err: "" };
  r.code = await runWorkbook(args, {
    stdout: () => undefined,
    stderr: (t) => (r.err += t),
    cwd: dir,
    today: "2024-05-15",
  });
  return r;
}

const isXlsx = (file: string): boolean => fs.readFileSync(file).subarray(0, 2).toString() === "PK";
const at = (name: string): string => path.join(dir, name);

// The command's body (exceljs, layouts) loads on first use; load it here, not inside a timed test.
beforeAll(() => import("../../src/cli/commands/workbookRun"));

describe("cchc workbook --out: the output file", () => {
  test("two runs started together without --force: one writes the file, the other says it exists", async () => {
    const [a, b] = await Promise.all([run(["--out", "X.xlsx"]), run(["--out", "X.xlsx"])]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(loser.err).toMatch(/Tệp “.*X\.xlsx” đã có/);
    expect(loser.err).not.toMatch(/Đã ghi/);
    expect(fs.readdirSync(dir)).toEqual(["X.xlsx"]);
    expect(isXlsx(at("X.xlsx"))).toBe(true);
  });

  test("--force keeps the file's mode", async () => {
    fs.writeFileSync(at("X.xlsx"), "old");
    fs.chmodSync(at("X.xlsx"), 0o640);
    expect((await run(["--out", "X.xlsx", "--force"])).code).toBe(0);
    expect(fs.statSync(at("X.xlsx")).mode & 0o777).toBe(0o640);
    expect(isXlsx(at("X.xlsx"))).toBe(true);
  });

  test("--force through a symbolic link writes the file it points to; the link stays", async () => {
    fs.mkdirSync(at("shared"));
    fs.writeFileSync(at("shared/real.xlsx"), "old");
    fs.symlinkSync(path.join("shared", "real.xlsx"), at("X.xlsx"));
    expect((await run(["--out", "X.xlsx", "--force"])).code).toBe(0);
    expect(fs.lstatSync(at("X.xlsx")).isSymbolicLink()).toBe(true);
    expect(isXlsx(at("shared/real.xlsx"))).toBe(true);
    expect(fs.readdirSync(at("shared"))).toEqual(["real.xlsx"]);
  });

  test("--force on a file with another hard link: both names see the new workbook", async () => {
    fs.writeFileSync(at("X.xlsx"), "old");
    fs.linkSync(at("X.xlsx"), at("Y.xlsx"));
    expect((await run(["--out", "X.xlsx", "--force"])).code).toBe(0);
    expect(isXlsx(at("Y.xlsx"))).toBe(true);
    expect(fs.statSync(at("X.xlsx")).ino).toBe(fs.statSync(at("Y.xlsx")).ino);
    expect(fs.readdirSync(dir).sort()).toEqual(["X.xlsx", "Y.xlsx"]);
  });

  test("--out naming a folder: a Vietnamese message, nothing written", async () => {
    fs.mkdirSync(at("bao-cao"));
    for (const args of [
      ["--out", "bao-cao"],
      ["--out", "bao-cao", "--force"],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/“.*bao-cao” là một thư mục\. Hãy ghi rõ tên tệp/);
    }
    expect(fs.readdirSync(dir)).toEqual(["bao-cao"]);
    expect(fs.readdirSync(at("bao-cao"))).toEqual([]);
  });
});

/** The real file system, except that writing data fails as on a full disk. */
function fullDisk(): OutputFs {
  const real = fs.promises;
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: () =>
          Promise.reject(
            Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" })
          ),
        close: () => handle.close(),
      });
    },
  } as OutputFs;
}

describe("writeOutputFile on a full disk", () => {
  test.each([false, true])(
    "force=%s: Vietnamese message, old file untouched, no temp file",
    async (force) => {
      if (force) fs.writeFileSync(at("X.xlsx"), "old");
      const err = await writeOutputFile(
        at("X.xlsx"),
        new Uint8Array([1, 2, 3]),
        { force },
        fullDisk()
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutputFileError);
      expect((err as Error).message).toMatch(
        /^Ổ đĩa đã đầy .*không ghi được “.*X\.xlsx”\. Hãy giải phóng dung lượng/
      );
      expect(fs.readdirSync(dir)).toEqual(force ? ["X.xlsx"] : []);
      if (force) expect(fs.readFileSync(at("X.xlsx"), "utf8")).toBe("old");
    }
  );
});
