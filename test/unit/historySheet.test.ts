/**
 * Lịch sử: snapshots appended from the typed values, the trend of overdue tasks and of a target
 * across snapshots, and the trend's table and chart beside the history table.
 */
import { computeReport } from "../../src/domain/reportFigures";
import {
  HISTORY_SHEET_KEY,
  composeHistorySheet,
  indicatorTrend,
  overdueTrend,
  withPeriodSnapshot,
} from "../../src/layouts/historySheet";
import { reportInputsOf } from "../../src/layouts/reportSources";
import { getPlan } from "../../src/plan";
import { filledYear } from "../support/reportFixtures";

const plan = getPlan();
const typed = filledYear(plan);

describe("Lịch sử", () => {
  const one = withPeriodSnapshot(plan, typed, "q1", "2024-03-20");
  const two = withPeriodSnapshot(plan, one.userInput, "h1", "2024-06-20");
  const three = withPeriodSnapshot(plan, two.userInput, "q3", "2024-09-20");

  it("numbers snapshots and keeps the earlier ones untouched", () => {
    expect([one.no, two.no, three.no]).toEqual([1, 2, 3]);
    const rows = three.userInput.tables.tblLichSu;
    expect(Object.keys(rows)).toHaveLength(3 * one.rows);
    for (const [k, v] of Object.entries(one.userInput.tables.tblLichSu)) expect(rows[k]).toEqual(v);
    // The typed values themselves are not touched.
    expect(three.userInput.tables.tblNhiemVu).toBe(typed.tables.tblNhiemVu);
  });

  it("gives the overdue trend and a target's trend from the kept rows", () => {
    const inputs = reportInputsOf(plan, typed);
    expect(overdueTrend(three.userInput)).toEqual(
      (["q1", "h1", "q3"] as const).map((id, i) => ({
        no: i + 1,
        label: `Lần ${i + 1} · ${computeReport(plan, id, inputs).period.label} 2024`,
        overdue: computeReport(plan, id, inputs).tasks.overdue,
      }))
    );
    const id = plan.indicators[0].id;
    const values = indicatorTrend(three.userInput, id).map((p) => p.value);
    expect(values).toEqual(
      (["q1", "h1", "q3"] as const).map((p) => {
        const v = computeReport(plan, p, inputs).indicators[0].value;
        return typeof v === "number" ? v : null;
      })
    );
    expect(overdueTrend(undefined)).toEqual([]);
  });

  it("shows the trend as a table and a chart beside the history (none before the first snapshot)", () => {
    expect(composeHistorySheet(plan).charts).toEqual([]);
    const sheet = composeHistorySheet(plan, three.userInput);
    expect(sheet.key).toBe(HISTORY_SHEET_KEY);
    const trend = sheet.blocks.find((b) => b.cells[0][1] === "Quá hạn (toàn cơ quan)")!;
    expect(trend.cells.slice(1).map((r) => r[1])).toEqual(
      overdueTrend(three.userInput).map((p) => p.overdue)
    );
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "columnClustered", seriesName: "Quá hạn" });
  });

  it("reads the whole-plan rows of workbooks written when they said “Toàn Sở”", () => {
    const rows = three.userInput.tables.tblLichSu;
    const legacy = Object.fromEntries(
      Object.entries(rows).map(([k, r]) => [
        k,
        r.kind === "Toàn cơ quan" ? { ...r, kind: "Toàn Sở", subject: "Toàn Sở" } : r,
      ])
    );
    expect(Object.values(legacy).some((r) => r.kind === "Toàn Sở")).toBe(true);
    const old = { ...three.userInput, tables: { ...three.userInput.tables, tblLichSu: legacy } };
    expect(overdueTrend(old)).toEqual(overdueTrend(three.userInput));
  });
});
