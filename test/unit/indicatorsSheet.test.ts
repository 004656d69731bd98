import {
  INDICATORS_HEADER_ROW,
  INDICATORS_TABLE,
  INDICATOR_COLUMNS,
} from "../../src/layouts/indicatorsSheet";
import { composeIndicatorsSheet } from "../../src/layouts/indicatorsAssembly";
import {
  NEW_ROW_KEY_PREFIX,
  NEW_TARGET_ROWS,
  newRowKey,
  printedTarget,
} from "../../src/layouts/indicatorRows";
import {
  INDICATOR_COLUMN_KEYS,
  col,
  type IndicatorColumnKey,
} from "../../src/layouts/indicatorFormulas";
import type { Scalar, SheetLayout, TableRow } from "../../src/layouts/model";
import { emptyUserInput } from "../../src/layouts/userInput";
import { getPlan } from "../../src/plan";
import {
  CONFLICT_MESSAGE,
  FIXTURE_INDICATORS,
  fixturePlan,
  indicator,
  userInputOf,
} from "../support/indicatorFixtures";

const idx = (key: IndicatorColumnKey) => INDICATOR_COLUMN_KEYS.indexOf(key);
const cell = (row: TableRow, key: IndicatorColumnKey): Scalar => row.cells[idx(key)] ?? null;
const rowOf = (sheet: SheetLayout, id: string): TableRow => {
  const row = sheet.table?.rows.find((r) => r.key === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};
const formulasOf = (sheet: SheetLayout): string[] =>
  [
    ...(sheet.table?.rows ?? []).flatMap((r) => r.cells),
    ...sheet.blocks.flatMap((b) => b.cells.flat()),
    ...sheet.rules.flatMap((r) => (r.type === "expression" ? [r.formula] : [])),
  ].filter((v): v is string => typeof v === "string" && v.startsWith("="));

const blank = Array.from({ length: 12 }, () => null as Scalar);

/** The table's rows without the empty rows kept at the end for targets added by hand. */
const targetRows = (sheet: SheetLayout) =>
  (sheet.table?.rows ?? []).filter((r) => !r.key.startsWith(NEW_ROW_KEY_PREFIX));

describe("Chỉ tiêu sheet layout", () => {
  const addin = composeIndicatorsSheet(fixturePlan(), { flavor: "addin" }).sheet;
  const file = composeIndicatorsSheet(fixturePlan(), { flavor: "file" }).sheet;

  test("one table row per indicator, keyed by its id, in plan order", () => {
    expect(addin.key).toBe("indicators");
    expect(addin.name).toBe("Chỉ tiêu");
    expect(addin.table?.name).toBe(INDICATORS_TABLE);
    expect(addin.table?.at).toBe(`A${INDICATORS_HEADER_ROW}`);
    expect(targetRows(addin).map((r) => r.key)).toEqual(FIXTURE_INDICATORS.map((i) => i.id));
    for (const row of targetRows(addin)) {
      expect(row.cells).toHaveLength(INDICATOR_COLUMNS.length);
      expect(row.results).toHaveLength(INDICATOR_COLUMNS.length);
      expect(row.numberFormats).toHaveLength(INDICATOR_COLUMNS.length);
      expect(cell(row, "key")).toBe(row.key);
    }
  });

  test("columns: hidden key, plan columns, computed, then 12 numerator and 12 denominator inputs", () => {
    const headers = INDICATOR_COLUMNS.map((c) => c.header);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers.slice(0, 7)).toEqual([
      "Khóa",
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "Đơn vị chủ trì",
      "Chỉ tiêu kế hoạch",
      "Giá trị",
      "So sánh",
    ]);
    expect(headers).toEqual(
      expect.arrayContaining(["Lũy kế năm", "Tháng gần nhất", "Mức đạt", "Đạt?", "Ghi chú"])
    );
    expect(headers.filter((h) => /^Đạt T\d+$/.test(h))).toEqual(
      Array.from({ length: 12 }, (_, i) => `Đạt T${i + 1}`)
    );
    expect(headers.filter((h) => /^Tổng T\d+$/.test(h))).toEqual(
      Array.from({ length: 12 }, (_, i) => `Tổng T${i + 1}`)
    );
    expect(INDICATOR_COLUMNS[0]).toMatchObject({ role: "key", hidden: true });
    expect(addin.columnWidths).toHaveLength(INDICATOR_COLUMNS.length);
  });

  test("input cells are unlocked and validated as whole numbers ≥ 0 with a Vietnamese alert; the rest is locked", () => {
    for (const c of INDICATOR_COLUMNS) {
      // The definitions are open to the coordinator's corrections (indicatorEdits.ts).
      if (c.role === "input" || c.role === "definition") {
        expect(c.format?.locked).toBe(false);
      } else {
        expect(c.format?.locked).not.toBe(false);
      }
      if (/^(num|den)\d+$/.test(c.key)) {
        expect(c.role).toBe("input");
        expect(c.validation?.rule).toEqual({ type: "wholeNumber", min: 0 });
        expect(c.validation?.errorMessage).toMatch(/số nguyên không âm/);
        expect(c.validation?.errorTitle).toBeTruthy();
      }
    }
    expect(addin.protect).toEqual({
      allowAutoFilter: true,
      allowSort: true,
      allowFormatColumns: true,
    });
    const margin = addin.blocks.find((b) => b.at === "D3");
    expect(margin?.format?.locked).toBe(false);
  });

  test("targets as printed, their value (fraction for %) and comparison", () => {
    const expected: Record<string, [string, number, string]> = {
      "3.2b": ["≥ 95%", 0.95, ">="],
      "3.6": ["trên 95%", 0.95, ">"],
      "1.2a": ["ít nhất 2 sáng kiến", 2, ">="],
      "X.1": ["không quá 5%", 0.05, "<="],
      "3.3": ["≥ 90%", 0.9, ">="],
      "PL.III.1.8": ["≥ 70%", 0.7, ">="],
      "X.2": ["đúng 50%", 0.5, '="="'],
    };
    for (const [id, [text, value, cmp]] of Object.entries(expected)) {
      const row = rowOf(addin, id);
      expect([cell(row, "targetText"), cell(row, "targetValue"), cell(row, "comparison")]).toEqual([
        text,
        value,
        cmp,
      ]);
    }
    expect(printedTarget(indicator({ id: "d", target: 99.5 }))).toBe("≥ 99,5%");
    // Nothing is above 100%: people write "100%", not "≥ 100%".
    expect(printedTarget(indicator({ id: "e", target: 100 }))).toBe("100%");
    // The machine comparison is for the formulas: hidden from the sheet and the printed page.
    expect(INDICATOR_COLUMNS[idx("comparison")].hidden).toBe(true);
    // "=" alone would be a formula: it is a formula giving the text "=", cached as such.
    expect(rowOf(addin, "X.2").results?.[idx("comparison")]).toBe("=");
  });

  test("rates show as percentages and counts as whole numbers, row by row", () => {
    const rate = rowOf(addin, "3.2b");
    const count = rowOf(addin, "1.2a");
    const fmt = (row: TableRow, key: IndicatorColumnKey) =>
      row.numberFormats?.[idx(key)] ?? INDICATOR_COLUMNS[idx(key)]?.format?.numberFormat;
    expect([
      fmt(rate, "targetValue"),
      fmt(rate, "ytd"),
      fmt(rate, "latestValue"),
      fmt(rate, "attainment"),
    ]).toEqual(["0%", "0.0%", "0.0%", "0.0%"]);
    expect([
      fmt(count, "targetValue"),
      fmt(count, "ytd"),
      fmt(count, "latestValue"),
      fmt(count, "attainment"),
    ]).toEqual(["0", "#,##0", "#,##0", "0.0%"]);
    expect(cell(count, "unitKind")).toBe("số lượng");
    expect(cell(rate, "unitKind")).toBe("%");
    expect(String(cell(count, "denominatorLabel"))).toMatch(/chỉ tiêu số lượng/);
  });

  test("add-in flavour: YTD with CCHC.RATE over the month ranges, attainment CCHC.ATTAIN, met CCHC.MET", () => {
    const row = rowOf(addin, "3.2b");
    const r = INDICATORS_HEADER_ROW + 1;
    const nums = `${col("num1")}${r}:${col("num12")}${r}`;
    const dens = `${col("den1")}${r}:${col("den12")}${r}`;
    expect(cell(row, "ytd")).toContain(`CCHC.RATE(${nums},${dens})`);
    expect(cell(row, "ytd")).toContain(`IF(SUM(${dens})=0,""`);
    expect(cell(row, "attainment")).toContain(
      `CCHC.ATTAIN(${col("ytd")}${r},${col("targetValue")}${r},${col("comparison")}${r})`
    );
    expect(cell(row, "met")).toContain(
      `CCHC.MET(${col("ytd")}${r},${col("targetValue")}${r},${col("comparison")}${r})`
    );
  });

  test("file flavour has no CCHC.* anywhere, and no rule ever calls CCHC.*", () => {
    const fileFormulas = formulasOf(file);
    expect(fileFormulas.length).toBeGreaterThan(FIXTURE_INDICATORS.length * 4);
    expect(fileFormulas.filter((f) => /CCHC\./i.test(f))).toEqual([]);
    for (const rule of addin.rules) {
      if (rule.type === "expression") expect(rule.formula).not.toMatch(/CCHC\./i);
    }
  });

  test("formulas are en-US (commas, no semicolons) and balanced", () => {
    for (const f of [...formulasOf(addin), ...formulasOf(file)]) {
      expect(f.replace(/"[^"]*"/g, "")).not.toContain(";");
      let depth = 0;
      let lowest = 0;
      for (const ch of f.replace(/"[^"]*"/g, "")) {
        depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
        lowest = Math.min(lowest, depth);
      }
      expect([lowest, depth]).toEqual([0, 0]);
    }
  });

  test("every row carries the same formula pattern (consistent calculated columns)", () => {
    for (const layout of [addin, file]) {
      const rows = layout.table?.rows ?? [];
      for (const key of ["ytd", "latestMonth", "latestValue", "attainment", "met"] as const) {
        const patterns = new Set(
          rows.map((row, i) =>
            String(cell(row, key)).replace(
              new RegExp(`([A-Z]+)${INDICATORS_HEADER_ROW + 1 + i}(?!\\d)`, "g"),
              "$1#"
            )
          )
        );
        expect(patterns.size).toBe(1);
      }
    }
  });

  test("the margin is a named cell (default 5 points) and a typed margin is kept", () => {
    expect(addin.names).toContainEqual(expect.objectContaining({ name: "BienDoGan", ref: "D3" }));
    expect(addin.blocks.find((b) => b.at === "D3")?.cells).toEqual([[5]]);
    const typed = composeIndicatorsSheet(fixturePlan(), {
      flavor: "addin",
      userInput: { tables: {}, names: { BienDoGan: 3 } },
    }).sheet;
    expect(typed.blocks.find((b) => b.at === "D3")?.cells).toEqual([[3]]);
    expect(addin.validations).toContainEqual(
      expect.objectContaining({ range: "D3", rule: { type: "decimal", min: 0, max: 100 } })
    );
  });

  test("the 90% / 70% conflict is visible: both values, the value used, and a note", () => {
    for (const id of ["3.3", "PL.III.1.8"]) {
      const note = String(cell(rowOf(addin, id), "note"));
      expect(note).toContain(CONFLICT_MESSAGE);
      expect(note).toContain("dòng này chấm theo mức");
      expect(note).toMatch(/^⚠ Mâu thuẫn/);
    }
    expect(String(cell(rowOf(addin, "3.3"), "note"))).toContain("≥ 90%");
    expect(String(cell(rowOf(addin, "PL.III.1.8"), "note"))).toContain("≥ 70%");
    expect(String(cell(rowOf(addin, "3.5b"), "note"))).toBe("Chỉ tính TTHC có nghĩa vụ tài chính.");
    expect(String(cell(rowOf(addin, "3.2b"), "note"))).toBe("");
    const banner = addin.blocks.find((b) => b.at === `B${INDICATORS_HEADER_ROW - 2}`);
    expect(banner?.cells).toEqual([
      [
        "⚠ Chỉ tiêu 3.3, PL.III.1.8: văn bản kế hoạch ghi các mức khác nhau. Trang này chấm 3.3 theo mức ≥ 90%, PL.III.1.8 theo mức ≥ 70%; lý do ở cột Ghi chú.",
      ],
    ]);
    expect(
      addin.rules.some((r) => r.type === "expression" && r.formula.includes("Mâu thuẫn"))
    ).toBe(true);
  });

  test("typed monthly numbers go back into their indicator's row and month, whatever the order", () => {
    const input = userInputOf({
      "3.6": {
        nums: [10, 20, ...blank.slice(2)],
        dens: [11, 21, ...blank.slice(2)],
        updateNote: "Đã rà soát",
      },
      "1.2a": { nums: [null, null, 1, ...blank.slice(3)], dens: blank },
    });
    const sheet = composeIndicatorsSheet(fixturePlan(), {
      flavor: "addin",
      userInput: input,
    }).sheet;
    const sat = rowOf(sheet, "3.6");
    expect([
      cell(sat, "num1"),
      cell(sat, "den1"),
      cell(sat, "num2"),
      cell(sat, "den2"),
      cell(sat, "num3"),
    ]).toEqual([10, 11, 20, 21, null]);
    expect(cell(sat, "updateNote")).toBe("Đã rà soát");
    expect(cell(rowOf(sheet, "1.2a"), "num3")).toBe(1);
    expect(cell(rowOf(sheet, "3.2b"), "num1")).toBeNull();
  });

  test("numbers typed for an indicator the plan no longer has are kept in a row of their own", () => {
    const input = userInputOf({
      "OLD.1": { nums: [5, ...blank.slice(1)], dens: [7, ...blank.slice(1)] },
    });
    const sheet = composeIndicatorsSheet(fixturePlan(), { flavor: "file", userInput: input }).sheet;
    const orphan = rowOf(sheet, "OLD.1");
    expect([cell(orphan, "num1"), cell(orphan, "den1")]).toEqual([5, 7]);
    expect(String(cell(orphan, "note"))).toMatch(/không còn trong kế hoạch/);
    expect(targetRows(sheet).at(-1)?.key).toBe("OLD.1");
  });

  test("a column the user added at the right and a row the user inserted are carried over", () => {
    const input = userInputOf({
      "3.6": { nums: [1, ...blank.slice(1)], dens: [2, ...blank.slice(1)] },
    });
    input.tables[INDICATORS_TABLE]!["3.6"]!["+Người nhập"] = "Lan";
    input.tables[INDICATORS_TABLE]!["+1"] = { text: "Chỉ tiêu riêng của phòng", num1: 4 };
    const { sheet, orphans } = composeIndicatorsSheet(fixturePlan(), {
      flavor: "addin",
      userInput: input,
    });
    const columns = sheet.table?.columns ?? [];
    expect(columns.at(-1)).toMatchObject({ header: "Người nhập", role: "input" });
    expect(sheet.columnWidths).toHaveLength(columns.length);
    expect(rowOf(sheet, "3.6").cells.at(-1)).toBe("Lan");
    const inserted = rowOf(sheet, "+1");
    expect([cell(inserted, "text"), cell(inserted, "num1"), cell(inserted, "key")]).toEqual([
      "Chỉ tiêu riêng của phòng",
      4,
      "+1",
    ]);
    expect(orphans.map((o) => o.key)).toEqual(["+1"]);
  });

  test("cached results: empty without data (never 0%), values with data", () => {
    const none = rowOf(file, "3.2b");
    expect(none.results?.[idx("ytd")]).toBe("");
    expect(none.results?.[idx("latestMonth")]).toBe("");
    expect(none.results?.[idx("attainment")]).toBe("");
    expect(none.results?.[idx("met")]).toBe("");
    const input = userInputOf({
      "3.2b": { nums: [90, 97, ...blank.slice(2)], dens: [100, 100, ...blank.slice(2)] },
      "1.2a": { nums: [1, 0, 1, ...blank.slice(3)], dens: blank },
    });
    const sheet = composeIndicatorsSheet(fixturePlan(), { flavor: "file", userInput: input }).sheet;
    const rate = rowOf(sheet, "3.2b").results ?? [];
    expect(rate[idx("ytd")]).toBeCloseTo(0.935, 12);
    expect(rate[idx("latestMonth")]).toBe(2);
    expect(rate[idx("latestValue")]).toBeCloseTo(0.97, 12);
    expect(rate[idx("attainment")]).toBeCloseTo(0.935 / 0.95, 12);
    expect(rate[idx("met")]).toBe("Gần đạt");
    const count = rowOf(sheet, "1.2a").results ?? [];
    expect([
      count[idx("ytd")],
      count[idx("latestMonth")],
      count[idx("latestValue")],
      count[idx("met")],
    ]).toEqual([2, 3, 1, "Đạt"]);
    // Input and plan cells have no cached result.
    expect(rate[idx("num1")]).toBeNull();
    expect(rate[idx("text")]).toBeNull();
  });

  test("colour rules: met, on track, near, missed on the summary; bad and unused inputs flagged", () => {
    const last = INDICATORS_HEADER_ROW + FIXTURE_INDICATORS.length + NEW_TARGET_ROWS;
    const summary = `${col("ytd")}${INDICATORS_HEADER_ROW + 1}:${col("met")}${last}`;
    const onSummary = addin.rules.filter((r) => r.range === summary);
    expect(onSummary.map((r) => (r.type === "expression" ? r.format.fill : null))).toEqual([
      "#C6EFCE",
      "#DDEBF7",
      "#FFEB9C",
      "#FFC7CE",
    ]);
    expect(onSummary.every((r) => r.type === "expression" && r.stopIfTrue)).toBe(true);
    // The colour is the verdict's: one rule per text of the Đạt? column.
    const first = INDICATORS_HEADER_ROW + 1;
    expect(onSummary.map((r) => (r.type === "expression" ? r.formula : ""))).toEqual(
      ["Đạt", "Đúng tiến độ", "Gần đạt", "Chưa đạt"].map((v) => `=$${col("met")}${first}="${v}"`)
    );
    const dens = `${col("den1")}${INDICATORS_HEADER_ROW + 1}:${col("den12")}${last}`;
    expect(addin.rules.filter((r) => r.range === dens).length).toBeGreaterThanOrEqual(2);
  });

  test("freeze, A4 landscape print of the summary columns with the header row repeated", () => {
    expect(addin.freeze).toEqual({ rows: INDICATORS_HEADER_ROW, columns: 3 });
    expect(addin.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      titleRows: `${INDICATORS_HEADER_ROW}:${INDICATORS_HEADER_ROW}`,
      printArea: `B1:${col("note")}${INDICATORS_HEADER_ROW + FIXTURE_INDICATORS.length}`,
    });
    expect(addin.font.name).toBe("Times New Roman");
  });

  test("a plan without indicators still gives a valid sheet and no rules over empty ranges", () => {
    const sheet = composeIndicatorsSheet(fixturePlan([]), {
      flavor: "addin",
      userInput: emptyUserInput(),
    }).sheet;
    // A pasted table has no targets: only the empty rows where the coordinator adds them.
    expect(sheet.table?.rows.map((r) => r.key)).toEqual([1, 2, 3].map(newRowKey));
    expect(
      sheet.rules.every((r) => r.range.endsWith(`${INDICATORS_HEADER_ROW + NEW_TARGET_ROWS}`))
    ).toBe(true);
    expect(sheet.print?.printArea).toBe(`B1:${col("note")}${INDICATORS_HEADER_ROW}`);
  });

  test("bad typed values are kept as typed and never crash the builder", () => {
    const input = userInputOf(
      {
        "3.2b": {
          nums: ["abc", -3, "=1+1", true, ...blank.slice(4)],
          dens: [10, 10, 10, 10, ...blank.slice(4)],
        },
      },
      "nhiều"
    );
    const sheet = composeIndicatorsSheet(fixturePlan(), { flavor: "file", userInput: input }).sheet;
    const row = rowOf(sheet, "3.2b");
    expect([cell(row, "num1"), cell(row, "num2"), cell(row, "num3"), cell(row, "num4")]).toEqual([
      "abc",
      -3,
      "=1+1",
      true,
    ]);
    expect(sheet.blocks.find((b) => b.at === "D3")?.cells).toEqual([["nhiều"]]);
    expect(row.results?.[idx("ytd")]).toBeNull();
  });

  describe("with the real plan", () => {
    const plan = getPlan();
    const sheet = composeIndicatorsSheet(plan, { flavor: "addin" }).sheet;

    test("every numeric target of the plan has exactly one row", () => {
      expect(targetRows(sheet).map((r) => r.key)).toEqual(plan.indicators.map((i) => i.id));
      expect(new Set(plan.indicators.map((i) => i.id)).size).toBe(plan.indicators.length);
    });

    test("targets print as the document writes them", () => {
      const printed = Object.fromEntries(plan.indicators.map((i) => [i.id, printedTarget(i)]));
      expect(printed["3.2b"]).toBe("≥ 95%");
      expect(printed["3.6"]).toBe("trên 95%");
      expect(printed["1.1"]).toBe("100%");
      expect(printed["1.2a"]).toBe("ít nhất 2 sáng kiến");
      expect(printed["1.2b"]).toBe("ít nhất 1 sáng kiến");
      for (const ind of plan.indicators) {
        expect(printed[ind.id]).not.toMatch(/[<>=]/);
        if (ind.unit === "count")
          expect(printed[ind.id]).toMatch(/^(ít nhất|trên|không quá|dưới|đúng) \d+ \S+/);
      }
    });

    test("the 90% / 70% conflict of the document shows on the 3.3 row and above the table", () => {
      const conflict = plan.anomalies.find((a) => a.kind === "target-conflict");
      expect(conflict).toBeDefined();
      const note = String(cell(rowOf(sheet, "3.3"), "note"));
      expect(note).toMatch(
        /^⚠ Mâu thuẫn: văn bản ghi hai mức khác nhau cho chỉ tiêu này; dòng này chấm theo mức ≥ 90%\./
      );
      expect(note).toMatch(/70%/);
      expect(cell(rowOf(sheet, "3.3"), "targetValue")).toBe(0.9);
      expect(sheet.blocks.find((b) => b.at === `B${INDICATORS_HEADER_ROW - 2}`)?.cells).toEqual([
        [
          "⚠ Chỉ tiêu 3.3: văn bản kế hoạch ghi các mức khác nhau. Trang này chấm theo mức ≥ 90%; lý do ở cột Ghi chú.",
        ],
      ]);
      expect(note).toContain("70%");
    });
  });
});
