import * as React from "react";
import { Button, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { HistoryTrends } from "../../render/office/history";

/** The periods, as the Báo cáo sheet lists them (ids of src/domain/reportPeriods.ts). */
export const SNAPSHOT_PERIODS: readonly { id: string; label: string }[] = [
  { id: "q1", label: "Quý I" },
  { id: "h1", label: "6 tháng" },
  { id: "q2", label: "Quý II" },
  { id: "q3", label: "9 tháng (Quý III)" },
  { id: "q4", label: "Quý IV" },
  { id: "year", label: "Năm" },
];

const styles = {
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: "4px 0 0 0", paddingLeft: "18px" },
} satisfies Record<string, React.CSSProperties>;

interface Point {
  label: string;
  value: number | null;
}

/** Bars for a few snapshots, sized to the pane (350 px), with the numbers written on them. */
function Bars(props: { points: Point[]; format: (v: number) => string; title: string }) {
  const { points, format, title } = props;
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const barH = 18;
  const gap = 6;
  const height = points.length * (barH + gap);
  return (
    <svg
      role="img"
      aria-label={title}
      width="100%"
      height={height}
      viewBox={`0 0 300 ${height}`}
      data-testid="trend-chart"
    >
      {points.map((p, i) => {
        const w = max > 0 && p.value !== null ? Math.max(2, (p.value / max) * 150) : 0;
        const y = i * (barH + gap);
        return (
          <g key={i}>
            <text x="0" y={y + 13} fontSize="11">
              {p.label}
            </text>
            <rect x="110" y={y} width={w} height={barH} fill="#C00000" />
            <text x={115 + w} y={y + 13} fontSize="11">
              {p.value === null ? "chưa có số liệu" : format(p.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface HistoryProps {
  trends: HistoryTrends | null;
  disabled: boolean;
  onSnapshot: (period: string) => void;
  onShowTrends: () => void;
}

/** "Chốt số liệu" and the trends kept in Lịch sử: overdue tasks and a chosen target. */
export function History(props: HistoryProps): React.JSX.Element {
  const [period, setPeriod] = React.useState("q1");
  const [target, setTarget] = React.useState<string>("");
  const trends = props.trends;
  const ids = trends?.indicatorIds ?? [];
  const chosen = ids.includes(target) ? target : (ids[0] ?? "");
  const percent = (v: number): string => `${String(Math.round(v * 1000) / 10).replace(".", ",")}%`;
  return (
    <>
      <Subtitle2 as="h2">Chốt số liệu báo cáo</Subtitle2>
      <Caption1>
        Ghi số liệu của kỳ (toàn cơ quan, từng đơn vị, từng chỉ tiêu) vào trang “Lịch sử”; các lần
        chốt trước được giữ nguyên.
      </Caption1>
      <div style={styles.row}>
        <Field label="Kỳ báo cáo">
          <Select
            value={period}
            disabled={props.disabled}
            onChange={(_e, d) => setPeriod(d.value)}
            data-testid="snapshot-period"
          >
            {SNAPSHOT_PERIODS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          disabled={props.disabled}
          onClick={() => props.onSnapshot(period)}
          data-testid="snapshot"
        >
          Chốt số liệu
        </Button>
        <Button disabled={props.disabled} onClick={props.onShowTrends} data-testid="show-trends">
          Xem xu hướng
        </Button>
      </div>
      {trends && trends.overdue.length > 0 ? (
        <>
          <Caption1>Số nhiệm vụ quá hạn tại các lần chốt:</Caption1>
          <Bars
            title="Số nhiệm vụ quá hạn tại các lần chốt số liệu"
            points={trends.overdue.map((p) => ({ label: p.label, value: p.overdue }))}
            format={String}
          />
          {ids.length > 0 ? (
            <>
              <Field label="Chỉ tiêu">
                <Select
                  value={chosen}
                  onChange={(_e, d) => setTarget(d.value)}
                  data-testid="trend-target"
                >
                  {ids.map((id) => (
                    <option key={id} value={id}>
                      {id}
                    </option>
                  ))}
                </Select>
              </Field>
              <Bars
                title={`Kết quả chỉ tiêu ${chosen} tại các lần chốt số liệu`}
                points={trends.indicator(chosen)}
                format={trends.isRate?.(chosen) ? percent : String}
              />
            </>
          ) : null}
        </>
      ) : (
        <Caption1 data-testid="trend-empty">
          {trends
            ? "Chưa có lần chốt số liệu nào."
            : "Bấm “Xem xu hướng” để xem các lần chốt số liệu đã có."}
        </Caption1>
      )}
    </>
  );
}
