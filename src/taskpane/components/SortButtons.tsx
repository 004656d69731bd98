import * as React from "react";
import { Button } from "@fluentui/react-components";
import { TASK_SORTS } from "../../render/office/taskSorts";

const row = { display: "flex", gap: "8px", flexWrap: "wrap" } satisfies React.CSSProperties;

/**
 * One button per order of the "Nhiệm vụ" table. The sheet is protected and Excel refuses to sort it
 * there, so sorting goes through the task pane (unprotect, sort, protect again).
 */
export function SortButtons(props: {
  disabled: boolean;
  onSort: (sortId: string) => void;
}): React.JSX.Element {
  return (
    <div style={row}>
      {TASK_SORTS.map((s) => (
        <Button
          key={s.id}
          size="small"
          disabled={props.disabled}
          onClick={() => props.onSort(s.id)}
          data-testid={`sort-${s.id}`}
        >
          {s.label}
        </Button>
      ))}
    </div>
  );
}
