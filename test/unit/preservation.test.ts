/**
 * Never lose what users typed. A seeded random walk of ≥ 200 rounds on one fake workbook: each round a
 * "user" types values into input cells (task and indicator tables, and the as-of cell), sorts, filters,
 * inserts blank rows, adds a column at the right, renames sheets; then "create/update" runs again and
 * every value typed so far must be in the row of its key and the column of its header.
 * A failure prints the seed and the round; set PRESERVATION_SEED to replay it.
 * Separately: a table damaged beyond recognition stops the action and changes nothing.
 */
import { getPlan } from "../../src/plan";
import type { Scalar } from "../../src/layouts/model";
import { buildWorkbook } from "../../src/layouts/workbook";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import { ROSTER_TABLE } from "../../src/layouts/rosterSheet";
import { createOrUpdate } from "../../src/render/office/actions";
import { readCell } from "../../src/render/office/cells";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { builderFor, depsOf } from "../support/officeHarness";

jest.setTimeout(180_000);

const ROUNDS = 200;
const SEED = Number(process.env.PRESERVATION_SEED ?? 20240315);

/** mulberry32: small, fast, reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plan = getPlan();
const build = builderFor(plan);
const layout = buildWorkbook(plan, { flavor: "addin", today: "2024-03-15" }).layout;
const inputTables = layout.sheets
  .map((s) => s.table)
  .filter(
    (t): t is NonNullable<typeof t> =>
      !!t && t.columns.some((c) => c.role === "input") && t.columns.some((c) => c.role === "key")
  )
  .map((t) => ({
    name: t.name,
    keyHeader: t.columns.find((c) => c.role === "key")!.header,
    inputs: t.columns.filter((c) => c.role === "input").map((c) => c.header),
    keys: t.rows.map((r) => r.key).filter((k) => !k.startsWith("§")),
  }))
  // Tables with no rows yet (Lịch sử: only snapshots add rows) have nothing a person types into.
  .filter((t) => t.keys.length > 0);

const TEXTS = [
  "Hoàn thành",
  "Đang thực hiện",
  "Không áp dụng",
  "CV số 123/SKHCN-VP ngày 05/01/2024",
  "https://skhcn.hatinh.gov.vn/van-ban/123",
  "'2.10",
  "'=không phải công thức",
  "'01/2024",
  "'TRUE",
  'Ghi chú có "ngoặc kép" và dấu, phẩy',
  "Dòng 1\nDòng 2",
];
const FORMULAS = ["=TODAY()", "=DATE(2024,4,30)", "=1+1"];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

function randomInput(rnd: () => number): Scalar {
  const k = rnd();
  if (k < 0.35) return pick(rnd, TEXTS);
  if (k < 0.55) return 45292 + Math.floor(rnd() * 500); // dates in 2024–2025 as serials
  if (k < 0.75) return Math.round(rnd() * 1000) / 10;
  if (k < 0.85) return pick(rnd, FORMULAS);
  if (k < 0.92) return rnd() < 0.5;
  return ""; // clearing a cell
}

/** The cell as the renderer reads it (formula, guarded text or constant). */
function contentAt(
  fake: FakeExcel,
  table: string,
  key: string,
  header: string,
  keyHeader: string
): Scalar {
  const t = fake.book.mustTable(table);
  const row = fake.user.rowOf(table, key, keyHeader);
  const col = fake.user.columnOf(table, header);
  return readCell(fake.book.formulaAt(t.sheet, row, col), fake.book.valueAt(t.sheet, row, col));
}

/** A row without a key that holds something in a column the update reads (input or user column). */
function keylessRowHasValues(
  fake: FakeExcel,
  t: { name: string; keyHeader: string; inputs: string[] }
): boolean {
  const { headers, body } = fake.table(t.name);
  const key = headers.indexOf(t.keyHeader);
  const read = headers
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => t.inputs.includes(h) || h.startsWith("Cột riêng"))
    .map(({ i }) => i);
  const blank = (v: unknown): boolean => v === "" || v === null || v === undefined;
  return body.some((row) => blank(row[key]) && read.some((i) => !blank(row[i])));
}

interface Expected {
  table: string;
  key: string;
  header: string;
  keyHeader: string;
  value: Scalar;
}

test("the walk types into every table people type into, the unprotected Đơn vị list too", () => {
  expect(inputTables.map((t) => t.name)).toContain(ROSTER_TABLE);
});

test(`${ROUNDS} rounds of typing, sorting, filtering, inserting rows, adding a column, renaming — nothing typed is lost (seed ${SEED})`, async () => {
  const rnd = prng(SEED);
  const fake = createFakeExcel();
  const deps = depsOf(fake);
  expect((await createOrUpdate(deps, build)).ok).toBe(true);

  const expected = new Map<string, Expected>();
  /** Values typed into rows without a key (inserted rows): kept somewhere in their column. */
  const floating: { table: string; header: string; value: Scalar }[] = [];
  let asOfCell: Scalar = "=TODAY()";
  const userColumns = new Map<string, string[]>();
  let typedTotal = 0;

  for (let round = 1; round <= ROUNDS; round += 1) {
    const where = `seed ${SEED}, round ${round}`;
    const actions = 1 + Math.floor(rnd() * 4);
    // Rows without a key but with typed values: their plan cells are read too (one more read).
    let typedKeyless = false;
    for (let a = 0; a < actions; a += 1) {
      const t = pick(rnd, inputTables);
      const kind = rnd();
      if (kind < 0.5) {
        // Type a few values into input (or user) columns of rows with a key.
        const n = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < n; i += 1) {
          const key = pick(rnd, t.keys);
          const header = pick(rnd, [...t.inputs, ...(userColumns.get(t.name) ?? [])]);
          const input = randomInput(rnd);
          const tm = fake.book.mustTable(t.name);
          const row = fake.user.rowOf(t.name, key, t.keyHeader);
          const col = fake.user.columnOf(t.name, header);
          // Like Excel, the fake refuses typing into locked cells (e.g. unused denominators of count targets).
          if (tm.sheet.protection.protected && fake.book.isLocked(tm.sheet, row, col)) continue;
          fake.user.type(tm.sheet, row, col, input);
          const value = contentAt(fake, t.name, key, header, t.keyHeader);
          const id = `${t.name}|${key}|${header}`;
          expected.set(id, { table: t.name, key, header, keyHeader: t.keyHeader, value });
          typedTotal += 1;
        }
      } else if (kind < 0.62) {
        const headers = fake.table(t.name).headers;
        // Excel refuses to sort a protected table with locked cells: staff lift the protection
        // (no password) or use the task pane's sort; the next create/update protects again.
        fake.user.unprotect(fake.book.mustTable(t.name).sheet.name);
        fake.user.sortTable(t.name, pick(rnd, headers), rnd() < 0.5);
      } else if (kind < 0.72) {
        if (rnd() < 0.3) fake.user.clearFilters(t.name);
        else
          fake.user.filterTable(
            t.name,
            pick(rnd, t.inputs),
            pick(rnd, ["=Hoàn thành", "<>Hoàn thành", "=*a*", "="])
          );
      } else if (kind < 0.82) {
        const body = fake.table(t.name).body.length;
        fake.user.unprotect(fake.book.mustTable(t.name).sheet.name); // no row inserts while protected
        fake.user.insertRowsInTable(t.name, Math.floor(rnd() * body), 1 + Math.floor(rnd() * 2));
        if (rnd() < 0.3) {
          // Type into the first inserted (key-less) row.
          const tm = fake.book.mustTable(t.name);
          const header = pick(rnd, t.inputs);
          const blankRow = findKeylessRow(fake, t.name);
          const col = fake.user.columnOf(t.name, header);
          if (
            blankRow !== null &&
            !(tm.sheet.protection.protected && fake.book.isLocked(tm.sheet, blankRow, col))
          ) {
            const value = pick(rnd, ["Dòng thêm của phòng", "Ghi chú bổ sung"]);
            fake.user.type(tm.sheet, blankRow, col, value);
            floating.push({ table: t.name, header, value });
            typedKeyless = true;
            typedTotal += 1;
          }
        }
      } else if (kind < 0.88) {
        const mine = userColumns.get(t.name) ?? [];
        if (mine.length < 2) {
          const header = `Cột riêng ${mine.length + 1} (${t.name})`;
          const values = new Map<number, Scalar>();
          for (let i = 0; i < 3; i += 1) {
            const key = pick(rnd, t.keys);
            const v = `Ghi chú riêng ${round}-${i}`;
            values.set(fake.user.rowOf(t.name, key, t.keyHeader), v);
          }
          fake.user.addColumnRight(t.name, header, values);
          for (const [row, v] of values) {
            const tm = fake.book.mustTable(t.name);
            const key = String(
              fake.book.formulaAt(
                tm.sheet,
                row,
                tm.box.left + fake.table(t.name).headers.indexOf(t.keyHeader)
              )
            );
            expected.set(`${t.name}|${key}|${header}`, {
              table: t.name,
              key,
              header,
              keyHeader: t.keyHeader,
              value: v,
            });
            typedTotal += 1;
          }
          userColumns.set(t.name, [...mine, header]);
        }
      } else if (kind < 0.94) {
        const sheet = fake.book.mustTable(t.name).sheet;
        const name = pick(rnd, [
          "NV",
          "Nhiệm vụ (VP sửa)",
          "Bảng 2024",
          "CT 2024",
          "Theo dõi",
          "Sheet 9",
        ]);
        if (!fake.book.sheet(name)) fake.user.renameSheet(sheet.name, name);
      } else {
        const sheet = fake.book.mustTable(TASKS_TABLE).sheet;
        asOfCell = rnd() < 0.5 ? 45292 + Math.floor(rnd() * 365) : "=TODAY()";
        fake.user.type(sheet, 3, 5, asOfCell);
      }
    }

    // A row without a key that holds a value (typed now, or kept from earlier rounds) makes the
    // update read its plan cells too: one more read per such table (src/render/office/tableRead.ts).
    const keylessTables = inputTables.filter((t) => keylessRowHasValues(fake, t)).length;
    const r = await createOrUpdate(deps, build);
    if (!r.ok)
      throw new Error(`${where}: create/update failed: ${r.message} ${r.details.join(" | ")}`);
    expect(fake.lastRun.syncs).toBe(2 + keylessTables);
    if (typedKeyless) expect(keylessTables).toBeGreaterThan(0);

    for (const e of expected.values()) {
      const got = contentAt(fake, e.table, e.key, e.header, e.keyHeader);
      const want = e.value;
      if (got !== want) {
        throw new Error(
          `${where}: ${e.table} ${e.key} "${e.header}" expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`
        );
      }
    }
    for (const f of floating) {
      const t = fake.table(f.table);
      const col = t.headers.indexOf(f.header);
      if (!t.body.some((row) => row[col] === f.value))
        throw new Error(
          `${where}: value "${f.value}" typed in an inserted row of ${f.table} is gone`
        );
    }
    for (const [table, headers] of userColumns) {
      for (const h of headers)
        expect([where, fake.table(table).headers.includes(h)]).toEqual([where, true]);
    }
    const tasksSheet = fake.book.mustTable(TASKS_TABLE).sheet;
    expect([where, fake.book.formulaAt(tasksSheet, 3, 5)]).toEqual([where, asOfCell]);
    expect([where, fake.table(TASKS_TABLE).hiddenRows]).toEqual([where, []]);
  }
  expect(typedTotal).toBeGreaterThan(ROUNDS);
  expect(expected.size).toBeGreaterThan(50);
});

function findKeylessRow(fake: FakeExcel, table: string): number | null {
  const t = fake.book.mustTable(table);
  for (let r = t.box.top + 1; r <= t.box.bottom; r += 1) {
    if (fake.book.formulaAt(t.sheet, r, t.box.left) === "") return r;
  }
  return null;
}

describe("a table damaged beyond recognition: a clear message, and nothing changes", () => {
  async function typedWorkbook(): Promise<FakeExcel> {
    const fake = createFakeExcel();
    expect((await createOrUpdate(depsOf(fake), build)).ok).toBe(true);
    fake.user.typeInTable(TASKS_TABLE, "2.1#1", "Trạng thái", "Hoàn thành");
    fake.user.typeInTable(TASKS_TABLE, "2.23#2", "Minh chứng", "QĐ 45/QĐ-SKHCN");
    return fake;
  }

  test("the key column's header was overwritten", async () => {
    const fake = await typedWorkbook();
    fake.user.blankHeader(TASKS_TABLE, "Khóa", "Cột A");
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.message).toContain("không thay đổi gì");
    expect(r.details.join(" ")).toContain(
      "Không tìm thấy cột khóa “Khóa” trong bảng trên trang “Nhiệm vụ”"
    );
    // Staff read this: no internal table name, no straight quotes, and a way out.
    expect(`${r.message} ${r.details.join(" ")}`).not.toMatch(/tbl|"/);
    expect(r.message).toMatch(/^Phần bổ trợ không thay đổi gì/);
    expect(r.details.join(" ")).toContain("Ctrl+Z");
    expect(fake.snapshot()).toBe(before);
    expect(fake.lastRun.syncs).toBe(1);
  });

  test("every input column was renamed", async () => {
    const fake = await typedWorkbook();
    for (const h of inputTables.find((t) => t.name === TASKS_TABLE)!.inputs)
      fake.user.blankHeader(TASKS_TABLE, h, `${h} cũ`);
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.details.join(" ")).toContain("Không tìm thấy cột nhập liệu nào");
    expect(fake.snapshot()).toBe(before);
  });

  test("the keys were wiped while values remain", async () => {
    const fake = await typedWorkbook();
    const t = fake.book.mustTable(TASKS_TABLE);
    t.sheet.protection = { protected: false, options: {} };
    for (let r = t.box.top + 1; r <= t.box.bottom; r += 1)
      fake.user.type(t.sheet, r, t.box.left, "");
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(r.details.join(" ")).toContain("bị xóa trắng");
    expect(fake.snapshot()).toBe(before);
  });

  test("a damaged indicator table stops the whole action too", async () => {
    const fake = await typedWorkbook();
    const ind = inputTables.find((t) => t.name !== TASKS_TABLE)!;
    fake.user.blankHeader(ind.name, ind.keyHeader, "???");
    const before = fake.snapshot();
    const r = await createOrUpdate(depsOf(fake), build);
    expect(r.ok).toBe(false);
    expect(fake.snapshot()).toBe(before);
  });
});
