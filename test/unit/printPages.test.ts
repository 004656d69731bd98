/**
 * The printed "Nhiệm vụ" sheet, as a reader gets it: the workbook file goes through LibreOffice to a
 * PDF (the sheet's own page set-up: print area, A4 landscape, fit to width, repeated header row), and
 * the PDF's words are read back with poppler's pdftotext. The 2024 plan prints on at most 5 pages at
 * 10 pt or more, with the table header on every page; a plan ten times as long still prints (about
 * ten times the pages, same size), with nothing outside the printed columns.
 *
 * Font size is measured, not assumed: the height of the body words against the title's, whose size
 * (14 pt) the layout sets. Needs libreoffice-calc-nogui and poppler-utils (scripts/install-system-deps.sh);
 * without them this test FAILS, on purpose.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { buildWorkbook } from "../../src/layouts/workbook";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { taskColumnHeader } from "../../src/layouts/tasksSheet";
import { scaledPlan } from "../support/layoutFixtures";

jest.setTimeout(300_000);

interface Word {
  text: string;
  yMin: number;
  yMax: number;
}

function which(cmd: string): string {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(
      `${cmd} chưa được cài: apt-get install -y libreoffice-calc-nogui poppler-utils (scripts/install-system-deps.sh)`
    );
  return r.stdout.trim();
}

/** Pages of the PDF LibreOffice prints the plan's workbook to, as lists of words. */
async function printedPages(plan: Plan): Promise<Word[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-print-"));
  try {
    const { layout } = buildWorkbook(plan, {
      flavor: "file",
      today: "2024-09-30",
      asOf: "2024-09-30",
    });
    const xlsx = path.join(dir, "so.xlsx");
    fs.writeFileSync(xlsx, Buffer.from(await renderWorkbookFile(layout)));
    execFileSync(
      which("soffice"),
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        xlsx,
      ],
      { stdio: "ignore", timeout: 240_000 }
    );
    const html = execFileSync(which("pdftotext"), ["-bbox", path.join(dir, "so.pdf"), "-"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    return html
      .split("<page ")
      .slice(1)
      .map((page) =>
        [
          ...page.matchAll(
            /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
          ),
        ].map((m) => ({ text: m[3], yMin: Number(m[1]), yMax: Number(m[2]) }))
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages of the "Nhiệm vụ" sheet: their page header is the sheet's print header. */
function tasksPages(pages: Word[][], year: number): Word[][] {
  const header = `Theo dõi nhiệm vụ CCHC năm ${year}`;
  return pages.filter(
    (words) =>
      words
        .slice(0, 7)
        .map((w) => w.text)
        .join(" ") === header
  );
}

const height = (w: Word): number => w.yMax - w.yMin;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("the printed Nhiệm vụ sheet (LibreOffice → PDF)", () => {
  test("the 2024 plan: at most 5 A4 pages, body at 10 pt or more, the header row on every page", async () => {
    const plan = getPlan();
    const pages = tasksPages(await printedPages(plan), plan.year);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(5);

    // Every page repeats the table's header row.
    for (const words of pages) {
      const text = words.map((w) => w.text).join(" ");
      expect(text).toContain(taskColumnHeader("task"));
      expect(text).toContain(taskColumnHeader("updateNote"));
    }
    // Each objective printed once (1.5 of section III used to print on every one of its rows).
    const all = pages.map((ws) => ws.map((w) => w.text).join(" ")).join(" ");
    expect(all.split("Mục tiêu 1.5.").length - 1).toBe(
      new Set(
        plan.tasks
          .filter((t) => t.objective.code === "1.5")
          .map((t) => `${t.section}|${t.subsection}`)
      ).size
    );
    // Screen-only columns are not printed.
    for (const key of ["activities", "outputs", "status", "evidence"] as const)
      expect(all).not.toContain(taskColumnHeader(key));

    // Font size: body words against the 14 pt title ("THEO DÕI THỰC HIỆN …" on page 1).
    const title = pages[0].filter((w) => w.text === "THEO");
    expect(title).toHaveLength(1);
    const ptPerHeight = 14 / height(title[0]);
    const body = pages.flatMap((words) => words.slice(7)).filter((w) => /^\p{Ll}+$/u.test(w.text));
    expect(body.length).toBeGreaterThan(500);
    const bodyPt = median(body.map(height)) * ptPerHeight;
    expect(bodyPt).toBeGreaterThanOrEqual(9.9);
  });

  test("a plan ten times as long prints at the same size on about ten times the pages", async () => {
    const base = getPlan();
    const pages = tasksPages(await printedPages(scaledPlan(base, 10)), base.year);
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.length).toBeLessThanOrEqual(55);
    for (const words of pages)
      expect(words.map((w) => w.text).join(" ")).toContain(taskColumnHeader("task"));
  });
});
