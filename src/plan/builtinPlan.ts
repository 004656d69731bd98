/**
 * The built-in 2024 plan without the zod schema: its JSON ships with the code, so it is validated by
 * the tests (test/unit/plan.test.ts: equal to `parsePlan` of the same data), not at every start.
 * That keeps zod out of `cchc plan` and of the task pane's engine until a plan file is read
 * (docs/BENCHMARKS.md, CLI start-up).
 */
import planData from "./plan-2024.json";
import { buildPlan } from "./build";
import { indicatorRecords } from "./indicators";
import { limitProblems } from "./limits";
import type { PlanFile } from "./schema";
import type { Plan } from "./types";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** The built-in plan's data as `parsePlan` receives it (tests validate exactly this). */
export function builtinPlanData(): unknown {
  return { ...planData, indicators: indicatorRecords() };
}

let cached: Plan | undefined;

/** The built-in 2024 plan. Frozen: it is shared by every caller. */
export function getPlan(): Plan {
  if (!cached) {
    const plan = buildPlan(builtinPlanData() as PlanFile);
    const tooLong = limitProblems(plan);
    // Only a broken build can get here: the tests validate this data with the schema.
    if (tooLong.length > 0) throw new Error(tooLong.join("; "));
    cached = deepFreeze(plan);
  }
  return cached;
}
