import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import webpack from "webpack";
import {
  findIndicator,
  getIndicators,
  builtinPlanData,
  getPlan,
  parsePlan,
  PlanValidationError,
  taskKey,
} from "../../src/plan";
import { BUILTIN_PLAN_YEAR } from "../../src/plan/builtinYear";
import planData from "../../src/plan/plan-2024.json";
import textData from "../../src/plan/indicators-2024.json";
import {
  findIndicatorTarget,
  getIndicatorTargets,
  indicatorRecords,
} from "../../src/plan/indicators";
import { parseDeadline } from "../../src/domain/deadline";
import { describeChanges } from "../../src/plan/anomalies";
import { parseTaskKey, objectiveRef } from "../../src/plan/taskKey";
import type { Plan, Task } from "../../src/plan/types";
import { SEED_PATH } from "../support/seed";

const SEED_TEXT = fs.readFileSync(SEED_PATH, "utf8");

const norm = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim();
const plan = getPlan();
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The appendix read column by column: a row split over a page break continues in the same column of
 * a later line, so each column's cells, concatenated in order, hold every cell text whole.
 * Columns: 0 TT, 1 Mục tiêu, 2 Nhiệm vụ, 3 Hoạt động, 4 Kết quả, 5 Chủ trì, 6 Phối hợp, 7 Thời gian, 8 Ghi chú.
 */
function appendixColumns(): string[] {
  const lines = SEED_TEXT.split("\n");
  const start = lines.findIndex((l) => l.startsWith("TT\tMục tiêu"));
  expect(start).toBeGreaterThan(0);
  const columns: string[][] = Array.from({ length: 9 }, () => []);
  for (const line of lines.slice(start + 1)) {
    const cells = line.split("\t");
    if (cells.length < 9) continue;
    cells.slice(0, 9).forEach((c, i) => columns[i].push(c.replace(/<ul[^>]*>/g, " ")));
  }
  return columns.map((c) => norm(c.join(" ")));
}
const COLUMNS = appendixColumns();

/** The value a field had before a typo was fixed (the seed's wording). */
function printed(task: Task, field: string, value: string): string {
  const c = task.corrections?.find((x) => x.field === field);
  if (c) {
    expect(c.corrected).toBe(value);
    return c.original;
  }
  return value;
}

const EXPECTED_CODES = [
  ...Array.from({ length: 23 }, (_, i) => `2.${i + 1}`),
  "2.23",
  "2.24",
  "2.25",
  "2.25",
  ...Array.from({ length: 16 }, (_, i) => `2.${i + 27}`),
];

describe("the 43 task rows of the appendix", () => {
  test("codes as printed, in document order: 2.23 and 2.25 twice, no 2.26", () => {
    expect(plan.tasks.map((t) => t.code)).toEqual(EXPECTED_CODES);
    expect(plan.tasks).toHaveLength(43);
  });

  test("seq, occurrence and key identify each row", () => {
    plan.tasks.forEach((t, i) => {
      expect(t.seq).toBe(i + 1);
      expect(t.key).toBe(taskKey(t.code, t.occurrence));
      expect(parseTaskKey(t.key)).toEqual({ code: t.code, occurrence: t.occurrence });
    });
    expect(new Set(plan.tasks.map((t) => t.key)).size).toBe(43);
    expect(plan.tasks.filter((t) => t.occurrence === 2).map((t) => t.key)).toEqual([
      "2.23#2",
      "2.25#2",
    ]);
  });

  test("sections I–VII with their printed titles, 7.1 and 7.2 inside VII", () => {
    expect(plan.sections.map((s) => s.id)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
    for (const s of plan.sections) expect(norm(SEED_TEXT)).toContain(s.title);
    expect(plan.sections[6].subsections).toEqual([
      { id: "7.1", title: "Xây dựng và phát triển chính quyền điện tử, chính quyền số" },
      { id: "7.2", title: "Áp dụng ISO 9001:2015 trong hoạt động của đơn vị" },
    ]);
    const count = (s: string, sub: string | null = null): number =>
      plan.tasks.filter((t) => t.section === s && (sub === null || t.subsection === sub)).length;
    expect(["I", "II", "III", "IV", "V", "VI", "VII"].map((s) => count(s))).toEqual([
      9, 5, 11, 3, 3, 3, 9,
    ]);
    expect([count("VII", "7.1"), count("VII", "7.2")]).toEqual([4, 5]);
    expect(plan.tasks.filter((t) => t.section !== "VII").every((t) => t.subsection === null)).toBe(
      true
    );
  });

  // Each appendix column, read top to bottom, is exactly the plan's fields in task order: nothing
  // missing, nothing added, nothing reordered (typo fixes undone, bullet dashes and page breaks aside).
  const dashless = (s: string): string => s.replace(/(^| )- /g, "$1");
  const column = (f: (t: Task) => string): string => plan.tasks.map(f).join(" ");

  test("the task column is the tasks' codes and texts, in order", () => {
    expect(column((t) => `${t.code}. ${printed(t, "text", t.text)}`)).toBe(COLUMNS[2]);
    expect(COLUMNS[2].match(/(?:^| )2\.\d+\. /g)).toHaveLength(43);
  });

  test("the objective column is the objectives (each printed once), then the orphan", () => {
    const runs: string[] = [];
    let last = "";
    for (const t of plan.tasks) {
      const cell = `${t.objective.code} ${printed(t, "objective.text", t.objective.text)}`;
      if (cell !== last) runs.push(cell);
      last = cell;
    }
    for (const o of plan.orphanObjectives) runs.push(`${o.code} ${o.text}`);
    // Section and subsection title rows share the column; VI's title is printed in the TT column.
    const titles = plan.sections.flatMap((s) => [s.title, ...s.subsections.map((x) => x.title)]);
    const printedColumn = titles.reduce(
      (col, title) => col.split(`${title} `).join(""),
      COLUMNS[1]
    );
    expect(runs.join(" ")).toBe(printedColumn.replace(/(^| )(\d\.\d)\. /g, "$1$2 "));
  });

  test("the activity, output, lead, coordination and deadline columns, in order", () => {
    expect(
      column((t) => t.activities.map((a, i) => printed(t, `activities[${i}]`, a)).join(" "))
    ).toBe(dashless(COLUMNS[3]));
    expect(column((t) => t.outputs.map((o, i) => printed(t, `outputs[${i}]`, o)).join(" "))).toBe(
      dashless(COLUMNS[4])
    );
    expect(column((t) => t.leadText)).toBe(COLUMNS[5]);
    expect(column((t) => t.coordText)).toBe(COLUMNS[6]);
    expect(column((t) => t.deadline.text)).toBe(COLUMNS[7]);
    expect(COLUMNS[8]).toBe("");
    for (const t of plan.tasks) {
      expect([t.key, t.activities.length > 0, t.outputs.length > 0, t.note]).toEqual([
        t.key,
        true,
        true,
        "",
      ]);
    }
  });

  test("OCR defects are repaired: page breaks joined, no markup, no stray dashes", () => {
    const byKey = (k: string): Task => plan.tasks.find((t) => t.key === k) as Task;
    expect(byKey("2.8#1").text).toBe(
      "Tổ chức kiểm tra, tự kiểm tra trên cơ sở Kế hoạch của UBND tỉnh và hướng dẫn của Sở Nội vụ."
    );
    expect(byKey("2.8#1").objective.text).toMatch(/^Kiểm tra công tác CCHC tất cả/);
    expect(byKey("2.8#1").rowNo).toBe("4");
    expect(byKey("2.12#1")).toMatchObject({
      text: "Tham mưu xây dựng văn bản QPPL lĩnh vực quản lý của Ngành",
      leadText: "Các phòng chủ trì tham mưu văn bản QPPL",
      coordText: "Các đơn vị có liên quan",
      deadline: { text: "Thường xuyên" },
      outputs: ["Văn bản QPPL được phê duyệt, ban hành"],
    });
    expect(byKey("2.12#1").objective.text).toMatch(/thay thế theo kết quả rà soát$/);
    expect(byKey("2.36#1").text).toMatch(/hệ thống thông tin của cơ quan quản lý$/);
    expect(byKey("2.36#1").objective.text).toMatch(
      /thông tin tư liệu của hoạt động kiểm tra thuộc phạm vi bí mật nhà nước\)$/
    );
    expect(byKey("2.40#1").text).toMatch(/TCVN ISO 9001:2015 tại các phòng, đơn vị trực thuộc$/);
    expect(byKey("2.16#1").objective.text).toMatch(
      /cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ$/
    );
    expect(byKey("2.20#1").objective).toEqual(byKey("2.19#1").objective);
    expect(byKey("2.4#1").activities).toEqual([
      "Thường xuyên rà soát việc tổ chức thực hiện nhiệm vụ CCHC.",
      "Kiến nghị, đề xuất để triển khai thực hiện có hiệu quả.",
    ]);
    expect(byKey("2.3#1").outputs).toEqual([
      "Kế hoạch được ban hành",
      "Các hình thức tuyên truyền đa dạng, phong phú",
    ]);
    for (const t of plan.tasks) {
      for (const s of [
        t.text,
        t.objective.text,
        ...t.activities,
        ...t.outputs,
        t.leadText,
        t.coordText,
        t.deadline.text,
      ]) {
        expect(s).not.toMatch(/<|>|^\s*-|\s{2}|^\s|\s$/);
      }
    }
  });

  test("typo fixes keep the original and change only the typo", () => {
    const fixed = plan.tasks.filter((t) => t.corrections?.length);
    expect(fixed.map((t) => t.key)).toEqual([
      "2.7#1",
      "2.8#1",
      "2.9#1",
      "2.10#1",
      "2.11#1",
      "2.12#1",
      "2.13#1",
      "2.14#1",
      "2.28#1",
      "2.33#1",
      "2.37#1",
    ]);
    const changes = new Set(
      fixed.flatMap((t) =>
        (t.corrections ?? []).flatMap((c) => describeChanges(c.original, c.corrected))
      )
    );
    expect(changes).toEqual(
      new Set([
        "“Phân đầu” → “Phấn đấu”",
        "“phân đầu” → “phấn đấu”",
        "“có” → “có ít”",
        "“Phần đầu” → “Phấn đấu”",
        "“mạch” → “bạch”",
        "“Công” → “Cổng”",
      ])
    );
  });

  test("canonical lead units and due dates", () => {
    const lead = Object.fromEntries(plan.tasks.map((t) => [t.key, t.lead]));
    expect(lead["2.1#1"]).toEqual(["Văn phòng Sở"]);
    expect(lead["2.3#1"]).toEqual(["Phòng TT-TK KH,CN và ĐMST"]);
    expect(lead["2.9#1"]).toEqual(["Văn phòng Sở", "Đoàn kiểm tra CCHC Sở"]);
    expect(lead["2.15#1"]).toEqual(["Phòng TT-TK KH,CN và ĐMST"]);
    expect(lead["2.16#1"]).toEqual(["Văn phòng Sở", "Bộ phận một cửa"]);
    expect(lead["2.24#1"]).toEqual(["Thanh tra Sở", "Văn phòng Sở"]);
    expect(lead["2.25#1"]).toEqual(["Các Trung tâm trực thuộc"]);
    expect(lead["2.34#1"]).toEqual(["Phòng TT-TK KH,CN và ĐMST"]);
    expect(lead["2.36#1"]).toEqual(["Chi cục TĐC"]);
    expect(lead["2.42#1"]).toEqual(["Văn phòng Sở", "BCĐ ISO"]);
    const due = Object.fromEntries(
      plan.tasks.map((t) => [t.key, [t.deadline.due, t.deadline.recurring]])
    );
    expect(due["2.1#1"]).toEqual(["2024-01-04", false]);
    expect(due["2.2#1"]).toEqual(["2024-03-31", false]);
    expect(due["2.3#1"]).toEqual(["2024-01-31", true]);
    expect(due["2.4#1"]).toEqual([null, true]);
    expect(due["2.8#1"]).toEqual(["2024-09-30", false]);
    expect(due["2.25#2"]).toEqual(["2024-06-30", false]);
    expect(due["2.31#1"]).toEqual(["2024-01-31", false]);
    expect(due["2.38#1"]).toEqual(["2024-12-31", false]);
    expect(due["2.41#1"]).toEqual(["2024-12-31", false]);
  });

  test("each task's deadline is derived by the parser with the plan's year", () => {
    for (const t of plan.tasks) {
      const d = parseDeadline(t.deadline.text, { year: plan.year });
      expect(d.kind).not.toBe("unknown");
      expect(t.deadline).toEqual({ text: t.deadline.text, due: d.due, recurring: d.recurring });
    }
    expect(plan.tasks.filter((t) => t.deadline.recurring)).toHaveLength(20);
  });

  test("objective 1.6 of 7.2 is kept as an objective without a task", () => {
    expect(plan.orphanObjectives).toEqual([
      {
        section: "VII",
        subsection: "7.2",
        rowNo: "6",
        code: "1.6",
        text: "Thực hiện các nhiệm vụ khác được giao của Cơ quan thường trực ISO, cơ quan thường trực Hội đồng đánh giá hiệu quả áp dụng, phạm vi ảnh hưởng của sáng kiến, đề tài nghiên cứu khoa học tỉnh",
      },
    ]);
    expect(COLUMNS[1]).toContain(`1.6. ${plan.orphanObjectives[0].text}`);
  });
});

describe("the anomalies of the document", () => {
  const find = (kind: string, ref: string) =>
    plan.anomalies.filter((a) => a.kind === kind && a.refs.includes(ref));

  test("codes 2.23 and 2.25 used twice, 2.26 absent", () => {
    expect(find("duplicate-code", "2.23#2")[0].refs).toEqual(["2.23#1", "2.23#2"]);
    expect(find("duplicate-code", "2.25#2")[0].refs).toEqual(["2.25#1", "2.25#2"]);
    expect(plan.anomalies.filter((a) => a.kind === "duplicate-code")).toHaveLength(2);
    expect(plan.anomalies.filter((a) => a.kind === "missing-code").map((a) => a.refs)).toEqual([
      ["2.26"],
    ]);
  });

  test("objective 1.9 twice in section III, row numbers 5 and 6 repeated", () => {
    expect(
      plan.anomalies.filter((a) => a.kind === "duplicate-objective").map((a) => a.refs)
    ).toEqual([["III.1.9", "2.23#2", "2.24#1"]]);
    expect(
      plan.anomalies.filter((a) => a.kind === "duplicate-row-number").map((a) => a.refs)
    ).toEqual([
      ["III.1.5", "III.1.7"],
      ["III.1.6", "III.1.8"],
    ]);
  });

  test("the cut-off objective 1.6 and the 90% vs 70% conflict", () => {
    const orphan = plan.anomalies.filter((a) => a.kind === "objective-without-task");
    expect(orphan.map((a) => a.refs)).toEqual([[objectiveRef("VII", "7.2", "1.6")]]);
    expect(orphan[0].message).toMatch(/bị cắt/);
    const conflict = plan.anomalies.filter((a) => a.kind === "target-conflict");
    expect(conflict).toHaveLength(1);
    expect(conflict[0].refs).toEqual(expect.arrayContaining(["3.3", "III.1.8"]));
    expect(conflict[0].message).toMatch(/90%.*70%/);
    expect(conflict[0].origin).toBe("document");
  });

  test("typos are reported, each correction once", () => {
    const typos = plan.anomalies.filter((a) => a.kind === "typo");
    expect(typos.length).toBeGreaterThan(0);
    for (const t of plan.tasks.filter((x) => x.corrections)) {
      expect(typos.some((a) => a.refs.includes(t.key))).toBe(true);
    }
  });

  test("messages are Vietnamese, refs point at real tasks, indicators or objectives", () => {
    const keys = new Set(plan.tasks.map((t) => t.key));
    const ids = new Set(plan.indicators.map((i) => i.id));
    for (const a of plan.anomalies) {
      expect(a.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i);
      expect(["document", "detected"]).toContain(a.origin);
      for (const r of a.refs) {
        const ok =
          keys.has(r) ||
          ids.has(r) ||
          /^(?:I|II|III|IV|V|VI|VII)(?:\.7\.[12])?\.\d+\.\d+$/.test(r) ||
          r === "2.26";
        expect([r, ok]).toEqual([r, true]);
      }
    }
  });

  test("nothing unexpected: no unknown units, no unreadable deadline", () => {
    const other = plan.anomalies.filter((a) => a.origin === "detected" && a.kind === "other");
    expect(other.map((a) => a.refs)).toEqual([["VII.7.1.1.4", "2.37#1"]]);
  });
});

const EXPECTED_INDICATORS = [
  "1.1",
  "1.2a",
  "1.2b",
  "1.3a",
  "1.3b",
  "2.1",
  "2.2",
  "2.3",
  "3.1",
  "3.2a",
  "3.2b",
  "3.2c",
  "3.3",
  "3.4",
  "3.5a",
  "3.5b",
  "3.6",
  "4.1",
  "5.1",
  "7.2",
  "7.3",
  "7.4",
  "NV.3.2",
  "PL.I.1.4",
  "PL.III.1.2a",
  "PL.III.1.2b",
  "PL.III.1.2c",
  "PL.III.1.3",
  "PL.VI.1.1",
  "PL.VI.1.3",
  "PL.VII.7.2.1.1",
  "PL.VII.7.2.1.3",
  "PL.VII.7.2.1.4",
];

describe("the numeric targets", () => {
  const byId = (id: string) => plan.indicators.find((i) => i.id === id);

  test("ids, unique, in document order", () => {
    expect(plan.indicators.map((i) => i.id)).toEqual(EXPECTED_INDICATORS);
  });

  test("comparisons, values and units as printed", () => {
    expect(byId("3.6")).toMatchObject({ target: 95, comparison: ">", unit: "%" });
    expect(byId("1.2a")).toMatchObject({
      target: 2,
      comparison: ">=",
      unit: "count",
      denominator: null,
    });
    expect(byId("1.2b")).toMatchObject({
      target: 1,
      comparison: ">=",
      unit: "count",
      denominator: null,
    });
    expect(byId("PL.I.1.4")).toMatchObject({ target: 1, unit: "count", denominator: null });
    expect(byId("PL.III.1.2b")).toMatchObject({ target: 20, comparison: ">=", unit: "%" });
    expect(byId("PL.III.1.2c")).toMatchObject({ target: 20, comparison: ">=", unit: "%" });
    expect(byId("3.5b")).toMatchObject({ target: 80 });
    expect(byId("7.3")).toMatchObject({ target: 30 });
    expect(byId("5.1")).toMatchObject({ target: 50 });
    for (const i of plan.indicators.filter((x) => x.id !== "3.6")) expect(i.comparison).toBe(">=");
  });

  test("the no-resubmission target keeps both values visible", () => {
    expect(byId("3.3")).toMatchObject({ target: 90, comparison: ">=" });
    expect(byId("3.3")?.note).toMatch(/70%/);
    expect(byId("3.3")?.source).toMatch(/Phụ lục III, mục tiêu 1\.8/);
  });

  test("every indicator says what its numerator and denominator count, in Vietnamese", () => {
    for (const i of plan.indicators) {
      expect(i.numerator.length).toBeGreaterThan(10);
      if (i.unit === "%") expect((i.denominator ?? "").length).toBeGreaterThan(10);
      else expect(i.denominator).toBeNull();
      expect(i.source).toMatch(/^(Mục II\.|Mục III\.3|Phụ lục )/);
      expect(i.id.startsWith("PL.")).toBe(i.source.startsWith("Phụ lục"));
    }
  });

  test("each text is the document's wording (typo fixes noted) and shows its target", () => {
    const haystacks = [
      norm(SEED_TEXT).toLowerCase(),
      ...plan.tasks.map((t) => t.objective.text.toLowerCase()),
    ];
    for (const i of plan.indicators) {
      let text = i.text;
      const typo = /Bản gốc in “(.+?)”, đã sửa thành “(.+?)”/.exec(i.note ?? "");
      if (typo) text = text.replace(typo[2], typo[1]);
      for (const fragment of text
        .split("…")
        .map((f) => f.trim().replace(/[.;]$/, "").toLowerCase())) {
        expect([i.id, fragment, haystacks.some((h) => h.includes(fragment))]).toEqual([
          i.id,
          fragment,
          true,
        ]);
      }
      const shown = i.unit === "%" ? `${i.target}%` : String(i.target).padStart(2, "0");
      expect([i.id, i.text.includes(shown)]).toEqual([i.id, true]);
    }
  });

  /** Section II ("Các chỉ tiêu chủ yếu") line by line: every % and every count of initiatives is an indicator. */
  test("every numeric target of section II is an indicator", () => {
    const body = SEED_TEXT.slice(
      SEED_TEXT.indexOf("II. CÁC CHỈ TIÊU CHỦ YẾU"),
      SEED_TEXT.indexOf("III. NHIỆM VỤ VÀ GIẢI PHÁP")
    );
    const ordinals = ["thứ nhất", "thứ hai", "thứ ba"];
    let group = "";
    let bullet = 0;
    let checked = 0;
    for (const line of body.split("\n").map((l) => l.trim())) {
      const heading = /^(\d)\. /.exec(line);
      if (heading) [group, bullet] = [heading[1], 0];
      const item = /^(\d\.\d)\.? /.exec(line)?.[1];
      const isBullet = line.startsWith("- ");
      if (isBullet) bullet++;
      const values = [...line.matchAll(/(\d+)%/g), ...line.matchAll(/(\d+) sáng kiến/g)].map((m) =>
        Number(m[1])
      );
      if ((!item && !isBullet) || values.length === 0) continue;
      const source = item
        ? `Mục II.${item}`
        : `Mục II.${group} (gạch đầu dòng ${ordinals[bullet - 1]})`;
      const matching = plan.indicators.filter(
        (i) => i.source === source || i.source.startsWith(`${source};`)
      );
      expect([source, matching.map((i) => i.target).sort()]).toEqual([source, values.sort()]);
      checked += values.length;
    }
    expect(checked).toBe(22);
  });

  test("every percentage in an appendix objective is an indicator (or the documented conflict)", () => {
    const objectives = new Map<
      string,
      { section: string; subsection: string | null; code: string; text: string }
    >();
    for (const t of plan.tasks)
      objectives.set(objectiveRef(t.section, t.subsection, t.objective.code) + t.objective.text, {
        ...t.objective,
        section: t.section,
        subsection: t.subsection,
      });
    let checked = 0;
    for (const o of objectives.values()) {
      const values = [...o.text.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
      if (values.length === 0) continue;
      const source = `Phụ lục ${o.section}${o.subsection ? ` (${o.subsection})` : ""}, mục tiêu ${o.code}`;
      const matching = plan.indicators.filter((i) => i.source.includes(source));
      const ref = objectiveRef(o.section, o.subsection, o.code);
      if (plan.anomalies.some((a) => a.kind === "target-conflict" && a.refs.includes(ref))) {
        expect(matching.map((i) => i.note).join(" ")).toContain(`${values[0]}%`);
      } else {
        expect([source, matching.map((i) => i.target).sort()]).toEqual([
          source,
          [...values].sort(),
        ]);
      }
      checked += values.length;
    }
    expect(checked).toBe(24);
  });

  test("lead units are those of the appendix tasks under the same objective", () => {
    for (const i of plan.indicators) {
      const m = /Phụ lục (I|II|III|IV|V|VI|VII)(?: \((7\.[12])\))?, mục tiêu (\d\.\d)/.exec(
        i.source
      );
      if (!m) {
        expect([i.id, i.lead]).toEqual([i.id, []]);
        continue;
      }
      const leads = new Set(
        plan.tasks
          .filter(
            (t) =>
              t.section === m[1] && t.subsection === (m[2] ?? null) && t.objective.code === m[3]
          )
          .flatMap((t) => t.lead)
      );
      expect(i.lead.length).toBeGreaterThan(0);
      for (const l of i.lead) expect([i.id, l, leads.has(l)]).toEqual([i.id, l, true]);
    }
  });

  test("the numbers and the words of the indicators describe the same ids in the same order", () => {
    expect(textData.map((t) => t.id)).toEqual(getIndicatorTargets().map((t) => t.id));
    for (const t of textData)
      expect(Object.keys(t)).not.toEqual(expect.arrayContaining(["target"]));
    expect(getIndicatorTargets()).toEqual(
      plan.indicators.map(({ id, target, comparison, unit }) => ({ id, target, comparison, unit }))
    );
    expect(findIndicatorTarget(" 3.6 ")).toEqual({
      id: "3.6",
      target: 95,
      comparison: ">",
      unit: "%",
    });
    expect(findIndicatorTarget("nope")).toBeUndefined();
  });

  test("getIndicators / findIndicator serve the same data without the plan", () => {
    expect(getIndicators()).toEqual(plan.indicators);
    expect(findIndicator("3.5b")?.target).toBe(80);
    expect(findIndicator(" pl.iii.1.2B ")?.id).toBe("PL.III.1.2b");
    expect(findIndicator("9.9")).toBeUndefined();
    expect(findIndicator(undefined as unknown as string)).toBeUndefined();
    const list = getIndicators();
    list.pop();
    expect(getIndicators()).toHaveLength(33);
  });
});

describe("getPlan", () => {
  test("is validated once and cached, and frozen against accidental edits", () => {
    expect(getPlan()).toBe(plan);
    expect(Object.isFrozen(plan.tasks)).toBe(true);
    expect(Object.isFrozen(plan.tasks[0].lead)).toBe(true);
    expect(() => (plan.tasks as Task[]).push(plan.tasks[0])).toThrow(TypeError);
  });

  test("the built-in data, which getPlan() builds without zod, passes the schema and gives the same plan", () => {
    expect(parsePlan(builtinPlanData())).toEqual(plan);
  });

  test("the indicators module loads neither the tasks nor zod", () => {
    const importsOf = (file: string): string[] =>
      [
        ...fs
          .readFileSync(path.resolve(__dirname, "../../src/plan", file), "utf8")
          .matchAll(/from "([^"]+)"/g),
      ]
        .map((m) => m[1])
        .sort();
    expect(importsOf("indicators.ts")).toEqual(["./indicators-2024.json", "./types"]);
    // The deadline parser (deadline.ts and its grammar, deadlinePeriods.ts) needs only isoDate.
    const domainImportsOf = (file: string): string[] =>
      [
        ...fs
          .readFileSync(path.resolve(__dirname, "../../src/domain", file), "utf8")
          .matchAll(/from "([^"]+)"/g),
      ].map((m) => m[1]);
    expect(domainImportsOf("deadline.ts")).toEqual(["./isoDate", "./deadlinePeriods"]);
    expect(domainImportsOf("deadlinePeriods.ts")).toEqual(["./isoDate"]);
  });
});

describe("the custom-functions budget", () => {
  jest.setTimeout(120_000);

  /** Bundles a tiny entry with webpack in production mode; returns the minified code. */
  async function bundle(entrySource: string): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-shake-"));
    try {
      fs.writeFileSync(path.join(dir, "entry.ts"), entrySource);
      const root = path.resolve(__dirname, "../..");
      const stats = await new Promise<webpack.Stats>((resolve, reject) =>
        webpack(
          {
            mode: "production",
            context: dir,
            entry: "./entry.ts",
            output: { path: dir, filename: "out.js" },
            resolve: { extensions: [".ts", ".js", ".json"] },
            resolveLoader: { modules: [path.join(root, "node_modules")] },
            module: {
              rules: [
                {
                  test: /\.ts$/,
                  use: {
                    loader: "ts-loader",
                    options: { transpileOnly: true, configFile: path.join(root, "tsconfig.json") },
                  },
                },
              ],
            },
          },
          (err, result) => (err || !result ? reject(err ?? new Error("no stats")) : resolve(result))
        )
      );
      if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
      return fs.readFileSync(path.join(dir, "out.js"), "utf8");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test("the targets and the deadline parser bundle without the indicator texts, under 5 KB gzip", async () => {
    const src = path.resolve(__dirname, "../../src").split(path.sep).join("/");
    const code = await bundle(
      `import { findIndicatorTarget } from "${src}/plan/indicators";\n` +
        `import { parseDeadline } from "${src}/domain/deadline";\n` +
        `(globalThis as any).cchc = [findIndicatorTarget("3.6"), parseDeadline("Quý I/2024")];\n`
    );
    expect(code).toContain("PL.III.1.2b");
    expect(code).not.toContain("Tổng số");
    expect(code).not.toContain("numerator");
    expect(zlib.gzipSync(code, { level: 9 }).length).toBeLessThan(5000);
  });

  test("getIndicators() brings the texts along (the difference the lazy join makes)", async () => {
    const src = path.resolve(__dirname, "../../src").split(path.sep).join("/");
    const code = await bundle(
      `import { getIndicators } from "${src}/plan/indicators";\n(globalThis as any).cchc = getIndicators();\n`
    );
    expect(code).toContain("numerator");
  });
});

describe("parsePlan (a user-supplied plan file)", () => {
  const file = (): Record<string, unknown> => ({
    ...clone(planData),
    indicators: indicatorRecords(),
  });

  test("the built-in data round-trips: the output of getPlan() parses back to itself", () => {
    const again = parsePlan(clone(plan));
    expect(again).toEqual(plan);
    expect(again.anomalies.filter((a) => a.kind === "duplicate-code")).toHaveLength(2);
  });

  test("derived fields in the file are ignored and recomputed", () => {
    const f = clone(plan) as unknown as Plan;
    f.tasks[0].lead = ["Sai"];
    f.tasks[0].deadline.due = "1999-01-01";
    f.tasks[0].key = "x";
    f.anomalies.push({
      kind: "duplicate-code",
      message: "cũ",
      refs: ["2.1#1"],
      origin: "detected",
    });
    const p = parsePlan(f);
    expect(p.tasks[0]).toMatchObject({
      key: "2.1#1",
      lead: ["Văn phòng Sở"],
      deadline: { due: "2024-01-04" },
    });
    expect(p.anomalies.some((a) => a.message === "cũ")).toBe(false);
  });

  test("a small hand-written plan: defaults, deadline as a string, its own year and units", () => {
    const p = parsePlan({
      year: 2025,
      sections: [{ id: "I", title: "CHỈ ĐẠO" }],
      tasks: [
        {
          code: "1",
          section: "I",
          objective: { code: "1.1", text: "M" },
          text: "Việc A",
          leadText: "Phòng A",
          deadline: "Quý II",
        },
        {
          code: "1",
          section: "I",
          objective: { code: "1.1", text: "M" },
          text: "Việc B",
          leadText: "P.A, Văn phòng",
          deadline: { text: "Sớm" },
        },
      ],
      units: [{ id: "PA", name: "Phòng A", aliases: ["P.A"] }],
    });
    expect(p.tasks.map((t) => [t.key, t.lead, t.deadline.due])).toEqual([
      ["1#1", ["Phòng A"], "2025-06-30"],
      ["1#2", ["Phòng A", "Văn phòng"], null],
    ]);
    expect(p.tasks[0]).toMatchObject({
      subsection: null,
      rowNo: "",
      activities: [],
      outputs: [],
      coordText: "",
      coord: [],
      note: "",
    });
    const messages = p.anomalies.map((a) => a.message).join("\n");
    expect(messages).toMatch(/Mã nhiệm vụ 1 được dùng cho 2/);
    expect(messages).toMatch(/Đơn vị “Văn phòng”.*không có trong danh mục/);
    expect(messages).toMatch(/Không đọc được thời hạn “Sớm”/);
    expect(p.indicators).toEqual([]);
  });

  const broken: [string, (f: Record<string, unknown>) => unknown, RegExp][] = [
    ["not an object", () => "kế hoạch", /\(gốc\): cần một đối tượng JSON/],
    ["an array", () => [], /\(gốc\)/],
    ["no tasks", (f) => ({ ...f, tasks: undefined }), /tasks: thiếu \(bắt buộc\)/],
    ["a year as text", (f) => ({ ...f, year: "2024" }), /year: cần số, nhận được chuỗi ký tự/],
    ["a year out of range", (f) => ({ ...f, year: 24 }), /year: phải ≥ 1900/],
    [
      "a missing lead",
      (f) => withTask(f, 3, { leadText: undefined }),
      /tasks\[3\] \(2\.4\)\.leadText: thiếu/,
    ],
    [
      "an unknown section",
      (f) => withTask(f, 0, { section: "VIII" }),
      /tasks\[0\] \(2\.1\)\.section: phần “VIII” không có trong sections/,
    ],
    [
      "an empty task code",
      (f) => withTask(f, 1, { code: "  " }),
      /tasks\[1\]\.code: không được để trống/,
    ],
    [
      "a subsection outside its section",
      (f) => withTask(f, 0, { subsection: "7.1" }),
      /subsection: mục “7\.1” không có trong phần I/,
    ],
    [
      "a VII task without subsection",
      (f) => withTask(f, 42, { subsection: null }),
      /phần VII chia mục/,
    ],
    [
      "activities not a list",
      (f) => withTask(f, 0, { activities: "x" }),
      /activities: cần danh sách/,
    ],
    [
      "a bad comparison",
      (f) => withIndicator(f, 0, { comparison: "≥" }),
      /indicators\[0\] \(1\.1\)\.comparison: phải là một trong/,
    ],
    [
      "a count with a denominator",
      (f) => withIndicator(f, 1, { denominator: "x" }),
      /không có mẫu số/,
    ],
    ["a rate over 100", (f) => withIndicator(f, 0, { target: 120 }), /tỷ lệ không quá 100/],
    ["a duplicate indicator id", (f) => withIndicator(f, 1, { id: "1.1" }), /mã chỉ tiêu bị lặp/],
    [
      "a unit alias used twice",
      (f) => ({
        ...f,
        units: [
          { id: "A", name: "X", aliases: ["Y"] },
          { id: "B", name: "Y", aliases: [] },
        ],
      }),
      /đã dùng cho đơn vị/,
    ],
  ];
  function withTask(
    f: Record<string, unknown>,
    i: number,
    patch: Record<string, unknown>
  ): unknown {
    const tasks = f.tasks as Record<string, unknown>[];
    tasks[i] = { ...tasks[i], ...patch };
    return f;
  }
  function withIndicator(
    f: Record<string, unknown>,
    i: number,
    patch: Record<string, unknown>
  ): unknown {
    const list = f.indicators as Record<string, unknown>[];
    list[i] = { ...list[i], ...patch };
    return f;
  }

  test.each(broken)("%s → a Vietnamese error listing the problem", (_name, breakIt, message) => {
    let error: unknown;
    try {
      parsePlan(breakIt(file()));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    const e = error as PlanValidationError;
    expect(e.message).toMatch(/^Kế hoạch không hợp lệ \(\d+ lỗi\):/);
    expect(e.message).toMatch(message);
    expect(e.problems.length).toBeGreaterThan(0);
  });

  test("many problems are all listed (the message shows the first 30)", () => {
    const f = file();
    (f.tasks as Record<string, unknown>[]).forEach((t) => delete t.leadText);
    try {
      parsePlan(f);
      throw new Error("should not validate");
    } catch (err) {
      const e = err as PlanValidationError;
      expect(e.problems).toHaveLength(43);
      expect(e.message).toMatch(/… và 13 lỗi khác/);
    }
  });
});

test("the built-in year read without the schema is the plan's year", () => {
  expect(BUILTIN_PLAN_YEAR).toBe(getPlan().year);
});
