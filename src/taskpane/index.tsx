import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";
import { preloadActionsPanel } from "./components/ActionsPanel";
import { preloadEngine } from "./loadEngine";
import { officeGlobal } from "../render/office/officeGlobals";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(<App status={{ kind: "loading" }} />);
  // The lazy chunks (Actions panel, engine) download while Office.js starts up, so neither the panel
  // nor the first click waits for them.
  preloadActionsPanel();
  preloadEngine();
  void detectHost(officeGlobal()).then((status) => root.render(<App status={status} />));
}
