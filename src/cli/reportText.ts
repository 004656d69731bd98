/**
 * The periodic report as text for people (`cchc report` without --json) and the shared wording of
 * its figures (the .docx draft uses the same labels). Vietnamese; dates dd/mm/yyyy.
 */
import type { IndicatorReport, Report } from "../domain/reportFigures";
import { FIGURE_LABELS, overdueLine, type TaskFigures } from "../domain/reportTasks";

export { FIGURE_LABELS };
import { formatDmy } from "../domain/isoDate";
import { periodName as periodNameOf } from "../domain/reportPeriods";
import type { Comparison } from "../domain/rates";

const SYMBOL: Record<Comparison, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

export function periodName(report: Report): string {
  return periodNameOf(report.period);
}

/** "Quý I năm 2024 (số liệu từ 15/12/2023 đến 14/03/2024)". */
export function periodTitle(report: Report): string {
  const p = report.period;
  const name = periodName(report);
  return `${name[0].toUpperCase()}${name.slice(1)} (số liệu từ ${formatDmy(p.from)} đến ${formatDmy(p.to)})`;
}

/** 0.925 → "92,5%"; 3 → "3". */
export function formatValue(value: number, isRate: boolean): string {
  const shown = isRate ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100;
  return `${String(shown).replace(".", ",")}${isRate ? "%" : ""}`;
}

export function indicatorValueText(r: IndicatorReport): string {
  if (r.value === "") return "chưa có số liệu";
  if (r.value === null) return "số liệu lỗi";
  return formatValue(r.value, r.indicator.unit === "%");
}

export function indicatorTargetText(r: IndicatorReport): string {
  return `${SYMBOL[r.indicator.comparison]} ${formatValue(r.target, r.indicator.unit === "%")}`;
}

const figuresLine = (f: TaskFigures): string =>
  FIGURE_LABELS.map(([k, label]) => `${label.toLowerCase()} ${f[k]}`).join(" · ");

export function reportText(report: Report, title: string): string {
  const lines = [
    `BÁO CÁO CẢI CÁCH HÀNH CHÍNH ${periodTitle(report).toUpperCase()}`,
    title,
    "",
    `Toàn kế hoạch: ${figuresLine(report.tasks)}`,
    "",
    "Theo lĩnh vực:",
    ...report.sections.map((s) => `  ${s.section}. ${s.title}: ${figuresLine(s.figures)}`),
    "",
    "Theo đơn vị chủ trì (nhiệm vụ quá hạn tại ngày cuối kỳ số liệu):",
  ];
  for (const u of report.units) {
    const f = u.figures;
    lines.push(
      `  ${u.unit}: ${f.total} nhiệm vụ, hoàn thành trong kỳ ${f.doneInPeriod}, quá hạn ${f.overdue}`
    );
    for (const o of u.overdue) lines.push(`    - ${overdueLine(o, report.period.year)}`);
  }
  lines.push("", "Chỉ tiêu (giá trị trong kỳ / chỉ tiêu kế hoạch):");
  for (const r of report.indicators) {
    const verdict = r.verdict === null ? "" : ` — ${r.verdict}`;
    lines.push(
      `  ${r.indicator.id}: ${indicatorValueText(r)} / ${indicatorTargetText(r)}${verdict}`
    );
  }
  return `${lines.join("\n")}\n`;
}
