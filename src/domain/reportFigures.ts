/**
 * The figures of the periodic CCHC report for one period, computed from typed values only (no
 * spreadsheet engine): task counts for the whole plan, per section and per unit of the "Đơn vị" list
 * (with each unit's overdue tasks), and every target's value over the period's reporting months.
 * `cchc report` prints them, `cchc snapshot` and "Chốt số liệu" keep them, and the Báo cáo sheet's
 * formulas are tested against them. Rules: docs/report.md.
 */
import { targetValue, type IndicatorNumbers } from "./indicatorTarget";
import { monthsValue, type TypedValue } from "./indicatorPeriod";
import { reportPeriod, type Period, type PeriodId } from "./reportPeriods";
import {
  addOutcome,
  emptyTaskFigures,
  reportTaskOutcomes,
  sectionFigures,
  type RecurringInputs,
  type ReportPlan,
  type ReportTaskOutcome,
  type TaskFigures,
} from "./reportTasks";
import { judgeIndicator, VERDICT_MET, type Verdict } from "./verdict";
import { leadAccounts, type TaskInputs, type UnitAccounts } from "./unitRollup";

/** Monthly numbers typed for one target: "num1".."num12", "den1".."den12" (the Chỉ tiêu table's keys). */
export type IndicatorInputs = Readonly<
  Record<string, Readonly<Record<string, TypedValue | undefined>> | undefined>
>;

/** What the report reads of a target; the plan's Indicator has this shape. */
export interface ReportIndicator extends IndicatorNumbers {
  text: string;
}

/** The plan as the report reads it. */
export interface ReportPlanWithTargets extends ReportPlan {
  indicators: readonly ReportIndicator[];
}

export interface ReportInputs {
  tasks: TaskInputs;
  recurring: RecurringInputs;
  indicators: IndicatorInputs;
  /** Near-miss margin in percentage points (the BienDoGan cell). */
  marginPoints: number;
  /**
   * Who answers for each task: the lines of the "Đơn vị" list (a group's task counts for each member
   * unit), as on "Theo đơn vị". Default: each lead unit for itself.
   */
  accounts?: UnitAccounts;
}

/** The per-unit lines the report counts by (ReportInputs.accounts, else each lead unit). */
export const reportAccounts = (plan: ReportPlan, inputs: ReportInputs): UnitAccounts =>
  inputs.accounts ?? leadAccounts(plan);

export interface UnitReport {
  /** The line's id (RollupUnit.id: the Báo cáo formulas count by it, never by the name). */
  id: string;
  unit: string;
  figures: TaskFigures;
  /** Its overdue tasks at the window end, in plan order (as the Báo cáo sheet lists them). */
  overdue: ReportTaskOutcome[];
}

export interface IndicatorReport {
  indicator: ReportIndicator;
  /** The target as a sheet value (a fraction for rates). */
  target: number;
  /** Value over the period's months; "" without data, null for bad data. */
  value: number | "" | null;
  verdict: Verdict | null;
}

export interface Report {
  period: Period;
  tasks: TaskFigures;
  sections: ReturnType<typeof sectionFigures>;
  units: UnitReport[];
  indicators: IndicatorReport[];
  outcomes: ReportTaskOutcome[];
}

function unitReports(accounts: UnitAccounts, outcomes: readonly ReportTaskOutcome[]): UnitReport[] {
  const answering = outcomes.map((o) => new Set(accounts.accountable(o.task.lead)));
  return accounts.units.map(({ id, name }) => {
    const figures = emptyTaskFigures();
    const overdue: ReportTaskOutcome[] = [];
    outcomes.forEach((o, i) => {
      if (!answering[i].has(id)) return;
      addOutcome(figures, o.state);
      if (o.state === "overdue") overdue.push(o);
    });
    return { id, unit: name, figures, overdue };
  });
}

/**
 * A target's value over the given reporting months (a run: T1–T6, T4–T6…), with its verdict for
 * those months (verdict.ts: a count against its share due over them).
 */
export function indicatorReport(
  indicator: ReportIndicator,
  typed: Readonly<Record<string, TypedValue | undefined>> | undefined,
  months: readonly number[],
  marginPoints: number
): IndicatorReport {
  const pick = (prefix: string): TypedValue[] =>
    months.map((m) => typed?.[`${prefix}${m}`] ?? null);
  const isRate = indicator.unit === "%";
  const value = monthsValue(isRate ? "rate" : "count", pick("num"), pick("den"));
  const target = targetValue(indicator);
  const verdict =
    typeof value === "number"
      ? judgeIndicator({
          unit: isRate ? "%" : "count",
          target,
          comparison: indicator.comparison,
          value,
          firstMonth: months[0] ?? 1,
          months: months[months.length - 1] ?? 0,
          marginPoints,
        })
      : null;
  return { indicator, target, value, verdict };
}

/** Every figure of the report for period `id` of the plan's year. */
export function computeReport(
  plan: ReportPlanWithTargets,
  id: PeriodId,
  inputs: ReportInputs
): Report {
  const period = reportPeriod(plan.year, id);
  const outcomes = reportTaskOutcomes(plan, inputs.tasks, inputs.recurring, period);
  const tasks = emptyTaskFigures();
  for (const o of outcomes) addOutcome(tasks, o.state);
  return {
    period,
    tasks,
    sections: sectionFigures(plan, outcomes),
    units: unitReports(reportAccounts(plan, inputs), outcomes),
    indicators: plan.indicators.map((i) =>
      indicatorReport(i, inputs.indicators[i.id], period.months, inputs.marginPoints)
    ),
    outcomes,
  };
}

/** The JSON of `cchc report --json` (docs/report.md): dates ISO, rates as fractions. */
export function reportJson(report: Report): unknown {
  return {
    period: report.period.id,
    label: report.period.label,
    from: report.period.from,
    to: report.period.to,
    tasks: report.tasks,
    byUnit: report.units.map((u) => ({
      unit: u.unit,
      total: u.figures.total,
      doneInPeriod: u.figures.doneInPeriod,
      overdue: u.figures.overdue,
      overdueTasks: u.overdue.map((o) => o.task.code),
    })),
    indicators: report.indicators.map((r) => ({
      id: r.indicator.id,
      value: typeof r.value === "number" ? r.value : null,
      target: r.target,
      met: r.verdict === null ? null : r.verdict === VERDICT_MET,
      verdict: r.verdict,
    })),
  };
}
