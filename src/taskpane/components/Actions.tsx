import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import { parseDateText, todayIso } from "../../domain/excelDate";
import { formatDmy } from "../../domain/isoDate";
// Types only from the engine's modules: their code is in the lazily loaded engine chunk (loadEngine).
import type {
  ActionResult,
  ExcelRun,
  LayoutBuilder,
  OfficeDeps,
} from "../../render/office/actions";
import type { UnitCount, WorkbookCounts } from "../../render/office/counts";
import { describeError } from "../../render/office/errors";
import { hostIsSetSupported, hostRun } from "../../render/office/officeGlobals";
import type { IsSetSupported } from "../../render/office/requirements";
import {
  ENGINE_LOAD_TITLE,
  EngineLoadError,
  loadEngine as loadEngineChunk,
  type Engine,
} from "../loadEngine";
import { AsOfDateField, dateProblem } from "./AsOfDateField";
import { ImportPlan } from "./ImportPlan";
import { SortButtons } from "./SortButtons";
import { UnitList, unitChoiceKey } from "./UnitList";
import { History } from "./History";
import type { HistoryTrends } from "../../render/office/history";

type SnapshotPeriod = Parameters<Engine["snapshotWorkbookPlan"]>[1];

// Plain style objects, not makeStyles: a runtime makeStyles pulls Griffel's CSS compiler (stylis,
// rtl-css-js, ~8 KB gzip) into the first download; Fluent's own components ship precompiled styles.
const styles = {
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  details: { margin: "4px 0 0 0", paddingLeft: "18px" },
} satisfies Record<string, React.CSSProperties>;

export interface ActionsProps {
  /** Excel.run (default: the host's). Tests inject a fake. */
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported (default: the host's). */
  isSetSupported?: IsSetSupported;
  /** Builds the workbook layout around the values read back (default: the 2024 plan, add-in flavour). */
  buildLayout?: LayoutBuilder;
  /** Today's ISO date (default: the machine's). */
  today?: () => string;
  /** Loads the engine (default: the lazily loaded webpack chunk). Tests inject a failing one. */
  loadEngine?: () => Promise<Engine>;
}

type Busy = null | "create" | "refresh" | "asOf" | "filter" | "sort" | "snapshot";

const BUSY_TEXT: Record<Exclude<Busy, null>, string> = {
  create: "Đang tạo/cập nhật bảng theo dõi…",
  refresh: "Đang làm mới số liệu…",
  asOf: "Đang đặt ngày báo cáo…",
  filter: "Đang lọc bảng nhiệm vụ…",
  sort: "Đang sắp xếp bảng nhiệm vụ…",
  snapshot: "Đang chốt số liệu vào trang Lịch sử…",
};

interface Notice {
  intent: "success" | "error" | "warning" | "info";
  title: string;
  text: string;
  details: string[];
}

/** The task pane's actions: create/update, refresh, as-of date, per-unit list and filter. */
export function Actions(props: ActionsProps): React.JSX.Element {
  const deps = React.useMemo<OfficeDeps>(
    () => ({
      run: props.run ?? hostRun(),
      isSetSupported: props.isSetSupported ?? hostIsSetSupported(),
    }),
    [props.run, props.isSetSupported]
  );
  const customBuild = props.buildLayout;
  const today = props.today ?? (() => todayIso());
  // A ref, so that a loadEngine prop given as an inline arrow does not re-run the refresh on open.
  const load = React.useRef(props.loadEngine ?? loadEngineChunk);
  React.useEffect(() => {
    load.current = props.loadEngine ?? loadEngineChunk;
  }, [props.loadEngine]);
  /** An action that first waits for the engine (instant once the background preload is done). */
  const withEngine = React.useCallback(
    (action: (engine: Engine) => Promise<ActionResult>) => async (): Promise<ActionResult> =>
      action(await load.current()),
    []
  );

  const [busy, setBusy] = React.useState<Busy>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [counts, setCounts] = React.useState<WorkbookCounts | null>(null);
  const [activeUnit, setActiveUnit] = React.useState<UnitCount | null>(null);
  const [overdueOnly, setOverdueOnly] = React.useState(false);
  const [dateText, setDateText] = React.useState<string>("");
  const [dateError, setDateError] = React.useState<string | null>(null);
  const [trends, setTrends] = React.useState<HistoryTrends | null>(null);
  const [planTitle, setPlanTitle] = React.useState<string | null>(null);
  const running = React.useRef(false);

  const perform = React.useCallback(
    async (
      kind: Exclude<Busy, null>,
      action: () => Promise<ActionResult>,
      opts: { quiet?: boolean } = {}
    ): Promise<ActionResult | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(kind);
      try {
        const result = await action();
        // The engine is loaded by now (every action runs in it); it knows the workbook's plan.
        setPlanTitle((await load.current()).workbookPlanTitle());
        // After a failure the last counts may no longer be true: show none rather than stale ones.
        if (result.counts || !result.ok) setCounts(result.counts ?? null);
        if (result.counts?.asOf && !result.counts.asOfIsToday) {
          setDateText(formatDmy(result.counts.asOf));
          setDateError(null);
        }
        const notStarted = !result.ok && result.counts !== undefined && !result.counts.found;
        if (opts.quiet && notStarted) {
          setNotice({ intent: "info", title: "Bắt đầu", text: result.message, details: [] });
        } else {
          setNotice({
            intent: result.ok ? (result.details.length > 0 ? "warning" : "success") : "error",
            title: result.ok ? "Xong" : "Không thực hiện được",
            text: result.message,
            details: result.details,
          });
        }
        return result;
      } catch (e) {
        setCounts(null);
        if (e instanceof EngineLoadError)
          setNotice({ intent: "error", title: ENGINE_LOAD_TITLE, text: e.message, details: [] });
        else
          setNotice({
            intent: "error",
            title: "Không thực hiện được",
            text: describeError(e),
            details: [],
          });
        return null;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    []
  );

  /**
   * Reads Lịch sử for the trends, on request and after a snapshot (not on open: opening the pane
   * costs one round trip, the refresh). A failure only leaves them out.
   */
  const loadTrends = React.useCallback(async (): Promise<void> => {
    try {
      const engine = await load.current();
      setTrends(await engine.readHistoryTrends(deps.run));
    } catch {
      setTrends(null);
    }
  }, [deps]);

  React.useEffect(() => {
    void perform(
      "refresh",
      withEngine((e) => e.refreshWithWorkbookPlan(deps)),
      { quiet: true }
    );
  }, [deps, perform, withEngine]);

  const onCreate = (): void => {
    void perform(
      "create",
      // The workbook's own plan (KeHoach sheet); the built-in one only when it has none yet.
      withEngine((e) =>
        customBuild ? e.createOrUpdate(deps, customBuild) : e.createOrUpdateWorkbookPlan(deps)
      )
    ).then((r) => {
      if (!r?.ok) return;
      // The table is rewritten without filters.
      setActiveUnit(null);
      setOverdueOnly(false);
    });
  };
  const onRefresh = (): void =>
    void perform(
      "refresh",
      withEngine((e) => e.refreshWithWorkbookPlan(deps))
    );
  const onSetDate = (): void => {
    const problem = dateProblem(dateText);
    const iso = parseDateText(dateText);
    setDateError(problem);
    if (problem !== null || iso === null) return;
    void perform(
      "asOf",
      withEngine((e) => e.setAsOfDate(deps, iso))
    );
  };
  const onToday = (): void => {
    setDateText(formatDmy(today()));
    setDateError(null);
    void perform(
      "asOf",
      withEngine((e) => e.setAsOfDate(deps, null))
    );
  };
  const onSnapshot = (period: string): void => {
    void perform(
      "snapshot",
      withEngine((e) => e.snapshotWorkbookPlan(deps, period as SnapshotPeriod, today()))
    ).then((r) => {
      if (r?.ok) void loadTrends();
    });
  };
  const filter = (unit: UnitCount | null, onlyOverdue: boolean): void => {
    void perform(
      "filter",
      withEngine((e) => e.filterByUnit(deps, unit, { overdueOnly: onlyOverdue }))
    ).then((r) => {
      if (!r?.ok) return;
      setActiveUnit(unit);
      setOverdueOnly(onlyOverdue);
    });
  };

  const onSort = (sortId: string): void =>
    void perform(
      "sort",
      withEngine((e) => e.sortTasks(deps, sortId))
    );

  const disabled = busy !== null;
  const asOfShown = counts?.asOf
    ? `${formatDmy(counts.asOf)}${counts.asOfIsToday ? " (hôm nay)" : ""}`
    : counts
      ? "chưa có"
      : "chưa rõ (bấm “Làm mới”)";

  return (
    <div style={styles.root} aria-busy={disabled}>
      {planTitle !== null && (
        <Caption1 data-testid="plan-title">Đang theo dõi: {planTitle}</Caption1>
      )}
      <div style={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={onCreate} data-testid="create">
          Tạo/cập nhật bảng theo dõi
        </Button>
        <Button disabled={disabled} onClick={onRefresh} data-testid="refresh">
          Làm mới
        </Button>
      </div>

      {busy !== null && (
        <div role="status" data-testid="progress">
          <Spinner size="tiny" label={BUSY_TEXT[busy]} labelPosition="after" />
          <ProgressBar thickness="medium" aria-label={BUSY_TEXT[busy]} />
        </div>
      )}

      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
            {notice.details.length > 0 && (
              <ul style={styles.details}>
                {notice.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Divider />
      <Subtitle2 as="h2">Ngày báo cáo</Subtitle2>
      <Caption1 data-testid="as-of">Đang dùng: {asOfShown}</Caption1>
      <AsOfDateField
        text={dateText}
        error={dateError}
        disabled={disabled}
        today={today()}
        onTextChange={(text) => {
          setDateText(text);
          setDateError(null);
        }}
        onApply={onSetDate}
        onToday={onToday}
      />

      <Divider />
      <History
        trends={trends}
        disabled={disabled}
        onSnapshot={onSnapshot}
        onShowTrends={() => void loadTrends()}
      />

      <Divider />
      <Subtitle2 as="h2">Đơn vị chủ trì</Subtitle2>
      <Caption1>Bấm một đơn vị để lọc bảng “Nhiệm vụ” theo đơn vị đó.</Caption1>
      <Checkbox
        label="Chỉ hiện nhiệm vụ quá hạn"
        checked={overdueOnly}
        disabled={disabled}
        onChange={(_e, data) => filter(activeUnit, data.checked === true)}
        data-testid="overdue-only"
      />
      <UnitList
        units={counts?.units ?? []}
        whole={counts?.whole ?? null}
        active={activeUnit === null ? null : unitChoiceKey(activeUnit)}
        disabled={disabled}
        onSelect={(unit) => filter(unit, overdueOnly)}
      />

      <Divider />
      <ImportPlan
        deps={deps}
        disabled={disabled}
        loadEngine={() => load.current()}
        perform={(action) => perform("create", withEngine(action))}
      />

      <Divider />
      <Subtitle2 as="h2">Sắp xếp bảng “Nhiệm vụ”</Subtitle2>
      <Caption1>
        Trang được bảo vệ nên Excel không cho sắp xếp trực tiếp: hãy sắp xếp ở đây.
      </Caption1>
      <SortButtons disabled={disabled} onSort={onSort} />
    </div>
  );
}
