/**
 * The "Thường xuyên" sheet: one row per recurring task, quarter marks typed by units, and a state
 * formula that HyperFormula evaluates exactly as recurringRowState() decides.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { isoToSerial } from "../../src/domain/excelDate";
import { QUARTER_MARK, recurringRowState } from "../../src/domain/recurring";
import { parseCell } from "../../src/layouts/a1";
import {
  RECURRING_COLUMN_KEYS,
  RECURRING_HEADER_ROW,
  RECURRING_TABLE,
  composeRecurringSheet,
  fromQuarterOf,
  recurringStateFormula,
} from "../../src/layouts/recurringSheet";
import { NAME_AS_OF } from "../../src/layouts/tasksSheet";
import type { UserInput } from "../../src/layouts/userInput";
import { getPlan } from "../../src/plan";

const col = (key: string): number => (RECURRING_COLUMN_KEYS as readonly string[]).indexOf(key);

describe("the Thường xuyên sheet", () => {
  const plan = getPlan();

  it("has one row per recurring task of the plan, the milestone task tracked from Quý II", () => {
    const { sheet } = composeRecurringSheet(plan, { asOf: "2024-04-01" });
    const keys = sheet.table?.rows.map((r) => r.key);
    expect(keys).toEqual(plan.tasks.filter((t) => t.deadline.recurring).map((t) => t.key));
    // 19 "Thường xuyên" tasks and one "Tháng 01/2024 Thường xuyên" (milestone, then recurring).
    expect(keys).toHaveLength(20);
    const milestone = plan.tasks.find((t) => t.deadline.text.startsWith("Tháng 01/2024 Thường"));
    expect(milestone && fromQuarterOf(milestone, 2024)).toBe(2);
    expect(sheet.table?.columns.filter((c) => c.role === "input").map((c) => c.header)).toEqual([
      "Quý I (15/12–14/03)",
      "Minh chứng Quý I",
      "Quý II (15/03–14/06)",
      "Minh chứng Quý II",
      "Quý III (15/06–14/09)",
      "Minh chứng Quý III",
      "Quý IV (15/09–14/12)",
      "Minh chứng Quý IV",
    ]);
  });

  it("keeps typed marks and evidence, and rows users added", () => {
    const key = plan.tasks.find((t) => t.deadline.due === null)!.key;
    const userInput: UserInput = {
      tables: {
        [RECURRING_TABLE]: {
          [key]: { q1: QUARTER_MARK.done, q1Evidence: "Báo cáo số 12/BC-SKHCN" },
          "+row-1": { code: "2.99", q2: QUARTER_MARK.notApplicable },
        },
      },
      names: {},
    };
    const { sheet, orphans } = composeRecurringSheet(plan, { asOf: "2024-04-01", userInput });
    const row = sheet.table?.rows.find((r) => r.key === key);
    expect(row?.cells[col("q1")]).toBe(QUARTER_MARK.done);
    expect(row?.cells[col("q1Evidence")]).toBe("Báo cáo số 12/BC-SKHCN");
    const added = sheet.table?.rows.find((r) => r.key === "+row-1");
    expect(added?.cells[col("q2")]).toBe(QUARTER_MARK.notApplicable);
    expect(orphans.map((o) => o.key)).toEqual(["+row-1"]);
  });

  it("the state formula equals recurringRowState on the 14th and 15th of each quarter's last month", () => {
    const r = 5;
    const marksCases: Record<string, string>[] = [
      {},
      { q1: QUARTER_MARK.done },
      { q1: QUARTER_MARK.done, q2: "đã thực hiện" },
      { q1: QUARTER_MARK.notApplicable, q2: QUARTER_MARK.notDone, q3: QUARTER_MARK.done },
      { q1: QUARTER_MARK.done, q2: QUARTER_MARK.done, q3: QUARTER_MARK.done, q4: "x" },
    ];
    const dates = ["2023-12-01", "2024-03-14", "2024-03-15", "2024-06-14", "2024-06-15"];
    dates.push("2024-09-15", "2024-12-14", "2024-12-15", "2025-02-01");
    const rows: RawCellContent[][] = [];
    const expected: string[] = [];
    for (const from of [1, 2, 5]) {
      for (const marks of marksCases) {
        for (const asOf of dates) {
          const cells: RawCellContent[] = RECURRING_COLUMN_KEYS.map(() => null);
          cells[col("fromQuarter")] = from;
          for (const [k, v] of Object.entries(marks)) cells[col(k)] = v;
          cells[col("fromQuarter") - 1] = isoToSerial(asOf); // the "lead" cell holds the date here
          const rowNo = rows.length + r;
          cells[col("state")] = recurringStateFormula(2024, rowNo).replace(
            new RegExp(NAME_AS_OF, "g"),
            `$${"D"}${rowNo}`
          );
          rows.push(cells);
          expected.push(recurringRowState(2024, from, marks, asOf).state);
        }
      }
    }
    expect(parseCell("D1").col).toBe(col("lead") + 1);
    const grid: RawCellContent[][] = [...Array.from({ length: r - 1 }, () => []), ...rows];
    const hf = HyperFormula.buildFromSheets(
      { S: grid },
      { licenseKey: "gpl-v3", leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } }
    );
    const got = rows.map((_, i) =>
      hf.getCellValue({ sheet: 0, row: r - 1 + i, col: col("state") })
    );
    expect(got).toEqual(expected);
    expect(new Set(expected).size).toBe(5);
    hf.destroy();
  });

  it("puts the header row where the table says", () => {
    const { sheet } = composeRecurringSheet(plan, { asOf: "2024-04-01" });
    expect(sheet.table?.at).toBe(`A${RECURRING_HEADER_ROW}`);
  });
});
