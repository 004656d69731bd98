/**
 * `cchc workbook`: options, the summary, and the promise that bad input writes nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { runWorkbook } from "../../src/cli/commands/workbook";
import { getPlan } from "../../src/plan";
import { planRollup } from "../../src/domain/unitRollup";
import { cellScalar } from "../../src/render/xlsx/readCells";

interface Run {
  code: number;
  out: string;
  err: string;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-cli-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], today = "2024-05-15"): Promise<Run> {
  const r = { code: -1, out: "", err: "" };
  r.code = await runWorkbook(args, {
    stdout: (t) => (r.out += t),
    stderr: (t) => (r.err += t),
    cwd: dir,
    today,
  });
  return r;
}

/** Everything in the working directory (temp files included), to prove nothing was left behind. */
function files(): string[] {
  return fs.readdirSync(dir).sort();
}

async function asOfCell(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model;
  const [sheet, cell] = model.find((n) => n.name === "NgayBaoCao")!.ranges[0].split("!");
  const c = wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(cell.replace(/\$/g, ""));
  return c.formula ? `=${c.formula}` : cellScalar(c);
}

const plan = getPlan();

describe("cchc workbook: writing", () => {
  test("default output CCHC-2024.xlsx, progress and a one-line summary on stderr, nothing on stdout", async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(files()).toEqual(["CCHC-2024.xlsx"]);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/Đang đọc kế hoạch/);
    expect(r.err).toMatch(/Đang ghi /);
    const last = r.err.trim().split("\n").pop()!;
    const overdue = planRollup(plan, {}, "2024-05-15").overdue;
    expect(last).toBe(
      `Đã ghi ${path.join(dir, "CCHC-2024.xlsx")}: ${plan.tasks.length} nhiệm vụ, ${plan.indicators.length} chỉ tiêu, ` +
        `${new Set(plan.tasks.flatMap((t) => t.lead)).size} đơn vị chủ trì, ${overdue} nhiệm vụ quá hạn tính đến 15/05/2024 (hôm nay).`
    );
    // Without --as-of the as-of date stays a live formula.
    expect(await asOfCell("CCHC-2024.xlsx")).toBe("=TODAY()");
  });

  test("registered in the cchc dispatcher", async () => {
    const r = { out: "", err: "" };
    const code = await main(
      ["workbook", "--out", path.join(dir, "via-main.xlsx"), "--as-of", "2024-12-31"],
      {
        stdout: (t) => (r.out += t),
        stderr: (t) => (r.err += t),
        cwd: dir,
      }
    );
    expect(code).toBe(0);
    expect(files()).toEqual(["via-main.xlsx"]);
    const help = { out: "", err: "" };
    await main(["--help"], {
      stdout: (t) => (help.out += t),
      stderr: (t) => (help.err += t),
      cwd: dir,
    });
    expect(help.out).toMatch(/workbook/);
  });

  test("--as-of fixes NgayBaoCao and the summary counts overdue tasks on that date", async () => {
    const r = await run(["--as-of", "2024-09-30", "--out", "q3.xlsx"]);
    expect(r.code).toBe(0);
    expect(await asOfCell("q3.xlsx")).toBe(45565); // 30/09/2024
    const overdue = planRollup(plan, {}, "2024-09-30").overdue;
    expect(overdue).toBeGreaterThan(0);
    expect(r.err).toContain(`${overdue} nhiệm vụ quá hạn tính đến 30/09/2024.`);
  });

  test("--out into a sub-folder, with --out=FILE syntax", async () => {
    fs.mkdirSync(path.join(dir, "bao-cao"));
    const r = await run(["--out=bao-cao/Thang-6.xlsx"]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "bao-cao"))).toEqual(["Thang-6.xlsx"]);
  });

  test("an existing file is not overwritten without --force, and is with it", async () => {
    fs.writeFileSync(path.join(dir, "CCHC-2024.xlsx"), "bản cũ");
    const refused = await run([]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/đã có\. Dùng --force/);
    expect(refused.err).toMatch(/Không ghi tệp nào/);
    expect(fs.readFileSync(path.join(dir, "CCHC-2024.xlsx"), "utf8")).toBe("bản cũ");

    const forced = await run(["--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "CCHC-2024.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(files()).toEqual(["CCHC-2024.xlsx"]);
  });

  test("--from and --out may name the same file with --force (read first, then replaced whole)", async () => {
    expect((await run(["--as-of", "2024-03-31"])).code).toBe(0);
    const r = await run(["--from", "CCHC-2024.xlsx", "--force"]);
    expect(r.code).toBe(0);
    // The fixed date of the old file is kept.
    expect(await asOfCell("CCHC-2024.xlsx")).toBe(45382);
    expect(files()).toEqual(["CCHC-2024.xlsx"]);
  });

  test("--plan takes a plan in the documented JSON format (cchc plan --json)", async () => {
    const json = { out: "", err: "" };
    expect(
      await main(["plan", "--json"], {
        stdout: (t) => (json.out += t),
        stderr: (t) => (json.err += t),
        cwd: dir,
      })
    ).toBe(0);
    const data = JSON.parse(json.out);
    fs.writeFileSync(path.join(dir, "ke-hoach.json"), JSON.stringify(data));
    const r = await run(["--plan", "ke-hoach.json", "--out", "from-json.xlsx"]);
    expect(r.err).toMatch(/Đang đọc kế hoạch từ ke-hoach\.json/);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${plan.tasks.length} nhiệm vụ`);
  });
});

describe("cchc workbook: bad input gives a clear message, exit 1, and writes nothing", () => {
  async function expectNothingWritten(args: string[], message: RegExp, code = 1): Promise<void> {
    const before = files();
    const r = await run(args);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(code);
    expect(files()).toEqual(before);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  }

  test("--plan: missing file, not JSON, JSON that is not a plan", async () => {
    await expectNothingWritten(
      ["--plan", "khong-co.json"],
      /Không đọc được tệp kế hoạch .*không tồn tại/
    );
    fs.writeFileSync(path.join(dir, "hong.json"), "{ day la khong phai json");
    await expectNothingWritten(["--plan", "hong.json"], /không phải JSON hợp lệ/);
    fs.writeFileSync(path.join(dir, "la.json"), JSON.stringify({ year: "hai nghìn", tasks: 5 }));
    await expectNothingWritten(["--plan", "la.json"], /la\.json/);
  });

  test("--from: missing file, not an xlsx, an old .xls, a foreign workbook, a damaged table", async () => {
    await expectNothingWritten(
      ["--from", "khong-co.xlsx"],
      /Không đọc được tệp nguồn .*không tồn tại/
    );

    fs.writeFileSync(path.join(dir, "text.xlsx"), "Đây là văn bản, không phải bảng tính");
    await expectNothingWritten(["--from", "text.xlsx"], /không phải tệp Excel \.xlsx/);

    fs.writeFileSync(
      path.join(dir, "old.xls"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    );
    await expectNothingWritten(["--from", "old.xls"], /Excel 97-2003 \(\.xls\)/);

    fs.writeFileSync(path.join(dir, "zip.xlsx"), Buffer.from("PK\u0003\u0004 broken zip"));
    await expectNothingWritten(["--from", "zip.xlsx"], /bị hỏng hoặc không hợp lệ/);

    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Lương").addRow(["Họ tên", "Lương"]);
    fs.writeFileSync(path.join(dir, "luong.xlsx"), Buffer.from(await foreign.xlsx.writeBuffer()));
    await expectNothingWritten(["--from", "luong.xlsx"], /không phải sổ theo dõi CCHC/);

    // A real workbook whose task key column was wiped: rows can no longer be matched.
    expect((await run(["--out", "good.xlsx"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "good.xlsx"));
    const ws = wb.worksheets[0];
    const table = (ws.getTable("tblNhiemVu") as unknown as { table: { tableRef: string } }).table;
    const [top, bottom] = table.tableRef.split(":").map((a) => Number(/\d+/.exec(a)![0]));
    for (let r = top + 1; r <= bottom; r++) ws.getCell(r, 1).value = null;
    ws.getCell(top + 2, 12).value = "Hoàn thành";
    fs.writeFileSync(path.join(dir, "damaged.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    await expectNothingWritten(
      ["--from", "damaged.xlsx", "--out", "new.xlsx"],
      /Cột khóa của bảng tblNhiemVu bị xóa trắng/
    );
  });

  test("an output folder that does not exist: message, exit 1, no temporary file left", async () => {
    await expectNothingWritten(
      ["--out", "khong-co/x.xlsx"],
      /Thư mục chứa “.*x\.xlsx” không tồn tại/
    );
  });
});

describe("cchc workbook: bad arguments print the usage and exit 2", () => {
  test.each([
    [["--as-of", "2024-02-30"], /Ngày báo cáo không hợp lệ: “2024-02-30”/],
    [["--as-of", "30/06/2024"], /cần dạng YYYY-MM-DD/],
    [["--as-of"], /Thiếu giá trị cho --as-of/],
    [["--bogus"], /Tham số không hợp lệ: --bogus/],
    [["du-lieu.xlsx"], /Tham số không hợp lệ: “du-lieu\.xlsx”/],
    [["--out", "a.xlsx", "--out", "b.xlsx"], /--out được cho hai lần/],
  ])("%j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Cách dùng: cchc workbook");
    expect(files()).toEqual([]);
  });

  test("--help prints the usage on stdout and writes nothing", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--from TỆP_CŨ");
    expect(files()).toEqual([]);
  });
});
