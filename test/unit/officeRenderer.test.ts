/**
 * The Office.js renderer against the strict fake Excel: what "create/update" writes (sheets, table,
 * formulas, names, rules, validation, freeze panes, print set-up, protection, chart), what it does
 * when the host lacks requirement sets, and the other actions (as-of date, unit filter, refresh).
 */
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import type { SheetLayout, WorkbookLayout } from "../../src/layouts/model";
import { buildWorkbook } from "../../src/layouts/workbook";
import { workbookTargets } from "../../src/layouts/targets";
import { cellAddress } from "../../src/layouts/a1";
import { unitCriterion } from "../../src/layouts/tasksFormulas";
import {
  AS_OF_CELL,
  NAME_AS_OF,
  TASKS_FIRST_BODY_ROW,
  TASKS_HEADER_ROW,
  TASKS_SHEET_NAME,
  TASKS_TABLE,
  taskColumn,
  taskColumnHeader,
  taskColumns,
} from "../../src/layouts/tasksSheet";
import { UNITS_TABLE, WHOLE_PLAN_LABEL } from "../../src/layouts/unitsSheet";
import { planRollup, taskDue, taskOutcome } from "../../src/domain/unitRollup";
import {
  createOrUpdate,
  filterByUnit,
  overdueSummary,
  refresh,
  setAsOfDate,
  type LayoutBuilder,
} from "../../src/render/office/actions";
import { needsTextGuard, readCell, toFormulaInput } from "../../src/render/office/cells";
import { EXCEL_ERROR_TEXTS } from "../../src/domain/result";
import { describeError } from "../../src/render/office/errors";
import { renderWorkbook } from "../support/renderWorkbook";
import {
  coreMissingMessage,
  degradedMessages,
  detectCapabilities,
} from "../../src/render/office/requirements";
import { iconSetStyle, validationRule } from "../../src/render/office/sheetFeatures";
import { widthToPoints } from "../../src/render/office/formats";
import { createFakeExcel, FakeOfficeError, type FakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { builderFor, depsOf, fixedBuilder, unitChoice } from "../support/officeHarness";

const plan: Plan = getPlan();
const TODAY = "2024-03-15";
const build = builderFor(plan, { today: TODAY });
const layout = (): WorkbookLayout => buildWorkbook(plan, { flavor: "addin", today: TODAY }).layout;
const sheetLayout = (key: string): SheetLayout => {
  const s = layout().sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
};

async function created(opts: { apiVersion?: string } = {}): Promise<FakeExcel> {
  const fake = createFakeExcel(opts);
  const r = await createOrUpdate(depsOf(fake), build);
  expect(r.message).toMatch(/^Đã tạo bảng theo dõi/);
  expect(r.ok).toBe(true);
  return fake;
}

/** The layout's sheets in order (Nhiệm vụ … Lịch sử). */
const SHEET_NAMES = workbookTargets(getPlan().year).sheets.map((t) => t.name);

describe("create on an empty workbook", () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    fake = await created();
  });

  test("one sheet per layout sheet, in order, each with its table at the layout's place", () => {
    expect(fake.sheetNames()).toEqual(["Sheet1", ...SHEET_NAMES]);
    for (const s of layout().sheets) {
      const t = fake.table(s.table!.name);
      expect(t.sheet).toBe(s.name);
      expect(t.address.split(":")[0]).toBe(s.table!.at);
      expect(t.headers).toEqual(s.table!.columns.map((c) => c.header));
      // An empty table (Lịch sử before any snapshot) still has one blank body row (tableGeometry).
      expect(t.body.length).toBe(Math.max(1, s.table!.rows.length));
    }
  });

  test("table body: formulas as written in the layout, text kept as text (codes like 2.10 are not numbers)", () => {
    const spec = sheetLayout("tasks").table!;
    const t = fake.table(TASKS_TABLE);
    spec.rows.forEach((row, i) => {
      row.cells.forEach((cell, j) => {
        const expected = cell === null ? "" : cell;
        expect([row.key, j, t.body[i][j]]).toEqual([row.key, j, expected]);
      });
    });
    const codeCol = spec.columns.findIndex((c) => c.key === "code");
    const codes = t.body.map((r) => r[codeCol]).filter((c) => c !== "");
    expect(codes).toContain("2.10");
    expect(codes.every((c) => typeof c === "string")).toBe(true);
  });

  test("blocks above the table, merged titles, the as-of cell =TODAY()", () => {
    const s = sheetLayout("tasks");
    const asOf = s.names.find((n) => n.name === NAME_AS_OF)!;
    expect(fake.cell(TASKS_SHEET_NAME, asOf.ref.replace(/\$/g, ""))).toBe("=TODAY()");
    const merges = fake.sheet(TASKS_SHEET_NAME).merges.length;
    expect(merges).toBe(s.blocks.filter((b) => b.merge).length);
    expect(fake.numberFormat(TASKS_SHEET_NAME, asOf.ref.replace(/\$/g, ""))).toBe("dd/mm/yyyy");
  });

  test("workbook-scoped defined names with absolute references", () => {
    const names = fake.names();
    for (const s of layout().sheets) {
      for (const n of s.names) {
        expect(names[n.name]).toMatch(
          new RegExp(`^='${s.name}'!\\$[A-Z]+\\$\\d+(:\\$[A-Z]+\\$\\d+)?$`)
        );
      }
    }
    expect(names.NgayBaoCao).toBe("='Nhiệm vụ'!$E$3");
  });

  test("conditional formats: plain-formula rules on the task body, first layout rule on top, stop if true where set", () => {
    const s = sheetLayout("tasks");
    const cfs = fake.sheet(TASKS_SHEET_NAME).cfs;
    expect(cfs.map((cf) => cf.props["custom.rule.formula"])).toEqual(
      s.rules.map((r) => (r.type === "expression" ? r.formula : null))
    );
    for (const [i, rule] of s.rules.entries()) {
      if (rule.type !== "expression") throw new Error("expected expression rules");
      expect(cfs[i].type).toBe("Custom");
      expect(cfs[i].props["custom.format.fill.color"]).toBe(rule.format.fill);
      expect(cfs[i].props["custom.format.font.italic"]).toBe(rule.format.italic);
      expect(cfs[i].props.stopIfTrue).toBe(rule.stopIfTrue);
      expect(String(cfs[i].props["custom.rule.formula"])).not.toMatch(/CCHC\./);
    }
    const unitsCfs = fake
      .sheet("Theo đơn vị")
      .cfs.map((c) => c.type)
      .sort();
    expect(unitsCfs).toEqual(["ColorScale", "ColorScale", "ColorScale", "DataBar"]);
  });

  test("data validation: status list, done date, progress, with Vietnamese alerts", () => {
    const dvs = fake.sheet(TASKS_SHEET_NAME).dvs;
    const list = dvs.find((d) => (d.rule as { list?: unknown }).list);
    expect((list!.rule as { list: { source: string } }).list.source).toBe(
      "Chưa thực hiện,Đang thực hiện,Hoàn thành,Không áp dụng"
    );
    expect(list!.errorAlert).toMatchObject({
      showAlert: true,
      style: "Stop",
      title: "Trạng thái không hợp lệ",
    });
    const date = dvs.find(
      (d) => (d.rule as { date?: unknown }).date && d.box.left === taskColumn("doneDate")
    );
    expect(date!.rule).toEqual({
      date: { formula1: "2023-01-01", formula2: "2029-12-31", operator: "Between" },
    });
    const progress = dvs.find(
      (d) => (d.rule as { decimal?: unknown }).decimal && d.box.left === taskColumn("progress")
    );
    expect(progress!.rule).toEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
  });

  test("frozen header, A4 landscape with the header row repeated, fit to one page wide", () => {
    const s = fake.sheet(TASKS_SHEET_NAME);
    expect(s.freeze).toEqual({ rows: TASKS_HEADER_ROW, columns: 0 });
    expect(s.page.orientation).toBe("Landscape");
    expect(s.page.paperSize).toBe("A4");
    expect(s.page.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(s.printTitleRows).toBe(`$${TASKS_HEADER_ROW}:$${TASKS_HEADER_ROW}`);
    expect(s.page["headersFooters.defaultForAllPages.centerHeader"]).toBe(
      "Theo dõi nhiệm vụ CCHC năm 2024"
    );
    expect(fake.sheet("Chỉ tiêu").page.printArea).toMatch(/^B1:/);
  });

  test("protected without password; plan cells locked, input and definition cells unlocked, key and both lead helper columns hidden", () => {
    const s = fake.sheet(TASKS_SHEET_NAME);
    expect(s.protection).toEqual({
      protected: true,
      options: { allowAutoFilter: true, allowSort: true, allowFormatColumns: true },
      password: undefined,
    });
    const cols = taskColumns(2024);
    const row = TASKS_FIRST_BODY_ROW + 2; // task 2.1, under the rows of section I and its objective
    cols.forEach((c, i) => {
      const addr = cellAddress(row, i + 1);
      expect([c.key, fake.isLocked(TASKS_SHEET_NAME, addr)]).toEqual([
        c.key,
        c.role !== "input" && c.role !== "definition",
      ]);
    });
    expect([...s.hiddenCols].sort((a, b) => a - b)).toEqual([
      taskColumn("key"),
      taskColumn("leadKeys"),
      taskColumn("leadText"),
    ]);
    expect(fake.isLocked(TASKS_SHEET_NAME, AS_OF_CELL)).toBe(false);
  });

  test("fonts and widths per column range, not per cell", () => {
    expect(fake.formatAt(TASKS_SHEET_NAME, "C40", "font.name")).toBe("Times New Roman");
    const s = fake.sheet(TASKS_SHEET_NAME);
    const widthOps = s.fmt.filter((f) => f.prop === "columnWidth");
    expect(widthOps.every((f) => f.box.top === 1 && f.box.bottom === 1048576)).toBe(true);
    const perCell = s.fmt.filter(
      (f) =>
        f.box.top === f.box.bottom && f.box.left === f.box.right && f.box.top > TASKS_HEADER_ROW
    );
    expect(perCell).toEqual([]);
  });

  test("bar chart of overdue tasks per unit on the units sheet", () => {
    const charts = fake.sheet("Theo đơn vị").charts;
    expect(charts).toHaveLength(1);
    const spec = sheetLayout("units").charts[0];
    expect(charts[0]).toMatchObject({ name: "CCHC_units_1", type: "BarClustered" });
    expect(charts[0].props["title.text"]).toBe(spec.title);
    expect(charts[0].series[0].xValues).toBe(spec.categories);
    expect(charts[0].series[0].props.name).toBe(spec.seriesName);
    expect(charts[0].position?.start).toBe(spec.at);
  });

  test("running again is idempotent: same cells, names, rules, validation, one chart", async () => {
    const before = visibleState(fake);
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Đã cập nhật/);
    expect(visibleState(fake)).toEqual(before);
  });
});

/** Everything a user sees except the internal log of format operations. */
function visibleState(fake: FakeExcel): unknown {
  const snap = JSON.parse(fake.snapshot()) as { sheets: Record<string, unknown>[] };
  for (const s of snap.sheets) delete s.fmt;
  return snap;
}

describe("finding what exists", () => {
  test("a renamed sheet is found through its table: no second sheet, the user's name kept", async () => {
    const fake = await created();
    fake.user.renameSheet(TASKS_SHEET_NAME, "NV 2024 (bản của VP)");
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(true);
    expect(fake.sheetNames()).toEqual(["Sheet1", "NV 2024 (bản của VP)", ...SHEET_NAMES.slice(1)]);
    expect(fake.names().NgayBaoCao).toBe("='NV 2024 (bản của VP)'!$E$3");
    expect(r.message).toContain("NV 2024 (bản của VP)");
  });

  test("a sheet with the layout's name, with data but no table: refused, nothing changed", async () => {
    const fake = createFakeExcel({ sheets: [TASKS_SHEET_NAME] });
    fake.user.type(fake.sheet(TASKS_SHEET_NAME), 3, 2, "dữ liệu của người dùng");
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.details.join(" ")).toContain("không còn bảng theo dõi");
    expect(r.details.join(" ")).not.toMatch(/tbl|"/);
    expect(fake.snapshot()).toBe(before);
  });

  test("an empty sheet with the layout's name is reused", async () => {
    const fake = createFakeExcel({ sheets: [TASKS_SHEET_NAME] });
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(true);
    expect(fake.sheetNames()).toEqual(SHEET_NAMES);
  });

  test("a sheet protected with a password: Vietnamese message, nothing changed", async () => {
    const fake = await created();
    fake.user.protect("Theo đơn vị", {}, "bí mật");
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/bảo vệ bằng mật khẩu/);
    expect(r.message).toContain("Bỏ bảo vệ trang tính");
    // Office.js's English error location ("WorksheetProtection.unprotect") is not for staff.
    expect(r.message).not.toMatch(/Worksheet|unprotect/i);
    expect(fake.snapshot()).toBe(before);
  });

  test("a batch that throws before its sync changes nothing (as in Office)", async () => {
    const fake = await created();
    const before = fake.snapshot();
    const broken: LayoutBuilder = {
      targets: build.targets,
      build: (input) => {
        const b = build.build(input);
        const sheets = b.layout.sheets.map((s) =>
          s.key === "units" ? { ...s, charts: [{ ...s.charts[0], at: "not an address" }] } : s
        );
        return { ...b, layout: { sheets } };
      },
    };
    const r = await createOrUpdate(depsOf(fake), broken);
    expect(r.ok).toBe(false);
    expect(fake.snapshot()).toBe(before);
  });
});

describe("requirement sets", () => {
  test("below ExcelApi 1.4 nothing is written and the message says what is missing", async () => {
    const fake = createFakeExcel({ apiVersion: "1.3" });
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.message).toContain("ExcelApi 1.4");
    expect(r.message).toContain("cchc workbook");
    expect(fake.runs).toHaveLength(0);
    expect(fake.snapshot()).toBe(before);
    for (const action of [
      refresh(depsOf(fake)),
      setAsOfDate(depsOf(fake), null),
      filterByUnit(depsOf(fake), null),
    ]) {
      const res = await action;
      expect(res.ok).toBe(false);
      expect(res.message).toContain("ExcelApi 1.4");
    }
  });

  test.each([
    ["1.5", ["tô màu theo tình trạng", "cố định dòng tiêu đề", "danh sách chọn", "thiết lập in"]],
    ["1.7", ["danh sách chọn", "thiết lập in"]],
    ["1.8", ["thiết lập in"]],
  ])(
    "ExcelApi %s: the sheets are written without what the host lacks, and the user is told",
    async (version, lost) => {
      const fake = await created({ apiVersion: version });
      const r = await createOrUpdate(depsOf(fake), build);
      expect(r.ok).toBe(true);
      for (const l of lost) expect(r.details.join("\n")).toContain(l);
      const s = fake.sheet(TASKS_SHEET_NAME);
      const minor = Number(version.split(".")[1]);
      expect(s.cfs.length > 0).toBe(minor >= 6);
      expect(s.freeze !== null).toBe(minor >= 7);
      expect(s.dvs.length > 0).toBe(minor >= 8);
      expect(s.printTitleRows !== null).toBe(minor >= 9);
      expect(fake.table(TASKS_TABLE).body.length).toBe(sheetLayout("tasks").table!.rows.length);
    }
  );

  test("messages per missing feature", () => {
    const caps = detectCapabilities((_n, v) => v !== undefined && Number(v.split(".")[1]) <= 7);
    expect(coreMissingMessage(caps)).toBeNull();
    expect(degradedMessages(caps)).toEqual([
      "Excel này chưa hỗ trợ ExcelApi 1.8: bỏ qua danh sách chọn và kiểm tra giá trị nhập.",
      "Excel này chưa hỗ trợ ExcelApi 1.9: bỏ qua thiết lập in A4 ngang, lặp dòng tiêu đề, ngắt trang giữa các phần.",
    ]);
    const none = detectCapabilities(() => {
      throw new Error("no Office");
    });
    expect(coreMissingMessage(none)).toContain("ExcelApi 1.4");
  });
});

describe("as-of date, refresh and the unit filter", () => {
  test("refresh before create says to create the sheets first", async () => {
    const fake = createFakeExcel();
    const r = await refresh(depsOf(fake));
    expect(r.ok).toBe(false);
    expect(r.message).toContain("Tạo/cập nhật bảng theo dõi");
    expect(r.counts?.found).toBe(false);
    // The optimistic read fails (ItemNotFound), the listing finds nothing to read.
    expect(fake.lastRun.syncs).toBe(2);
  });

  test("set a fixed as-of date, then back to =TODAY(); the counts follow the date", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    const early = await setAsOfDate(depsOf(fake), "2024-01-02");
    expect(early.ok).toBe(true);
    expect(early.message).toBe("Đã đặt ngày báo cáo: 02/01/2024.");
    expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe(45293);
    expect(early.counts?.asOf).toBe("2024-01-02");
    const late = await setAsOfDate(depsOf(fake), "2024-12-31");
    const overdue = (c: typeof late.counts) => (c?.units ?? []).reduce((n, u) => n + u.overdue, 0);
    expect(overdue(late.counts)).toBeGreaterThan(overdue(early.counts));
    expect(fake.sheet(TASKS_SHEET_NAME).protection.protected).toBe(true);
    const back = await setAsOfDate(depsOf(fake), null);
    expect(back.ok).toBe(true);
    expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe("=TODAY()");
    expect(back.counts?.asOfIsToday).toBe(true);
    expect((await setAsOfDate(depsOf(fake), "2024-02-30")).message).toContain("Ngày không hợp lệ");
  });

  test("a locked as-of cell on a protected sheet is unprotected for the write and protected again", async () => {
    const fake = await created();
    fake.sheet(TASKS_SHEET_NAME).fmt.push({
      box: { top: 3, left: 5, bottom: 3, right: 5 },
      prop: "protection.locked",
      value: true,
      seq: 1e9,
    });
    const r = await setAsOfDate(depsOf(fake), "2024-06-30");
    expect(r.ok).toBe(true);
    expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe(45473);
    expect(fake.sheet(TASKS_SHEET_NAME).protection.protected).toBe(true);
  });

  test("filter by unit keeps exactly the unit's tasks visible; 'Tất cả' clears it; the sheet stays protected", async () => {
    const fake = await created();
    const unit = "Văn phòng Sở";
    const choice = unitChoice(plan, unit);
    const r = await filterByUnit(depsOf(fake), choice);
    expect(r.ok).toBe(true);
    expect(r.message).toContain(unit);
    const t = fake.table(TASKS_TABLE);
    const leadCol = t.headers.indexOf(taskColumnHeader("leadKeys"));
    const keyCol = 0;
    const firstRow = 7;
    const visible = t.body.filter((_row, i) => !t.hiddenRows.includes(firstRow + i));
    const expected = plan.tasks.filter((task) => task.lead.includes(unit)).map((task) => task.key);
    expect(visible.map((row) => row[keyCol]).sort()).toEqual([...expected].sort());
    expect(visible.every((row) => String(row[leadCol]).includes(`;${choice.id};`))).toBe(true);
    expect(fake.book.mustTable(TASKS_TABLE).filters.get(leadCol)?.criterion1).toBe(
      `=${unitCriterion(choice.id as string)}`
    );
    expect(fake.sheet(TASKS_SHEET_NAME).protection.protected).toBe(true);

    const all = await filterByUnit(depsOf(fake), null);
    expect(all.ok).toBe(true);
    expect(fake.table(TASKS_TABLE).hiddenRows).toEqual([]);
    expect(fake.lastRun.syncs).toBe(2);
  });

  test("filter before create: a Vietnamese message", async () => {
    const r = await filterByUnit(depsOf(createFakeExcel()), { id: "DV1", unit: "Văn phòng Sở" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("Chưa có bảng nhiệm vụ");
  });

  test("counts read from the per-unit table match the plan's roll-up", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    await createOrUpdate(depsOf(fake), builderFor(plan, { today: TODAY, asOf: "2024-06-30" }));
    const r = await refresh(depsOf(fake));
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Đã làm mới số liệu của \d+ đơn vị; quá hạn nhiều nhất: /);
    const unitsSpec = sheetLayout("units").table!;
    expect(r.counts?.units.map((u) => [u.id, u.unit])).toEqual(
      unitsSpec.rows.map((row) => [row.key, row.cells[0]])
    );
    const fromLayout = buildWorkbook(plan, {
      flavor: "addin",
      today: TODAY,
      asOf: "2024-06-30",
    }).layout.sheets.find((s) => s.key === "units")!.table!;
    for (const [i, u] of (r.counts?.units ?? []).entries()) {
      const cached = fromLayout.rows[i].results!;
      expect([u.unit, u.total, u.done, u.overdue, u.dueSoon]).toEqual([
        u.unit,
        cached[1],
        cached[2],
        cached[3],
        cached[4],
      ]);
    }
    expect(fake.table(UNITS_TABLE).body.length).toBe(unitsSpec.rows.length);
    // The whole organisation: each task once (not the sum of the units, which counts shared tasks twice).
    const whole = planRollup(plan, {}, "2024-06-30");
    expect(r.counts?.whole).toEqual({
      id: null,
      unit: WHOLE_PLAN_LABEL,
      total: whole.total,
      done: whole.done,
      overdue: whole.overdue,
      dueSoon: whole.dueSoon,
    });
    expect(r.counts?.units.some((u) => u.unit === WHOLE_PLAN_LABEL)).toBe(false);
  });

  test("'only overdue tasks': a unit's overdue tasks, then the whole organisation's; 2 syncs", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    await createOrUpdate(depsOf(fake), builderFor(plan, { today: TODAY, asOf: "2024-06-30" }));
    const visibleKeys = (): string[] => {
      const t = fake.table(TASKS_TABLE);
      const first = 7;
      return t.body
        .filter((_row, i) => !t.hiddenRows.includes(first + i))
        .map((row) => String(row[0]));
    };
    const states = new Map(
      plan.tasks.map((t) => [t.key, taskOutcome(taskDue(t), undefined, "2024-06-30").state])
    );
    const unit = "Văn phòng Sở";
    const r = await filterByUnit(depsOf(fake), unitChoice(plan, unit), { overdueOnly: true });
    expect(r.message).toBe(`Đã lọc bảng “Nhiệm vụ”: chỉ hiện nhiệm vụ quá hạn do ${unit} chủ trì.`);
    expect(fake.lastRun.syncs).toBe(2);
    const mine = plan.tasks.filter((t) => t.lead.includes(unit) && states.get(t.key) === "Quá hạn");
    expect(mine.length).toBeGreaterThan(0);
    expect(visibleKeys().sort()).toEqual(mine.map((t) => t.key).sort());

    const all = await filterByUnit(depsOf(fake), null, { overdueOnly: true });
    expect(all.message).toBe("Đã lọc bảng “Nhiệm vụ”: chỉ hiện nhiệm vụ quá hạn của toàn cơ quan.");
    const late = plan.tasks.filter((t) => states.get(t.key) === "Quá hạn");
    expect(visibleKeys().sort()).toEqual(late.map((t) => t.key).sort());

    await filterByUnit(depsOf(fake), null);
    expect(fake.table(TASKS_TABLE).hiddenRows).toEqual([]);
  });
});

describe("a small hand-made layout: every rule type", () => {
  const small: WorkbookLayout = {
    sheets: [
      {
        key: "demo",
        name: "Thử",
        font: { name: "Times New Roman", size: 12 },
        columnWidths: [10, 10, 20],
        blocks: [
          {
            at: "A1",
            cells: [["Tiêu đề", null, null]],
            merge: true,
            format: { font: { bold: true }, fill: "#EEEEEE" },
          },
        ],
        table: {
          name: "tblThu",
          at: "A3",
          style: "TableStyleLight1",
          columns: [
            { key: "key", header: "Khóa", role: "key", width: 5 },
            {
              key: "v",
              header: "Giá trị",
              role: "input",
              width: 10,
              format: { locked: false, numberFormat: "0.0" },
            },
            { key: "t", header: "Văn bản", role: "plan", width: 20 },
          ],
          rows: [
            { key: "a", cells: ["a", 1, "01/2024"] },
            { key: "b", cells: ["b", null, "TRUE"] },
          ],
        },
        rules: [
          {
            type: "iconSet",
            range: "B4:B5",
            iconSet: "3TrafficLights1",
            thresholds: [
              { type: "percent", value: 33 },
              { type: "num", value: 2 },
            ],
            reverse: true,
          },
          { type: "dataBar", range: "B4:B5", color: "#638EC6" },
          { type: "colorScale", range: "B4:B5", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
        ],
        validations: [
          {
            range: "C1",
            rule: { type: "wholeNumber", min: 1 },
            errorTitle: "Sai",
            errorMessage: "Số nguyên ≥ 1",
          },
        ],
        names: [{ name: "ThuO", ref: "C1" }],
        freeze: { rows: 3, columns: 1 },
        print: { orientation: "portrait", paper: "A4", header: "R&D" },
        charts: [],
      },
    ],
  };

  test("renderWorkbook draws a layout as it is: 3 syncs in an empty workbook, 2 over itself", async () => {
    const fake = createFakeExcel();
    const written = await fake.run((ctx) =>
      renderWorkbook(ctx as unknown as Excel.RequestContext, small, {
        isSetSupported: fake.isSetSupported,
      })
    );
    expect(written).toEqual([{ key: "demo", name: "Thử", created: true, tableRows: 2 }]);
    expect(fake.lastRun.syncs).toBe(3);
    expect(fake.table("tblThu").headers).toEqual(["Khóa", "Giá trị", "Văn bản"]);
    const again = await fake.run((ctx) =>
      renderWorkbook(ctx as unknown as Excel.RequestContext, small, {
        isSetSupported: fake.isSetSupported,
      })
    );
    expect(again).toEqual([{ key: "demo", name: "Thử", created: false, tableRows: 2 }]);
    expect(fake.lastRun.syncs).toBe(2);
  });

  test("icon set, data bar, colour scale; text that looks like a date or boolean stays text", async () => {
    const fake = createFakeExcel();
    const r = await createOrUpdate(depsOf(fake), fixedBuilder(small));
    expect(r.ok).toBe(true);
    const s = fake.sheet("Thử");
    expect(s.cfs.map((c) => c.type)).toEqual(["IconSet", "DataBar", "ColorScale"]);
    expect(s.cfs[0].props).toMatchObject({
      "iconSet.style": "ThreeTrafficLights1",
      "iconSet.reverseIconOrder": true,
      "iconSet.criteria": [
        {},
        { type: "Percent", operator: "GreaterThanOrEqual", formula: "=33" },
        { type: "Number", operator: "GreaterThanOrEqual", formula: "=2" },
      ],
    });
    expect(s.cfs[1].props["dataBar.positiveFormat.fillColor"]).toBe("#638EC6");
    expect(s.cfs[2].props["colorScale.criteria"]).toEqual({
      minimum: { type: "LowestValue", color: "#F8696B" },
      midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
      maximum: { type: "HighestValue", color: "#63BE7B" },
    });
    expect(fake.table("tblThu").body).toEqual([
      ["a", 1, "01/2024"],
      ["b", "", "TRUE"],
    ]);
    expect(s.freeze).toEqual({ rows: 3, columns: 1 });
    expect(s.page["headersFooters.defaultForAllPages.centerHeader"]).toBe("R&&D");
    expect(s.dvs[0].rule).toEqual({
      wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" },
    });
    expect(fake.names().ThuO).toBe("='Thử'!$C$1");
    expect(s.protection.protected).toBe(false);
  });
});

describe("cells and errors", () => {
  test("texts Excel would convert are guarded with an apostrophe; formulas and plain text are not", () => {
    for (const s of [
      "2.10",
      "01/2024",
      "15/3/2024",
      "TRUE",
      "-abc",
      "+1",
      "'quoted",
      "50%",
      "1-Jan",
      "#N/A",
      "=x ",
      " -x",
    ]) {
      if (s === "=x ") expect(toFormulaInput(s)).toBe("=x ");
      else expect([s, needsTextGuard(s)]).toEqual([s, true]);
    }
    // Every error text, as typed in any case and with spaces, is one Excel would turn into an error.
    for (const e of EXCEL_ERROR_TEXTS)
      for (const s of [e, e.toLowerCase(), ` ${e} `])
        expect([s, needsTextGuard(s)]).toEqual([s, true]);
    for (const s of ["Quý I/2024", "Văn phòng Sở", "2.23#2", "Tháng 01/2024 Thường xuyên", ""])
      expect([s, needsTextGuard(s)]).toEqual([s, false]);
    expect(toFormulaInput(null)).toBe("");
    expect(toFormulaInput(Number.NaN)).toBe("");
    expect(toFormulaInput("2.10")).toBe("'2.10");
  });

  test("reading: a text cell that starts with '=' is kept as a formula giving the same text", () => {
    expect(readCell("=A1+1", 3)).toBe("=A1+1");
    expect(readCell("=abc", "=abc")).toBe('="=abc"');
    expect(readCell('=say "hi"', '=say "hi"')).toBe('="=say ""hi"""');
    expect(readCell("", "")).toBeNull();
    expect(readCell(45000, 45000)).toBe(45000);
  });

  test("Office errors become actionable Vietnamese messages", () => {
    expect(describeError(new FakeOfficeError("AccessDenied", "x"))).toMatch(
      /^Excel từ chối thay đổi/
    );
    expect(describeError(new FakeOfficeError("InvalidOperationInCellEditMode", "x"))).toContain(
      "chế độ sửa ô"
    );
    expect(describeError(new FakeOfficeError("SomethingNew", "boom", "Range.values"))).toBe(
      "Excel báo lỗi không lường trước (mã SomethingNew). Hãy thử lại; nếu vẫn lỗi, gửi cho bộ phận CNTT nội dung: boom"
    );
    expect(describeError({ debugInfo: { code: "ItemNotFound" } })).toContain("Không tìm thấy");
    expect(describeError(new Error("x"))).toMatch(/^Phần bổ trợ gặp lỗi không lường trước\..*: x$/);
    expect(describeError("chuỗi")).toMatch(/Hãy thử lại.*: chuỗi$/);
    // Every known code says what to do next ("Hãy …").
    for (const code of [
      "InvalidArgument",
      "InvalidOperation",
      "GeneralException",
      "NotImplemented",
    ])
      expect(describeError(new FakeOfficeError(code, "x", "Range.values"))).toMatch(/Hãy [^.]+/);
  });

  test("the summary names the units with the most overdue tasks", () => {
    const u = (unit: string, overdue: number) => ({
      id: unit,
      unit,
      total: 5,
      done: 0,
      overdue,
      dueSoon: 0,
    });
    const counts = {
      found: true,
      whole: null,
      asOf: null,
      asOfIsToday: false,
      units: [u("A", 1), u("B", 0), u("C", 4), u("D", 2), u("E", 3)],
    };
    expect(overdueSummary(counts)).toBe("quá hạn nhiều nhất: C (4), E (3), D (2)");
    expect(overdueSummary({ ...counts, units: [u("A", 0)] })).toBe("không có nhiệm vụ quá hạn");
  });

  test("layout → Office conversions", () => {
    expect(iconSetStyle("3Symbols")).toBe("ThreeSymbols");
    expect(iconSetStyle("5Arrows")).toBe("FiveArrows");
    expect(validationRule({ type: "list", values: ["A, B", "C"] })).toEqual({
      list: { inCellDropDown: true, source: "A  B,C" },
    });
    expect(validationRule({ type: "date" })).toEqual({
      date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" },
    });
    expect(validationRule({ type: "decimal", max: 5 })).toEqual({
      decimal: { formula1: 5, operator: "LessThanOrEqualTo" },
    });
    expect(widthToPoints(8.43)).toBe(48);
  });
});
