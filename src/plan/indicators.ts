/**
 * The plan's numeric targets, without the tasks and without zod.
 *
 * The numbers (id, target, comparison, unit) are the typed table below; the words (text, what the
 * numerator and denominator count, leads, source, note) are in ./indicators-2024.json, joined by id.
 * The custom functions need only the numbers: getIndicatorTargets() / findIndicatorTarget() never
 * touch the JSON, and because the join is lazy, webpack leaves the texts out of a bundle that does
 * not call getIndicators() (≈ 0.3 KB gzip instead of ≈ 3.7 KB). The same data is validated with the
 * whole plan by getPlan() (src/plan/index.ts) and by test/unit/plan.test.ts.
 */
import texts from "./indicators-2024.json";
import type { Indicator } from "./types";

export type IndicatorTarget = Pick<Indicator, "id" | "target" | "comparison" | "unit">;

/** Document order. Target as printed: 95 for 95%, 2 for "02 sáng kiến". docs/seed-anomalies.md. */
const TARGETS: readonly IndicatorTarget[] = [
  { id: "1.1", target: 100, comparison: ">=", unit: "%" },
  { id: "1.2a", target: 2, comparison: ">=", unit: "count" },
  { id: "1.2b", target: 1, comparison: ">=", unit: "count" },
  { id: "1.3a", target: 100, comparison: ">=", unit: "%" },
  { id: "1.3b", target: 100, comparison: ">=", unit: "%" },
  { id: "2.1", target: 90, comparison: ">=", unit: "%" },
  { id: "2.2", target: 95, comparison: ">=", unit: "%" },
  { id: "2.3", target: 90, comparison: ">=", unit: "%" },
  { id: "3.1", target: 95, comparison: ">=", unit: "%" },
  { id: "3.2a", target: 100, comparison: ">=", unit: "%" },
  { id: "3.2b", target: 95, comparison: ">=", unit: "%" },
  { id: "3.2c", target: 95, comparison: ">=", unit: "%" },
  { id: "3.3", target: 90, comparison: ">=", unit: "%" },
  { id: "3.4", target: 100, comparison: ">=", unit: "%" },
  { id: "3.5a", target: 100, comparison: ">=", unit: "%" },
  { id: "3.5b", target: 80, comparison: ">=", unit: "%" },
  { id: "3.6", target: 95, comparison: ">", unit: "%" },
  { id: "4.1", target: 100, comparison: ">=", unit: "%" },
  { id: "5.1", target: 50, comparison: ">=", unit: "%" },
  { id: "7.2", target: 70, comparison: ">=", unit: "%" },
  { id: "7.3", target: 30, comparison: ">=", unit: "%" },
  { id: "7.4", target: 100, comparison: ">=", unit: "%" },
  { id: "NV.3.2", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.I.1.4", target: 1, comparison: ">=", unit: "count" },
  { id: "PL.III.1.2a", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.III.1.2b", target: 20, comparison: ">=", unit: "%" },
  { id: "PL.III.1.2c", target: 20, comparison: ">=", unit: "%" },
  { id: "PL.III.1.3", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.VI.1.1", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.VI.1.3", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.VII.7.2.1.1", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.VII.7.2.1.3", target: 100, comparison: ">=", unit: "%" },
  { id: "PL.VII.7.2.1.4", target: 100, comparison: ">=", unit: "%" },
];

type IndicatorText = Omit<Indicator, "target" | "comparison" | "unit">;

const targetById = new Map(TARGETS.map((t) => [t.id.toLowerCase(), t]));

/** Every target's numbers, in document order (new objects each call). */
export function getIndicatorTargets(): IndicatorTarget[] {
  return TARGETS.map((t) => ({ ...t }));
}

/** The numbers of the target with this id ("3.5b", "PL.III.1.2b"; case and spaces around ignored). */
export function findIndicatorTarget(id: string): IndicatorTarget | undefined {
  const t = typeof id === "string" ? targetById.get(id.trim().toLowerCase()) : undefined;
  return t ? { ...t } : undefined;
}

/** Full indicators (plain copies): the numbers joined with their words. */
export function indicatorRecords(): Indicator[] {
  const words = new Map((texts as IndicatorText[]).map((t) => [t.id, t]));
  return TARGETS.map((t) => {
    // Both halves are checked against each other by the tests; a missing text must not crash the add-in.
    const w = words.get(t.id) ?? {
      id: t.id,
      text: t.id,
      numerator: "",
      denominator: null,
      lead: [],
      source: "",
    };
    const out: Indicator = {
      id: t.id,
      text: w.text,
      target: t.target,
      comparison: t.comparison,
      unit: t.unit,
      numerator: w.numerator,
      denominator: w.denominator,
      lead: [...w.lead],
      source: w.source,
    };
    if (w.note !== undefined) out.note = w.note;
    return out;
  });
}

let frozen: readonly Indicator[] | undefined;
let byId: Map<string, Indicator> | undefined;

// Built on first use only, so a bundle that never asks for the words does not contain them.
function indicators(): readonly Indicator[] {
  if (!frozen) {
    frozen = Object.freeze(
      indicatorRecords().map((ind) =>
        Object.freeze({ ...ind, lead: Object.freeze(ind.lead) as string[] })
      )
    );
    byId = new Map(frozen.map((ind) => [ind.id.toLowerCase(), ind]));
  }
  return frozen;
}

/** All numeric targets of the plan, in document order (a new array; the items are frozen). */
export function getIndicators(): Indicator[] {
  return indicators().slice();
}

/** The target with this id ("3.5b", "PL.III.1.2b"; case and spaces around ignored), or undefined. */
export function findIndicator(id: string): Indicator | undefined {
  indicators();
  return typeof id === "string" ? byId?.get(id.trim().toLowerCase()) : undefined;
}
