import { applyTaskEdits } from "../../src/layouts/taskEdits";
import { isoToSerial } from "../../src/domain/excelDate";
import { leadAccounts, taskOutcome } from "../../src/domain/unitRollup";
import { GROUP_WITHOUT_MEMBERS_SUFFIX } from "../../src/domain/unitRoster";
import { parseCell, parseRange } from "../../src/layouts/a1";
import type { Scalar, SheetLayout, TableSpec } from "../../src/layouts/model";
import { resolveReportSettings } from "../../src/layouts/reportSettings";
import { AS_OF_TODAY_HINT, composeTasksSheet } from "../../src/layouts/tasksAssembly";
import {
  daysLateFormula,
  escapeWildcards,
  leadKeysCell,
  stateFormula,
  unitCriterion,
} from "../../src/layouts/tasksFormulas";
import { listText, plainText } from "../../src/layouts/tasksRows";
import {
  NAME_AS_OF,
  NAME_LEAD_COLUMN,
  NAME_SOON_DAYS,
  NAME_STATE_COLUMN,
  TASKS_SHEET_KEY,
  TASKS_TABLE,
  TASK_COLUMN_KEYS,
  TASK_HEADER_ALIASES,
  taskColumn,
  TASKS_LAST_PRINTED_KEY,
} from "../../src/layouts/tasksSheet";
import { emptyUserInput, type UserInput } from "../../src/layouts/userInput";
import { extractTableInput } from "../../src/layouts/userInputMerge";
import { MC, STAR, VP, samplePlan, scaledPlan } from "../support/layoutFixtures";
import { literalText } from "../../src/layouts/cellText";
import { getPlan } from "../../src/plan";
import { buildWorkbook } from "../../src/layouts/workbook";
import { UNITS_SHEET_KEY } from "../../src/layouts/unitsSheet";

const TODAY = "2024-05-15";
const serial = (iso: string): number => isoToSerial(iso) as number;
const col = (key: (typeof TASK_COLUMN_KEYS)[number]): number => taskColumn(key) - 1;

function tableOf(sheet: SheetLayout): TableSpec {
  if (!sheet.table) throw new Error("no table");
  return sheet.table;
}

function blockAt(sheet: SheetLayout, at: string) {
  const b = sheet.blocks.find((x) => x.at === at);
  if (!b) throw new Error(`no block at ${at}`);
  return b;
}

function withInput(
  rows: Record<string, Record<string, Scalar>>,
  names: Record<string, Scalar> = {}
): UserInput {
  return { tables: { [TASKS_TABLE]: rows }, names };
}

describe("the 'Nhiệm vụ' sheet layout", () => {
  const plan = samplePlan();
  const sheet = composeTasksSheet(plan, { today: TODAY }).sheet;
  const table = tableOf(sheet);

  it("is the tasks sheet with the tblNhiemVu table under the title block", () => {
    expect(sheet.key).toBe("tasks");
    expect(sheet.name).toBe("Nhiệm vụ");
    expect(table.name).toBe("tblNhiemVu");
    expect(table.at).toBe("A6");
    // 10 pt: the 2024 plan prints on 5 A4 pages (test/unit/printPages.test.ts).
    expect(sheet.font).toEqual({ name: "Times New Roman", size: 10 });
  });

  it("has the plan, input and computed columns in order, key and both lead helper columns hidden", () => {
    expect(table.columns.map((c) => c.header)).toEqual([
      "Khóa",
      "Mã",
      "Nhiệm vụ trọng tâm",
      "Chủ trì",
      "Hạn",
      "Tình trạng",
      "Số ngày trễ",
      "Ghi chú cập nhật",
      "Trạng thái",
      "Ngày hoàn thành",
      "Tiến độ (%)",
      "Minh chứng",
      "Thời gian hoàn thành",
      "Hoạt động",
      "Kết quả/sản phẩm",
      "Phối hợp",
      "Ghi chú",
      "Mục tiêu",
      "Phần",
      "Chủ trì (chuẩn hoá)",
      "Chủ trì (theo văn bản)",
    ]);
    expect(table.columns.filter((c) => c.hidden).map((c) => c.key)).toEqual([
      "key",
      "leadKeys",
      "leadText",
    ]);
    expect(table.columns.filter((c) => c.role === "input").map((c) => c.key)).toEqual([
      "updateNote",
      "status",
      "doneDate",
      "progress",
      "evidence",
    ]);
    // Only the printed columns (up to "Ghi chú cập nhật") wrap: a screen-only column never makes a
    // printed row taller.
    const printed = col(TASKS_LAST_PRINTED_KEY);
    table.columns.forEach((c, i) => {
      expect(c.format?.locked ?? true).toBe(c.role !== "input" && c.role !== "definition");
      if (!c.hidden && c.role !== "key") expect(c.format?.wrap).toBe(i <= printed);
    });
    expect(sheet.print?.printArea).toBe(`A1:H${6 + table.rows.length}`);
    expect(sheet.columnWidths).toEqual(table.columns.map((c) => c.width));
    expect(table.columns[col("doneDate")].format?.numberFormat).toBe("dd/mm/yyyy");
    expect(table.columns[col("due")].format?.numberFormat).toBe("dd/mm/yyyy");
  });

  it("keeps the document's section structure as header rows (key '§…') in document order", () => {
    // Each objective once, in a row above its tasks (2.1 … 2.4 share objective 1.1).
    expect(table.rows.map((r) => r.key)).toEqual([
      "§I",
      "§MT:I::1.1",
      "2.1#1",
      "2.2#1",
      "2.3#1",
      "2.4#1",
      "§III",
      "§MT:III::1.1",
      "2.23#1",
      "2.23#2",
      "§VII",
      "§7.1",
      "§MT:VII:7.1:1.1",
      "2.34#1",
      "§7.2",
      "§MT:VII:7.2:1.1",
      "2.38#1",
      "§MT:VII:7.2:1.6",
    ]);
    const vii = table.rows.find((r) => r.key === "§VII");
    expect(vii?.cells[col("task")]).toBe("VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ");
    expect(vii?.format).toMatchObject({ font: { bold: true }, locked: true });
    expect(vii?.format?.fill).toMatch(/^#[0-9A-F]{6}$/);
    for (const r of table.rows.filter((x) => x.key.startsWith("§"))) {
      expect(r.cells[col("leadKeys")]).toBeNull(); // never counted, never matched by the unit filter
      expect(r.cells[col("state")]).toBeNull();
    }
    const orphanObjective = table.rows[table.rows.length - 1];
    expect(orphanObjective.cells[col("task")]).toBe(
      "Mục tiêu 1.6. Thực hiện các nhiệm vụ khác được giao\n(Tài liệu không ghi nhiệm vụ cho mục tiêu này)"
    );
    const objective = table.rows.find((r) => r.key === "§MT:I::1.1");
    expect(objective?.cells[col("task")]).toBe("Mục tiêu 1.1. Nâng cao chất lượng");
    // No row format (a call per row in Office.js); a conditional format sets objective rows in italics.
    expect(objective?.format).toBeUndefined();
  });

  it("writes the plan's texts, with lists one item per line and nothing that looks like a formula", () => {
    const t21 = table.rows.find((r) => r.key === "2.1#1")?.cells ?? [];
    expect(t21[col("code")]).toBe("2.1");
    expect(t21[col("section")]).toBe("I");
    expect(t21[col("objective")]).toBe("1.1");
    expect(t21[col("activities")]).toBe("• Xây dựng dự thảo\n• Trình ban hành");
    expect(t21[col("outputs")]).toBe("Kế hoạch được ban hành");
    expect(t21[col("deadline")]).toBe("Trước ngày 05/01/2024");
    const t234 = table.rows.find((r) => r.key === "2.34#1")?.cells ?? [];
    expect(t234[col("section")]).toBe("VII (7.1)");
    expect(t234[col("activities")]).toBe("Một hoạt động duy nhất");
    expect(t234[col("note")]).toBe('="=không phải công thức"');
    expect(literalText(t234[col("note")] as string)).toBe("=không phải công thức");
    for (const r of table.rows) {
      table.columns.forEach((c, i) => {
        const v = r.cells[i];
        if (c.role !== "computed" && typeof v === "string" && v.startsWith("="))
          expect(literalText(v)).not.toBeNull();
      });
    }
  });

  it("fills the hidden lead column with the ids of the units' lines, never their names", () => {
    const ids = new Map(leadAccounts(samplePlan()).units.map((u) => [u.name, u.id]));
    const t = table.rows.find((r) => r.key === "2.2#1")?.cells ?? [];
    expect(t[col("leadKeys")]).toBe(`;${ids.get(VP)};${ids.get(MC)};`);
    const star = table.rows.find((r) => r.key === "2.23#2")?.cells ?? [];
    expect(star[col("leadKeys")]).toBe(`;${ids.get(STAR)};${ids.get(VP)};`);
    expect(leadKeysCell([])).toBe("");
    expect(leadKeysCell(["DV2", "DV2", "DV10"])).toBe(";DV2;DV10;");
    expect(unitCriterion("DV1")).toBe("*;DV1;*");
    expect(escapeWildcards("a~b*?")).toBe("a~~b~*~?");
  });

  it("computes Hạn, Tình trạng and Số ngày trễ with same-row formulas and the two names", () => {
    table.rows.forEach((r, i) => {
      if (r.key.startsWith("§")) return;
      const row = 7 + i;
      expect(r.cells[col("state")]).toBe(stateFormula(row));
      expect(r.cells[col("daysLate")]).toBe(daysLateFormula(row));
      const refs = String(r.cells[col("state")]).match(/\$?[A-Z]{1,3}\$?\d+/g) ?? [];
      for (const ref of refs) expect(parseCell(ref).row).toBe(row);
    });
    const due = (key: string) => table.rows.find((r) => r.key === key)?.cells[col("due")];
    expect(due("2.1#1")).toBe("=DATE(2024,1,4)");
    expect(due("2.3#1")).toBe("=DATE(2024,1,31)"); // milestone, then recurring
    expect(due("2.4#1")).toBe('=""');
    const f = stateFormula(9);
    expect(f).toContain("NgayBaoCao");
    expect(f).toContain("SoNgaySapDenHan");
    expect(f).not.toMatch(/CCHC\./);
    expect(f).toMatch(/^=IF\(I9="Không áp dụng"/);
  });

  it("caches results computed by the domain for the as-of date", () => {
    const built = composeTasksSheet(plan, {
      asOf: "2024-02-01",
      userInput: withInput({
        "2.1#1": { doneDate: serial("2024-01-10") },
        "2.2#1": { status: "Không áp dụng" },
      }),
    }).sheet;
    const rows = tableOf(built).rows;
    const res = (key: string) => rows.find((r) => r.key === key)?.results ?? [];
    expect(res("2.1#1")[col("state")]).toBe("Hoàn thành trễ hạn");
    expect(res("2.1#1")[col("daysLate")]).toBe(6);
    expect(res("2.1#1")[col("due")]).toBe(serial("2024-01-04"));
    expect(res("2.2#1")[col("state")]).toBe("Không áp dụng");
    expect(res("2.3#1")[col("state")]).toBe("Quá hạn");
    expect(res("2.4#1")[col("state")]).toBe("Thường xuyên");
    expect(res("2.4#1")[col("due")]).toBe("");
    expect(res("2.38#1")[col("state")]).toBe("Trong hạn");
    for (const r of rows) expect(r.results).toHaveLength(r.cells.length);
    const asOf = blockAt(built, "E3");
    expect(asOf.cells).toEqual([[serial("2024-02-01")]]);
  });

  it("highlights with five expression rules on the whole body, referring to the row's own state, and sets objective rows in italics", () => {
    const body = parseRange(sheet.rules[0].range);
    expect(body).toEqual({
      top: 7,
      left: 1,
      bottom: 6 + table.rows.length,
      right: table.columns.length,
    });
    const rules = sheet.rules.map((r) =>
      r.type === "expression" ? [r.formula, r.format.fill] : null
    );
    expect(rules).toEqual([
      ['=$F7="Quá hạn"', "#FFC7CE"],
      ['=$F7="Sắp đến hạn"', "#FFEB9C"],
      ['=$F7="Hoàn thành"', "#C6EFCE"],
      ['=$F7="Hoàn thành trễ hạn"', "#F8CBAD"],
      ['=$F7="Không áp dụng"', "#D9D9D9"],
      ['=LEFT($A7,4)="§MT:"', undefined],
    ]);
    expect(sheet.rules[5].type === "expression" && sheet.rules[5].format).toEqual({ italic: true });
    expect(table.columns[col("state")].header).toBe("Tình trạng");
  });

  it("defines the names: settings cells and the state / canonical lead columns of the body", () => {
    const last = 6 + table.rows.length;
    expect(sheet.names.map((n) => [n.name, n.ref])).toEqual([
      [NAME_AS_OF, "$E$3"],
      [NAME_SOON_DAYS, "$E$4"],
      [NAME_STATE_COLUMN, `$F$7:$F$${last}`],
      [NAME_LEAD_COLUMN, `$T$7:$T$${last}`],
    ]);
  });

  it("labels the settings cells, unlocks them and validates them in Vietnamese", () => {
    expect(blockAt(sheet, "B3").cells[0][0]).toBe("Ngày báo cáo:");
    expect(blockAt(sheet, "E3").cells).toEqual([["=TODAY()"]]);
    expect(blockAt(sheet, "E3").results).toEqual([[serial(TODAY)]]);
    expect(blockAt(sheet, "E3").format).toMatchObject({
      locked: false,
      numberFormat: "dd/mm/yyyy",
    });
    expect(blockAt(sheet, "E4").cells).toEqual([[7]]);
    expect(blockAt(sheet, "E4").format?.locked).toBe(false);
    expect(sheet.validations.map((v) => [v.range, v.rule.type])).toEqual([
      ["E3", "date"],
      ["E4", "wholeNumber"],
    ]);
    // The legend inside the printed columns (D:H), the longest label in the widest column.
    const legend = ["D5", "E5", "F5", "G5", "H5"].map((a) => blockAt(sheet, a).cells[0][0]);
    expect(legend).toEqual([
      "Quá hạn",
      "Sắp đến hạn",
      "Hoàn thành",
      "Không áp dụng",
      "Hoàn thành trễ hạn",
    ]);
    const formulas = sheet.blocks.flatMap((b) =>
      b.cells
        .flatMap((line, i) => line.map((c, j) => [b.at, i, j, c]))
        .filter(([, , , c]) => typeof c === "string" && c.startsWith("="))
    );
    // No label or hint text starts with "="; the as-of hint is a formula, to say what is true now.
    expect(formulas).toEqual([
      ["E3", 0, 0, "=TODAY()"],
      ["F3", 0, 0, expect.stringMatching(/^=IF\(NgayBaoCao=TODAY\(\),"Hôm nay\. /)],
    ]);
    expect(blockAt(sheet, "F3").results?.[0][0]).toBe(AS_OF_TODAY_HINT);
    expect(blockAt(sheet, "B1").merge).toBe(true);
    expect(blockAt(sheet, "B1").cells[0]).toHaveLength(7); // B..H, the printed columns
  });

  it("validates input columns with Vietnamese alerts", () => {
    const v = (key: (typeof TASK_COLUMN_KEYS)[number]) => table.columns[col(key)].validation;
    expect(v("status")?.rule).toEqual({
      type: "list",
      values: ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Không áp dụng"],
    });
    expect(v("status")?.errorMessage).toContain("Chọn một trong");
    expect(v("doneDate")?.rule).toEqual({ type: "date", min: "2023-01-01", max: "2029-12-31" });
    expect(v("doneDate")?.errorMessage).toContain("dd/mm/yyyy");
    expect(v("progress")?.rule).toEqual({ type: "decimal", min: 0, max: 100 });
    for (const c of table.columns)
      if (c.validation) expect(c.validation.errorTitle).toMatch(/không hợp lệ/);
  });

  it("freezes the header, prints A4 landscape with the header row repeated, protects without password", () => {
    expect(sheet.freeze).toEqual({ rows: 6, columns: 0 });
    expect(sheet.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: "6:6",
      fitToWidth: true,
    });
    expect(sheet.protect).toEqual({
      allowAutoFilter: true,
      allowSort: true,
      allowFormatColumns: true,
    });
    expect(table.headerFormat).toMatchObject({ wrap: true });
  });
});

describe("report settings", () => {
  it("defaults to =TODAY() and 7 days", () => {
    expect(resolveReportSettings({ today: TODAY })).toMatchObject({
      asOfCell: "=TODAY()",
      asOf: TODAY,
      soonDaysCell: 7,
      soonDays: 7,
    });
  });

  it("keeps the user's fixed date / window / own formula unless the caller sets one", () => {
    const kept = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { NgayBaoCao: 45300, SoNgaySapDenHan: 10 }),
    });
    expect(kept).toMatchObject({ asOfCell: 45300, asOf: "2024-01-09", soonDays: 10 });
    const asText = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { SoNgaySapDenHan: " 10 " }),
    });
    expect(asText).toMatchObject({ soonDaysCell: 10, soonDays: 10, notes: [] });
    const formula = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { NgayBaoCao: "=DATE(2024,6,30)" }),
    });
    expect(formula).toMatchObject({ asOfCell: "=DATE(2024,6,30)", asOf: "2024-06-30" });
    const own = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { NgayBaoCao: "=EOMONTH(TODAY(),-1)" }),
    });
    expect(own).toMatchObject({ asOfCell: "=EOMONTH(TODAY(),-1)", asOf: TODAY });
    expect(own.notes).toHaveLength(1);
    const text = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { NgayBaoCao: "30/06/2024" }),
    });
    expect(text).toMatchObject({ asOfCell: serial("2024-06-30"), asOf: "2024-06-30" });
    const overridden = resolveReportSettings({
      today: TODAY,
      asOf: null,
      soonDays: 3,
      userInput: withInput({}, { NgayBaoCao: 45300, SoNgaySapDenHan: 10 }),
    });
    expect(overridden).toMatchObject({ asOfCell: "=TODAY()", soonDays: 3 });
  });

  it("replaces unreadable old settings with the defaults and says so", () => {
    const s = resolveReportSettings({
      today: TODAY,
      userInput: withInput({}, { NgayBaoCao: "hôm qua", SoNgaySapDenHan: -2 }),
    });
    expect(s).toMatchObject({ asOfCell: "=TODAY()", soonDaysCell: 7 });
    expect(s.notes).toHaveLength(2);
  });

  it("rejects a bad as-of date or window from the caller", () => {
    expect(() => resolveReportSettings({ asOf: "31/12/2024" })).toThrow(
      /Ngày báo cáo không hợp lệ/
    );
    expect(() => resolveReportSettings({ asOf: "2024-02-30" })).toThrow(RangeError);
    expect(() => resolveReportSettings({ soonDays: -1 })).toThrow(/không hợp lệ/);
  });
});

describe("typed values are put back by task key", () => {
  const plan = samplePlan();

  it("fills the input cells of the matching rows", () => {
    const built = composeTasksSheet(plan, {
      today: TODAY,
      userInput: withInput({
        "2.23#2": {
          status: "Hoàn thành",
          doneDate: 45310,
          progress: 100,
          evidence: "CV 12/SKHCN",
          updateNote: "xong",
        },
        "2.23#1": { status: "Đang thực hiện" },
      }),
    });
    const row = (k: string) => tableOf(built.sheet).rows.find((r) => r.key === k)?.cells ?? [];
    const inputs = (k: string) =>
      (["status", "doneDate", "progress", "evidence", "updateNote"] as const).map(
        (c) => row(k)[col(c)]
      );
    expect(inputs("2.23#2")).toEqual(["Hoàn thành", 45310, 100, "CV 12/SKHCN", "xong"]);
    expect(row("2.23#1")[col("status")]).toBe("Đang thực hiện");
    expect(built.orphans).toEqual([]);
  });

  it("keeps values typed for tasks the plan no longer has as rows at the end, and reports them", () => {
    const built = composeTasksSheet(plan, {
      today: TODAY,
      userInput: withInput({
        "2.26#1": { status: "Hoàn thành", evidence: "QĐ 5" },
        "+1": { task: "Việc thêm", lead: "Văn phòng", status: "Đang thực hiện" },
      }),
    });
    const rows = tableOf(built.sheet).rows;
    expect(rows.slice(-3).map((r) => r.key)).toEqual(["§+", "2.26#1", "+1"]);
    const orphan = rows[rows.length - 2];
    expect(orphan.cells[col("code")]).toBe("2.26");
    expect(orphan.cells[col("evidence")]).toBe("QĐ 5");
    expect(orphan.cells[col("leadKeys")]).toBeNull(); // not counted per unit
    expect(orphan.cells[col("state")]).toBe(stateFormula(6 + rows.length - 1));
    expect(orphan.results?.[col("state")]).toBe("Hoàn thành");
    const user = rows[rows.length - 1];
    expect(user.cells[col("task")]).toBe("Việc thêm");
    expect(user.cells[col("lead")]).toBe("Văn phòng");
    expect(built.orphans.map((o) => o.key)).toEqual(["2.26#1", "+1"]);
    // Rules and names cover the added rows.
    const last = 6 + rows.length;
    expect(built.sheet.rules[0].range).toBe(`A7:U${last}`);
    expect(built.sheet.names.find((n) => n.name === NAME_STATE_COLUMN)?.ref).toBe(
      `$F$7:$F$${last}`
    );
  });

  it("carries a user column added at the right", () => {
    const built = composeTasksSheet(plan, {
      today: TODAY,
      userInput: withInput({ "2.1#1": { "+Người theo dõi": "Lan" } }),
    }).sheet;
    const t = tableOf(built);
    expect(t.columns[t.columns.length - 1]).toMatchObject({
      header: "Người theo dõi",
      role: "input",
    });
    expect(t.rows.find((r) => r.key === "2.1#1")?.cells[t.columns.length - 1]).toBe("Lan");
    expect(built.columnWidths).toHaveLength(t.columns.length);
  });

  it("round-trips through extraction: rebuild after sorting loses nothing", () => {
    const typed = withInput({
      "2.1#1": { status: "Hoàn thành", doneDate: 45300 },
      "2.3#1": { progress: 50, evidence: "https://example.org/a" },
      "2.38#1": { status: "Không áp dụng", updateNote: '="ghi chú"' },
    });
    const first = tableOf(composeTasksSheet(plan, { today: TODAY, userInput: typed }).sheet);
    const body = [...first.rows].reverse().map((r) => r.cells);
    const read = extractTableInput(
      first.columns,
      first.columns.map((c) => c.header),
      body,
      {
        aliases: TASK_HEADER_ALIASES,
      }
    );
    expect(read.ok).toBe(true);
    // The lead and deadline texts are read back too (corrections, taskEdits.ts); unchanged, they drop.
    const edits = applyTaskEdits(plan, { tables: { [TASKS_TABLE]: read.rows }, names: {} });
    expect(edits.changes).toEqual([]);
    expect(edits.userInput?.tables[TASKS_TABLE]).toEqual(typed.tables[TASKS_TABLE]);
    const second = tableOf(
      composeTasksSheet(plan, {
        today: TODAY,
        userInput: { tables: { [TASKS_TABLE]: read.rows }, names: {} },
      }).sheet
    );
    expect(second).toEqual(first);
  });

  it("scales: 100× the plan gives one row per task, and results agree with the domain", () => {
    const big = scaledPlan(plan, 100);
    const t = tableOf(
      composeTasksSheet(big, { asOf: "2024-04-01", userInput: emptyUserInput() }).sheet
    );
    const taskRows = t.rows.filter((r) => !r.key.startsWith("§"));
    expect(taskRows).toHaveLength(big.tasks.length);
    expect(new Set(t.rows.map((r) => r.key)).size).toBe(t.rows.length);
    for (const task of big.tasks.slice(0, 50)) {
      const r = taskRows.find((x) => x.key === task.key);
      expect(r?.results?.[col("state")]).toBe(
        taskOutcome(task.deadline.due, undefined, "2024-04-01").state
      );
    }
  });

  it("plain text helpers", () => {
    expect(plainText("=1+1")).toBe('="=1+1"');
    expect(plainText('=A1&"x"')).toBe('="=A1&""x"""');
    expect(plainText("+84")).toBe("+84");
    expect(plainText("Văn bản")).toBe("Văn bản");
    expect(listText([])).toBe("");
    expect(listText(["- a", "", "• b"])).toBe("• a\n• b");
  });
});

describe("one name per unit: the 2024 plan", () => {
  const plan = getPlan();
  const layout = buildWorkbook(plan, { flavor: "file", today: TODAY }).layout;
  const tasks = layout.sheets.find((s) => s.key === TASKS_SHEET_KEY)!.table!;
  const units = layout.sheets.find((s) => s.key === UNITS_SHEET_KEY)!.table!;
  const byKey = new Map(tasks.rows.map((r) => [r.key, r.cells]));

  it("Chủ trì shows the names Theo đơn vị shows; the document's wording stays in a hidden column, not in Ghi chú", () => {
    // A group without members is its own line, marked "(nhóm)".
    const unitNames = new Set(
      units.rows.map((r) => String(r.cells[0]).replace(GROUP_WITHOUT_MEMBERS_SUFFIX, ""))
    );
    const hidden = tasks.columns.find((c) => c.key === "leadText")!;
    expect(hidden.hidden).toBe(true);
    for (const task of plan.tasks) {
      const cells = byKey.get(task.key)!;
      expect(cells[col("lead")]).toBe(task.lead.join(", "));
      for (const name of task.lead) expect(unitNames.has(name)).toBe(true);
      expect(cells[col("leadText")]).toBe(task.leadText);
      expect(String(cells[col("note")] ?? "")).not.toContain("Chủ trì theo văn bản");
    }
    // "Văn phòng" in the document is "Văn phòng Sở" on the sheet; the hidden column keeps "Văn phòng".
    const written = plan.tasks.find((t) => t.leadText === "Văn phòng")!;
    expect(byKey.get(written.key)![col("lead")]).toBe("Văn phòng Sở");
    expect(byKey.get(written.key)![col("leadText")]).toBe("Văn phòng");
  });
});
