/**
 * Targets added and corrected by hand in the Chỉ tiêu sheet (issue 11): the typed level read as people
 * write it, the edits applied to the plan (and only the edits), refused entries listed and kept as
 * typed, and the whole round in the fake workbook (HyperFormula computing the formulas): the new
 * target gets its row, its formulas, its place in the stored plan and in CCHC.TARGET. Through the
 * command line: indicatorEditsCli.test.ts.
 */
import "../support/customFunctionsStub";
import { isCustomFunctionsError } from "../support/customFunctionsStub";
import { readTargetText } from "../../src/domain/targetText";
import { TARGET } from "../../src/functions/functions";
import { applyIndicatorEdits } from "../../src/layouts/indicatorEdits";
import { col } from "../../src/layouts/indicatorFormulas";
import { NEW_TARGET_ROWS } from "../../src/layouts/indicatorRows";
import {
  INDICATORS_HEADER_ROW,
  INDICATORS_SHEET_NAME,
  INDICATORS_TABLE,
} from "../../src/layouts/indicatorsSheet";
import type { Scalar } from "../../src/layouts/model";
import type { UserInput } from "../../src/layouts/userInput";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { setWorkbookTargets } from "../../src/plan/workbookTargets";
import type { ExcelRun, OfficeDeps } from "../../src/render/office/actions";
import { readWorkbookPlan } from "../../src/render/office/planActions";
import { createOrUpdateForPlan, createOrUpdateWorkbookPlan } from "../../src/taskpane/planImport";
import { snapshotWorkbookPlan } from "../../src/taskpane/reportActions";
import { HISTORY_KIND, HISTORY_TABLE, historyColumns } from "../../src/layouts/historySheet";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";

afterEach(() => setWorkbookTargets(null));

describe("a target typed as people write it", () => {
  test.each([
    ["≥ 90%", { target: 90, comparison: ">=", unit: "%" }],
    ["100%", { target: 100, comparison: ">=", unit: "%" }],
    ["trên 95%", { target: 95, comparison: ">", unit: "%" }],
    ["Không quá 2,5 %", { target: 2.5, comparison: "<=", unit: "%" }],
    ["dưới 5%", { target: 5, comparison: "<", unit: "%" }],
    ["<=10%", { target: 10, comparison: "<=", unit: "%" }],
    ["đúng 50%", { target: 50, comparison: "=", unit: "%" }],
    ["từ 80% trở lên", { target: 80, comparison: ">=", unit: "%" }],
    ["ít nhất 3 sáng kiến", { target: 3, comparison: ">=", unit: "count", noun: "sáng kiến" }],
    ["03 sáng kiến", { target: 3, comparison: ">=", unit: "count", noun: "sáng kiến" }],
    ["không quá 2 cuộc họp", { target: 2, comparison: "<=", unit: "count" }],
  ])("%s", (typed, want) => {
    const read = readTargetText(typed);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value).toMatchObject(want);
  });

  test.each([
    ["", /chưa ghi mức/],
    ["đạt chỉ tiêu", /không có con số/],
    ["khoảng 90%", /không hiểu phép so sánh “khoảng”/],
    ["120%", /lớn hơn 100%/],
    ["90", /ghi rõ “%”/],
    ["trên 90% trở lên", /hai phép so sánh/],
  ])("“%s” is refused, with the reason", (typed, why) => {
    const read = readTargetText(typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(why);
  });

  test("a number Excel made of a typed “90%” follows the row's unit", () => {
    expect(readTargetText(0.9, "%")).toMatchObject({ ok: true, value: { target: 90 } });
    expect(readTargetText(85, "%")).toMatchObject({ ok: true, value: { target: 85 } });
    expect(readTargetText(4, "count")).toMatchObject({ ok: true, value: { target: 4 } });
    expect(readTargetText(0.9).ok).toBe(false);
    expect(readTargetText(-1, "count").ok).toBe(false);
    expect(readTargetText(true).ok).toBe(false);
  });
});

const months = (nums: Scalar[], dens: Scalar[] = []): Record<string, Scalar> => {
  const out: Record<string, Scalar> = {};
  nums.forEach((v, i) => (out[`num${i + 1}`] = v));
  dens.forEach((v, i) => (out[`den${i + 1}`] = v));
  return out;
};

const inputOf = (rows: Record<string, Record<string, Scalar>>): UserInput => ({
  tables: { [INDICATORS_TABLE]: rows },
  names: {},
});

describe("edits typed in the table, applied to the plan", () => {
  const plan = getPlan();
  const i36 = plan.indicators.find((i) => i.id === "3.6")!;

  test("a definition equal to what was written is no edit; a changed level is", () => {
    const input = inputOf({
      "3.6": { code: "3.6", text: i36.text, targetText: "trên 95%", ...months([9], [10]) },
      "3.3": { targetText: "≥ 70%", num1: 7, den1: 10 },
    });
    const r = applyIndicatorEdits(plan, input);
    expect(r.problems).toEqual([]);
    expect(r.changes).toEqual(["Chỉ tiêu 3.3: mức chỉ tiêu “≥ 90%” → “≥ 70%”."]);
    const i33 = r.plan.indicators.find((i) => i.id === "3.3")!;
    expect([i33.target, i33.comparison, i33.unit]).toEqual([70, ">=", "%"]);
    expect(i33.corrections).toEqual([
      { field: "targetText", original: "≥ 90%", corrected: "≥ 70%" },
    ]);
    // Typed definitions are dropped (the plan writes them), monthly numbers stay.
    expect(r.userInput?.tables[INDICATORS_TABLE]).toEqual({
      "3.6": months([9], [10]),
      "3.3": { num1: 7, den1: 10 },
    });
    expect(plan.indicators.find((i) => i.id === "3.3")!.target).toBe(90); // the input plan is untouched
  });

  test("corrected back to the document's value: no correction left", () => {
    const once = applyIndicatorEdits(plan, inputOf({ "3.6": { targetText: "≥ 90%" } })).plan;
    const back = applyIndicatorEdits(once, inputOf({ "3.6": { targetText: "trên 95%" } })).plan;
    expect(back.indicators.find((i) => i.id === "3.6")!.corrections).toBeUndefined();
  });

  test("a new target from an empty row: added, its monthly numbers under its id", () => {
    const input = inputOf({
      "+1": {
        code: "TAY.1",
        text: "Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn",
        lead: "Văn phòng",
        targetText: "≥ 80%",
        ...months([8, 9], [10, 10]),
      },
      "+2": { code: "TAY.2", text: "Sáng kiến", targetText: "03 sáng kiến", num4: 1 },
    });
    const r = applyIndicatorEdits(plan, input);
    expect(r.problems).toEqual([]);
    const added = r.plan.indicators.slice(plan.indicators.length);
    expect(added.map((i) => [i.id, i.target, i.comparison, i.unit, i.lead])).toEqual([
      ["TAY.1", 80, ">=", "%", ["Văn phòng Sở"]],
      ["TAY.2", 3, ">=", "count", []],
    ]);
    expect(added[1].numerator).toBe("Số sáng kiến");
    expect(r.userInput?.tables[INDICATORS_TABLE]).toEqual({
      "TAY.1": months([8, 9], [10, 10]),
      "TAY.2": { num4: 1 },
    });
  });

  test("invalid entries are listed in Vietnamese and stay as typed; nothing crashes", () => {
    const typed = {
      "+1": { code: "3.6", text: "Trùng mã", targetText: "≥ 50%" },
      "+2": { code: "MOI", text: "Không số", targetText: "đạt chỉ tiêu", num1: 3 },
      "+3": { code: "MOI2", text: "So sánh lạ", targetText: "khoảng 50%" },
      "+4": { text: "Không mã", targetText: "≥ 50%" },
      "+5": { code: "MOI3", targetText: "≥ 50%" },
      "3.6": { targetText: "abc", code: "3.5b", num1: 1, den1: 2 },
      "3.5b": { targetText: true, text: '=HYPERLINK("x")' },
    } as Record<string, Record<string, Scalar>>;
    const r = applyIndicatorEdits(plan, inputOf(typed));
    expect(r.problems).toEqual([
      "Chỉ tiêu thêm ở dòng 3.6: mã “3.6” đã có ở chỉ tiêu khác.",
      "Chỉ tiêu thêm ở dòng MOI: “đạt chỉ tiêu” không có con số nào.",
      expect.stringContaining("không hiểu phép so sánh “khoảng”"),
      "Chỉ tiêu thêm ở dòng không mã: thiếu mã chỉ tiêu (cột Mã chỉ tiêu).",
      "Chỉ tiêu thêm ở dòng MOI3: thiếu nội dung chỉ tiêu (cột Chỉ tiêu).",
      expect.stringMatching(/^Chỉ tiêu 3\.6: mức chỉ tiêu: .*abc.*; mã: mã “3\.5b” đã có/),
    ]);
    const rows = r.userInput!.tables[INDICATORS_TABLE];
    for (const key of ["+1", "+2", "+3", "+4", "+5"]) expect(rows[key]).toEqual(typed[key]);
    expect(rows["3.6"]).toEqual(typed["3.6"]);
    expect(r.refused["+2"]).toMatch(/không có con số/);
    expect(r.plan.indicators.map((i) => i.id)).toEqual(plan.indicators.map((i) => i.id));
    // A text starting with "=" stays text; a boolean level is no edit.
    expect(r.plan.indicators.find((i) => i.id === "3.5b")!.text).toBe('=HYPERLINK("x")');
  });

  test("a new document (base null): the old sheet's definitions are not corrections", () => {
    const r = applyIndicatorEdits(plan, inputOf({ "3.6": { targetText: "≥ 10%", num1: 1 } }), {
      base: null,
    });
    expect(r.changes).toEqual([]);
    expect(r.plan.indicators.find((i) => i.id === "3.6")!.target).toBe(95);
    expect(r.userInput?.tables[INDICATORS_TABLE]["3.6"]).toEqual({ num1: 1 });
  });

  test("a revised plan keeps the targets added by hand to the old one", () => {
    const old = applyIndicatorEdits(
      plan,
      inputOf({ "+1": { code: "TAY.1", text: "Thêm", targetText: "≥ 80%" } })
    ).plan;
    const revised: Plan = { ...plan, indicators: plan.indicators.slice(1) };
    const r = applyIndicatorEdits(revised, inputOf({ "TAY.1": { num1: 1, den1: 2 } }), {
      base: old,
    });
    expect(r.plan.indicators.map((i) => i.id)).toContain("TAY.1");
    expect(r.plan.indicators.map((i) => i.id)).not.toContain(plan.indicators[0].id);
  });

  test("the sheet says which rows were changed or added by hand", () => {
    const input = inputOf({
      "3.3": { targetText: "≥ 70%" },
      "+1": { code: "TAY.1", text: "Thêm", targetText: "ít nhất 2 hội nghị" },
      "+2": { code: "TAY.2", text: "Sai", targetText: "nhiều" },
    });
    const built = buildWorkbook(plan, { flavor: "file", userInput: input });
    const sheet = built.layout.sheets.find((s) => s.name === INDICATORS_SHEET_NAME)!;
    const noteCol = sheet.table!.columns.findIndex((c) => c.key === "note");
    const noteOf = (key: string) => sheet.table!.rows.find((r) => r.key === key)!.cells[noteCol];
    expect(noteOf("3.3")).toMatch(/^Sửa bằng tay mức chỉ tiêu; văn bản ghi: “≥ 90%”\./);
    expect(noteOf("TAY.1")).toMatch(/^Chỉ tiêu thêm bằng tay/);
    expect(noteOf("+2")).toMatch(/^⚠ Chỉ tiêu thêm chưa hợp lệ: “nhiều” không có con số/);
    expect(built.plan.indicators.map((i) => i.id)).toContain("TAY.1");
    expect(built.notes).toEqual(
      expect.arrayContaining([
        "Đã thêm chỉ tiêu TAY.1: ít nhất 2 hội nghị.",
        expect.stringMatching(/^Chỉ tiêu thêm ở dòng TAY\.2/),
      ])
    );
    // The empty rows for new targets follow the table's rows and do not print.
    const rows = sheet.table!.rows;
    expect(rows.slice(-NEW_TARGET_ROWS).map((r) => r.key)).toEqual([
      "(dòng mới 1)",
      "(dòng mới 2)",
      "(dòng mới 3)",
    ]);
    const lastPrinted = INDICATORS_HEADER_ROW + rows.length - NEW_TARGET_ROWS;
    expect(sheet.print?.printArea).toBe(`B1:${col("note")}${lastPrinted}`);
  });
});

// ---------- in the workbook, through the add-in's actions ----------

const deps = (fake: FakeExcel): OfficeDeps => ({
  run: fake.run as unknown as ExcelRun,
  isSetSupported: fake.isSetSupported,
});

/** A plan read from a pasted table: tasks, no targets. */
const pastedPlan = (): Plan => ({ ...getPlan(), indicators: [], anomalies: [] });

function typeIn(fake: FakeExcel, row: number, values: Record<string, Scalar>): void {
  for (const [header, v] of Object.entries(values)) {
    fake.user.type(
      fake.sheet(INDICATORS_SHEET_NAME),
      row,
      fake.user.columnOf(INDICATORS_TABLE, header),
      v
    );
  }
}

const at = (fake: FakeExcel, id: string, key: Parameters<typeof col>[0]) =>
  fake.value(INDICATORS_SHEET_NAME, `${col(key)}${fake.user.rowOf(INDICATORS_TABLE, id)}`);

describe("targets added and corrected in the workbook (fake Excel, HyperFormula)", () => {
  test("after a pasted table, the coordinator adds targets; the tracker, the stored plan and CCHC.TARGET follow", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    expect((await createOrUpdateForPlan(deps(fake), pastedPlan())).ok).toBe(true);
    const first = INDICATORS_HEADER_ROW + 1;
    expect(fake.table(INDICATORS_TABLE).body).toHaveLength(NEW_TARGET_ROWS);

    typeIn(fake, first, {
      "Mã chỉ tiêu": "TAY.1",
      "Chỉ tiêu": "Tỷ lệ hồ sơ nộp trực tuyến",
      "Đơn vị chủ trì": "Bộ phận một cửa",
      "Chỉ tiêu kế hoạch": "≥ 80%",
      "Đạt T1": 8,
      "Tổng T1": 10,
    });
    typeIn(fake, first + 1, {
      "Mã chỉ tiêu": "TAY.2",
      "Chỉ tiêu": "Sáng kiến CCHC",
      "Chỉ tiêu kế hoạch": "khoảng 2 sáng kiến",
      "Đạt T3": 1,
    });
    typeIn(fake, first + 2, {
      "Mã chỉ tiêu": "TAY.1",
      "Chỉ tiêu": "Trùng",
      "Chỉ tiêu kế hoạch": "5%",
    });

    const result = await createOrUpdateWorkbookPlan(deps(fake));
    expect(result.ok).toBe(true);
    expect(result.details).toEqual(
      expect.arrayContaining([
        "Đã thêm chỉ tiêu TAY.1: ≥ 80%.",
        expect.stringMatching(/^Chỉ tiêu thêm ở dòng TAY\.2: không hiểu phép so sánh “khoảng”/),
        "Chỉ tiêu thêm ở dòng TAY.1: mã “TAY.1” đã có ở chỉ tiêu khác.",
      ])
    );
    // The new target has its row, its formulas computed, its typed numbers.
    expect(at(fake, "TAY.1", "ytd")).toBeCloseTo(0.8, 12);
    expect(at(fake, "TAY.1", "met")).toBe("Đạt");
    expect(at(fake, "TAY.1", "lead")).toBe("Bộ phận một cửa");
    expect(at(fake, "TAY.1", "targetValue")).toBe(0.8);
    // The refused rows keep what was typed, at the end, with the reason.
    const body = fake.table(INDICATORS_TABLE).body;
    const headers = fake.table(INDICATORS_TABLE).headers;
    const refused = body.slice(1, -NEW_TARGET_ROWS);
    expect(refused.map((r) => r[headers.indexOf("Chỉ tiêu kế hoạch")])).toEqual([
      "khoảng 2 sáng kiến",
      "5%",
    ]);
    expect(refused[0][headers.indexOf("Đạt T3")]).toBe(1);
    expect(String(refused[0][headers.indexOf("Ghi chú")])).toMatch(/chưa hợp lệ/);
    // The refused rows keep their keys; the empty rows take the free ones.
    expect(body.slice(-NEW_TARGET_ROWS).map((r) => r[0])).toEqual([
      "(dòng mới 1)",
      "(dòng mới 4)",
      "(dòng mới 5)",
    ]);

    // Stored with the plan; CCHC.TARGET answers for it.
    const stored = await readWorkbookPlan(deps(fake).run);
    expect(stored?.indicators.map((i) => [i.id, i.target, i.source])).toEqual([
      ["TAY.1", 80, "Thêm trên trang Chỉ tiêu"],
    ]);
    expect(TARGET("TAY.1")).toBe(0.8);

    // The coordinator corrects the level: verdict, stored plan and CCHC.TARGET follow, numbers kept.
    fake.user.typeInTable(INDICATORS_TABLE, "TAY.1", "Chỉ tiêu kế hoạch", "≥ 90%");
    const again = await createOrUpdateWorkbookPlan(deps(fake));
    const afterCorrection = fake.table(INDICATORS_TABLE).body;
    expect(again.details).toContain("Chỉ tiêu TAY.1: mức chỉ tiêu “≥ 80%” → “≥ 90%”.");
    expect(at(fake, "TAY.1", "met")).toBe("Chưa đạt");
    expect(at(fake, "TAY.1", "num1")).toBe(8);
    expect(TARGET("TAY.1")).toBe(0.9);
    expect((await readWorkbookPlan(deps(fake).run))?.indicators[0].target).toBe(90);

    // Nothing typed since: no change reported, nothing moves.
    const third = await createOrUpdateWorkbookPlan(deps(fake));
    expect(third.details.filter((d) => /^(Đã thêm|Chỉ tiêu TAY\.1:)/.test(d))).toEqual([]);
    expect(fake.table(INDICATORS_TABLE).body).toEqual(afterCorrection);
    expect(at(fake, "TAY.1", "targetText")).toBe("≥ 90%");
  });

  test("a document's target corrected in place; a new document replaces the corrections", async () => {
    const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
    const plan = getPlan();
    expect((await createOrUpdateForPlan(deps(fake), plan)).ok).toBe(true);
    fake.user.typeInTable(INDICATORS_TABLE, "3.3", "Chỉ tiêu kế hoạch", "≥ 70%");
    fake.user.typeInTable(INDICATORS_TABLE, "3.3", "Đạt T1", 72);
    fake.user.typeInTable(INDICATORS_TABLE, "3.3", "Tổng T1", 100);
    expect((await createOrUpdateWorkbookPlan(deps(fake))).ok).toBe(true);
    expect(at(fake, "3.3", "met")).toBe("Đạt");
    expect(TARGET("3.3")).toBe(0.7);
    expect(isCustomFunctionsError(TARGET("TAY.9"))).toBe(true);

    // Importing the document again: its 90% is back, the typed numbers stay.
    expect((await createOrUpdateForPlan(deps(fake), plan)).ok).toBe(true);
    expect(at(fake, "3.3", "targetText")).toBe("≥ 90%");
    expect(at(fake, "3.3", "num1")).toBe(72);
    expect(TARGET("3.3")).toBe(0.9);
  });

  test("“Chốt số liệu” right after a target is added: the snapshot judges it with the plan stored", async () => {
    const fake = createFakeExcel();
    expect((await createOrUpdateForPlan(deps(fake), pastedPlan())).ok).toBe(true);
    typeIn(fake, INDICATORS_HEADER_ROW + 1, {
      "Mã chỉ tiêu": "TAY.1",
      "Chỉ tiêu": "Sáng kiến CCHC được công nhận",
      "Chỉ tiêu kế hoạch": "ít nhất 2 sáng kiến",
      "Đạt T5": 1,
    });
    const snap = await snapshotWorkbookPlan(deps(fake), "h1", "2024-06-20");
    expect(snap.ok).toBe(true);
    expect(snap.details).toContain("Đã thêm chỉ tiêu TAY.1: ít nhất 2 sáng kiến.");
    const history = fake.table(HISTORY_TABLE);
    const column = (key: string) =>
      history.headers.indexOf(historyColumns().find((c) => c.key === key)!.header);
    const rows = history.body.filter((r) => r[column("kind")] === HISTORY_KIND.indicator);
    // 6 tháng: 1 of the 2 a year, ⌊2 × 6 ÷ 12⌋ = 1 due by then.
    expect(rows.map((r) => [r[column("subject")], r[column("verdict")]])).toEqual([
      ["TAY.1", "Đúng tiến độ"],
    ]);
    expect((await readWorkbookPlan(fake.run as unknown as ExcelRun))!.indicators).toHaveLength(1);
  });
});
