import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Actions } from "../../src/taskpane/components/Actions";
import { getPlan } from "../../src/plan";
import {
  AS_OF_CELL,
  TASKS_SHEET_NAME,
  TASKS_TABLE,
  taskColumnHeader,
} from "../../src/layouts/tasksSheet";
import type { ExcelRun } from "../../src/render/office/actions";
import { ENGINE_LOAD_TITLE, EngineLoadError, type Engine } from "../../src/taskpane/loadEngine";
import { retryingLoader } from "../../src/taskpane/lazyChunk";
import { emptyUserInput } from "../../src/layouts/userInput";
import { createFakeExcel, FakeOfficeError, type FakeExcel } from "../support/fakeExcel";
import { builderFor, unitChoice } from "../support/officeHarness";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";
import { planRollup, unitRollup } from "../../src/domain/unitRollup";

/** A fake Excel.run that waits until the test opens the gate, so the "busy" state can be seen. */
function gated(fake: FakeExcel): { run: ExcelRun; hold(): void; release(): void } {
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const run = (async (batch: Parameters<FakeExcel["run"]>[0]) => {
    await gate;
    return fake.run(batch);
  }) as unknown as ExcelRun;
  return {
    run,
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      open();
    },
  };
}

const plan = getPlan();
const build = builderFor(plan);

function renderActions(props: React.ComponentProps<typeof Actions>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Actions {...props} today={() => "2024-03-15"} />
    </FluentProvider>
  );
}

const button = (name: string | RegExp) => screen.getByRole("button", { name });

/** The validation message under the date field (found through the input's aria-describedby). */
function fieldMessage(): string | null {
  const ids = screen.getByTestId("as-of-input").getAttribute("aria-describedby") ?? "";
  const texts = ids
    .split(/\s+/)
    .map((id) => (id ? document.getElementById(id)?.textContent : null))
    .filter((t): t is string => !!t);
  return texts.length > 0 ? texts.join(" ") : null;
}

test("on open, an empty workbook: a Vietnamese hint to create the sheets", async () => {
  const fake = createFakeExcel();
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
  });
  const notice = await screen.findByTestId("notice");
  expect(notice.textContent).toBe(
    "Bắt đầuSổ làm việc này chưa có các trang theo dõi CCHC. Bấm “Tạo/cập nhật bảng theo dõi” để tạo các trang Nhiệm vụ, Chỉ tiêu, Theo đơn vị và Đơn vị."
  );
  expect(notice.getAttribute("data-intent")).toBe("info");
});

test("create: progress shown, every button disabled meanwhile, then a success message and the unit list", async () => {
  const fake = createFakeExcel();
  const g = gated(fake);
  renderActions({ run: g.run, isSetSupported: fake.isSetSupported, buildLayout: build });
  await screen.findByTestId("notice");

  g.hold();
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  const progress = await screen.findByTestId("progress");
  expect(progress.textContent).toContain("Đang tạo/cập nhật bảng theo dõi…");
  expect(within(progress).getAllByRole("progressbar").length).toBeGreaterThan(0);
  for (const b of screen.getAllByRole("button"))
    expect((b as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByTestId("as-of-input") as HTMLInputElement).disabled).toBe(true);

  await act(async () => g.release());
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  const notice = screen.getByTestId("notice");
  expect(notice.getAttribute("data-intent")).toBe("success");
  expect(notice.textContent).toContain("Đã tạo bảng theo dõi");
  expect((button("Tạo/cập nhật bảng theo dõi") as HTMLButtonElement).disabled).toBe(false);
  const units = screen.getAllByTestId("unit-item");
  expect(units.length).toBe(new Set(plan.tasks.flatMap((t) => t.lead)).size);
  // A badge only for a count that is not 0 (this fake computes nothing: all counts are 0).
  expect(screen.queryAllByTestId("badge-overdue")).toEqual([]);
  expect(screen.queryAllByTestId("badge-due-soon")).toEqual([]);
  expect(units[0].textContent).toBe(units[0].getAttribute("title")?.split(":")[0]);
  expect(fake.hasTable(TASKS_TABLE)).toBe(true);
});

/** The task pane on a fake workbook, after "Tạo/cập nhật bảng theo dõi" succeeded. */
async function createdPane() {
  const fake = createFakeExcel();
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
  });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã tạo"));
  return fake;
}

test("clicking a unit filters the task table to it; 'Tất cả' clears the filter", async () => {
  const fake = await createdPane();

  const unit = "Thanh tra Sở";
  fireEvent.click(screen.getByRole("button", { name: new RegExp(`^${unit}`) }));
  // The wording of the message belongs to the renderer; here it must name the filter and the unit.
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toMatch(
      new RegExp(`lọc bảng “Nhiệm vụ”.*${unit}`)
    )
  );
  const t = fake.table(TASKS_TABLE);
  const col = t.headers.indexOf(taskColumnHeader("leadKeys"));
  // Filtered by the line's id as the pane read it from "Theo đơn vị", not by the name.
  const id = unitChoice(plan, unit).id as string;
  expect(fake.book.mustTable(TASKS_TABLE).filters.get(col)?.criterion1).toBe(`=*;${id};*`);
  const visible = t.body.filter((_r, i) => !t.hiddenRows.includes(7 + i));
  expect(visible.length).toBe(plan.tasks.filter((x) => x.lead.includes(unit)).length);
  expect(
    screen.getByRole("button", { name: new RegExp(`^${unit}`) }).getAttribute("aria-pressed")
  ).toBe("true");

  fireEvent.click(screen.getByTestId("unit-all"));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã bỏ lọc"));
  expect(fake.table(TASKS_TABLE).hiddenRows).toEqual([]);
});

test("as-of date: a chosen date, then 'Hôm nay'", async () => {
  const fake = createFakeExcel();
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
  });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã tạo"));

  fireEvent.change(screen.getByTestId("as-of-input"), { target: { value: "31/06/2024" } });
  fireEvent.click(button("Áp dụng"));
  // Under the field, tied to it for screen readers; the typed text stays; the top bar is untouched.
  expect(fieldMessage()).toContain("“31/06/2024” không phải là một ngày");
  expect(screen.getByTestId("as-of-input").getAttribute("aria-invalid")).toBe("true");
  expect((screen.getByTestId("as-of-input") as HTMLInputElement).value).toBe("31/06/2024");
  expect(screen.getByTestId("notice").textContent).toContain("Đã tạo");
  expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe("=TODAY()");

  fireEvent.change(screen.getByTestId("as-of-input"), { target: { value: "30/06/2024" } });
  expect(fieldMessage()).toBeNull();
  // Enter in the field applies, as the button does.
  fireEvent.keyDown(screen.getByTestId("as-of-input"), { key: "Enter" });
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("Đã đặt ngày báo cáo: 30/06/2024.")
  );
  expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe(45473);

  fireEvent.click(button("Hôm nay"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("hôm nay (=TODAY())")
  );
  expect(fake.cell(TASKS_SHEET_NAME, AS_OF_CELL)).toBe("=TODAY()");
  expect((screen.getByTestId("as-of-input") as HTMLInputElement).value).toMatch(
    /^\d{2}\/\d{2}\/\d{4}$/
  );
});

test("applying without a date: a Vietnamese error, nothing sent to Excel", async () => {
  const fake = createFakeExcel();
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
  });
  await screen.findByTestId("notice");
  const runs = fake.runs.length;
  fireEvent.click(button("Áp dụng"));
  expect(fieldMessage()).toContain("Hãy nhập hoặc chọn một ngày báo cáo");
  expect(screen.getByTestId("notice").getAttribute("data-intent")).toBe("info");
  expect(fake.runs.length).toBe(runs);
});

test("an Excel error (protected sheet) shows a Vietnamese error message and re-enables the buttons", async () => {
  const fake = createFakeExcel();
  let calls = 0;
  // The first run (the refresh on open) works; the create then fails as on a protected sheet.
  const failing = (async (batch: Parameters<FakeExcel["run"]>[0]) => {
    calls += 1;
    if (calls === 1) return fake.run(batch);
    throw new FakeOfficeError("AccessDenied", "The sheet is protected.", "Range.formulas");
  }) as unknown as ExcelRun;
  renderActions({ run: failing, isSetSupported: fake.isSetSupported, buildLayout: build });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("Excel từ chối thay đổi")
  );
  expect(calls).toBe(2);
  const notice = screen.getByTestId("notice");
  expect(notice.getAttribute("data-intent")).toBe("error");
  expect(notice.textContent).toContain("Không thực hiện được");
  expect((button("Tạo/cập nhật bảng theo dõi") as HTMLButtonElement).disabled).toBe(false);
});

test("an Excel without the needed requirement sets: the message explains what is missing", async () => {
  const fake = createFakeExcel({ apiVersion: "1.3" });
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
  });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("ExcelApi 1.4"));
  expect(screen.getByTestId("notice").getAttribute("data-intent")).toBe("error");
  expect(fake.runs).toHaveLength(0);
});

test("the engine chunk cannot be downloaded: a Vietnamese message, nothing sent to Excel, and a later click tries again", async () => {
  const fake = createFakeExcel();
  let offline = true;
  let downloads = 0;
  // As webpack's import() fails offline ("ChunkLoadError"), wrapped like the real loader.
  const load = retryingLoader<Engine>(
    () => {
      downloads += 1;
      return offline
        ? Promise.reject(new Error("Loading chunk engine failed."))
        : import("../../src/taskpane/engine");
    },
    (cause) => new EngineLoadError(cause)
  );
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: build,
    loadEngine: load,
  });
  const notice = await screen.findByTestId("notice");
  expect(notice.getAttribute("data-intent")).toBe("error");
  expect(notice.textContent).toContain(ENGINE_LOAD_TITLE);
  expect(notice.textContent).toContain("kết nối mạng");
  expect(fake.runs).toHaveLength(0);
  expect((button("Tạo/cập nhật bảng theo dõi") as HTMLButtonElement).disabled).toBe(false);

  // Still offline: the click downloads again and fails again, with the same message.
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() => expect(downloads).toBe(2));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  expect(screen.getByTestId("notice").textContent).toContain(ENGINE_LOAD_TITLE);

  offline = false;
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("Đã tạo bảng theo dõi")
  );
  expect(downloads).toBe(3);
  expect(fake.hasTable(TASKS_TABLE)).toBe(true);
});

test("without a buildLayout prop, create uses the engine's 2024-plan builder", async () => {
  const fake = createFakeExcel();
  renderActions({ run: fake.run as unknown as ExcelRun, isSetSupported: fake.isSetSupported });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("Đã tạo bảng theo dõi")
  );
  const expected = build
    .build(emptyUserInput())
    .layout.sheets.find((sh) => sh.table?.name === TASKS_TABLE)?.table?.rows.length;
  expect(expected).toBeGreaterThan(plan.tasks.length - 1);
  expect(fake.table(TASKS_TABLE).body.length).toBe(expected);
});

test("with computed counts: badges only where needed, the whole organisation, 'only overdue', cleared after an error", async () => {
  const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
  renderActions({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    buildLayout: builderFor(plan, { today: "2024-03-15", asOf: "2024-06-30" }),
  });
  await screen.findByTestId("notice");
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  // HyperFormula computes the whole workbook behind the fake: slower than the other tests' create.
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã tạo"), {
    timeout: 60_000,
  });

  const rollup = unitRollup(plan, {}, "2024-06-30");
  const whole = planRollup(plan, {}, "2024-06-30");
  expect(screen.getByTestId("unit-all").textContent).toBe(
    `Toàn cơ quan — ${whole.total} nhiệm vụ${whole.overdue} quá hạn${whole.dueSoon > 0 ? `${whole.dueSoon} sắp đến hạn` : ""}`
  );
  for (const item of screen.getAllByTestId("unit-item")) {
    const r = rollup.find((x) => item.textContent?.startsWith(x.unit))!;
    expect(
      within(item)
        .queryAllByTestId("badge-overdue")
        .map((b) => b.textContent)
    ).toEqual(r.overdue > 0 ? [`${r.overdue} quá hạn`] : []);
    expect(
      within(item)
        .queryAllByTestId("badge-due-soon")
        .map((b) => b.textContent)
    ).toEqual(r.dueSoon > 0 ? [`${r.dueSoon} sắp đến hạn`] : []);
  }

  fireEvent.click(screen.getByRole("checkbox", { name: "Chỉ hiện nhiệm vụ quá hạn" }));
  await waitFor(
    () =>
      expect(screen.getByTestId("notice").textContent).toContain(
        "chỉ hiện nhiệm vụ quá hạn của toàn cơ quan"
      ),
    { timeout: 60_000 }
  );
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
  const t = fake.table(TASKS_TABLE);
  expect(t.body.length - t.hiddenRows.length).toBe(whole.overdue);

  // A password on the sheet: the filter fails, and the list no longer shows the old counts.
  fake.user.protect(TASKS_SHEET_NAME, {}, "bí mật");
  fireEvent.click(screen.getByRole("button", { name: /^Thanh tra Sở/ }));
  await waitFor(
    () => expect(screen.getByTestId("notice").textContent).toContain("bảo vệ bằng mật khẩu"),
    { timeout: 60_000 }
  );
  expect(screen.queryAllByTestId("unit-item")).toEqual([]);
  expect(screen.getByTestId("units-empty").textContent).toContain("Bấm “Làm mới”");
  expect((screen.getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
}, 180_000);

test("sorting from the task pane works on the protected sheet", async () => {
  const fake = await createdPane();
  fireEvent.click(screen.getByTestId("sort-daysLate"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain(
      "Đã sắp xếp bảng “Nhiệm vụ” theo số ngày trễ (nhiều trước)."
    )
  );
  expect(fake.book.mustTable(TASKS_TABLE).sheet.protection.protected).toBe(true);
});
