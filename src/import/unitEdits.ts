/**
 * What a person changes in the import preview: rename a learned unit, or merge one into another
 * (undoing a split the importer should not have made is a rename of the odd piece). The old
 * spellings stay aliases, so every lead/coordinating text still reads as the edited unit.
 */
import { parsePlan } from "../plan";
import type { Plan, Unit } from "../plan/types";

export type UnitEdit =
  { kind: "rename"; from: string; to: string } | { kind: "merge"; from: string; into: string };

/** The plan with the edits applied, validated again (throws PlanValidationError). */
export function applyUnitEdits(plan: Plan, edits: readonly UnitEdit[]): Plan {
  let units: Unit[] = plan.units.map((u) => ({ ...u, aliases: [...u.aliases] }));
  const renamed = new Map<string, string>();
  for (const e of edits) {
    const unit = units.find((u) => u.name === e.from);
    if (!unit) continue;
    if (e.kind === "rename") {
      const to = e.to.trim();
      if (to === "" || to === unit.name) continue;
      unit.aliases = [...new Set([unit.name, ...unit.aliases])].filter((a) => a !== to);
      unit.name = to;
      renamed.set(e.from, to);
    } else {
      const into = units.find((u) => u.name === e.into);
      if (!into || into === unit) continue;
      into.aliases = [...new Set([...into.aliases, unit.name, ...unit.aliases])];
      units = units.filter((u) => u !== unit);
      renamed.set(e.from, into.name);
    }
  }
  const rename = (n: string): string => renamed.get(n) ?? n;
  return parsePlan({
    ...plan,
    units,
    indicators: plan.indicators.map((i) => ({ ...i, lead: i.lead.map(rename) })),
  });
}
