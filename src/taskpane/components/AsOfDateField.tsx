import * as React from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import { parseDateText } from "../../domain/excelDate";
import { formatDmy } from "../../domain/isoDate";
import { retryingLoader } from "../lazyChunk";
import type { AsOfCalendarProps } from "./AsOfCalendar";

type CalendarComponent = React.ComponentType<AsOfCalendarProps>;

const loadCalendar: () => Promise<CalendarComponent> = retryingLoader(
  () => import(/* webpackChunkName: "calendar" */ "./AsOfCalendar").then((m) => m.default),
  (cause) => new Error("Không tải được lịch chọn ngày.", { cause })
);

const styles = {
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
} satisfies Record<string, React.CSSProperties>;

/** Why `text` is not a usable as-of date (Vietnamese, says what to type), or null when it is one. */
export function dateProblem(text: string): string | null {
  const t = text.trim();
  if (t === "") return "Hãy nhập hoặc chọn một ngày báo cáo (dd/mm/yyyy) rồi bấm “Áp dụng”.";
  if (parseDateText(t) === null)
    return `“${t}” không phải là một ngày. Nhập theo dạng dd/mm/yyyy, ví dụ 30/06/2024, hoặc chọn trên lịch.`;
  return null;
}

export interface AsOfDateFieldProps {
  text: string;
  /** Shown under the field (Fluent Field validation); null when there is nothing wrong. */
  error: string | null;
  disabled: boolean;
  /** Today's ISO date: where the calendar opens when the field is empty. */
  today: string;
  onTextChange(text: string): void;
  onApply(): void;
  onToday(): void;
}

/**
 * The "Ngày báo cáo" field: typed dd/mm/yyyy (Enter applies) or chosen on a calendar that loads in
 * the background; the typed text stays as typed, with the problem written under it.
 */
export function AsOfDateField(props: AsOfDateFieldProps): React.JSX.Element {
  const [calendar, setCalendar] = React.useState<{ component: CalendarComponent } | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    loadCalendar().then(
      (component) => {
        if (live) setCalendar({ component });
      },
      () => undefined // typing still works; the button below tries again
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const iso = parseDateText(props.text);
  return (
    <>
      <Field
        label="Ngày báo cáo mới (dd/mm/yyyy)"
        validationState={props.error ? "error" : "none"}
        validationMessage={props.error ?? undefined}
      >
        <Input
          // Text, not type="date": a date input shows the browser's locale (mm/dd/yyyy on an English
          // Windows), and staff read and type dates as dd/mm/yyyy.
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={props.text}
          disabled={props.disabled}
          onChange={(_e, data) => props.onTextChange(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") props.onApply();
          }}
          data-testid="as-of-input"
        />
      </Field>
      <div style={styles.row}>
        {calendar ? (
          <calendar.component
            value={iso}
            today={props.today}
            disabled={props.disabled}
            onSelect={(picked) => props.onTextChange(formatDmy(picked))}
          />
        ) : (
          <Button
            disabled={props.disabled}
            onClick={() => setAttempt((a) => a + 1)}
            aria-label="Chọn ngày báo cáo trên lịch (đang tải lịch)"
            data-testid="as-of-calendar-loading"
          >
            Lịch…
          </Button>
        )}
        <Button disabled={props.disabled} onClick={props.onApply} data-testid="as-of-apply">
          Áp dụng
        </Button>
        <Button disabled={props.disabled} onClick={props.onToday} data-testid="as-of-today">
          Hôm nay
        </Button>
      </div>
    </>
  );
}
