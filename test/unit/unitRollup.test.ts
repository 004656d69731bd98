import { isoToSerial } from "../../src/domain/excelDate";
import { taskState } from "../../src/domain/taskState";
import {
  TASK_STATUSES,
  interpretTaskInput,
  leadUnits,
  planRollup,
  taskOutcome,
  unitRollup,
} from "../../src/domain/unitRollup";
import { MC, PHONG, STAR, TT, VP, samplePlan } from "../support/layoutFixtures";

const serial = (iso: string): number => isoToSerial(iso) as number;

describe("interpretTaskInput: typed values → done / not applicable", () => {
  const due = "2024-03-31";
  const asOf = "2024-05-01";

  it("'Không áp dụng' wins over a typed date", () => {
    expect(
      interpretTaskInput({ status: "Không áp dụng", doneDate: serial("2024-01-02") }, due, asOf)
    ).toEqual({
      notApplicable: true,
      done: null,
      doneWithoutDate: false,
    });
  });

  it("a typed date means done on that date, whatever the status", () => {
    for (const status of [
      undefined,
      null,
      "",
      "Chưa thực hiện",
      "Đang thực hiện",
      "Hoàn thành",
      "xyz",
    ]) {
      expect(
        interpretTaskInput({ status, doneDate: serial("2024-04-02") + 0.75 }, due, asOf).done
      ).toBe("2024-04-02");
    }
  });

  it("'Hoàn thành' without a date counts as done on time", () => {
    expect(interpretTaskInput({ status: "Hoàn thành" }, due, asOf)).toEqual({
      notApplicable: false,
      done: due,
      doneWithoutDate: true,
    });
    expect(interpretTaskInput({ status: "HOÀN THÀNH" }, null, asOf).done).toBe(asOf);
  });

  it("compares status text like Excel: case-insensitive, not trimmed, never equal to a number", () => {
    expect(interpretTaskInput({ status: "không áp dụng" }, due, asOf).notApplicable).toBe(true);
    expect(interpretTaskInput({ status: "Không áp dụng " }, due, asOf).notApplicable).toBe(false);
    expect(interpretTaskInput({ status: 1 }, due, asOf).done).toBeNull();
  });

  it("only numbers are dates (text, booleans are ignored, as ISNUMBER does)", () => {
    expect(interpretTaskInput({ doneDate: "02/04/2024" }, due, asOf).done).toBeNull();
    expect(interpretTaskInput({ doneDate: true }, due, asOf).done).toBeNull();
    expect(interpretTaskInput({ doneDate: Number.NaN }, due, asOf).done).toBeNull();
  });

  it("numbers outside Excel's dates: ≤ 0 is on time, after 9999 is late", () => {
    expect(interpretTaskInput({ doneDate: 0 }, due, asOf).done).toBe(due);
    expect(interpretTaskInput({ doneDate: -4 }, null, asOf).done).toBe(asOf);
    expect(interpretTaskInput({ doneDate: 9e9 }, due, asOf).done).toBe("9999-12-31");
  });

  it("every status in the list is understood", () => {
    expect(TASK_STATUSES).toEqual([
      "Chưa thực hiện",
      "Đang thực hiện",
      "Hoàn thành",
      "Không áp dụng",
    ]);
  });
});

describe("taskOutcome", () => {
  it("follows taskState for each kind of input", () => {
    const due = "2024-03-31";
    expect(taskOutcome(due, undefined, "2024-03-20")).toEqual({ state: "Trong hạn", daysLate: 0 });
    expect(taskOutcome(due, undefined, "2024-03-24")).toEqual({
      state: "Sắp đến hạn",
      daysLate: 0,
    });
    expect(taskOutcome(due, undefined, "2024-03-31")).toEqual({
      state: "Sắp đến hạn",
      daysLate: 0,
    });
    expect(taskOutcome(due, undefined, "2024-04-03")).toEqual({ state: "Quá hạn", daysLate: 3 });
    expect(taskOutcome(due, { status: "Hoàn thành" }, "2024-06-01")).toEqual({
      state: "Hoàn thành",
      daysLate: 0,
    });
    expect(taskOutcome(due, { doneDate: serial("2024-04-10") }, "2024-06-01")).toEqual({
      state: "Hoàn thành trễ hạn",
      daysLate: 10,
    });
    expect(taskOutcome(due, { status: "Không áp dụng" }, "2024-06-01")).toEqual({
      state: "Không áp dụng",
      daysLate: 0,
    });
    expect(taskOutcome(null, undefined, "2024-06-01")).toEqual({
      state: "Thường xuyên",
      daysLate: 0,
    });
    expect(taskOutcome(due, undefined, "2024-03-30", 0)).toEqual({
      state: "Trong hạn",
      daysLate: 0,
    });
  });

  it("equals taskState with the interpreted input", () => {
    const input = { status: "Đang thực hiện", doneDate: serial("2024-02-01") };
    const i = interpretTaskInput(input, "2024-01-31", "2024-05-05");
    expect(taskOutcome("2024-01-31", input, "2024-05-05").state).toBe(
      taskState({
        due: "2024-01-31",
        done: i.done,
        asOf: "2024-05-05",
        notApplicable: i.notApplicable,
      })
    );
  });
});

describe("leadUnits", () => {
  it("lists leading units in the plan's unit order, then unknown names by first appearance", () => {
    expect(leadUnits(samplePlan())).toEqual([VP, TT, MC, PHONG, STAR, "BCĐ ISO"]);
  });
});

describe("unitRollup", () => {
  const plan = samplePlan();

  it("counts a task for every unit leading it, and 'Không áp dụng' for none", () => {
    const inputs = {
      "2.2#1": { status: "Không áp dụng" },
      "2.1#1": { doneDate: serial("2024-01-10") },
      "2.23#2": { status: "Hoàn thành" },
    };
    const rows = unitRollup(plan, inputs, "2024-04-01");
    const vp = rows.find((r) => r.unit === VP);
    const mc = rows.find((r) => r.unit === MC);
    const star = rows.find((r) => r.unit === STAR);
    // VP leads 2.1 (done late), 2.2 (n/a), 2.4 (recurring), 2.23#2 (done), 2.38 (on track).
    expect(vp).toMatchObject({
      total: 4,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 0,
      notApplicable: 1,
      recurring: 1,
    });
    expect(vp?.onTimeRate).toBeCloseTo(0.5);
    // MC leads 2.2 (n/a) and 2.34 (due 30/06: on track on 01/04).
    expect(mc).toMatchObject({ total: 1, done: 0, overdue: 0, notApplicable: 1, onTimeRate: null });
    expect(star).toMatchObject({ total: 1, done: 1, doneOnTime: 1, onTimeRate: 1 });
  });

  it("milestone-then-recurring work is due at its milestone until done", () => {
    const before = unitRollup(plan, {}, "2024-01-20").find((r) => r.unit === PHONG);
    const after = unitRollup(plan, {}, "2024-02-01").find((r) => r.unit === PHONG);
    const done = unitRollup(plan, { "2.3#1": { status: "Hoàn thành" } }, "2024-02-01").find(
      (r) => r.unit === PHONG
    );
    expect(before).toMatchObject({ dueSoon: 0, overdue: 0, onTrack: 1 });
    expect(after).toMatchObject({ overdue: 1 });
    expect(done).toMatchObject({ overdue: 0, done: 1, onTimeRate: 1 });
  });

  it("planRollup counts each task once", () => {
    const whole = planRollup(plan, {}, "2024-04-01");
    expect(whole.total).toBe(plan.tasks.length);
    const sumOfUnits = unitRollup(plan, {}, "2024-04-01").reduce((s, r) => s + r.total, 0);
    expect(sumOfUnits).toBeGreaterThan(whole.total);
    expect(whole.overdue).toBe(4); // 2.1 (04/01), 2.2 and 2.23#2 (31/03), 2.3 (31/01)
  });
});
