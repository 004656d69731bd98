import * as React from "react";
import {
  FluentProvider,
  webLightTheme,
  Spinner,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  Caption1,
} from "@fluentui/react-components";
import type { HostStatus } from "./host";
import { outsideMessage } from "./host";
import { ActionsPanel } from "./components/ActionsPanel";

export function App({ status }: { status: HostStatus }): React.JSX.Element {
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
      <main>
        {status.kind === "loading" && <Spinner label="Đang kết nối với Excel…" />}
        {status.kind === "outside" && (
          <MessageBar intent="warning" data-testid="outside-excel">
            <MessageBarBody>
              <MessageBarTitle>Cần mở trong Excel</MessageBarTitle>
              {outsideMessage(status)}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "excel" && <ActionsPanel />}
      </main>
    </FluentProvider>
  );
}
