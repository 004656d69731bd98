/**
 * "Chốt số liệu" in the task pane: the period chosen, the figures appended to Lịch sử (the fake
 * workbook's tblLichSu), and the trends read back and drawn: overdue tasks and a chosen target.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Actions } from "../../src/taskpane/components/Actions";
import { HISTORY_TABLE } from "../../src/layouts/historySheet";
import { getPlan } from "../../src/plan";
import type { ExcelRun } from "../../src/render/office/actions";
import { createFakeExcel } from "../support/fakeExcel";
import { builderFor } from "../support/officeHarness";

const plan = getPlan();
const perSnapshot = 1 + 11 + plan.indicators.length;

test("Chốt số liệu appends the period to Lịch sử and the pane draws the trends", async () => {
  const fake = createFakeExcel();
  render(
    <FluentProvider theme={webLightTheme}>
      <Actions
        run={fake.run as unknown as ExcelRun}
        isSetSupported={fake.isSetSupported}
        buildLayout={builderFor(plan)}
        today={() => "2024-06-20"}
      />
    </FluentProvider>
  );
  await screen.findByTestId("notice");
  expect(screen.getByTestId("trend-empty").textContent).toContain("Xem xu hướng");
  fireEvent.click(screen.getByRole("button", { name: "Tạo/cập nhật bảng theo dõi" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã tạo"));

  fireEvent.change(screen.getByTestId("snapshot-period"), { target: { value: "h1" } });
  fireEvent.click(screen.getByTestId("snapshot"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain(
      "Đã chốt số liệu lần 1, kỳ 6 tháng năm 2024:"
    )
  );
  expect(fake.table(HISTORY_TABLE).body).toHaveLength(perSnapshot);
  const charts = await screen.findAllByTestId("trend-chart");
  expect(charts).toHaveLength(2);
  expect(charts[0].getAttribute("aria-label")).toBe("Số nhiệm vụ quá hạn tại các lần chốt số liệu");
  expect(within(charts[0]).getByText("Lần 1 · 6 tháng 2024")).toBeTruthy();

  fireEvent.change(screen.getByTestId("snapshot-period"), { target: { value: "q3" } });
  fireEvent.click(screen.getByTestId("snapshot"));
  await waitFor(() =>
    expect(screen.getByTestId("notice").textContent).toContain("Đã chốt số liệu lần 2")
  );
  expect(fake.table(HISTORY_TABLE).body).toHaveLength(2 * perSnapshot);
  await waitFor(() =>
    expect(within(screen.getAllByTestId("trend-chart")[0]).getAllByText(/^Lần \d/)).toHaveLength(2)
  );
  // "Xem xu hướng" reads Lịch sử again (e.g. after someone else took a snapshot).
  fireEvent.click(screen.getByTestId("show-trends"));
  await waitFor(() => expect(screen.getAllByTestId("trend-chart")).toHaveLength(2));
  // A chosen target: its value at each snapshot (no numbers typed here: "chưa có số liệu").
  const id = plan.indicators[3].id;
  fireEvent.change(screen.getByTestId("trend-target"), { target: { value: id } });
  const targetChart = screen.getAllByTestId("trend-chart")[1];
  expect(targetChart.getAttribute("aria-label")).toContain(id);
  expect(within(targetChart).getAllByText("chưa có số liệu")).toHaveLength(2);
});
