/**
 * A spreadsheet engine nobody here wrote: LibreOffice Calc (headless) opens the generated file, really
 * recalculates it, and its per-unit counts, task states and indicator results must equal the domain
 * code's for a fixed as-of date and a filled-in workbook (tasks done on time / late / not applicable /
 * overdue, a year of monthly numbers).
 *
 * Recalculation is proven, not assumed: every cached formula result in the file LibreOffice reads is
 * replaced by a wrong value first, and LibreOffice's own profile is set to "always recalculate" files
 * from Excel 2007+ (its default, "never", would show the cached values — see docs/workbook-file.md).
 * One page per sheet is rendered to PNG in test-output/ (soffice → PDF → pdftoppm) to look at.
 *
 * Needs Debian packages libreoffice-calc-nogui (or libreoffice-calc) and poppler-utils; without them
 * this test FAILS, on purpose.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import type { Scalar, SheetLayout, TableSpec, WorkbookLayout } from "../../src/layouts/model";
import type { UserInput } from "../../src/layouts/userInput";
import { buildWorkbook } from "../../src/layouts/workbook";
import { ROSTER_TABLE, composeRosterSheet } from "../../src/layouts/rosterSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import { RECURRING_TABLE } from "../../src/layouts/recurringSheet";
import { HISTORY_TABLE } from "../../src/layouts/historySheet";
import { planRollup, taskDue, taskOutcome, unitRollup } from "../../src/domain/unitRollup";
import { isoToSerial } from "../../src/domain/excelDate";
import { isMet, rate } from "../../src/domain/rates";
import { targetValue } from "../../src/domain/indicatorTarget";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { parseCell } from "../../src/layouts/a1";
import {
  POISON_NUMBER,
  POISON_TEXT,
  computed,
  makeProfile,
  poisoned,
  soffice,
  which,
} from "../support/libreoffice";

// Reading back and recalculating a whole workbook (seven sheets) is seconds of work on a busy machine.
jest.setTimeout(120_000);

const AS_OF = "2024-06-30";
const SOON_DAYS = 7;
const OUTPUT = path.resolve(__dirname, "..", "..", "test-output");

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A filled-in year: every kind of task outcome, and twelve months of numbers for every indicator. */
/** The target added by hand: the empty row it was typed in, its id and definition cells. */
const HAND = {
  row: "(dòng mới 1)",
  id: "TAY.1",
  definition: { code: "TAY.1", text: "Tỷ lệ phản ánh được trả lời đúng hạn", targetText: "≥ 92%" },
};

function filledInput(plan: Plan): UserInput {
  const tasks: Record<string, Record<string, Scalar>> = {};
  plan.tasks.forEach((task, i) => {
    const due = taskDue(task);
    const serial = (iso: string) => isoToSerial(iso) as number;
    switch (i % 6) {
      case 0: // done on time
        tasks[task.key] = {
          status: "Hoàn thành",
          doneDate: serial(due ? addDays(due, -3) : addDays(AS_OF, -20)),
          progress: 100,
          evidence: `Số ${i + 1}/QĐ-SKHCN`,
        };
        break;
      case 1: // done late (or, for recurring work, simply done)
        tasks[task.key] = {
          status: "Hoàn thành",
          doneDate: serial(due ? addDays(due, 12) : addDays(AS_OF, -2)),
          progress: 100,
          updateNote: "Hoàn thành chậm",
        };
        break;
      case 2:
        tasks[task.key] = { status: "Không áp dụng", updateNote: "Không phát sinh" };
        break;
      case 3: // still running: overdue when its deadline has passed
        tasks[task.key] = { status: "Đang thực hiện", progress: 40 };
        break;
      case 4: // nothing typed
        break;
      default: // done, no date typed
        tasks[task.key] = { status: "Hoàn thành" };
    }
  });
  const indicators: Record<string, Record<string, Scalar>> = {};
  plan.indicators.forEach((ind, i) => {
    const row: Record<string, Scalar> = { updateNote: `Cập nhật ${i}` };
    for (let m = 1; m <= 12; m++) {
      if (ind.unit === "%") {
        const total = 80 + 7 * m + i;
        // Climbing from ~86% to ~99%, different per indicator so some targets are met and some missed.
        const share = Math.min(1, 0.86 + (0.12 * (m - 1)) / 11 + ((i % 5) - 2) * 0.01);
        row[`den${m}`] = total;
        row[`num${m}`] = Math.floor(total * share);
      } else {
        row[`num${m}`] = m % 5 === 0 ? 1 : 0;
      }
    }
    indicators[ind.id] = row;
  });
  // A target the coordinator added by hand in an empty row: computed like the document's.
  const hand: Record<string, Scalar> = { ...HAND.definition };
  for (let m = 1; m <= 12; m++) {
    hand[`den${m}`] = 50 + m;
    hand[`num${m}`] = 45 + m;
  }
  indicators[HAND.row] = hand;
  // The coordinator's list: a unit of their own in two groups, a plan unit in one (groups' tasks
  // then count for these units, through the hidden lead-id column).
  const roster: Record<string, Record<string, Scalar>> = {
    "Phòng TT-TK KH,CN và ĐMST": { groups: "Các phòng chuyên môn" },
    "+1": {
      name: "Phòng Quản lý khoa học",
      kind: "Đơn vị",
      groups: "Các phòng chuyên môn; Các phòng, bộ phận liên quan",
    },
  };
  return {
    tables: { [TASKS_TABLE]: tasks, [INDICATORS_TABLE]: indicators, [ROSTER_TABLE]: roster },
    names: {},
  };
}

function table(layout: WorkbookLayout, name: string): { sheet: SheetLayout; spec: TableSpec } {
  const sheet = layout.sheets.find((s) => s.table?.name === name)!;
  return { sheet, spec: sheet.table! };
}

describe("LibreOffice Calc recalculates the generated workbook like the domain code", () => {
  const plan = getPlan();
  const input = filledInput(plan);
  let layout: WorkbookLayout;
  let built: Plan;
  let lo: ExcelJS.Workbook;
  let work: string;

  beforeAll(async () => {
    const bin = which("soffice");
    const pdftoppm = which("pdftoppm");
    if (!bin || !pdftoppm) {
      throw new Error(
        "LibreOffice (soffice) hoặc pdftoppm chưa được cài: apt-get install -y libreoffice-calc-nogui poppler-utils " +
          "(và fonts-crosextra-carlito để độ rộng cột như trong Excel)"
      );
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
    const profile = makeProfile(path.join(work, "profile"));
    const build = buildWorkbook(plan, {
      flavor: "file",
      asOf: AS_OF,
      soonDays: SOON_DAYS,
      userInput: input,
    });
    layout = build.layout;
    built = build.plan;

    const source = path.join(work, "CCHC-2024.xlsx");
    fs.writeFileSync(source, await renderWorkbookFile(poisoned(layout)));
    const outDir = path.join(work, "lo");
    soffice(bin, profile, ["--convert-to", "xlsx", "--outdir", outDir, source]);
    lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(outDir, "CCHC-2024.xlsx"));

    // The visual artefact: the (correct) file printed by LibreOffice, first page of each sheet.
    const real = path.join(work, "in-cchc.xlsx");
    fs.writeFileSync(real, await renderWorkbookFile(layout));
    const pdfDir = path.join(work, "pdf");
    soffice(bin, profile, ["--convert-to", "pdf", "--outdir", pdfDir, real]);
    const pdf = path.join(pdfDir, "in-cchc.pdf");
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(pdf, path.join(OUTPUT, "libreoffice-workbook.pdf"));
    const pages = pageOfEachSheet(pdf, layout);
    for (const [key, page] of Object.entries(pages)) {
      execFileSync(pdftoppm, [
        "-png",
        "-r",
        "70",
        "-f",
        String(page),
        "-l",
        String(page),
        "-singlefile",
        pdf,
        path.join(OUTPUT, `libreoffice-${key}`),
      ]);
    }
  }, 240_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("the data exercise every case: done on time, done late, overdue, not applicable, due soon or on track", () => {
    const whole = planRollup(plan, input.tables[TASKS_TABLE], AS_OF, SOON_DAYS);
    expect(whole.doneOnTime).toBeGreaterThan(0);
    expect(whole.doneLate).toBeGreaterThan(0);
    expect(whole.overdue).toBeGreaterThan(0);
    expect(whole.notApplicable).toBeGreaterThan(0);
    expect(whole.dueSoon + whole.onTrack + whole.recurring).toBeGreaterThan(0);
  });

  test("no poisoned cached value survives: LibreOffice recalculated on load", () => {
    let formulas = 0;
    for (const ws of lo.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (!cell.formula) return;
          formulas += 1;
          expect([POISON_NUMBER, POISON_TEXT]).not.toContain(cell.result);
        })
      );
    }
    expect(formulas).toBeGreaterThan(plan.tasks.length * 3);
  });

  test("task states and days late equal taskOutcome() for every task", () => {
    const { sheet, spec } = table(layout, TASKS_TABLE);
    const ws = lo.getWorksheet(sheet.name)!;
    const at = parseCell(spec.at);
    const colOf = (key: string) => at.col + spec.columns.findIndex((c) => c.key === key);
    const byKey = new Map(plan.tasks.map((t) => [t.key, t]));
    let checked = 0;
    spec.rows.forEach((row, i) => {
      const task = byKey.get(row.key);
      if (!task) return;
      const expected = taskOutcome(
        taskDue(task),
        input.tables[TASKS_TABLE][task.key],
        AS_OF,
        SOON_DAYS
      );
      const r = at.row + 1 + i;
      expect({
        key: task.key,
        state: computed(ws, r, colOf("state")),
        late: computed(ws, r, colOf("daysLate")),
      }).toEqual({
        key: task.key,
        state: expected.state,
        late: expected.daysLate,
      });
      checked += 1;
    });
    expect(checked).toBe(plan.tasks.length);
  });

  test("per-unit counts and on-time rates equal unitRollup(), and the whole-plan row planRollup()", () => {
    const sheet = layout.sheets.find((s) => s.key === "units")!;
    const spec = sheet.table!;
    const ws = lo.getWorksheet(sheet.name)!;
    const at = parseCell(spec.at);
    const colOf = (key: string) => at.col + spec.columns.findIndex((c) => c.key === key);
    const { accounts } = composeRosterSheet(plan, input);
    const expected = unitRollup(plan, input.tables[TASKS_TABLE], AS_OF, SOON_DAYS, accounts);
    expect(spec.rows.map((r) => r.key)).toEqual(expected.map((u) => u.id));
    expect(expected.map((u) => u.unit)).toContain("Phòng Quản lý khoa học");
    expect(expected.map((u) => u.unit)).not.toContain("Các phòng chuyên môn (nhóm)");
    const read = (r: number) => ({
      total: computed(ws, r, colOf("total")),
      done: computed(ws, r, colOf("done")),
      overdue: computed(ws, r, colOf("overdue")),
      dueSoon: computed(ws, r, colOf("dueSoon")),
      onTimeRate: computed(ws, r, colOf("onTimeRate")),
    });
    const want = (u: ReturnType<typeof planRollup>) => ({
      total: u.total,
      done: u.done,
      overdue: u.overdue,
      dueSoon: u.dueSoon,
      onTimeRate: u.onTimeRate === null ? "" : expect.closeTo(u.onTimeRate, 12),
    });
    expected.forEach((u, i) =>
      expect({ unit: u.unit, ...read(at.row + 1 + i) }).toEqual({ unit: u.unit, ...want(u) })
    );
    expect(expected.some((u) => u.overdue > 0)).toBe(true);

    // The whole-plan row sits below the table; find it by its label.
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(at.col).value ?? "").startsWith("Toàn cơ quan")) totalRow = n;
    });
    expect(totalRow).toBeGreaterThan(at.row + spec.rows.length);
    expect(read(totalRow)).toEqual(
      want(planRollup(plan, input.tables[TASKS_TABLE], AS_OF, SOON_DAYS))
    );
  });

  test("indicator year-to-date values and met/not met equal the domain's rate() and isMet()", () => {
    const { sheet, spec } = table(layout, INDICATORS_TABLE);
    const ws = lo.getWorksheet(sheet.name)!;
    const at = parseCell(spec.at);
    const colOf = (key: string) => at.col + spec.columns.findIndex((c) => c.key === key);
    const byId = new Map(built.indicators.map((i) => [i.id, i]));
    expect(byId.has(HAND.id)).toBe(true);
    let met = 0;
    let missed = 0;
    spec.rows.forEach((row, i) => {
      const ind = byId.get(row.key);
      if (!ind) return;
      const typed = input.tables[INDICATORS_TABLE][ind.id === HAND.id ? HAND.row : ind.id];
      const nums = Array.from({ length: 12 }, (_, m) => typed[`num${m + 1}`]);
      const dens = Array.from({ length: 12 }, (_, m) => typed[`den${m + 1}`]);
      let ytd: number;
      if (ind.unit === "%") {
        const r = rate(nums, dens);
        if (!r.ok) throw new Error(`rate ${ind.id}: ${r.message}`);
        ytd = r.value;
      } else {
        ytd = nums.reduce<number>((s, v) => s + (v as number), 0);
      }
      const r = at.row + 1 + i;
      const verdict = computed(ws, r, colOf("met"));
      const isMetNow = isMet(ytd, targetValue(ind), ind.comparison);
      expect({ id: ind.id, ytd: computed(ws, r, colOf("ytd")), met: verdict === "Đạt" }).toEqual({
        id: ind.id,
        ytd: expect.closeTo(ytd, 12),
        met: isMetNow,
      });
      expect(["Đạt", "Gần đạt", "Chưa đạt"]).toContain(verdict);
      if (isMetNow) met += 1;
      else missed += 1;
    });
    expect(met + missed).toBe(plan.indicators.length + 1);
    expect(met).toBeGreaterThan(0);
    expect(missed).toBeGreaterThan(0);
  });

  test("a file saved by LibreOffice feeds --from: every typed value is read back", async () => {
    const read = await readUserInputFromFile(
      fs.readFileSync(path.join(work, "lo", "CCHC-2024.xlsx")),
      layout,
      "lo.xlsx"
    );
    for (const name of [TASKS_TABLE, INDICATORS_TABLE, ROSTER_TABLE]) {
      for (const [typedKey, values] of Object.entries(input.tables[name])) {
        // The hand-added target's numbers are under its id now; its definition is the plan's.
        const key = name === INDICATORS_TABLE && typedKey === HAND.row ? HAND.id : typedKey;
        for (const [column, value] of Object.entries(values)) {
          if (key === HAND.id && column in HAND.definition) continue;
          expect({
            name,
            key,
            column,
            value: read.userInput.tables[name]?.[key]?.[column],
          }).toEqual({ name, key, column, value });
        }
      }
    }
    expect(read.userInput.names.NgayBaoCao).toBe(isoToSerial(AS_OF));
    // LibreOffice keeps the Excel tables when it saves .xlsx.
    expect(read.found.map((f) => [f.table, f.via])).toEqual([
      [TASKS_TABLE, "table"],
      [INDICATORS_TABLE, "table"],
      [ROSTER_TABLE, "table"],
      [RECURRING_TABLE, "table"],
      [HISTORY_TABLE, "table"],
    ]);
  });

  test("a page of each sheet was rendered to PNG for people to look at", () => {
    for (const sheet of layout.sheets) {
      const png = path.join(OUTPUT, `libreoffice-${sheet.key}.png`);
      expect(fs.existsSync(png)).toBe(true);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });
});

/** First PDF page of each sheet, found by the sheet name the footer prints on every page. */
function pageOfEachSheet(pdf: string, layout: WorkbookLayout): Record<string, number> {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  const found: Record<string, number> = {};
  for (let p = 1; p <= pages && Object.keys(found).length < layout.sheets.length; p++) {
    const text = execFileSync(
      "pdftotext",
      ["-f", String(p), "-l", String(p), "-layout", pdf, "-"],
      { encoding: "utf8" }
    );
    for (const sheet of layout.sheets) {
      if (
        found[sheet.key] === undefined &&
        new RegExp(`^\\s*${sheet.name}\\s+Trang \\d+/\\d+`, "m").test(text)
      )
        found[sheet.key] = p;
    }
  }
  return found;
}
