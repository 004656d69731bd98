import * as React from "react";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { detectHost } from "../../src/taskpane/host";

describe("detectHost", () => {
  test("Excel host", async () => {
    await expect(detectHost({ onReady: async () => ({ host: "Excel" }) })).resolves.toEqual({
      kind: "excel",
    });
  });
  test("plain browser: office.js resolves with host null", async () => {
    await expect(detectHost({ onReady: async () => ({ host: null }) })).resolves.toEqual({
      kind: "outside",
      reason: "no-host",
    });
  });
  test("office.js did not load", async () => {
    await expect(detectHost(undefined)).resolves.toEqual({
      kind: "outside",
      reason: "no-office-js",
    });
  });
  test("another Office host", async () => {
    await expect(detectHost({ onReady: async () => ({ host: "Word" }) })).resolves.toEqual({
      kind: "outside",
      reason: "other-host",
      host: "Word",
    });
  });
  test("onReady never resolves", async () => {
    await expect(detectHost({ onReady: () => new Promise(() => undefined) }, 20)).resolves.toEqual({
      kind: "outside",
      reason: "timeout",
    });
  });
  test("onReady rejects", async () => {
    await expect(detectHost({ onReady: () => Promise.reject(new Error("boom")) })).resolves.toEqual(
      { kind: "outside", reason: "no-host" }
    );
  });
});

describe("App shell", () => {
  test("outside Excel it says, in Vietnamese, that it must run inside Excel", () => {
    render(<App status={{ kind: "outside", reason: "no-host" }} />);
    expect(screen.getByText("Cần mở trong Excel")).toBeTruthy();
    expect(screen.getByTestId("outside-excel").textContent).toContain("phải chạy bên trong Excel");
  });
  test("while connecting it shows a spinner", () => {
    render(<App status={{ kind: "loading" }} />);
    expect(screen.getByText("Đang kết nối với Excel…")).toBeTruthy();
  });
  test("in another host it names the host", () => {
    render(<App status={{ kind: "outside", reason: "other-host", host: "Word" }} />);
    expect(screen.getByTestId("outside-excel").textContent).toContain("Word");
  });
});
