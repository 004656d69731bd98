/**
 * The targets of the plan the open workbook carries, for `CCHC.TARGET` and the other functions that
 * take a target id. In the shared runtime the task pane and the custom functions run in one page but
 * from two bundles (two copies of every module), so the task pane hands the numbers over on the
 * page's global object after it reads the workbook's plan; without them the functions use the
 * built-in plan's targets. No imports: the custom-functions bundle stays small.
 */
import type { IndicatorTarget } from "./indicators";

const KEY = "__cchcWorkbookTargets";
type Holder = Record<string, unknown>;

/** Called by the task pane with the workbook's plan targets (null: the workbook has no stored plan). */
export function setWorkbookTargets(targets: readonly IndicatorTarget[] | null): void {
  (globalThis as Holder)[KEY] = targets ? targets.map((t) => ({ ...t })) : undefined;
}

/** The workbook's plan targets when the task pane has read them, else `fallback`. */
export function workbookTargetsOr(fallback: IndicatorTarget[]): IndicatorTarget[] {
  const t = (globalThis as Holder)[KEY];
  return Array.isArray(t) ? (t as IndicatorTarget[]) : fallback;
}
