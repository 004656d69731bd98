import { isoToSerial } from "../../src/domain/excelDate";
import { computeReport, indicatorReport, reportJson } from "../../src/domain/reportFigures";
import { PERIODS, reportPeriod, type PeriodId } from "../../src/domain/reportPeriods";
import { reportTaskOutcome, type RecurringInputs } from "../../src/domain/reportTasks";
import type { TaskInputs } from "../../src/domain/unitRollup";
import { getPlan } from "../../src/plan";
import type { Indicator } from "../../src/plan/types";
import { makeTask, samplePlan, VP } from "../support/layoutFixtures";

const serial = (iso: string): number => isoToSerial(iso) as number;
const none = { tasks: {}, recurring: {}, indicators: {}, marginPoints: 5 };

function outcome(
  deadline: { text: string; due: string | null; recurring: boolean },
  typed: TaskInputs[string],
  id: PeriodId,
  marks: RecurringInputs[string] = undefined
) {
  const task = makeTask({ code: "9.1", deadline });
  return reportTaskOutcome(
    task,
    { [task.key]: typed },
    { [task.key]: marks },
    reportPeriod(2024, id)
  );
}

const q1Task = { text: "Quý I/2024", due: "2024-03-31", recurring: false };
const janTask = { text: "Tháng 01/2024", due: "2024-01-31", recurring: false };
const recurring = { text: "Thường xuyên", due: null, recurring: true };
const milestone = { text: "Tháng 01/2024 Thường xuyên", due: "2024-01-31", recurring: true };

describe("a dated task at the window end", () => {
  it("done on the 14th is in the window, on the 15th it is not yet done", () => {
    expect(outcome(janTask, { doneDate: serial("2024-03-14") }, "q1").state).toBe("doneInPeriod");
    const late = outcome(janTask, { doneDate: serial("2024-03-15") }, "q1");
    expect(late).toMatchObject({ state: "overdue", due: "2024-01-31", daysLate: 43 });
    expect(outcome(janTask, { doneDate: serial("2024-03-15") }, "q2").state).toBe("doneInPeriod");
  });

  it("done before the window starts counts to date, not in the period", () => {
    const o = outcome(janTask, { doneDate: serial("2024-01-20") }, "q2");
    expect(o.state).toBe("doneBefore");
    // Done on 14/12 of the year before: before Quý I's window.
    expect(outcome(janTask, { doneDate: serial("2023-12-14") }, "q1").state).toBe("doneBefore");
    expect(outcome(janTask, { doneDate: serial("2023-12-15") }, "q1").state).toBe("doneInPeriod");
  });

  it("due after the window end is on track; due before it and not done is overdue", () => {
    expect(outcome(q1Task, {}, "q1").state).toBe("onTrack"); // 31/03 > 14/03
    expect(outcome(q1Task, {}, "h1")).toMatchObject({ state: "overdue", daysLate: 75 });
  });

  it("'Hoàn thành' without a date is done within the window asked for", () => {
    expect(outcome(q1Task, { status: "Hoàn thành" }, "q1").state).toBe("doneInPeriod");
    expect(outcome(janTask, { status: "Hoàn thành" }, "q2").state).toBe("doneBefore");
  });

  it("'Không áp dụng' wins", () => {
    const o = outcome(janTask, { status: "Không áp dụng", doneDate: serial("2024-01-02") }, "q1");
    expect(o.state).toBe("notApplicable");
  });
});

describe("recurring tasks per quarter", () => {
  it("done when every quarter of the period is reported done", () => {
    const marks = { q1: "Đã thực hiện", q2: "Đã thực hiện" };
    expect(outcome(recurring, {}, "h1", marks).state).toBe("doneInPeriod");
    expect(outcome(recurring, {}, "q1", { q1: "Đã thực hiện" }).state).toBe("doneInPeriod");
  });

  it("a quarter not reported is overdue at the window end, dated from that quarter's end", () => {
    const o = outcome(recurring, {}, "h1", { q1: "Đã thực hiện", q2: "Chưa thực hiện" });
    expect(o).toMatchObject({
      state: "overdue",
      asRecurring: true,
      due: "2024-06-14",
      daysLate: 0,
    });
    const first = outcome(recurring, {}, "q3", { q2: "Đã thực hiện", q3: "Đã thực hiện" });
    expect(first).toMatchObject({ state: "overdue", due: "2024-03-14", daysLate: 184 });
  });

  it("quarters marked not applicable are skipped; all of them → not applicable", () => {
    expect(outcome(recurring, {}, "h1", { q1: "Không áp dụng", q2: "Đã thực hiện" }).state).toBe(
      "doneInPeriod"
    );
    expect(outcome(recurring, {}, "q4", { q4: "Không áp dụng" }).state).toBe("notApplicable");
  });

  it("milestone then recurring: overdue only for the milestone, then quarter by quarter", () => {
    // Milestone (31/01) not done: overdue for it, whatever the quarter marks say.
    const missed = outcome(milestone, {}, "h1", { q2: "Đã thực hiện" });
    expect(missed).toMatchObject({ state: "overdue", asRecurring: false, due: "2024-01-31" });
    // Milestone done in January: Quý I is the milestone's quarter, judged by its date.
    const done = { doneDate: serial("2024-01-25") };
    expect(outcome(milestone, done, "q1").state).toBe("doneInPeriod");
    // From Quý II on, the quarter marks decide.
    expect(outcome(milestone, done, "q2").state).toBe("overdue");
    expect(outcome(milestone, done, "q2", { q2: "Đã thực hiện" }).state).toBe("doneInPeriod");
    expect(outcome(milestone, done, "h1", { q2: "Đã thực hiện" }).state).toBe("doneInPeriod");
    // Before its milestone is due, it is on track.
    expect(outcome({ ...milestone, due: "2024-05-31" }, {}, "q1").state).toBe("onTrack");
  });
});

describe("computeReport", () => {
  it("partitions every task: total = done to date + overdue + on track + not applicable", () => {
    const plan = samplePlan();
    for (const id of ["q1", "h1", "q2", "q3", "q4", "year"] as const) {
      const r = computeReport(plan, id, none);
      const t = r.tasks;
      expect(t.total).toBe(plan.tasks.length);
      expect(t.doneToDate + t.overdue + t.onTrack + t.notApplicable).toBe(t.total);
      const sum = r.sections.reduce((s, x) => s + x.figures.total, 0);
      expect(sum).toBe(t.total);
    }
  });

  it("lists each unit's overdue tasks in plan order, and counts shared tasks for both units", () => {
    const plan = samplePlan();
    const r = computeReport(plan, "h1", none);
    const vp = r.units.find((u) => u.unit === VP);
    // 14/03 (end of Quý I's window, not reported) → 14/06 is 92 days.
    expect(vp?.overdue.map((o) => [o.task.key, o.daysLate])).toEqual([
      ["2.1#1", 162],
      ["2.2#1", 75],
      ["2.4#1", 92],
      ["2.23#2", 75],
    ]);
    const json = reportJson(r) as { byUnit: { unit: string; overdueTasks: string[] }[] };
    expect(json.byUnit.find((u) => u.unit === VP)?.overdueTasks).toEqual([
      "2.1",
      "2.2",
      "2.4",
      "2.23",
    ]);
  });

  it("gives the JSON shape of cchc report --json with ISO dates", () => {
    const json = reportJson(computeReport(getPlan(), "h1", none)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "period",
      "label",
      "from",
      "to",
      "tasks",
      "byUnit",
      "indicators",
    ]);
    expect(json).toMatchObject({ period: "h1", from: "2023-12-15", to: "2024-06-14" });
    expect(Object.keys(json.tasks as object)).toEqual([
      "total",
      "doneInPeriod",
      "doneToDate",
      "overdue",
      "onTrack",
      "notApplicable",
    ]);
  });

  it("counts the plan's 19 recurring tasks: not reported for Quý I → overdue in the Quý I report", () => {
    const plan = getPlan();
    const r = computeReport(plan, "q1", none);
    const recurringOverdue = r.outcomes.filter((o) => o.asRecurring && o.state === "overdue");
    expect(recurringOverdue).toHaveLength(plan.tasks.filter((t) => t.deadline.due === null).length);
    expect(recurringOverdue).toHaveLength(19);
  });
});

describe("targets over a period's months", () => {
  const rate: Indicator = {
    id: "X.1",
    text: "Tỷ lệ",
    target: 90,
    comparison: ">=",
    unit: "%",
    numerator: "đạt",
    denominator: "tổng",
    lead: [VP],
    source: "test",
  };
  const typed = { num1: 9, den1: 10, num2: 8, den2: 10, num4: 10, den4: 10, num7: "x", den7: 4 };

  it("sums whole months: Quý I = T1–T3, Quý II = T4–T6", () => {
    expect(indicatorReport(rate, typed, [1, 2, 3], 5)).toMatchObject({
      value: 0.85,
      verdict: "Gần đạt",
    });
    expect(indicatorReport(rate, typed, [4, 5, 6], 5)).toMatchObject({ value: 1, verdict: "Đạt" });
    expect(indicatorReport(rate, typed, [1, 2, 3], 4)).toMatchObject({ verdict: "Chưa đạt" });
  });

  it("no data is '' and bad data (text) is null, neither has a verdict", () => {
    expect(indicatorReport(rate, typed, [10, 11, 12], 5)).toMatchObject({
      value: "",
      verdict: null,
    });
    expect(indicatorReport(rate, typed, [7, 8, 9], 5)).toMatchObject({
      value: null,
      verdict: null,
    });
  });

  it("counts add up and compare with the count target", () => {
    const count = { ...rate, unit: "count" as const, target: 2, denominator: null };
    // 2 a year: nothing is due in Quý I (⌊2 × 3 ÷ 12⌋ = 0), so 1 is ahead of time, not short of 2.
    expect(indicatorReport(count, { num1: 1, num5: 1 }, [1, 2, 3], 5)).toMatchObject({
      value: 1,
      target: 2,
      verdict: "Đúng tiến độ",
    });
    expect(indicatorReport(count, { num1: 1, num5: 1 }, [1, 2, 3, 4, 5, 6], 5).verdict).toBe("Đạt");
    // Quý II's share is 1 (⌊2 × 6 ÷ 12⌋ − ⌊2 × 3 ÷ 12⌋); the whole year is judged against 2.
    expect(indicatorReport(count, { num1: 1, num4: 0 }, [4, 5, 6], 5).verdict).toBe("Chưa đạt");
    expect(indicatorReport(count, { num5: 1 }, [4, 5, 6], 5).verdict).toBe("Đúng tiến độ");
    expect(indicatorReport(count, { num5: 1 }, PERIODS[5].months, 5).verdict).toBe("Chưa đạt");
  });
});
