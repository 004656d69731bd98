import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";
import { preloadActionsPanel } from "./components/ActionsPanel";
import { preloadEngine } from "./loadEngine";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(<App status={{ kind: "loading" }} />);
  // The lazy chunks (Actions panel, engine) download while Office.js starts up, so neither the panel
  // nor the first click waits for them.
  preloadActionsPanel();
  preloadEngine();
  const office = (globalThis as { Office?: Parameters<typeof detectHost>[0] }).Office;
  void detectHost(office).then((status) => root.render(<App status={status} />));
}
