import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { HostStatus } from "./host";
import { outsideMessage } from "./host";
import { ActionsPanel } from "./components/ActionsPanel";
import { Connecting, Shell } from "./Shell";

export function App({ status }: { status: HostStatus }): React.JSX.Element {
  return (
    <Shell>
      {status.kind === "loading" && <Connecting />}
      {status.kind === "outside" && (
        <MessageBar intent="warning" data-testid="outside-excel">
          <MessageBarBody>
            <MessageBarTitle>Cần mở trong Excel</MessageBarTitle>
            {outsideMessage(status)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "excel" && <ActionsPanel />}
    </Shell>
  );
}
