// Bundle-size baseline: the smallest useful Fluent UI v9 task pane (React + FluentProvider + one Button),
// built with the same webpack settings as the real task pane in the same benchmark run.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Button } from "@fluentui/react-components";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">OK</Button>
    </FluentProvider>
  );
}
