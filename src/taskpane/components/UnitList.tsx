import * as React from "react";
import { Badge, Button, Caption1 } from "@fluentui/react-components";
import type { UnitCount } from "../../render/office/counts";

// Plain style objects, not makeStyles (see Actions.tsx: keeps Griffel's runtime CSS compiler out of the bundle).
// The CSS variable is Fluent's tokens.fontWeightRegular, written out: importing `tokens` from this
// lazily loaded chunk would keep Fluent's whole token table (~6 KB gzip) in the first download.
const styles = {
  list: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  unit: {
    width: "100%",
    justifyContent: "space-between",
    textAlign: "left",
    fontWeight: "var(--fontWeightRegular)",
  },
  name: { flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis" },
  badges: { display: "flex", gap: "4px", flexShrink: 0 },
} satisfies Record<string, React.CSSProperties>;

export interface UnitListProps {
  units: UnitCount[];
  /** The unit the table is filtered to, or null for "Tất cả". */
  active: string | null;
  disabled: boolean;
  onSelect(unit: string | null): void;
}

/** Lead units with their overdue / due-soon counts; a click filters the task table to the unit. */
export function UnitList({ units, active, disabled, onSelect }: UnitListProps): React.JSX.Element {
  return (
    <ul style={styles.list} aria-label="Đơn vị chủ trì">
      <li>
        <Button
          style={styles.unit}
          appearance={active === null ? "primary" : "secondary"}
          disabled={disabled}
          onClick={() => onSelect(null)}
          data-testid="unit-all"
        >
          <span style={styles.name}>Tất cả</span>
        </Button>
      </li>
      {units.map((u) => (
        <li key={u.unit}>
          <Button
            style={styles.unit}
            appearance={active === u.unit ? "primary" : "secondary"}
            disabled={disabled}
            onClick={() => onSelect(u.unit)}
            aria-pressed={active === u.unit}
            data-testid="unit-item"
            title={`${u.unit}: ${u.total} nhiệm vụ, ${u.done} hoàn thành, ${u.overdue} quá hạn, ${u.dueSoon} sắp đến hạn`}
          >
            <span style={styles.name}>{u.unit}</span>
            <span style={styles.badges}>
              <Badge
                color={u.overdue > 0 ? "danger" : "informative"}
                appearance={u.overdue > 0 ? "filled" : "outline"}
                aria-label={`${u.overdue} quá hạn`}
              >
                {u.overdue} quá hạn
              </Badge>
              <Badge
                color="warning"
                appearance={u.dueSoon > 0 ? "filled" : "outline"}
                aria-label={`${u.dueSoon} sắp đến hạn`}
              >
                {u.dueSoon} sắp hạn
              </Badge>
            </span>
          </Button>
        </li>
      ))}
      {units.length === 0 && <Caption1>Chưa có số liệu theo đơn vị.</Caption1>}
    </ul>
  );
}
