/**
 * Building the workbook never changes the plan or the typed values it is given: the build shares the
 * plan's objects instead of copying them (xmlSafe.ts), so a correction applied in place would change
 * the caller's plan. Frozen inputs make any such write throw.
 */
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";
import type { Scalar } from "../../src/layouts/model";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import type { UserInput } from "../../src/layouts/userInput";
import { buildWorkbook } from "../../src/layouts/workbook";
import { getPlan } from "../../src/plan";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const typed = (): UserInput => ({
  tables: {
    [TASKS_TABLE]: {
      "2.2#1": { deadline: "30/06/2024", status: "Đang thực hiện" },
      "2.7#1": { lead: "Thanh tra, Văn phòng" },
      "2.8#1": { deadline: "không rõ" },
    } as Record<string, Record<string, Scalar>>,
    [INDICATORS_TABLE]: {
      "3.3": { targetText: "≥ 70%", num1: 5, den1: 10 },
      "+1": { code: "TAY.1", text: "Thêm", targetText: "ít nhất 2 hội nghị" },
    },
  },
  names: {},
});

test.each(["addin", "file"] as const)(
  "corrections and added targets (%s) leave the given plan and typed values as they were",
  (flavor) => {
    const plan = deepFreeze(structuredClone(getPlan()));
    const userInput = deepFreeze(typed());
    const built = buildWorkbook(plan, { flavor, userInput, today: "2024-07-01", editBase: plan });
    // The corrections took effect in the built plan …
    expect(built.plan.tasks.find((t) => t.code === "2.2")?.deadline.due).toBe("2024-06-30");
    expect(built.plan.indicators.map((i) => i.id)).toContain("TAY.1");
    // … and the same build from unfrozen copies gives the same workbook.
    const again = buildWorkbook(structuredClone(getPlan()), {
      flavor,
      userInput: typed(),
      today: "2024-07-01",
      editBase: structuredClone(getPlan()),
    });
    expect(built.layout).toEqual(again.layout);
    expect(plan).toEqual(getPlan());
  }
);
