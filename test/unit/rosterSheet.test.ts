/**
 * The "Đơn vị" sheet: the plan's lead units prefilled with the groups detected; the coordinator's
 * list (real units, which groups each belongs to) sends a group's tasks to each member unit on
 * "Theo đơn vị", in the task pane's list and in its filter; the list is user data, kept across
 * create/update, `--from` and a revised plan.
 */
import { leadUnits, planRollup, unitRollup } from "../../src/domain/unitRollup";
import { GROUP_WITHOUT_MEMBERS_SUFFIX } from "../../src/domain/unitRoster";
import {
  ROSTER_SHEET_NAME,
  ROSTER_TABLE,
  composeRosterSheet,
  rosterColumn,
} from "../../src/layouts/rosterSheet";
import { workbookTargets } from "../../src/layouts/targets";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { UNITS_TABLE } from "../../src/layouts/unitsSheet";
import type { UserInput } from "../../src/layouts/userInput";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import { carryInputToRevisedPlan } from "../../src/layouts/planRevision";
import { createOrUpdate, filterByUnit, refresh } from "../../src/render/office/actions";
import { readUserInputFromFile } from "../../src/render/xlsx/readUserInput";
import { renderWorkbookFile } from "../../src/render/xlsx/renderWorkbookFile";
import { createFakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { builderFor, depsOf } from "../support/officeHarness";

const plan = getPlan();
const PCM = "Các phòng chuyên môn";
const TRUNG_TAM = "Các Trung tâm trực thuộc";
const PBPLQ = "Các phòng, bộ phận liên quan";
const TTTK = "Phòng TT-TK KH,CN và ĐMST";
const QLKH = "Phòng Quản lý khoa học";
const TTUD = "Trung tâm Ứng dụng KH&CN";
const col = (key: Parameters<typeof rosterColumn>[0]): number => rosterColumn(key) - 1;

/** What a coordinator types: two real units of their own, one plan unit put into a group. */
function typedList(): UserInput {
  return {
    names: {},
    tables: {
      [ROSTER_TABLE]: {
        [TTTK]: { name: TTTK, kind: "Đơn vị", groups: PCM },
        "+1": { name: QLKH, kind: "Đơn vị", groups: `${PCM}; các phòng, bộ phận liên quan` },
        // "Các trung tâm": the document's other spelling of the group.
        "+2": { name: TTUD, groups: `Các trung tâm\nNhóm không có` },
      },
    },
  };
}

const tasksLedBy = (...names: string[]): string[] =>
  plan.tasks.filter((t) => t.lead.some((n) => names.includes(n))).map((t) => t.key);

describe("the Đơn vị sheet", () => {
  it("is prefilled with the plan's lead units, groups detected (5 of the 2024 plan's 11)", () => {
    const built = composeRosterSheet(plan, undefined);
    const rows = built.sheet.table?.rows ?? [];
    expect(built.sheet.name).toBe(ROSTER_SHEET_NAME);
    expect(rows.map((r) => r.cells[col("name")])).toEqual(leadUnits(plan));
    expect(rows.filter((r) => r.cells[col("kind")] === "Nhóm").map((r) => r.key)).toEqual([
      PCM,
      TRUNG_TAM,
      "Đoàn kiểm tra CCHC Sở",
      "Các phòng chủ trì tham mưu văn bản QPPL",
      PBPLQ,
    ]);
    // No member yet: each group is a line of its own, so none of its tasks goes uncounted.
    expect(built.accounts.units.map((u) => u.name)).toContain(
      `${PCM}${GROUP_WITHOUT_MEMBERS_SUFFIX}`
    );
    const pcm = rows.find((r) => r.key === PCM);
    expect(pcm?.cells[col("check")]).toMatch(/^Nhóm chưa có đơn vị thành viên/);
    expect(built.sheet.protect).toBeUndefined(); // rows are added at the end of the table
    expect(workbookTargets(plan.year).sheets.map((s) => s.table?.name)).toContain(ROSTER_TABLE);
  });

  it("a group's task counts once for each member unit; the Theo đơn vị lines are the real units", () => {
    const built = buildWorkbook(plan, {
      flavor: "file",
      asOf: "2024-06-30",
      userInput: typedList(),
    });
    const units = built.layout.sheets.find((s) => s.table?.name === UNITS_TABLE)?.table;
    const lines = (units?.rows ?? []).map((r) => r.cells[0]);
    expect(lines).toContain(QLKH);
    expect(lines).toContain(TTUD);
    expect(lines).not.toContain(`${PCM}${GROUP_WITHOUT_MEMBERS_SUFFIX}`);
    expect(lines).not.toContain(`${TRUNG_TAM}${GROUP_WITHOUT_MEMBERS_SUFFIX}`);
    expect(lines).toContain(`Đoàn kiểm tra CCHC Sở${GROUP_WITHOUT_MEMBERS_SUFFIX}`);

    const roster = composeRosterSheet(plan, typedList());
    const rollup = unitRollup(plan, {}, "2024-06-30", 7, roster.accounts);
    const total = (name: string) => rollup.find((x) => x.unit === name)?.total;
    expect(total(QLKH)).toBe(tasksLedBy(PCM, PBPLQ).length);
    expect(total(TTTK)).toBe(tasksLedBy(PCM, TTTK).length);
    expect(total(TTUD)).toBe(tasksLedBy(TRUNG_TAM).length);
    // Every task with a lead still has a line; the whole organisation counts each task once.
    for (const t of plan.tasks.filter((x) => x.lead.length > 0))
      expect([t.key, roster.accounts.accountable(t.lead).length > 0]).toEqual([t.key, true]);
    expect(planRollup(plan, {}, "2024-06-30").total).toBe(
      plan.tasks.filter((t) => t.lead.length > 0).length
    );

    const rows = roster.sheet.table?.rows ?? [];
    const ttud = rows.find((r) => r.cells[col("name")] === TTUD);
    expect(ttud?.key).toBe("+2");
    expect(ttud?.cells[col("kind")]).toBeNull(); // as typed: left empty
    expect(ttud?.cells[col("check")]).toContain("“Loại” trống: coi là “Đơn vị”");
    expect(ttud?.cells[col("check")]).toContain("“Nhóm không có”");
    const pcm = rows.find((r) => r.key === PCM);
    expect(pcm?.cells[col("check")]).toContain(`“${TTTK}”, “${QLKH}”`);
  });
});

describe("in the add-in", () => {
  it("typed into the workbook, kept by update; counts, pane list and filter follow the groups", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    const deps = depsOf(fake);
    const build = builderFor(plan, { today: "2024-06-30", asOf: "2024-06-30" });
    expect((await createOrUpdate(deps, build)).ok).toBe(true);
    // The coordinator adds a unit at the top of the list and puts a plan unit into a group.
    fake.user.insertRowsInTable(ROSTER_TABLE, 0, 1);
    const sheet = fake.book.mustSheet(ROSTER_SHEET_NAME);
    const first = fake.user.rowOf(ROSTER_TABLE, leadUnits(plan)[0]) - 1; // the inserted row
    fake.user.type(sheet, first, fake.user.columnOf(ROSTER_TABLE, "Đơn vị"), QLKH);
    fake.user.type(sheet, first, fake.user.columnOf(ROSTER_TABLE, "Thuộc nhóm"), PCM);
    fake.user.typeInTable(ROSTER_TABLE, TTTK, "Thuộc nhóm", PCM, "Khóa");
    expect((await createOrUpdate(deps, build)).ok).toBe(true);
    expect((await createOrUpdate(deps, build)).ok).toBe(true); // twice: nothing lost, nothing doubled

    const names = fake.table(ROSTER_TABLE).body.map((r) => r[col("name")]);
    expect(names.filter((n) => n === QLKH)).toHaveLength(1);
    expect(names).toContain(PCM);

    const r = await refresh(deps);
    const list = r.counts?.units ?? [];
    const qlkh = list.find((u) => u.unit === QLKH);
    expect(qlkh?.total).toBe(tasksLedBy(PCM).length);
    expect(list.find((u) => u.unit === TTTK)?.total).toBe(tasksLedBy(PCM, TTTK).length);
    expect(list.some((u) => u.unit.startsWith(PCM))).toBe(false);
    expect(r.counts?.whole?.total).toBe(plan.tasks.filter((t) => t.lead.length > 0).length);

    const f = await filterByUnit(deps, list.find((u) => u.unit === TTTK) ?? null);
    expect(f.ok).toBe(true);
    const t = fake.table(TASKS_TABLE);
    const visible = t.body
      .filter((_row, i) => !t.hiddenRows.includes(7 + i))
      .map((row) => String(row[0]));
    expect(visible.sort()).toEqual(tasksLedBy(PCM, TTTK).sort());
  });
});

describe("the list is user data", () => {
  const rosterOf = (input: UserInput, p = plan) =>
    (composeRosterSheet(p, input).sheet.table?.rows ?? []).map((r) => [
      r.key,
      r.cells[col("name")],
      r.cells[col("kind")],
      r.cells[col("groups")],
    ]);

  it("kept by `--from`: the file read back gives the same list (a fixed point)", async () => {
    const built = buildWorkbook(plan, {
      flavor: "file",
      asOf: "2024-06-30",
      userInput: typedList(),
    });
    const file = await renderWorkbookFile(built.layout);
    const back = await readUserInputFromFile(file, built.layout, "v1.xlsx");
    expect(back.found.map((f) => f.table)).toContain(ROSTER_TABLE);
    const typed = back.userInput.tables[ROSTER_TABLE];
    expect(typed["+1"]).toMatchObject({
      name: QLKH,
      groups: `${PCM}; các phòng, bộ phận liên quan`,
    });
    expect(typed[TTTK]).toMatchObject({ groups: PCM });
    expect(rosterOf(back.userInput)).toEqual(rosterOf(typedList()));
  }, 60_000);

  it("kept by a revised plan; a unit the new plan names adopts the row typed for it", () => {
    const revised = {
      ...plan,
      tasks: plan.tasks.map((t, i) => (i === 0 ? { ...t, lead: [QLKH] } : t)),
    };
    const carried = carryInputToRevisedPlan(typedList(), plan, revised).userInput;
    const rows = rosterOf(carried, revised);
    expect(rows.filter((r) => r[1] === QLKH)).toEqual([
      [QLKH, QLKH, "Đơn vị", `${PCM}; các phòng, bộ phận liên quan`],
    ]);
    expect(rows.find((r) => r[0] === TTTK)?.[3]).toBe(PCM);
    const accounts = composeRosterSheet(revised, carried).accounts;
    const line = accounts.units.find((u) => u.name === QLKH);
    expect(accounts.accountable([QLKH])).toEqual([line?.id]);
  });
});
