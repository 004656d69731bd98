/**
 * Per-row formulas made once and completed per row (rowTemplate.ts) are exactly the formulas built
 * for that row directly; a formula that used its row in arithmetic (r - 1) would differ here.
 */
import { perRow } from "../../src/layouts/rowTemplate";
import { helperFormulas } from "../../src/layouts/reportFormulas";
import { HELPER_FIRST_COL } from "../../src/layouts/reportHelper";
import { recurringStateFormula } from "../../src/layouts/recurringSheet";
import { daysLateFormula, stateFormula } from "../../src/layouts/tasksFormulas";

const rows = [1, 9, 10, 99, 100, 4308, 1_048_576];

test.each<[string, (r: number | string) => Partial<Record<string, string>>]>([
  ["Nhiệm vụ", (r: number | string) => ({ state: stateFormula(r), late: daysLateFormula(r) })],
  ["Thường xuyên", (r: number | string) => ({ state: recurringStateFormula(2024, r) })],
  ["Báo cáo", (r: number | string) => helperFormulas(2024, HELPER_FIRST_COL, r)],
])("%s: the template gives each row's own formulas", (_sheet, make) => {
  const ofRow = perRow(make);
  for (const r of rows) expect(ofRow(r)).toEqual(make(r));
});

test("a row number repeated inside a formula is filled in everywhere", () => {
  const ofRow = perRow((r) => ({ f: `=A${r}+B${r}*C${r}` }));
  expect(ofRow(12)).toEqual({ f: "=A12+B12*C12" });
});
