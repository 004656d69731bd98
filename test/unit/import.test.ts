import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readDocxPlan } from "../../src/import/docx";
import { importPlan, type ImportResult } from "../../src/import/importPlan";
import { ImportError } from "../../src/import/model";
import { applyUnitEdits } from "../../src/import/unitEdits";
import { readTextPlan } from "../../src/import/text";
import { readXlsxPlan } from "../../src/cli/readers/xlsxPlan";
import { findUnit, getPlan, parsePlan, UNITS } from "../../src/plan";
import { runCli } from "../support/runCli";
import { FIXTURES, type Expected } from "../support/planFixtures";
import { docxOf, planDocx, planText, planXlsx, simpleTableXml } from "../support/planFiles";
import { SEED_PATH } from "../support/seed";

describe("importing the seed text gives the curated 2024 plan", () => {
  const imported = importPlan(readTextPlan(fs.readFileSync(SEED_PATH, "utf8")));
  const curated = getPlan();

  test("same 43 rows: codes, sections, subsections, lead units, due dates", () => {
    expect(imported.plan.year).toBe(2024);
    expect(imported.plan.title).toBe(curated.title);
    expect(imported.plan.sections.map((s) => [s.id, s.title, s.subsections])).toEqual(
      curated.sections.map((s) => [s.id, s.title, s.subsections])
    );
    // The importer names units from the document alone; the curated list may prefer another
    // spelling of the same unit, so both are compared through the curated aliases.
    const asCurated = (names: string[]): string[] =>
      names.map((n) => findUnit(n, UNITS)?.name ?? n);
    const row = (t: (typeof curated.tasks)[number], lead: string[]) => ({
      key: t.key,
      section: t.section,
      subsection: t.subsection,
      lead,
      due: t.deadline.due,
      recurring: t.deadline.recurring,
    });
    expect(imported.plan.tasks.map((t) => row(t, asCurated(t.lead)))).toEqual(
      curated.tasks.map((t) => row(t, t.lead))
    );
    expect(imported.plan.tasks).toHaveLength(43);
  });

  test("one learned unit per curated unit, and the merges are reported", () => {
    const curatedOf = new Map<string, Set<string>>();
    for (const u of imported.plan.units) {
      const c = findUnit(u.name, UNITS)?.name ?? u.name;
      curatedOf.set(c, new Set([...(curatedOf.get(c) ?? []), u.name]));
    }
    const leads = new Set(curated.tasks.flatMap((t) => t.lead));
    for (const lead of leads) expect([lead, curatedOf.get(lead)?.size]).toEqual([lead, 1]);
    const merges = imported.units.merges.map((m) => [m.from, m.into]);
    expect(merges).toEqual(
      expect.arrayContaining([
        ["Văn phòng", "Văn phòng Sở"],
        ["Thanh tra", "Thanh tra Sở"],
        ["BCD ISO", "BCĐ ISO"],
        ["Phòng TT-TK KHCN và ĐMST", "Phòng TT-TK KH,CN và ĐMST"],
      ])
    );
    expect(imported.checks.join("\n")).toMatch(/Đã gộp đơn vị “BCD ISO” vào “BCĐ ISO”/);
  });

  test("the body's targets are read with their comparisons", () => {
    const byId = new Map(imported.plan.indicators.map((i) => [i.id, i]));
    expect(byId.get("3.6")).toMatchObject({ target: 95, comparison: ">", unit: "%" });
    expect(byId.get("3.3")).toMatchObject({ target: 90, comparison: ">=", unit: "%" });
    expect(byId.get("1.2a")).toMatchObject({ target: 2, comparison: ">=", unit: "count" });
    expect(byId.get("3.5b")).toMatchObject({ target: 80, comparison: ">=", unit: "%" });
    // "dưới 40 tuổi" is an age, not a target.
    expect(imported.plan.indicators.some((i) => i.target === 40)).toBe(false);
  });

  test("the page-split rows are joined and the cut objective is an orphan", () => {
    const t = (key: string) => imported.plan.tasks.find((x) => x.key === key);
    expect(t("2.8#1")?.objective.text).toMatch(/^Kiểm tra công tác CCHC tất cả/);
    expect(t("2.12#1")?.leadText).toBe("Các phòng chủ trì tham mưu văn bản QPPL");
    expect(t("2.11#1")?.objective.text).toMatch(/theo kết quả rà soát$/);
    expect(imported.plan.orphanObjectives.map((o) => [o.subsection, o.code])).toEqual([
      ["7.2", "1.6"],
    ]);
  });
});

type Form = "txt" | "docx" | "xlsx";

async function importForm(
  plan: (typeof FIXTURES)[number]["plan"],
  form: Form
): Promise<ImportResult> {
  if (form === "txt") return importPlan(readTextPlan(planText(plan)));
  if (form === "docx") return importPlan(await readDocxPlan(await planDocx(plan)));
  return importPlan(await readXlsxPlan(await planXlsx(plan)));
}

function expectPlan(result: ImportResult, expected: Expected, form: Form): void {
  expect(result.plan.year).toBe(expected.year);
  expect(result.plan.title).toMatch(expected.title);
  expect(
    result.plan.tasks.map((t) => ({
      code: t.code,
      section: t.section,
      lead: t.lead,
      due: t.deadline.due,
      ...(expected.tasks.find((e) => e.code === t.code)?.recurring !== undefined
        ? { recurring: t.deadline.recurring }
        : {}),
    }))
  ).toEqual(expected.tasks);
  const targets = form === "xlsx" ? [] : expected.targets;
  expect(
    result.plan.indicators.map((i) => ({
      id: i.id,
      target: i.target,
      comparison: i.comparison,
      unit: i.unit,
    }))
  ).toEqual(targets);
  expect(result.units.merges.map((m) => [m.from, m.into]).sort()).toEqual(
    [...expected.merges].sort()
  );
  const checks = result.checks.join("\n");
  for (const text of expected.unreadDeadlines) expect(checks).toContain(`“${text}”`);
  if (targets.length === 0) expect(checks).toMatch(/Không thấy mục chỉ tiêu/);
}

describe.each(FIXTURES.map((f) => [f.plan.name, f] as const))("a plan never seen: %s", (_, f) => {
  test.each(["txt", "docx", "xlsx"] as const)("read from %s", async (form) => {
    expectPlan(await importForm(f.plan, form), f.expected, form);
  });
});

describe("cchc import", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-import-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const run = (argv: string[]) => runCli(argv, tmp);

  test("a .docx → the plan JSON in --out, summary and to-check list on stderr", async () => {
    fs.writeFileSync(path.join(tmp, "huyen.docx"), await planDocx(FIXTURES[1].plan));
    const r = await run(["import", "huyen.docx", "--out", "ke-hoach.json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Đã đọc .*: 6 nhiệm vụ trong 3 phần, 3 chỉ tiêu/);
    expect(r.stderr).toMatch(/Cần kiểm tra \(\d+\):\n {2}1\. /);
    const json = JSON.parse(fs.readFileSync(path.join(tmp, "ke-hoach.json"), "utf8"));
    expect(json.tasks[0]).toMatchObject({
      code: "1",
      section: "I",
      lead: ["Phòng Tư pháp"],
      leadText: "Phòng Tư pháp",
      deadline: { text: "Trước 31/3/2025", due: "2025-03-30", recurring: false },
    });
    expect(json.indicators[2]).toMatchObject({ target: 4, comparison: ">=", unit: "count" });
    // The file is a plan like any other: it loads back unchanged.
    expect(parsePlan(json).tasks.map((t) => t.lead)).toEqual(
      json.tasks.map((t: { lead: string[] }) => t.lead)
    );
  });

  test("text to stdout, --year overrides the title's year; an existing --out needs --force", async () => {
    fs.writeFileSync(path.join(tmp, "xa.txt"), planText(FIXTURES[2].plan));
    const r = await run(["import", "xa.txt", "--year", "2027"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.year).toBe(2027);
    expect(json.tasks[0].deadline.due).toBe("2027-01-31");
    fs.writeFileSync(path.join(tmp, "co-san.json"), "{}");
    const again = await run(["import", "xa.txt", "--out", "co-san.json"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có: thêm --force/);
    expect(fs.readFileSync(path.join(tmp, "co-san.json"), "utf8")).toBe("{}");
  });

  const bad: [string, string, () => Promise<Buffer | string>, RegExp][] = [
    [
      "a .docx without a table",
      "khong-bang.docx",
      () => docxOf(["KẾ HOẠCH CCHC năm 2025"], []),
      /không có bảng nào/,
    ],
    ["an empty file", "rong.docx", async () => Buffer.alloc(0), /Tệp trống/],
    [
      "a corrupt file",
      "hong.docx",
      async () => Buffer.from("PK\u0003\u0004 rác rác rác"),
      /bị hỏng/,
    ],
    [
      "a password-protected file",
      "mat-khau.xlsx",
      async () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(512),
        ]),
      /mật khẩu/,
    ],
    [
      "a table whose header matches nothing",
      "la.docx",
      () =>
        docxOf(
          ["KẾ HOẠCH năm 2025"],
          [
            simpleTableXml([
              ["Cột A", "Cột B", "Cột C"],
              ["1", "x", "y"],
            ]),
          ]
        ),
      /Không tìm thấy bảng phụ lục/,
    ],
    ["an empty text", "rong.txt", async () => "", /không có bảng nào/],
  ];
  test.each(bad)("%s: a clear message, exit 1, nothing written", async (_, name, make, message) => {
    fs.writeFileSync(path.join(tmp, name), await make());
    const out = path.join(tmp, `${name}.json`);
    const r = await run(["import", name, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    [["import"], /Thiếu tệp/],
    [["import", "a.pdf"], /chỉ nhận .docx, .xlsx hoặc .txt/],
    [["import", "a.txt", "--year", "25"], /--year cần năm 4 chữ số/],
    [["import", "a.txt", "b.txt"], /Tham số thừa/],
  ])("bad arguments %j: usage, exit 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Cách dùng: cchc import/);
  });

  test("a missing file: exit 1", async () => {
    const r = await run(["import", "khong-co.docx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không tồn tại/);
  });
});

test("ImportError is what the readers throw for unreadable files", async () => {
  await expect(readDocxPlan(new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(ImportError);
});

test("a plan file may leave task codes out: each gets its section (or subsection) and position", () => {
  const task = (section: string, subsection: string | null, text: string) => ({
    section,
    subsection,
    objective: { code: "", text: "" },
    text,
    leadText: "Văn phòng",
    deadline: "Quý I",
  });
  const plan = parsePlan({
    year: 2026,
    sections: [
      { id: "I", title: "CHỈ ĐẠO" },
      { id: "II", title: "HIỆN ĐẠI HÓA", subsections: [{ id: "2.1", title: "Số hóa" }] },
    ],
    tasks: [task("I", null, "a"), task("I", null, "b"), task("II", "2.1", "c")],
  });
  expect(plan.tasks.map((t) => t.key)).toEqual(["I.1#1", "I.2#1", "2.1.1#1"]);
});

test("renaming and merging units in the preview: every lead follows, old spellings stay aliases", () => {
  const { plan } = importPlan(readTextPlan(planText(FIXTURES[2].plan)));
  const edited = applyUnitEdits(plan, [
    { kind: "rename", from: "UBND xã", to: "Ủy ban nhân dân xã" },
    { kind: "merge", from: "Công an xã", into: "Ban CHQS xã" },
  ]);
  const lead = (code: string) => edited.tasks.find((t) => t.code === code)?.lead;
  expect(lead("II.3")).toEqual(["Ủy ban nhân dân xã"]);
  expect(lead("II.2")).toEqual(["Ban CHQS xã"]);
  expect(edited.units.find((u) => u.name === "Ủy ban nhân dân xã")?.aliases).toEqual(
    expect.arrayContaining(["UBND xã", "UBND"])
  );
  expect(edited.units.some((u) => u.name === "Công an xã")).toBe(false);
});

test("a table without any numbering: each task is identified by its section and position", () => {
  const text = [
    "KẾ HOẠCH CCHC NĂM 2026 CỦA PHƯỜNG BẮC HÀ",
    "",
    "Nội dung\tĐơn vị thực hiện\tThời hạn",
    "I. CHỈ ĐẠO ĐIỀU HÀNH",
    "Ban hành kế hoạch\tCông chức Văn phòng - Thống kê\tQuý I",
    "Kiểm tra CCHC\tChủ tịch UBND phường\tQuý IV",
    "II. CẢI CÁCH TTHC",
    "Niêm yết TTHC\tCông chức Tư pháp - Hộ tịch\tThường xuyên",
  ].join("\n");
  const { plan } = importPlan(readTextPlan(text));
  expect(plan.tasks.map((t) => [t.key, t.lead, t.deadline.due])).toEqual([
    ["I.1#1", ["Công chức Văn phòng - Thống kê"], "2026-03-31"],
    ["I.2#1", ["Chủ tịch UBND phường"], "2026-12-31"],
    ["II.1#1", ["Công chức Tư pháp - Hộ tịch"], null],
  ]);
});
