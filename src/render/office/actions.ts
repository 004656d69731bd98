/**
 * The task pane's actions on the live workbook, each with a fixed number of round trips whatever the
 * plan's size (docs/office-renderer.md):
 * - createOrUpdate: ≤ 3 syncs — (1) read what exists, (2) write everything, (3) read the counts back;
 * - refresh: 1 sync — recalculate and read the per-unit counts and the as-of date;
 * - setAsOfDate: 2 syncs — find NgayBaoCao and its sheet's protection, then write + read the counts;
 * - filterByUnit: 2 syncs — find the table column and the protection, then filter.
 * `run` is Excel.run (or a fake); `isSetSupported` is Office.context.requirements.isSetSupported.
 */
import { isoToSerial } from "../../domain/excelDate";
import { formatDmy } from "../../domain/isoDate";
import type { WorkbookLayout } from "../../layouts/model";
import { SHEET_PROTECTION } from "../../layouts/style";
import { unitCriterion } from "../../layouts/tasksFormulas";
import {
  NAME_AS_OF,
  TASK_HEADER_ALIASES,
  TASKS_TABLE,
  taskColumnHeader,
} from "../../layouts/tasksSheet";
import { emptyUserInput, type UserInput } from "../../layouts/userInput";
import { userInputFrom, type ExtractedTableInput } from "../../layouts/userInputMerge";
import { queueCounts, readCounts, type WorkbookCounts } from "./counts";
import { ActionError, describeError } from "./errors";
import { queueProbe, resolveProbe } from "./probe";
import {
  coreMissingMessage,
  degradedMessages,
  detectCapabilities,
  type IsSetSupported,
} from "./requirements";
import { queueWrite, restoreProtection, type WrittenSheet } from "./write";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeDeps {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
}

/** What an action reports to the task pane. */
export interface ActionResult {
  ok: boolean;
  /** One-line Vietnamese summary (success or error). */
  message: string;
  /** Further lines: degraded features, notes about kept values, problems found. */
  details: string[];
  /** Counts read back from the workbook, when the action read them. */
  counts?: WorkbookCounts;
}

/** Builds the layout holding the users' values (e.g. buildWorkbook(plan, { userInput, flavor: "addin" })). */
export type LayoutBuilder = (userInput: UserInput) => {
  layout: WorkbookLayout;
  notes?: string[];
  orphans?: unknown[];
};

export interface CreateResult extends ActionResult {
  sheets?: WrittenSheet[];
  /** Number of typed values read from the workbook and written back. */
  keptValues?: number;
}

function fail(e: unknown, details: string[] = []): ActionResult {
  const extra = e instanceof ActionError ? e.details : [];
  return { ok: false, message: describeError(e), details: [...extra, ...details] };
}

function countKept(tables: Record<string, ExtractedTableInput>): number {
  let n = 0;
  for (const t of Object.values(tables))
    for (const row of Object.values(t.rows)) n += Object.keys(row).length;
  return n;
}

/**
 * Creates the sheets, or updates them keeping every value users typed (matched by row key and header
 * text). A table damaged beyond recognition stops the action before anything is written.
 */
export async function createOrUpdate(
  deps: OfficeDeps,
  build: LayoutBuilder
): Promise<CreateResult> {
  const caps = detectCapabilities(deps.isSetSupported);
  const blocked = coreMissingMessage(caps);
  if (blocked) return { ok: false, message: blocked, details: [] };
  const degraded = degradedMessages(caps);
  try {
    // The empty layout says which tables and names to look for.
    const skeleton = build(emptyUserInput()).layout;
    return await deps.run(async (context) => {
      const probe = queueProbe(context, skeleton);
      await context.sync();
      const found = resolveProbe(probe, { aliases: { [TASKS_TABLE]: TASK_HEADER_ALIASES } });
      if (found.problems.length > 0) {
        throw new ActionError(
          "Bảng theo dõi trong sổ làm việc bị thay đổi quá nhiều: không thay đổi gì.",
          found.problems
        );
      }
      const extracted: Record<string, ExtractedTableInput> = {};
      const notes: string[] = [];
      for (const s of found.sheets) {
        if (s.oldTable?.input && s.layout.table) {
          extracted[s.layout.table.name] = s.oldTable.input;
          notes.push(...s.oldTable.input.notes);
        }
      }
      const userInput = userInputFrom(extracted, found.nameValues);
      const built = build(userInput);
      notes.push(...(built.notes ?? []));

      const sheets = queueWrite(context, built.layout, found, { caps });
      try {
        await context.sync();
      } catch (e) {
        try {
          await restoreProtection(context, found);
        } catch {
          // The original error is the one to report.
        }
        throw e;
      }

      const q = queueCounts(context, { recalculate: true });
      await context.sync();
      const counts = readCounts(q);

      const kept = countKept(extracted);
      const created = sheets.filter((s) => s.created).length;
      const message =
        (created === sheets.length ? "Đã tạo bảng theo dõi" : "Đã cập nhật bảng theo dõi") +
        ` (${sheets.map((s) => `“${s.name}”`).join(", ")})` +
        (kept > 0 ? `; giữ nguyên ${kept} giá trị đã nhập` : "") +
        (counts.found ? `; ${overdueSummary(counts)}.` : ".");
      return {
        ok: true,
        message,
        details: [...degraded, ...notes],
        counts,
        sheets,
        keptValues: kept,
      };
    });
  } catch (e) {
    return fail(e, degraded);
  }
}

/** "quá hạn nhiều nhất: Văn phòng Sở (13), …" or "không có nhiệm vụ quá hạn". */
export function overdueSummary(counts: WorkbookCounts, top = 3): string {
  const late = counts.units.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  if (late.length === 0) return "không có nhiệm vụ quá hạn";
  return `quá hạn nhiều nhất: ${late
    .slice(0, top)
    .map((u) => `${u.unit} (${u.overdue})`)
    .join(", ")}`;
}

/** Recalculates and reads the per-unit counts and the as-of date (1 sync). */
export async function refresh(deps: OfficeDeps): Promise<ActionResult> {
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  try {
    return await deps.run(async (context) => {
      const q = queueCounts(context, { recalculate: true });
      await context.sync();
      const counts = readCounts(q);
      if (!counts.found) {
        return {
          ok: false,
          message:
            "Chưa có bảng theo dõi (trang “Theo đơn vị”) trong sổ làm việc này. Hãy bấm “Tạo/cập nhật bảng theo dõi”.",
          details: [],
          counts,
        };
      }
      return {
        ok: true,
        message: `Đã làm mới số liệu của ${counts.units.length} đơn vị; ${overdueSummary(counts)}.`,
        details: [],
        counts,
      };
    });
  } catch (e) {
    return fail(e);
  }
}

/**
 * Sets NgayBaoCao to a fixed date (ISO "YYYY-MM-DD") or back to =TODAY() (null), then reads the
 * counts for that date (2 syncs). A protected sheet is unprotected for the write and protected again
 * with the same options.
 */
export async function setAsOfDate(deps: OfficeDeps, iso: string | null): Promise<ActionResult> {
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  let content: string | number = "=TODAY()";
  if (iso !== null) {
    const serial = isoToSerial(iso);
    if (serial === null)
      return {
        ok: false,
        message: `Ngày không hợp lệ: “${iso}”. Hãy chọn một ngày (dd/mm/yyyy).`,
        details: [],
      };
    content = serial;
  }
  try {
    return await deps.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(NAME_AS_OF);
      item.load("name");
      const range = item.getRangeOrNullObject();
      range.load("address");
      range.format.protection.load("locked");
      // eslint-disable-next-line office-addins/call-sync-before-read -- navigates from a getItemOrNullObject result before its sync: undocumented, removed by issue 12
      const protection = range.worksheet.protection;
      protection.load("protected, options");
      await context.sync();
      if (item.isNullObject || range.isNullObject) {
        throw new ActionError(
          "Chưa có ô “Ngày báo cáo” (tên NgayBaoCao) trong sổ làm việc. Hãy bấm “Tạo/cập nhật bảng theo dõi” trước."
        );
      }
      const relock = protection.protected && range.format.protection.locked !== false;
      if (relock) protection.unprotect();
      range.formulas = [[content]];
      if (relock) protection.protect({ ...SHEET_PROTECTION, ...(protection.options ?? {}) });
      const q = queueCounts(context, { recalculate: true });
      await context.sync();
      const counts = readCounts(q);
      const shown = iso === null ? "hôm nay (=TODAY())" : formatDmy(iso);
      return { ok: true, message: `Đã đặt ngày báo cáo: ${shown}.`, details: [], counts };
    });
  } catch (e) {
    return fail(e);
  }
}

/** Header of the hidden canonical-lead column the unit filter works on. */
const LEAD_KEYS_HEADER = taskColumnHeader("leadKeys");

/**
 * Filters tblNhiemVu to the tasks a unit leads ("contains |unit|" on the hidden canonical-lead
 * column), or clears that filter (unit null = "Tất cả"). 2 syncs.
 */
export async function filterByUnit(deps: OfficeDeps, unit: string | null): Promise<ActionResult> {
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  try {
    return await deps.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(TASKS_TABLE);
      table.load("name");
      const column = table.columns.getItemOrNullObject(LEAD_KEYS_HEADER);
      column.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read -- navigates from a getItemOrNullObject result before its sync: undocumented, removed by issue 12
      const protection = table.worksheet.protection;
      protection.load("protected, options");
      await context.sync();
      if (table.isNullObject) {
        throw new ActionError(
          "Chưa có bảng nhiệm vụ (tblNhiemVu) trong sổ làm việc. Hãy bấm “Tạo/cập nhật bảng theo dõi” trước."
        );
      }
      if (column.isNullObject) {
        throw new ActionError(
          `Bảng nhiệm vụ không còn cột ẩn “${LEAD_KEYS_HEADER}”. Hãy bấm “Tạo/cập nhật bảng theo dõi” để tạo lại.`
        );
      }
      const relock = protection.protected;
      if (relock) protection.unprotect();
      if (unit === null) column.filter.clear();
      else column.filter.applyCustomFilter(`=${unitCriterion(unit)}`);
      if (relock) protection.protect({ ...SHEET_PROTECTION, ...(protection.options ?? {}) });
      await context.sync();
      return {
        ok: true,
        message:
          unit === null
            ? "Đã bỏ lọc: hiện nhiệm vụ của tất cả đơn vị."
            : `Đã lọc bảng “Nhiệm vụ”: chỉ hiện nhiệm vụ do ${unit} chủ trì.`,
        details: [],
      };
    });
  } catch (e) {
    return fail(e);
  }
}
