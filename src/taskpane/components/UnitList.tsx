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
  // Name on its own line(s), badges under it: at 350 px a long unit name never runs into a badge.
  unit: {
    width: "100%",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    textAlign: "left",
    fontWeight: "var(--fontWeightRegular)",
  },
  name: { whiteSpace: "normal", overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: "4px" },
} satisfies Record<string, React.CSSProperties>;

export interface UnitListProps {
  units: UnitCount[];
  /** The whole organisation (each task once), shown as the "all units" line; null when unknown. */
  whole: UnitCount | null;
  /** unitChoiceKey of the line the table is filtered to, or null for the whole organisation. */
  active: string | null;
  disabled: boolean;
  onSelect(unit: UnitCount | null): void;
}

/** What tells two lines apart: the id (two units may share a name's spelling in other ways), else the name. */
export const unitChoiceKey = (u: Pick<UnitCount, "id" | "unit">): string =>
  u.id ?? `name:${u.unit}`;

/** Badges only for what needs attention: a row of "0 sắp đến hạn" would hide the one that is not 0. */
function CountBadges({ count }: { count: UnitCount }): React.JSX.Element | null {
  if (count.overdue === 0 && count.dueSoon === 0) return null;
  return (
    <span style={styles.badges}>
      {count.overdue > 0 && (
        <Badge color="danger" appearance="filled" data-testid="badge-overdue">
          {count.overdue} quá hạn
        </Badge>
      )}
      {count.dueSoon > 0 && (
        <Badge color="warning" appearance="filled" data-testid="badge-due-soon">
          {count.dueSoon} sắp đến hạn
        </Badge>
      )}
    </span>
  );
}

const summary = (c: UnitCount): string =>
  `${c.total} nhiệm vụ, ${c.done} hoàn thành, ${c.overdue} quá hạn, ${c.dueSoon} sắp đến hạn`;

/** Lead units with their overdue / due-soon counts; a click filters the task table to the unit. */
export function UnitList(props: UnitListProps): React.JSX.Element {
  const { units, whole, active, disabled, onSelect } = props;
  return (
    <ul style={styles.list} aria-label="Đơn vị chủ trì">
      <li>
        <Button
          style={styles.unit}
          appearance={active === null ? "primary" : "secondary"}
          disabled={disabled}
          onClick={() => onSelect(null)}
          aria-pressed={active === null}
          data-testid="unit-all"
          title={whole ? `Toàn cơ quan: ${summary(whole)}` : undefined}
        >
          <span style={styles.name}>
            {whole ? `Toàn cơ quan — ${whole.total} nhiệm vụ` : "Tất cả đơn vị"}
          </span>
          {whole && <CountBadges count={whole} />}
        </Button>
      </li>
      {units.map((u) => (
        <li key={unitChoiceKey(u)}>
          <Button
            style={styles.unit}
            appearance={active === unitChoiceKey(u) ? "primary" : "secondary"}
            disabled={disabled}
            onClick={() => onSelect(u)}
            aria-pressed={active === unitChoiceKey(u)}
            data-testid="unit-item"
            title={`${u.unit}: ${summary(u)}`}
          >
            <span style={styles.name}>{u.unit}</span>
            <CountBadges count={u} />
          </Button>
        </li>
      ))}
      {units.length === 0 && (
        <li>
          <Caption1 data-testid="units-empty">
            Chưa có số liệu theo đơn vị. Bấm “Làm mới” sau khi đã tạo bảng theo dõi.
          </Caption1>
        </li>
      )}
    </ul>
  );
}
