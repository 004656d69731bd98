import fc from "fast-check";
import type { Scalar, TableColumn, TableSpec } from "../../src/layouts/model";
import {
  applyTableInput,
  extractTableInput,
  findOrphans,
  normalizeHeader,
  userColumnHeaders,
  userInputFrom,
} from "../../src/layouts/userInputMerge";

const columns: TableColumn[] = [
  { key: "key", header: "Khóa", role: "key", width: 8, hidden: true },
  { key: "task", header: "Nhiệm vụ", role: "plan", width: 20 },
  { key: "status", header: "Trạng thái", role: "input", width: 10 },
  { key: "doneDate", header: "Ngày hoàn thành", role: "input", width: 10 },
  { key: "note", header: "Ghi chú cập nhật", role: "input", width: 10 },
  { key: "state", header: "Tình trạng", role: "computed", width: 10 },
];
const header = columns.map((c) => c.header);

function table(keys: string[]): TableSpec {
  return {
    name: "tblTest",
    at: "A1",
    columns,
    style: "TableStyleLight9",
    rows: keys.map((key) => ({
      key,
      cells: [key, `Nhiệm vụ ${key}`, null, null, null, `=F${key.length}`],
    })),
  };
}

describe("extractTableInput", () => {
  it("reads input columns by header text, keyed by the key column", () => {
    const body: Scalar[][] = [
      ["2.1#1", "A", "Hoàn thành", 45300, null, "Hoàn thành"],
      ["2.2#1", "B", null, null, "  ", "Quá hạn"],
      ["§I", "I. CHỈ ĐẠO", null, null, null, null],
    ];
    const r = extractTableInput(columns, header, body, { tableName: "tblTest" });
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual({ "2.1#1": { status: "Hoàn thành", doneDate: 45300 } });
    expect(r.problems).toEqual([]);
  });

  it("survives reordered columns, changed case/spaces in headers, sorted rows and blank rows", () => {
    const hdr = [
      "Ghi chú  cập nhật",
      "TRẠNG THÁI",
      "Tình trạng",
      "Khóa",
      "Nhiệm vụ",
      "ngày hoàn thành",
    ];
    const body: Scalar[][] = [
      [null, null, null, null, null, null],
      ["chậm", "Đang thực hiện", "x", "2.2#1", "B", null],
      ["", "", "", "", "", ""],
      [null, "Hoàn thành", "x", "2.1#1", "A", 45000],
    ];
    const r = extractTableInput(columns, hdr, body);
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual({
      "2.2#1": { note: "chậm", status: "Đang thực hiện" },
      "2.1#1": { status: "Hoàn thành", doneDate: 45000 },
    });
  });

  it("keeps a user column added at the right, under '+header'", () => {
    const r = extractTableInput(
      columns,
      [...header, "Người theo dõi"],
      [["2.1#1", "A", null, null, null, null, "Lan"]]
    );
    expect(r.userColumns).toEqual(["Người theo dõi"]);
    expect(r.rows).toEqual({ "2.1#1": { "+Người theo dõi": "Lan" } });
  });

  it("keeps formulas typed into input columns as formula text", () => {
    const r = extractTableInput(columns, header, [
      ["2.1#1", "A", null, "=DATE(2024,2,1)", null, null],
    ]);
    expect(r.rows["2.1#1"]).toEqual({ doneDate: "=DATE(2024,2,1)" });
  });

  it("gives a keyless row with typed values a synthetic key and keeps its plan text", () => {
    const body: Scalar[][] = [
      ["+1", "cũ", "Hoàn thành", null, null, null],
      [null, "Việc mới", "Đang thực hiện", null, null, "=1"],
    ];
    const r = extractTableInput(columns, header, body);
    expect(r.ok).toBe(true);
    expect(r.rows["+2"]).toEqual({ task: "Việc mới", status: "Đang thực hiện" });
    expect(r.notes.join(" ")).toContain("+2");
  });

  it("keeps both copies of a duplicated key with different values", () => {
    const body: Scalar[][] = [
      ["2.1#1", "A", "Hoàn thành", null, null, null],
      ["2.1#1", "A", "Hoàn thành", null, null, null],
      ["2.1#1", "A", "Đang thực hiện", null, null, null],
    ];
    const r = extractTableInput(columns, header, body);
    expect(r.rows).toEqual({
      "2.1#1": { status: "Hoàn thành" },
      "+1": { status: "Đang thực hiện" },
    });
  });

  it("a key first seen blank, then with values, keeps the values", () => {
    const body: Scalar[][] = [
      ["2.1#1", "A", null, null, null, null],
      ["2.1#1", "A", "Hoàn thành", null, null, null],
    ];
    expect(extractTableInput(columns, header, body).rows).toEqual({
      "2.1#1": { status: "Hoàn thành" },
    });
  });

  it("refuses a table without its key column", () => {
    const r = extractTableInput(columns, header.slice(1), [["A", "Hoàn thành", null, null, null]], {
      tableName: "tblTest",
    });
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual({});
    expect(r.problems.join(" ")).toMatch(/khóa.*tblTest/);
  });

  it("refuses a table where every input column is gone", () => {
    const r = extractTableInput(columns, ["Khóa", "Nhiệm vụ", "Cột 3"], [["2.1#1", "A", "x"]]);
    expect(r.ok).toBe(false);
    expect(r.problems.join(" ")).toContain("Không tìm thấy cột nhập liệu");
  });

  it("refuses when typed values exist but every key was cleared", () => {
    const r = extractTableInput(columns, header, [[null, "A", "Hoàn thành", null, null, null]]);
    expect(r.ok).toBe(false);
  });

  it("refuses an empty header row", () => {
    expect(extractTableInput(columns, [], []).ok).toBe(false);
  });

  it("notes (but accepts) a missing input column", () => {
    const hdr = header.filter((h) => h !== "Ghi chú cập nhật");
    const r = extractTableInput(columns, hdr, [["2.1#1", "A", "Hoàn thành", null, null]]);
    expect(r.ok).toBe(true);
    expect(r.notes.join(" ")).toContain("Ghi chú cập nhật");
  });

  it("accepts old header texts through aliases", () => {
    const hdr = [
      "Key",
      "Nhiệm vụ",
      "Trạng thái",
      "Ngày hoàn thành",
      "Ghi chú cập nhật",
      "Tình trạng",
    ];
    const r = extractTableInput(columns, hdr, [["2.1#1", "A", "Hoàn thành", null, null, null]], {
      aliases: { key: ["Key"] },
    });
    expect(r.ok).toBe(true);
    expect(r.rows["2.1#1"]).toEqual({ status: "Hoàn thành" });
  });

  it("never throws on ragged or odd rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...header), fc.string(), fc.constant(null)), {
          maxLength: 8,
        }),
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), {
            maxLength: 9,
          }),
          { maxLength: 10 }
        ),
        (hdr, body) => {
          const r = extractTableInput(columns, hdr, body);
          expect(r.ok).toBe(r.problems.length === 0);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("applyTableInput", () => {
  it("puts values back into the input cells of matching rows only", () => {
    const t = table(["2.1#1", "2.2#1"]);
    const { table: out, orphans } = applyTableInput(t, {
      "2.2#1": { status: "Hoàn thành", doneDate: 45300, task: "ignored: plan column" },
    });
    expect(out.rows[1].cells).toEqual([
      "2.2#1",
      "Nhiệm vụ 2.2#1",
      "Hoàn thành",
      45300,
      null,
      "=F5",
    ]);
    expect(out.rows[0].cells).toEqual(t.rows[0].cells);
    expect(orphans).toEqual([]);
    expect(t.rows[1].cells[2]).toBeNull(); // the input table is not modified
  });

  it("appends user columns and fills them", () => {
    const { table: out } = applyTableInput(table(["2.1#1"]), {
      "2.1#1": { "+Người theo dõi": "Lan" },
    });
    expect(out.columns.map((c) => c.header)).toEqual([...header, "Người theo dõi"]);
    expect(out.columns[6]).toMatchObject({ key: "+Người theo dõi", role: "input" });
    expect(out.rows[0].cells[6]).toBe("Lan");
  });

  it("renames a user column whose header collides with one of ours", () => {
    const { table: out } = applyTableInput(table(["2.1#1"]), { "2.1#1": { "+trạng thái": "x" } });
    expect(out.columns[6].header).toBe("trạng thái (2)");
    expect(out.rows[0].cells[6]).toBe("x");
  });

  it("reports orphans and, given a row builder, keeps them as rows at the end", () => {
    const input = {
      "2.26#1": { status: "Hoàn thành" },
      "2.1#1": { note: "ok" },
      "9.9#1": { status: "  " },
    };
    const reportOnly = applyTableInput(table(["2.1#1"]), input);
    expect(reportOnly.orphans).toEqual([
      { table: "tblTest", key: "2.26#1", values: { status: "Hoàn thành" } },
    ]);
    expect(reportOnly.table.rows).toHaveLength(1);

    const kept = applyTableInput(table(["2.1#1"]), input, {
      orphanHeader: (i) => ({ key: "§+", cells: ["§+", `header at ${i}`] }),
      orphanRow: (o, i) => ({ key: o.key, cells: [o.key, `orphan at ${i}`] }),
    });
    expect(kept.table.rows.map((r) => r.key)).toEqual(["2.1#1", "§+", "2.26#1"]);
    expect(kept.table.rows[2].cells).toEqual([
      "2.26#1",
      "orphan at 2",
      "Hoàn thành",
      null,
      null,
      null,
    ]);
    expect(kept.table.rows[0].cells[4]).toBe("ok");
  });

  it("round-trips: what is typed, read back and applied again, is unchanged", () => {
    const keys = ["2.1#1", "2.2#1", "2.3#1", "§I"];
    const value = fc.oneof(
      fc.constant(null),
      fc.constantFrom("Hoàn thành", "Đang thực hiện", "=TODAY()"),
      fc.integer({ min: 40000, max: 50000 }),
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== "")
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { minLength: 4, maxLength: 4 }),
        fc.nat(),
        (typed, shift) => {
          const t = table(keys);
          t.rows.forEach((r, i) => {
            [r.cells[2], r.cells[3], r.cells[4]] = typed[i];
          });
          // Rotate the rows, as a sort would.
          const body = t.rows.map((r) => r.cells);
          const rotated = body.map((_, i) => body[(i + shift) % body.length]);
          const extracted = extractTableInput(columns, header, rotated);
          expect(extracted.ok).toBe(true);
          const again = applyTableInput(table(keys), extracted.rows).table;
          expect(again.rows.map((r) => r.cells.slice(2, 5))).toEqual(typed);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("helpers", () => {
  it("normalises header text", () => {
    expect(normalizeHeader("  Tiến   độ (%) ")).toBe("tiến độ (%)");
    expect(normalizeHeader("Tie\u0302\u0301n độ")).toBe(normalizeHeader("Tiến độ"));
    expect(normalizeHeader(null)).toBe("");
  });

  it("finds orphans and user columns", () => {
    expect(findOrphans("t", { a: { x: 1 }, b: { x: "" }, c: { x: 2 } }, ["c"])).toEqual([
      { table: "t", key: "a", values: { x: 1 } },
    ]);
    expect(
      userColumnHeaders({ a: { "+B": 1, status: 2 }, b: { "+A": "x", "+C": null } }, [])
    ).toEqual(["B", "A"]);
  });

  it("assembles a UserInput from cleanly read tables only", () => {
    const good = extractTableInput(columns, header, [
      ["2.1#1", "A", "Hoàn thành", null, null, null],
    ]);
    const bad = extractTableInput(columns, [], []);
    expect(userInputFrom({ tblTest: good, tblBad: bad }, { NgayBaoCao: 45300 })).toEqual({
      tables: { tblTest: { "2.1#1": { status: "Hoàn thành" } } },
      names: { NgayBaoCao: 45300 },
    });
  });
});
