/**
 * Excel's limits, checked when a plan is loaded so that nothing is written broken: a cell holds at
 * most 32,767 characters and a formula at most 8,192
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Unit names are also written inside the formulas of the "Theo đơn vị" sheet (up to twice in one
 * formula), so they get a limit that keeps every such formula far below 8,192 characters.
 */
import type { Plan } from "./types";

export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA = 8_192;
export const MAX_UNIT_NAME = 255;

const vn = (n: number): string => n.toLocaleString("de-DE");

/** Every string of plain data with its path ("tasks[3] (2.4).text"). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i] as { code?: unknown; id?: unknown } | null;
      const label = typeof item?.code === "string" ? item.code : item?.id;
      yield* strings(value[i], `${path}[${i}]${typeof label === "string" ? ` (${label})` : ""}`);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

/** Why the plan cannot be written within Excel's limits (Vietnamese, one per text); [] when it can. */
export function limitProblems(plan: Plan): string[] {
  const problems: string[] = [];
  for (const [path, s] of strings(plan, "")) {
    if (s.length > MAX_CELL_TEXT)
      problems.push(
        `${path}: dài ${vn(s.length)} ký tự, vượt giới hạn ${vn(MAX_CELL_TEXT)} ký tự của một ô Excel; hãy rút gọn hoặc tách nội dung.`
      );
  }
  const units = new Set([
    ...plan.units.flatMap((u) => [u.name, ...u.aliases]),
    ...plan.tasks.flatMap((t) => [...t.lead, ...t.coord]),
    ...plan.indicators.flatMap((x) => x.lead),
  ]);
  for (const name of units) {
    if (name.length > MAX_UNIT_NAME && name.length <= MAX_CELL_TEXT)
      problems.push(
        `Tên đơn vị “${name.slice(0, 40)}…” dài ${vn(name.length)} ký tự: tên đơn vị nằm trong công thức (tối đa ${vn(MAX_FORMULA)} ký tự) nên không được quá ${MAX_UNIT_NAME} ký tự; hãy viết tên ngắn hơn.`
      );
  }
  return problems;
}
