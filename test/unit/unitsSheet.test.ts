import { isoToSerial } from "../../src/domain/excelDate";
import { planRollup, unitRollup } from "../../src/domain/unitRollup";
import { GROUP_WITHOUT_MEMBERS_SUFFIX } from "../../src/domain/unitRoster";
import { parseRange } from "../../src/layouts/a1";
import { unitCriterion } from "../../src/layouts/tasksFormulas";
import { NAME_LEAD_COLUMN, NAME_STATE_COLUMN, TASKS_TABLE } from "../../src/layouts/tasksSheet";
import {
  UNITS_FIRST_BODY_ROW,
  WHOLE_PLAN_LABEL,
  composeUnitsSheet,
  unitColumn,
  unitRowFormulas,
} from "../../src/layouts/unitsSheet";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { MC, STAR, TT, VP, samplePlan } from "../support/layoutFixtures";

const serial = (iso: string): number => isoToSerial(iso) as number;
const settings = { asOf: "2024-04-01", soonDays: 7 };

describe("the 'Theo đơn vị' sheet layout", () => {
  const plan = samplePlan();
  const inputs = {
    "2.1#1": { doneDate: serial("2024-01-02") },
    "2.2#1": { status: "Không áp dụng" },
  };
  const built = composeUnitsSheet(plan, { settings, inputs });
  const sheet = built.sheet;
  const table = sheet.table;

  it("is the units sheet with a table of one row per lead unit, in the plan's unit order", () => {
    expect(sheet.key).toBe("units");
    expect(sheet.name).toBe("Theo đơn vị");
    expect(table?.name).toBe("tblTheoDonVi");
    expect(table?.at).toBe("A5");
    expect(table?.columns.map((c) => c.header)).toEqual([
      "Đơn vị chủ trì",
      "Tổng số nhiệm vụ",
      "Hoàn thành",
      "Quá hạn",
      "Sắp đến hạn",
      "Tỷ lệ đúng hạn",
      "Mã đơn vị",
    ]);
    expect(table?.columns.at(-1)?.hidden).toBe(true);
    expect(table?.rows.map((r) => r.key)).toEqual(["DV1", "DV2", "DV3", "DV4", "DV5", "DV6"]);
    expect(table?.rows.map((r) => r.cells[unitColumn("id") - 1])).toEqual(
      table?.rows.map((r) => r.key)
    );
    expect(table?.rows.map((r) => r.cells[0])).toEqual([VP, TT, MC, "Phòng", STAR, "BCĐ ISO"]);
    expect(table?.columns[unitColumn("onTimeRate") - 1].format?.numberFormat).toBe("0%");
  });

  it("counts with COUNTIFS over the named task-table columns, by the line's id (never its name)", () => {
    const f = unitRowFormulas(unitCriterion("DV5"), 10);
    expect(f.total).toBe(
      `=COUNTIFS(${NAME_LEAD_COLUMN},"*;DV5;*",${NAME_STATE_COLUMN},"<>Không áp dụng")`
    );
    expect(f.done).toBe(
      `=COUNTIFS(${NAME_LEAD_COLUMN},"*;DV5;*",${NAME_STATE_COLUMN},"Hoàn thành")` +
        `+COUNTIFS(${NAME_LEAD_COLUMN},"*;DV5;*",${NAME_STATE_COLUMN},"Hoàn thành trễ hạn")`
    );
    expect(f.overdue).toContain('"Quá hạn"');
    expect(f.dueSoon).toContain('"Sắp đến hạn"');
    expect(f.onTimeRate).toMatch(/^=IF\(C10\+D10=0,"",COUNTIFS\(.*"Hoàn thành"\)\/\(C10\+D10\)\)$/);
    table?.rows.forEach((r, i) => {
      const row = UNITS_FIRST_BODY_ROW + i;
      expect(r.cells.slice(1, -1)).toEqual(
        Object.values(unitRowFormulas(unitCriterion(r.key), row))
      );
      for (const c of r.cells.slice(1)) expect(String(c)).not.toMatch(/CCHC\./);
      expect(r.cells.slice(1).join("")).not.toContain(STAR);
    });
  });

  it("caches the domain's roll-up as results", () => {
    const expected = unitRollup(plan, inputs, settings.asOf, settings.soonDays);
    expect(built.rollup).toEqual(expected);
    table?.rows.forEach((r, i) => {
      const x = expected[i];
      expect(r.results).toEqual([
        null,
        x.total,
        x.done,
        x.overdue,
        x.dueSoon,
        x.onTimeRate ?? "",
        null,
      ]);
    });
    const vp = table?.rows[0].results;
    expect(vp?.[unitColumn("done") - 1]).toBe(1);
  });

  it("adds a whole-department row below the table, each task counted once", () => {
    const last = UNITS_FIRST_BODY_ROW + (table?.rows.length ?? 0) - 1;
    const totalRow = last + 2;
    const label = sheet.blocks.find((b) => b.at === `A${totalRow}`);
    expect(label?.cells).toEqual([[WHOLE_PLAN_LABEL]]);
    const counts = sheet.blocks.find((b) => b.at === `B${totalRow}`);
    expect(counts?.cells[0][0]).toBe(
      `=COUNTIFS(${NAME_LEAD_COLUMN},";*",${NAME_STATE_COLUMN},"<>Không áp dụng")`
    );
    const whole = planRollup(plan, inputs, settings.asOf, settings.soonDays);
    expect(counts?.results).toEqual([[whole.total, whole.done, whole.overdue, whole.dueSoon]]);
    const rate = sheet.blocks.find((b) => b.at === `F${totalRow}`);
    expect(rate?.results).toEqual([[whole.onTimeRate ?? ""]]);
    expect(rate?.format?.numberFormat).toBe("0%");
  });

  it("shows the as-of date and window through the names", () => {
    const asOf = sheet.blocks.find((b) => b.at === "B2");
    expect(asOf?.cells).toEqual([["=NgayBaoCao"]]);
    expect(asOf?.results).toEqual([[serial("2024-04-01")]]);
    expect(sheet.blocks.find((b) => b.at === "E2")?.cells).toEqual([["=SoNgaySapDenHan"]]);
  });

  it("colours for leadership and charts overdue tasks per unit", () => {
    const n = table?.rows.length ?? 0;
    const last = UNITS_FIRST_BODY_ROW + n - 1;
    expect(sheet.rules.map((r) => [r.type, r.range])).toEqual([
      ["dataBar", `C6:C${last}`],
      ["colorScale", `D6:D${last}`],
      ["colorScale", `E6:E${last}`],
      ["colorScale", `F6:F${last}`],
    ]);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({
      type: "barClustered",
      categories: `A6:A${last}`,
      values: `D6:D${last}`,
      seriesName: "Quá hạn",
    });
    expect(parseRange(chart.at).left).toBeGreaterThan(6); // right of the table, not over it
    expect(sheet.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: "5:5",
      fitToWidth: true,
    });
    expect(sheet.protect).toEqual({
      allowAutoFilter: true,
      allowSort: true,
      allowFormatColumns: true,
    });
  });

  it("a plan without lead units still gives a valid one-row table", () => {
    const empty: Plan = { ...plan, tasks: [] };
    const s = composeUnitsSheet(empty, { settings, inputs: {} }).sheet;
    expect(s.table?.rows).toHaveLength(1);
    expect(s.table?.rows[0].results).toEqual([null, 0, 0, 0, 0, "", null]);
  });
});

describe("the workbook", () => {
  it("orders the sheets Nhiệm vụ, Chỉ tiêu, Theo đơn vị, with unique table and defined names", () => {
    const layout = buildWorkbook(getPlan(), { flavor: "addin", today: "2024-05-01" }).layout;
    expect(layout.sheets.map((s) => s.name)).toEqual([
      "Nhiệm vụ",
      "Chỉ tiêu",
      "Theo đơn vị",
      "Đơn vị",
      "Báo cáo",
      "Thường xuyên",
      "Lịch sử",
    ]);
    const tables = layout.sheets.flatMap((s) => (s.table ? [s.table.name] : []));
    expect(new Set(tables).size).toBe(tables.length);
    const names = layout.sheets.flatMap((s) => s.names.map((n) => n.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["NgayBaoCao", "SoNgaySapDenHan", "NV_TinhTrang", "NV_ChuTriChuanHoa"])
    );
  });

  it("the 2024 plan: every task once, every lead unit once, and the shared as-of date", () => {
    const plan = getPlan();
    const built = buildWorkbook(plan, {
      flavor: "file",
      asOf: "2024-04-15",
      userInput: { tables: { [TASKS_TABLE]: { "2.26#1": { status: "Hoàn thành" } } }, names: {} },
    });
    const tasks = built.layout.sheets[0].table;
    const units = built.layout.sheets[2].table;
    const keys = tasks?.rows.map((r) => r.key).filter((k) => !k.startsWith("§")) ?? [];
    expect(keys.slice(0, plan.tasks.length)).toEqual(plan.tasks.map((t) => t.key));
    expect(keys).toHaveLength(plan.tasks.length + 1); // + the orphan kept for "2.26#1"
    expect(built.orphans).toEqual([
      { table: TASKS_TABLE, key: "2.26#1", values: { status: "Hoàn thành" } },
    ]);
    const leads = new Set(plan.tasks.flatMap((t) => t.lead));
    // Before the coordinator lists members, a group is a line of its own, marked as a group.
    const names = units?.rows.map((r) =>
      String(r.cells[0]).replace(GROUP_WITHOUT_MEMBERS_SUFFIX, "")
    );
    expect(names?.sort()).toEqual([...leads].sort());
    expect(built.settings).toMatchObject({ asOf: "2024-04-15", asOfCell: serial("2024-04-15") });
    // Văn phòng Sở leads most tasks; on 15/04/2024 the Q1 and January deadlines are past.
    const vp = units?.rows.find((r) => r.cells[0] === "Văn phòng Sở");
    expect(vp?.results?.[unitColumn("overdue") - 1]).toBe(
      unitRollup(plan, {}, "2024-04-15").find((x) => x.unit === "Văn phòng Sở")?.overdue
    );
  });
});
