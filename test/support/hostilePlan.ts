/**
 * The seed plan with hostile texts everywhere a plan carries text: formulas (a live HYPERLINK, a DDE
 * payload, texts starting with + - @), XML-forbidden characters, task codes and unit names that start
 * with "=". Used by the hostile-input corpus: nothing may be injected, lost, or crash a renderer.
 */
import type { Plan } from "../../src/plan/types";

export const INJECTED = "evil.example";
export const FORMULA_TEXTS = [
  `=HYPERLINK("http://${INJECTED}/x","Xem")`,
  `+cmd|' /C calc'!A0 ${INJECTED}`,
  `-2+3 ${INJECTED}`,
  `@SUM(1,1) ${INJECTED}`,
  `=1+1 ${INJECTED}`,
];
/** XML forbids all but the line break and the tab here; U+000B becomes a line break. */
export const XML_ILLEGAL = "Báo cáo\u0001\u0008\uFFFE\uFFFF\uD800 xong\u000Bdòng 2\tcột";
export const XML_ILLEGAL_CLEANED = "Báo cáo xong\ndòng 2\tcột";

const pick = (i: number): string => FORMULA_TEXTS[i % FORMULA_TEXTS.length];
const unitName = (u: string): string => `=HYPERLINK("http://${INJECTED}/${u}")`;

export function hostilePlan(base: Plan): Plan {
  const tasks = base.tasks.map((t, i) => {
    const code = i % 7 === 3 ? `=${t.code}` : t.code;
    return {
      ...t,
      code,
      key: `${code}#${t.occurrence}`,
      objective: { ...t.objective, text: pick(i + 1) },
      text: i % 5 === 4 ? XML_ILLEGAL : pick(i),
      activities: [pick(i + 2), XML_ILLEGAL],
      outputs: [pick(i + 3)],
      leadText: pick(i + 4),
      lead: t.lead.map(unitName),
      coordText: pick(i),
      coord: t.coord.map(unitName),
      note: pick(i + 1),
    };
  });
  return {
    ...base,
    title: pick(0),
    sections: base.sections.map((s, i) => ({ ...s, title: pick(i) })),
    tasks,
    indicators: base.indicators.map((x, i) => ({
      ...x,
      text: i % 4 === 3 ? XML_ILLEGAL : pick(i),
      numerator: pick(i + 1),
      denominator: x.denominator === null ? null : pick(i + 2),
      lead: x.lead.map(unitName),
    })),
    units: base.units.map((u) => ({ ...u, name: unitName(u.name) })),
  };
}

/** Formula text outside its string literals (where a function call would be live). */
export function formulaCode(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}
