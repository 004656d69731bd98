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

/**
 * Lead-unit names that one formula over names could not tell apart: a ";" inside a name (the old
 * hidden column's separator, so "Phòng C;D" read as "Phòng C,D"), names equal but for case (COUNTIFS
 * and AutoFilter ignore case), and wildcard characters.
 */
export const COLLIDING_UNITS = ["Phòng C;D", "Phòng C,D", "PHÒNG C,D", "Tổ *", "Tổ ?", "Tổ A"];

/** `base` with each task led by one or two of COLLIDING_UNITS (task i by unit i, some also by i + 1). */
export function collidingUnitsPlan(base: Plan): Plan {
  const n = COLLIDING_UNITS.length;
  const tasks = base.tasks.map((t, i) => {
    const lead =
      i % 4 === 3
        ? [COLLIDING_UNITS[i % n], COLLIDING_UNITS[(i + 1) % n]]
        : [COLLIDING_UNITS[i % n]];
    return { ...t, lead, leadText: lead.join(" + ") };
  });
  return {
    ...base,
    tasks,
    units: COLLIDING_UNITS.map((name, i) => ({ id: `C${i + 1}`, name, aliases: [] })),
  };
}
