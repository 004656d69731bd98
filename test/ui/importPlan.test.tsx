import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Actions } from "../../src/taskpane/components/Actions";
import { PLAN_SHEET_NAME } from "../../src/layouts/planSheet";
import { TASKS_TABLE } from "../../src/layouts/tasksSheet";
import type { ExcelRun } from "../../src/render/office/actions";
import { readWorkbookPlan } from "../../src/render/office/planActions";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { FIXTURES } from "../support/planFixtures";
import { pastedRows, planDocx } from "../support/planFiles";

function renderActions(fake: FakeExcel) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Actions
        run={fake.run as unknown as ExcelRun}
        isSetSupported={fake.isSetSupported}
        today={() => "2026-03-15"}
      />
    </FluentProvider>
  );
}

/** The fake and the engine share two cores with other test workers: wait, do not race. */
const SLOW = { timeout: 60_000 };

const button = (name: string | RegExp) => screen.getByRole("button", { name });

test("Nhập kế hoạch from the selected pasted table: preview, rename a unit, build the tracker with the plan inside", async () => {
  const fake = createFakeExcel();
  const xa = FIXTURES[2];
  const rows = pastedRows(xa.plan);
  fake.user.paste("Sheet1", "A1", rows);
  fake.user.select("Sheet1", `A1:F${rows.length}`);
  renderActions(fake);
  await screen.findByTestId("notice", {}, SLOW);
  // A workbook without a tracker tracks no plan yet: the pane names none (not the built-in example).
  expect(screen.queryByTestId("plan-title")).toBeNull();

  fireEvent.click(button("Từ vùng đang chọn"));
  const preview = await screen.findByTestId("import-preview", {}, SLOW);
  expect(within(preview).getByTestId("import-counts").textContent).toContain(
    "6 nhiệm vụ trong 2 phần"
  );
  const checks = within(preview).getByTestId("import-checks").textContent ?? "";
  expect(checks).toContain("“Chưa xác định”");
  expect(checks).toContain("Đã gộp đơn vị “UBND” vào “UBND xã”");
  expect(checks).toContain("Không thấy mục chỉ tiêu");

  fireEvent.change(screen.getByLabelText("Tên mới cho UBND xã"), {
    target: { value: "Ủy ban nhân dân xã" },
  });
  const unit = screen.getByLabelText("Tên mới cho UBND xã").closest("li") as HTMLElement;
  fireEvent.click(within(unit).getByRole("button", { name: "Đổi tên" }));
  await screen.findByLabelText("Tên mới cho Ủy ban nhân dân xã", {}, SLOW);

  fireEvent.click(button("Tạo bảng theo dõi theo kế hoạch này"));
  await waitFor(
    () => expect(screen.getByTestId("notice").getAttribute("data-intent")).not.toBe("info"),
    SLOW
  );
  await waitFor(
    () => expect(screen.getByTestId("notice").textContent).toContain("Đã tạo bảng theo dõi"),
    SLOW
  );
  // The sheets a user can open are named; the very hidden stored plan is not.
  expect(screen.getByTestId("notice").textContent).toContain("“Nhiệm vụ”, “Chỉ tiêu”");
  expect(screen.getByTestId("notice").textContent).not.toContain(PLAN_SHEET_NAME);
  const taskRows = () => fake.table(TASKS_TABLE).body.filter((r) => !String(r[0]).startsWith("§"));
  expect(taskRows()).toHaveLength(6);
  expect(fake.sheet(PLAN_SHEET_NAME).visibility).toBe("VeryHidden");
  const stored = await readWorkbookPlan(fake.run as unknown as ExcelRun);
  expect(stored?.year).toBe(2026);
  expect(stored?.tasks.find((t) => t.code === "II.3")?.lead).toEqual(["Ủy ban nhân dân xã"]);
  expect(screen.getByTestId("plan-title").textContent).toBe(`Đang theo dõi: ${stored?.title}`);

  // Later actions use the workbook's plan, not the built-in 2024 one.
  fireEvent.click(button("Tạo/cập nhật bảng theo dõi"));
  await waitFor(
    () => expect(screen.getByTestId("notice").textContent).toContain("Đã cập nhật"),
    SLOW
  );
  expect(taskRows()).toHaveLength(6);
}, 180_000);

test("Nhập kế hoạch from a .docx the user picks", async () => {
  const fake = createFakeExcel();
  renderActions(fake);
  await screen.findByTestId("notice", {}, SLOW);
  const bytes = await planDocx(FIXTURES[0].plan);
  const file = new File([new Uint8Array(bytes)], "KeHoach-SoTuPhap-2025.docx");
  await act(async () => {
    fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
  });
  await waitFor(
    () => expect(screen.queryByTestId("import-error")?.textContent ?? "").toBe(""),
    SLOW
  );
  const preview = await screen.findByTestId("import-preview", {}, SLOW);
  expect(within(preview).getByTestId("import-summary").textContent).toContain(
    "Từ tệp “KeHoach-SoTuPhap-2025.docx”"
  );
  expect(within(preview).getByTestId("import-counts").textContent).toContain("6 chỉ tiêu");
}, 180_000);

test("an empty selection: a Vietnamese message, nothing written", async () => {
  const fake = createFakeExcel();
  renderActions(fake);
  await screen.findByTestId("notice", {}, SLOW);
  fireEvent.click(button("Từ vùng đang chọn"));
  const error = await screen.findByTestId("import-error", {}, SLOW);
  expect(error.textContent).toContain("Vùng đang chọn trống");
  expect(fake.sheetNames()).toEqual(["Sheet1"]);
}, 180_000);
