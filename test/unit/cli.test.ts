import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

const ROOT = path.resolve(__dirname, "../..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd?: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const NO_STACK = /\n\s+at |Error:|TypeError|node_modules/;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cli-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("cchc plan", () => {
  test("--json prints the whole plan", async () => {
    const r = await run(["plan", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const plan = JSON.parse(r.stdout);
    expect(Object.keys(plan)).toEqual([
      "year",
      "title",
      "sections",
      "tasks",
      "orphanObjectives",
      "indicators",
      "units",
      "anomalies",
    ]);
    expect(plan.year).toBe(2024);
    expect(plan.tasks).toHaveLength(43);
    expect(plan.tasks.filter((t: { code: string }) => t.code === "2.23")).toHaveLength(2);
    expect(plan.tasks.filter((t: { code: string }) => t.code === "2.25")).toHaveLength(2);
    for (const t of plan.tasks) {
      expect(typeof t.code).toBe("string");
      expect(["I", "II", "III", "IV", "V", "VI", "VII"]).toContain(t.section);
      expect(Array.isArray(t.lead) && t.lead.length > 0).toBe(true);
      expect(typeof t.leadText).toBe("string");
      expect(Object.keys(t.deadline).sort()).toEqual(["due", "recurring", "text"]);
      expect(t.deadline.due === null || /^\d{4}-\d{2}-\d{2}$/.test(t.deadline.due)).toBe(true);
    }
    const first = plan.tasks[0];
    expect(first).toMatchObject({
      code: "2.1",
      section: "I",
      lead: ["Văn phòng Sở"],
      leadText: "Văn phòng",
    });
    expect(first.deadline).toEqual({
      text: "Trước ngày 05/01/2024",
      due: "2024-01-04",
      recurring: false,
    });
    for (const i of plan.indicators) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(["id", "text", "target", "comparison", "unit"])
      );
    }
    expect(plan.indicators.find((i: { id: string }) => i.id === "3.6")).toMatchObject({
      target: 95,
      comparison: ">",
      unit: "%",
    });
    expect(plan.anomalies.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining([
        "duplicate-code",
        "missing-code",
        "duplicate-objective",
        "duplicate-row-number",
        "objective-without-task",
        "target-conflict",
      ])
    );
  });

  test("--check validates and lists the anomalies", async () => {
    const r = await run(["plan", "--check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kế hoạch hợp lệ: 43 nhiệm vụ, 33 chỉ tiêu/);
    expect(r.stdout).toContain("Không có nhiệm vụ mã 2.26");
    expect(r.stdout).toContain("[chỉ tiêu mâu thuẫn]");
    expect(r.stdout).toContain("[mục tiêu không có nhiệm vụ]");
  });

  test("no flag prints a summary per section", async () => {
    const r = await run(["plan"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("43 nhiệm vụ");
    expect(r.stdout).toMatch(/Phần VII .*: 9 nhiệm vụ/);
  });

  test("--plan reads a plan file: the --json output round-trips unchanged", async () => {
    const json = (await run(["plan", "--json"])).stdout;
    const file = path.join(tmp, "ke-hoach.json");
    fs.writeFileSync(file, `\uFEFF${json}`);
    const again = await run(["plan", "--json", "--plan", "ke-hoach.json"], tmp);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(json);
    expect((await run(["plan", "--check", `--plan=${file}`])).code).toBe(0);
  });

  test("a broken plan file: exit 1 and a Vietnamese message, no stack trace", async () => {
    const bad = path.join(tmp, "hong.json");
    fs.writeFileSync(bad, "{ không phải json");
    const notJson = await run(["plan", "--check", "--plan", bad]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/không phải JSON hợp lệ/);

    const invalid = path.join(tmp, "sai.json");
    const plan = JSON.parse((await run(["plan", "--json"])).stdout);
    plan.tasks[5].section = " ";
    delete plan.tasks[7].leadText;
    fs.writeFileSync(invalid, JSON.stringify(plan));
    const schema = await run(["plan", "--check", "--plan", invalid]);
    expect(schema.code).toBe(1);
    expect(schema.stdout).toBe("");
    expect(schema.stderr).toMatch(/Kế hoạch không hợp lệ \(2 lỗi\)/);
    expect(schema.stderr).toMatch(/tasks\[5\] \(2\.6\)\.section/);
    expect(schema.stderr).toMatch(/tasks\[7\] \(2\.8\)\.leadText: thiếu/);

    const missing = await run(["plan", "--json", "--plan", path.join(tmp, "khong-co.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/không tồn tại/);
    const dir = await run(["plan", "--plan", tmp]);
    expect(dir.code).toBe(1);
    for (const r of [notJson, schema, missing, dir]) expect(r.stderr).not.toMatch(NO_STACK);
  });

  test.each([
    [["plan", "--nope"], /Tham số không hợp lệ: --nope/],
    [["plan", "--json", "--check"], /Chỉ dùng một trong/],
    [["plan", "thừa"], /Tham số thừa/],
    [["plan", "--plan"], /Thiếu giá trị cho --plan/],
    [["plan", "--json=1"], /không nhận giá trị/],
  ])("bad arguments %j → usage, exit 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("Cách dùng: cchc plan");
    expect(r.stdout).toBe("");
  });
});

describe("cchc due", () => {
  test("one JSON object per line", async () => {
    const r = await run(["due", "Quý II/2025", "Thường xuyên", "--year", "2024"]);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l))
    ).toEqual([
      { text: "Quý II/2025", due: "2025-06-30", recurring: false },
      { text: "Thường xuyên", due: null, recurring: true },
    ]);
  });

  test("a year missing from the text comes from --year, else from the plan (2024)", async () => {
    expect(JSON.parse((await run(["due", "Quý II", "--year=2026"])).stdout).due).toBe("2026-06-30");
    expect(JSON.parse((await run(["due", "Quý II"])).stdout).due).toBe("2024-06-30");
  });

  test("unreadable text: its line has an error, exit 1", async () => {
    const r = await run(["due", "Tháng 13/2024", "Năm 2024", "31/02/2024"]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      text: "Tháng 13/2024",
      due: null,
      recurring: false,
      error: "Tháng 13 không hợp lệ (chỉ có tháng 1–12).",
    });
    expect(lines[1]).toEqual({ text: "Năm 2024", due: "2024-12-31", recurring: false });
    expect(lines[2].error).toMatch(/không tồn tại/);
  });

  test("--verbose adds kind, firstMilestone and understood", async () => {
    const r = await run(["due", "--verbose", "Tháng 01/2024 Thường xuyên"]);
    expect(JSON.parse(r.stdout)).toEqual({
      text: "Tháng 01/2024 Thường xuyên",
      due: "2024-01-31",
      recurring: true,
      kind: "milestone",
      firstMilestone: "2024-01-31",
      understood: "Mốc đầu: tháng 01/2024 → hạn 31/01/2024; sau đó thường xuyên.",
    });
  });

  test("'--' lets a text start with a dash", async () => {
    const r = await run(["due", "--", "-Quý I/2024"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).due).toBe("2024-03-31");
  });

  test.each([
    [["due"], /Thiếu thời hạn/],
    [["due", "Quý I", "--year", "20x4"], /Năm không hợp lệ/],
    [["due", "Quý I", "--year", "24"], /Năm không hợp lệ/],
    [["due", "Quý I", "--year"], /Thiếu giá trị cho --year/],
    [["due", "Quý I", "--nam", "2024"], /Tham số không hợp lệ/],
  ])("bad arguments %j → usage, exit 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("Cách dùng: cchc due");
  });
});

describe("the dispatcher", () => {
  test("--help lists the subcommands, exit 0", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Các lệnh:\n\s+plan .*\n\s+due /);
    }
  });

  test("help <command> and <command> --help show that command's usage", async () => {
    expect((await run(["help", "due"])).stdout).toContain("Cách dùng: cchc due");
    expect((await run(["plan", "--help"])).stdout).toContain("Cách dùng: cchc plan");
    expect((await run(["due", "-h"])).code).toBe(0);
  });

  test("no command or an unknown one: usage, exit 2", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Cách dùng: cchc <lệnh>");
    const bogus = await run(["xyz"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/lệnh không rõ “xyz”/);
    for (const r of [none, bogus]) expect(r.stderr).not.toMatch(NO_STACK);
  });

  test("an unexpected failure is one line, exit 1, never a stack trace", async () => {
    let stderr = "";
    const io: CliIO = {
      stdout: () => {
        throw new Error("đĩa đầy");
      },
      stderr: (t) => void (stderr += t),
    };
    expect(await main(["plan", "--json"], io)).toBe(1);
    expect(stderr).toBe("cchc: lỗi không mong đợi: đĩa đầy\n");
  });
});

describe("the built launcher (bin/cchc.js → lib/cli/main.js)", () => {
  jest.setTimeout(120_000);
  let dir: string;

  beforeAll(() => {
    // Compile the CLI as `npm run build` does, but into a temporary copy so the checkout is untouched.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bin-"));
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(path.join(ROOT, "bin", "cchc.js"), path.join(dir, "bin", "cchc.js"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    spawnSync(
      process.execPath,
      [
        require.resolve("typescript/bin/tsc"),
        "-p",
        path.join(ROOT, "tsconfig.cli.json"),
        "--outDir",
        path.join(dir, "lib"),
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
      }
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("`cchc plan --json` prints 43 tasks and exits 0", () => {
    const out = execFileSync(
      process.execPath,
      [path.join(dir, "bin", "cchc.js"), "plan", "--json"],
      { encoding: "utf8", maxBuffer: 1 << 24 }
    );
    const plan = JSON.parse(out);
    expect(plan.tasks).toHaveLength(43);
    expect(plan.indicators.length).toBeGreaterThan(30);
  });

  test("bad arguments exit 2 with the usage, not a stack trace", () => {
    const r = spawnSync(process.execPath, [path.join(dir, "bin", "cchc.js"), "due"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Cách dùng: cchc due");
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});
