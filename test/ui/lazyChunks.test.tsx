import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { retryingLoader } from "../../src/taskpane/lazyChunk";
import {
  ActionsPanel,
  PANEL_LOAD_TITLE,
  loadActionsPanel,
  type ActionsComponent,
} from "../../src/taskpane/components/ActionsPanel";
import { EngineLoadError, loadEngine } from "../../src/taskpane/loadEngine";
import type { ExcelRun } from "../../src/render/office/actions";
import { createFakeExcel } from "../support/fakeExcel";

describe("retryingLoader", () => {
  test("one download for concurrent callers; after a failure the next call downloads again", async () => {
    let calls = 0;
    let fail = true;
    const load = retryingLoader(
      async () => {
        calls += 1;
        if (fail) throw new Error("offline");
        return "module";
      },
      (cause) => new Error("wrapped", { cause })
    );
    const [a, b] = await Promise.allSettled([load(), load()]);
    expect(calls).toBe(1);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    expect((a as PromiseRejectedResult).reason.message).toBe("wrapped");
    expect(((a as PromiseRejectedResult).reason.cause as Error).message).toBe("offline");

    fail = false;
    await expect(load()).resolves.toBe("module");
    await expect(load()).resolves.toBe("module");
    expect(calls).toBe(2);
  });

  test("the real loaders resolve to the engine and the Actions component", async () => {
    const engine = await loadEngine();
    expect(typeof engine.createOrUpdate).toBe("function");
    expect(typeof engine.defaultLayoutBuilder.build).toBe("function");
    expect(await loadEngine()).toBe(engine);
    expect(typeof (await loadActionsPanel())).toBe("function");
    expect(new EngineLoadError(new Error("x")).message).toContain("kết nối mạng");
  });
});

describe("ActionsPanel", () => {
  const Stub: ActionsComponent = () => <p data-testid="stub">panel</p>;

  test("while the chunk loads: the connecting spinner; if it fails: a Vietnamese message and 'Thử lại' that loads again", async () => {
    let calls = 0;
    let release: (c: ActionsComponent) => void = () => undefined;
    let reject: (e: Error) => void = () => undefined;
    const loadPanel = () => {
      calls += 1;
      return new Promise<ActionsComponent>((res, rej) => {
        release = res;
        reject = rej;
      });
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <ActionsPanel loadPanel={loadPanel} />
      </FluentProvider>
    );
    expect(screen.getByText("Đang kết nối với Excel…")).toBeTruthy();
    await act(async () => reject(new Error("Loading chunk actions failed.")));
    const error = await screen.findByTestId("panel-load-error");
    expect(error.textContent).toContain(PANEL_LOAD_TITLE);
    expect(error.textContent).toContain("kết nối mạng");
    expect(calls).toBe(1);

    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    await waitFor(() => expect(calls).toBe(2));
    expect(screen.queryByTestId("panel-load-error")).toBeNull();
    await act(async () => release(Stub));
    expect((await screen.findByTestId("stub")).textContent).toBe("panel");
  });

  test("the default loader renders the real Actions, passing the props through", async () => {
    const fake = createFakeExcel();
    render(
      <FluentProvider theme={webLightTheme}>
        <ActionsPanel run={fake.run as unknown as ExcelRun} isSetSupported={fake.isSetSupported} />
      </FluentProvider>
    );
    await screen.findByRole("button", { name: "Tạo/cập nhật bảng theo dõi" });
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("chưa có các trang theo dõi");
  });
});
