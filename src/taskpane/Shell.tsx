/**
 * The pane's frame (theme, title, one main landmark) and its "connecting" state. Kept apart from
 * App so the build can render the connecting pane into taskpane.html (taskpane.html.tsx): the page
 * shows it as soon as the HTML is parsed, before any of the page's scripts has run, and React's
 * first render replaces it with the same markup.
 */
import * as React from "react";
import {
  FluentProvider,
  webLightTheme,
  Spinner,
  Title3,
  Caption1,
} from "@fluentui/react-components";

export const CONNECTING_LABEL = "Đang kết nối với Excel…";

export function Shell({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ minHeight: "100vh", padding: 12, boxSizing: "border-box" }}
    >
      <header style={{ marginBottom: 12 }}>
        {/* No year or agency here: the workbook's own plan is named by the actions panel. */}
        <Title3 as="h1">Theo dõi CCHC</Title3>
        <br />
        <Caption1>Kế hoạch cải cách hành chính</Caption1>
      </header>
      {/* One main landmark: screen-reader users jump past the header to the actions. */}
      <main>{children}</main>
    </FluentProvider>
  );
}

export function Connecting(): React.JSX.Element {
  return <Spinner label={CONNECTING_LABEL} />;
}
