/**
 * The Actions panel is only shown once Office says the host is Excel, and its Fluent controls (Input,
 * Field, Badge, Divider, ProgressBar) weigh about as much as React itself, so it is a separate chunk
 * downloaded in the background after the first render, while Office.js starts up. Until it is there
 * the shell keeps showing its "connecting" spinner; if it cannot be downloaded, a Vietnamese message
 * and a "Thử lại" button.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ActionsProps } from "./Actions";
import { retryingLoader } from "../lazyChunk";
import { Connecting } from "../Shell";

export type ActionsComponent = React.ComponentType<ActionsProps>;

export const PANEL_LOAD_TITLE = "Không tải được giao diện của bổ trợ";
const PANEL_LOAD_MESSAGE =
  "Không tải được phần giao diện thao tác (actions.js), có thể do mất kết nối mạng. Hãy kiểm tra kết nối rồi bấm “Thử lại”; nếu vẫn lỗi, đóng và mở lại ngăn tác vụ.";

/**
 * A plain <button> dressed with Fluent's CSS variables: a Fluent Button here would pull Fluent's
 * whole token table into the first download (the lazily loaded controls share it with the shell).
 */
const retryStyle: React.CSSProperties = {
  fontFamily: "var(--fontFamilyBase)",
  fontSize: "var(--fontSizeBase300)",
  fontWeight: "var(--fontWeightSemibold)",
  lineHeight: "var(--lineHeightBase300)",
  color: "var(--colorNeutralForeground1)",
  background: "var(--colorNeutralBackground1)",
  border: "var(--strokeWidthThin) solid var(--colorNeutralStroke1)",
  borderRadius: "var(--borderRadiusMedium)",
  padding: "5px var(--spacingHorizontalM)",
  minWidth: "96px",
  alignSelf: "flex-start",
  cursor: "pointer",
};

/** Set once the chunk is in, so a panel mounted after the preload renders at once, without a spinner frame. */
let loadedPanel: ActionsComponent | null = null;

export const loadActionsPanel: () => Promise<ActionsComponent> = retryingLoader(
  () =>
    import(/* webpackChunkName: "actions" */ "./Actions").then((m) => {
      loadedPanel = m.Actions;
      return m.Actions;
    }),
  (cause) => new Error(PANEL_LOAD_MESSAGE, { cause })
);

/** Starts the download in the background; a failure is shown when the panel is needed. */
export function preloadActionsPanel(): void {
  loadActionsPanel().catch(() => undefined);
}

export interface ActionsPanelProps extends ActionsProps {
  /** Loads the panel's component (default: the lazily loaded webpack chunk). Tests inject their own. */
  loadPanel?: () => Promise<ActionsComponent>;
}

/** The Actions panel, once its chunk is loaded; props are passed through. */
export function ActionsPanel({ loadPanel, ...props }: ActionsPanelProps): React.JSX.Element {
  // Wrapped in an object: a function given to setState would be called as an updater.
  const [panel, setPanel] = React.useState<{ component: ActionsComponent } | null>(() =>
    !loadPanel && loadedPanel ? { component: loadedPanel } : null
  );
  const [failed, setFailed] = React.useState(false);
  const [attempt, setAttempt] = React.useState(0);
  const loadRef = React.useRef(loadPanel ?? loadActionsPanel);
  React.useEffect(() => {
    loadRef.current = loadPanel ?? loadActionsPanel;
  }, [loadPanel]);

  React.useEffect(() => {
    if (panel) return;
    let live = true;
    loadRef.current().then(
      (component) => {
        if (live) setPanel({ component });
      },
      () => {
        if (live) setFailed(true);
      }
    );
    return () => {
      live = false;
    };
  }, [panel, attempt]);

  if (panel) return <panel.component {...props} />;
  if (failed) {
    return (
      <div style={{ display: "flex", flexDirection: "column", gap: "12px" }}>
        <MessageBar intent="error" data-testid="panel-load-error">
          <MessageBarBody>
            <MessageBarTitle>{PANEL_LOAD_TITLE}</MessageBarTitle>
            {PANEL_LOAD_MESSAGE}
          </MessageBarBody>
        </MessageBar>
        <button
          type="button"
          style={retryStyle}
          onClick={() => {
            setFailed(false);
            setAttempt((a) => a + 1);
          }}
          data-testid="panel-retry"
        >
          Thử lại
        </button>
      </div>
    );
  }
  return <Connecting />;
}
