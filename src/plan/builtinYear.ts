/**
 * The built-in plan's year without validating the whole plan (zod): `cchc due`'s default year, read
 * at start-up. test/unit/plan.test.ts checks it equals getPlan().year.
 */
import planData from "./plan-2024.json";

export const BUILTIN_PLAN_YEAR: number = planData.year;
