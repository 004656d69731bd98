/**
 * The plan as validated data. `getPlan()` is the 2024 plan of the document (./builtinPlan: cached,
 * frozen: copy before sorting; its data is validated by the tests); `parsePlan(json)` validates a user-supplied plan file (`--plan`).
 * Format: docs/plan-format.md. Anomalies of the document: docs/seed-anomalies.md.
 */
import { buildPlan } from "./build";
import { validatePlanFile } from "./schema";
import { limitProblems } from "./limits";
import type { Plan } from "./types";

export type * from "./types";
export { taskKey, parseTaskKey, objectiveRef } from "./taskKey";
export {
  getIndicators,
  findIndicator,
  getIndicatorTargets,
  findIndicatorTarget,
} from "./indicators";
export type { IndicatorTarget } from "./indicators";
export { UNITS, canonicalUnits, readUnits, findUnit, unitKey } from "./units";
export type { UnitReading } from "./units";

/** A plan file that does not validate; `problems` lists each one (Vietnamese), `message` all of them. */
export class PlanValidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    const shown = problems.slice(0, 30).map((p) => `- ${p}`);
    if (problems.length > 30) shown.push(`- … và ${problems.length - 30} lỗi khác`);
    super(`Kế hoạch không hợp lệ (${problems.length} lỗi):\n${shown.join("\n")}`);
    this.name = "PlanValidationError";
    this.problems = problems;
  }
}

/** Validates a plan file (parsed JSON) and derives what the data implies. Throws PlanValidationError. */
export function parsePlan(json: unknown): Plan {
  const v = validatePlanFile(json);
  if (!v.ok) throw new PlanValidationError(v.problems);
  const plan = buildPlan(v.value);
  // Derived unit names count too: they come from the lead texts.
  const tooLong = limitProblems(plan);
  if (tooLong.length > 0) throw new PlanValidationError(tooLong);
  return plan;
}

export { getPlan, builtinPlanData } from "./builtinPlan";
