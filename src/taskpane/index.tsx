import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(<App status={{ kind: "loading" }} />);
  const office = (globalThis as { Office?: Parameters<typeof detectHost>[0] }).Office;
  void detectHost(office).then((status) => root.render(<App status={status} />));
}
