import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";
import { preloadActionsPanel } from "./components/ActionsPanel";
import { preloadEngine } from "./loadEngine";
import { afterFirstPaint } from "./afterFirstPaint";
import { officeGlobal } from "../render/office/officeGlobals";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(<App status={{ kind: "loading" }} />);
  // The container holds the build's rendering of this same "connecting" pane (taskpane.html.tsx),
  // painted before any script ran; React replaces it with identical markup. The lazy chunks (Actions
  // panel, engine) download once the first content is on screen, while Office.js starts up: neither
  // the first paint nor (usually) the first click waits for them.
  afterFirstPaint(() => {
    preloadActionsPanel();
    preloadEngine();
  });
  void detectHost(officeGlobal()).then((status) => root.render(<App status={status} />));
}
