/**
 * A validated plan file → the Plan every layer uses. Everything derived is computed here and only
 * here (one source of truth): task seq/occurrence/key, canonical lead/coord units, deadline
 * due/recurring (with the plan's year for texts without one), canonical indicator leads, and the
 * detected anomalies.
 */
import { parseDeadline } from "../domain/deadline";
import { detectAnomalies } from "./anomalies";
import type { PlanFile } from "./schema";
import { taskKey } from "./taskKey";
import type { Anomaly, Indicator, Plan, Task, Unit } from "./types";
import { canonicalUnits, findUnit, UNITS } from "./units";

function buildTasks(file: PlanFile, units: readonly Unit[]): Task[] {
  const seen = new Map<string, number>();
  const positions = new Map<string, number>();
  return file.tasks.map((t, i) => {
    const scope = t.subsection ?? t.section;
    const position = (positions.get(scope) ?? 0) + 1;
    positions.set(scope, position);
    const code = t.code ?? `${scope}.${position}`;
    const occurrence = (seen.get(code) ?? 0) + 1;
    seen.set(code, occurrence);
    const d = parseDeadline(t.deadline.text, { year: file.year });
    const task: Task = {
      seq: i + 1,
      key: taskKey(code, occurrence),
      code,
      occurrence,
      section: t.section,
      subsection: t.subsection,
      rowNo: t.rowNo,
      objective: { code: t.objective.code, text: t.objective.text },
      text: t.text,
      activities: [...t.activities],
      outputs: [...t.outputs],
      leadText: t.leadText,
      lead: canonicalUnits(t.leadText, units),
      coordText: t.coordText,
      coord: canonicalUnits(t.coordText, units),
      deadline: { text: t.deadline.text, due: d.due, recurring: d.recurring },
      note: t.note,
    };
    if (t.corrections && t.corrections.length > 0)
      task.corrections = t.corrections.map((c) => ({ ...c }));
    return task;
  });
}

function buildIndicators(file: PlanFile, units: readonly Unit[]): Indicator[] {
  return file.indicators.map((ind) => {
    const out: Indicator = {
      id: ind.id,
      text: ind.text,
      target: ind.target,
      comparison: ind.comparison,
      unit: ind.unit,
      numerator: ind.numerator,
      denominator: ind.denominator,
      lead: [...new Set(ind.lead.map((name) => findUnit(name, units)?.name ?? name.trim()))],
      source: ind.source,
    };
    if (ind.note !== undefined) out.note = ind.note;
    if (ind.corrections && ind.corrections.length > 0)
      out.corrections = ind.corrections.map((c) => ({ ...c }));
    return out;
  });
}

export function buildPlan(file: PlanFile): Plan {
  const units: Unit[] = (file.units ?? UNITS).map((u) => ({
    id: u.id,
    name: u.name,
    aliases: [...u.aliases],
  }));
  const body: Omit<Plan, "anomalies"> = {
    year: file.year,
    title: file.title,
    sections: file.sections.map((s) => ({
      id: s.id,
      title: s.title,
      subsections: s.subsections.map((x) => ({ ...x })),
    })),
    tasks: buildTasks(file, units),
    orphanObjectives: file.orphanObjectives.map((o) => ({ ...o })),
    indicators: buildIndicators(file, units),
    units,
  };
  // Anomalies a rule can find are recomputed, never read back, so an edited plan file cannot carry a stale one.
  const stated: Anomaly[] = file.anomalies
    .filter((a) => a.origin !== "detected")
    .map((a) => ({ kind: a.kind, message: a.message, refs: [...a.refs], origin: "document" }));
  return { ...body, anomalies: [...stated, ...detectAnomalies(body)] };
}
