/**
 * The calendar of the "Ngày báo cáo" field, in its own lazy chunk ("calendar"): Fluent's Calendar
 * weighs more than the rest of the actions panel, and the field works without it (dd/mm/yyyy typed).
 * Fluent's DatePicker is not used: on text it cannot parse it puts back the previous date and the
 * typed text is lost, where staff must see what they typed next to the error.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import {
  Calendar,
  DayOfWeek,
  type CalendarStrings,
  type DateFormatting,
} from "@fluentui/react-calendar-compat";

const MONTHS = Array.from({ length: 12 }, (_v, i) => `Tháng ${i + 1}`);

const STRINGS: CalendarStrings = {
  months: MONTHS,
  shortMonths: Array.from({ length: 12 }, (_v, i) => `Th${i + 1}`),
  days: ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
  shortDays: ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
  goToToday: "Về hôm nay",
  prevMonthAriaLabel: "Tháng trước",
  nextMonthAriaLabel: "Tháng sau",
  prevYearAriaLabel: "Năm trước",
  nextYearAriaLabel: "Năm sau",
  prevYearRangeAriaLabel: "Các năm trước",
  nextYearRangeAriaLabel: "Các năm sau",
  monthPickerHeaderAriaLabel: "{0}, bấm để chọn năm",
  yearPickerHeaderAriaLabel: "{0}, bấm để chọn tháng",
  closeButtonAriaLabel: "Đóng lịch",
  selectedDateFormatString: "Đã chọn {0}",
  todayDateFormatString: "Hôm nay, {0}",
  dayMarkedAriaLabel: "có đánh dấu",
};

const pad2 = (n: number): string => String(n).padStart(2, "0");
const dmy = (d: Date): string =>
  `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;

const FORMATTING: DateFormatting = {
  formatDay: (d) => String(d.getDate()),
  formatMonth: (d, s) => s.months[d.getMonth()],
  formatYear: (d) => String(d.getFullYear()),
  formatMonthDayYear: (d) => dmy(d),
  formatMonthYear: (d, s) => `${s.months[d.getMonth()]} năm ${d.getFullYear()}`,
};

/** "2024-06-30" → a local Date (the calendar works in local days), or undefined. */
function isoToLocal(iso: string | null): Date | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

const localToIso = (d: Date): string =>
  `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;

export interface AsOfCalendarProps {
  /** The date in the field (ISO), shown selected; null when the field is empty or not a date. */
  value: string | null;
  /** The day the calendar opens on when there is no value (ISO). */
  today: string;
  disabled: boolean;
  onSelect(iso: string): void;
}

/**
 * A "Lịch…" button that shows a month calendar under it; choosing a day fills the field, Esc closes.
 * Inline rather than in a Fluent Popover: the popover's portal would make React DOM and the
 * scheduler shared modules of the first download, which then grows.
 */
export default function AsOfCalendar(props: AsOfCalendarProps): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const button = React.useRef<HTMLButtonElement>(null);
  const id = React.useId();
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <Button
        ref={button}
        disabled={props.disabled}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label="Chọn ngày báo cáo trên lịch"
        data-testid="as-of-calendar"
      >
        Lịch…
      </Button>
      {open && (
        <div
          id={id}
          role="group"
          aria-label="Lịch chọn ngày báo cáo"
          style={{ flexBasis: "100%" }}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <Calendar
            value={isoToLocal(props.value)}
            today={isoToLocal(props.today)}
            firstDayOfWeek={DayOfWeek.Monday}
            strings={STRINGS}
            dateTimeFormatter={FORMATTING}
            isMonthPickerVisible={false}
            showGoToToday
            onSelectDate={(date) => {
              if (!date) return;
              props.onSelect(localToIso(date));
              close();
            }}
          />
        </div>
      )}
    </>
  );
}
