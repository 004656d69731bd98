/**
 * The task pane's actions on the live workbook, each with a fixed number of round trips whatever the
 * plan's size (docs/office-renderer.md):
 * - createOrUpdate: 2 syncs when the sheets exist — (1) read what exists, (2) write everything and
 *   read the counts back in the same batch; a first create (or a missing piece) adds one sync to list
 *   what exists, and one to read it when something does (probe.ts);
 * - refresh: 1 sync — recalculate and read the per-unit counts and the as-of date (+2 when missing);
 * - setAsOfDate: 2 syncs — find NgayBaoCao and its sheet's protection, then write + read the counts;
 * - filterByUnit: 2 syncs — find the table column and the protection, then filter.
 * `run` is Excel.run (or a fake); `isSetSupported` is Office.context.requirements.isSetSupported.
 */
import { isoToSerial } from "../../domain/excelDate";
import { formatDmy } from "../../domain/isoDate";
import { STATE_OVERDUE } from "../../domain/taskState";
import type { WorkbookLayout } from "../../layouts/model";
import { SHEET_PROTECTION } from "../../layouts/style";
import { escapeWildcards, unitCriterion, UNIT_SEPARATOR } from "../../layouts/tasksFormulas";
import {
  NAME_AS_OF,
  TASK_HEADER_ALIASES,
  TASKS_TABLE,
  taskColumnHeader,
} from "../../layouts/tasksSheet";
import type { WorkbookTargets } from "../../layouts/targets";
import { NAME_WHOLE_PLAN, UNITS_TABLE } from "../../layouts/unitsSheet";
import type { UserInput } from "../../layouts/userInput";
import { userInputFrom, type ExtractedTableInput } from "../../layouts/userInputMerge";
import {
  queueCounts,
  readCounts,
  readCountsAnyway,
  type CountsParts,
  type UnitCount,
  type WorkbookCounts,
} from "./counts";
import { ActionError, describeError, errorCode, officeErrorCode } from "./errors";
import { readWorkbook } from "./probe";
import {
  coreMissingMessage,
  degradedMessages,
  detectCapabilities,
  hasCustomFunctions,
  NO_CUSTOM_FUNCTIONS_NOTE,
  type IsSetSupported,
} from "./requirements";
import { restoreProtection, writeLayout, type WrittenSheet } from "./write";

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

/**
 * What create/update writes: the targets it looks for first (sheet, table and defined names, from the
 * layout's constants: workbookTargets), and the builder of the layout holding the users' values (e.g.
 * buildWorkbook(plan, { userInput, flavor: "addin" })), called once per action.
 */
export interface LayoutBuilder {
  targets: WorkbookTargets;
  build(
    userInput: UserInput,
    /** What the host can run: without custom functions the plain-formula flavour is wanted. */
    env?: { customFunctions: boolean }
  ): { layout: WorkbookLayout; notes?: string[]; orphans?: unknown[] };
}

export interface CreateResult extends ActionResult {
  sheets?: WrittenSheet[];
  /** Number of typed values read from the workbook and written back. */
  keptValues?: number;
}

function fail(e: unknown, details: string[] = []): ActionResult {
  const extra = e instanceof ActionError ? e.details : [];
  return { ok: false, message: describeError(e), details: [...extra, ...details] };
}

/** Which counts the layout about to be written holds (a test layout may hold none). */
function countsIn(layout: WorkbookLayout): CountsParts {
  const named = (name: string): boolean =>
    layout.sheets.some((s) => s.names.some((n) => n.name === name));
  return {
    table: layout.sheets.some((s) => s.table?.name === UNITS_TABLE),
    asOf: named(NAME_AS_OF),
    whole: named(NAME_WHOLE_PLAN),
  };
}

/** Typed values read back; the plan's definitions read back with them (role "definition") are not. */
function countKept(tables: Record<string, ExtractedTableInput>, layout: WorkbookLayout): number {
  const definitions = new Set(
    layout.sheets.flatMap((s) =>
      (s.table?.columns ?? [])
        .filter((c) => c.role === "definition")
        .map((c) => `${s.table?.name}\u0000${c.key}`)
    )
  );
  let n = 0;
  for (const [name, t] of Object.entries(tables))
    for (const row of Object.values(t.rows))
      n += Object.keys(row).filter((k) => !definitions.has(`${name}\u0000${k}`)).length;
  return n;
}

/**
 * Creates the sheets, or updates them keeping every value users typed (matched by row key and header
 * text). A table damaged beyond recognition stops the action before anything is written.
 */
export async function createOrUpdate(
  deps: OfficeDeps,
  build: LayoutBuilder,
  /** Bytes of arrays per write request (payload.ts; tests pass a small one to see the split). */
  opts: { budgetBytes?: number } = {}
): Promise<CreateResult> {
  const caps = detectCapabilities(deps.isSetSupported);
  const blocked = coreMissingMessage(caps);
  if (blocked) return { ok: false, message: blocked, details: [] };
  const degraded = degradedMessages(caps);
  const env = { customFunctions: hasCustomFunctions(deps.isSetSupported) };
  if (!env.customFunctions) degraded.push(NO_CUSTOM_FUNCTIONS_NOTE);
  try {
    return await deps.run(async (context) => {
      const found = await readWorkbook(context, build.targets, {
        aliases: { [TASKS_TABLE]: TASK_HEADER_ALIASES },
      });
      if (found.problems.length > 0) {
        throw new ActionError(
          "Phần bổ trợ không thay đổi gì trong sổ làm việc: bảng theo dõi đã bị sửa đến mức không nhận ra được. Cách khắc phục:",
          found.problems
        );
      }
      const extracted: Record<string, ExtractedTableInput> = {};
      const notes: string[] = [];
      for (const s of found.sheets) {
        const tableName = build.targets.sheets.find((t) => t.key === s.key)?.table?.name;
        if (s.oldTable?.input && tableName) {
          extracted[tableName] = s.oldTable.input;
          notes.push(...s.oldTable.input.notes);
        }
      }
      const userInput = userInputFrom(extracted, found.nameValues);
      const built = build.build(userInput, env);
      notes.push(...(built.notes ?? []));

      // The write and the read of the counts it produces travel in one batch (the last one, when the
      // layout's arrays need several requests: payload.ts).
      let q: ReturnType<typeof queueCounts>;
      let sheets: WrittenSheet[];
      try {
        sheets = await writeLayout(context, built.layout, found, {
          caps,
          budgetBytes: opts.budgetBytes,
        });
        q = queueCounts(context, { recalculate: true, ...countsIn(built.layout) });
        await context.sync();
      } catch (e) {
        // A bug while queueing (not Excel's answer): nothing more is sent.
        if (officeErrorCode(e) === null) throw e;
        try {
          await restoreProtection(context, found);
        } catch {
          // The original error is the one to report.
        }
        throw e;
      }
      const counts = readCounts(q);

      // A prefilled list (the Đơn vị sheet's names and kinds, keepBlankRows) is not counted as typed.
      const prefilled = new Set(
        build.targets.sheets.flatMap((t) => (t.table?.keepBlankRows ? [t.table.name] : []))
      );
      const kept = countKept(
        Object.fromEntries(Object.entries(extracted).filter(([name]) => !prefilled.has(name))),
        built.layout
      );
      const created = sheets.filter((s) => s.created).length;
      const message =
        (created === sheets.length ? "Đã tạo bảng theo dõi" : "Đã cập nhật bảng theo dõi") +
        ` (${shownNames(built.layout, sheets)})` +
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

export const NOT_STARTED_MESSAGE =
  "Sổ làm việc này chưa có các trang theo dõi CCHC. Bấm “Tạo/cập nhật bảng theo dõi” để tạo các trang Nhiệm vụ, Chỉ tiêu, Theo đơn vị và Đơn vị.";

/** Recalculates and reads the per-unit counts and the as-of date (1 sync). */
export async function refresh(deps: OfficeDeps): Promise<ActionResult> {
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  try {
    return await deps.run(async (context) => {
      const counts = await readCountsAnyway(context);
      if (!counts.found) {
        return {
          ok: false,
          message: NOT_STARTED_MESSAGE,
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
      const wb = context.workbook;
      // getItem, not getItemOrNullObject: the cell's lock and its sheet are read in this same batch,
      // and nothing may be read from an object reached from a null object.
      const range = wb.names.getItem(NAME_AS_OF).getRange();
      const lock = range.format.protection.load("locked");
      const protection = range.worksheet.protection.load("protected, options");
      const unitsTable = wb.tables.getItemOrNullObject(UNITS_TABLE);
      unitsTable.load("name");
      // Workbooks made before the whole-organisation line have no such name.
      const wholeName = wb.names.getItemOrNullObject(NAME_WHOLE_PLAN);
      wholeName.load("name");
      try {
        await context.sync();
      } catch (e) {
        const code = errorCode(e);
        if (code !== "ItemNotFound" && code !== "InvalidReference") throw e;
        throw new ActionError(
          "Chưa có ô “Ngày báo cáo” trên trang “Nhiệm vụ” của sổ làm việc này. Hãy bấm “Tạo/cập nhật bảng theo dõi” trước."
        );
      }
      const relock = protection.protected && lock.locked !== false;
      if (relock) protection.unprotect();
      range.formulas = [[content]];
      if (relock) protection.protect({ ...SHEET_PROTECTION, ...(protection.options ?? {}) });
      const q = queueCounts(context, {
        recalculate: true,
        table: !unitsTable.isNullObject,
        asOf: true,
        whole: !wholeName.isNullObject,
      });
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

/** Header of the computed state column the "only overdue" filter works on. */
const STATE_HEADER = taskColumnHeader("state");

export interface TaskFilter {
  /** Show only the tasks whose state is "Quá hạn". */
  overdueOnly?: boolean;
}

/** The line of "Theo đơn vị" a filter is for (its id, or its name in a workbook without ids). */
/** Before ids the hidden column held ";name;name;" (a ";" inside a name was written ","). */
const legacyNameCriterion = (name: string): string =>
  `*${UNIT_SEPARATOR}${escapeWildcards(name.split(UNIT_SEPARATOR).join(","))}${UNIT_SEPARATOR}*`;

export type UnitChoice = Pick<UnitCount, "id" | "unit">;

/**
 * The hidden lead column's filter criterion for a line: by its id; a workbook written before ids
 * holds names in that column, so there the name is matched (until create/update rewrites it).
 */
export function unitFilterCriterion(unit: UnitChoice): string {
  return unit.id !== null ? unitCriterion(unit.id) : legacyNameCriterion(unit.unit);
}

function filterMessage(unit: string | null, overdueOnly: boolean): string {
  const which = overdueOnly ? "nhiệm vụ quá hạn" : "nhiệm vụ";
  if (unit === null && !overdueOnly) return "Đã bỏ lọc: hiện nhiệm vụ của tất cả đơn vị.";
  if (unit === null) return `Đã lọc bảng “Nhiệm vụ”: chỉ hiện ${which} của toàn cơ quan.`;
  return `Đã lọc bảng “Nhiệm vụ”: chỉ hiện ${which} do ${unit} chủ trì.`;
}

/**
 * Filters tblNhiemVu to the tasks a line of "Theo đơn vị" answers for ("contains ;id;" on the hidden
 * lead-id column), or clears that filter (unit null = "Tất cả"); with overdueOnly, also to the state
 * "Quá hạn" (Excel ANDs the filters of two columns). 2 syncs.
 */
export async function filterByUnit(
  deps: OfficeDeps,
  unit: UnitChoice | null,
  filter: TaskFilter = {}
): Promise<ActionResult> {
  const overdueOnly = filter.overdueOnly === true;
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  try {
    return await deps.run(async (context) => {
      // The table by getItem (its sheet's protection is read in the same batch); the column by
      // getItemOrNullObject on that table, whose isNullObject is documented.
      const table = context.workbook.tables.getItem(TASKS_TABLE);
      const column = table.columns.getItemOrNullObject(LEAD_KEYS_HEADER);
      const protection = table.worksheet.protection.load("protected, options");
      column.load("name");
      const stateColumn = table.columns.getItemOrNullObject(STATE_HEADER);
      stateColumn.load("name");
      try {
        await context.sync();
      } catch (e) {
        if (errorCode(e) !== "ItemNotFound") throw e;
        throw new ActionError(
          "Chưa có bảng nhiệm vụ trên trang “Nhiệm vụ” của sổ làm việc này. Hãy bấm “Tạo/cập nhật bảng theo dõi” trước."
        );
      }
      for (const [col, header] of [
        [column, LEAD_KEYS_HEADER],
        [stateColumn, STATE_HEADER],
      ] as const) {
        if (col.isNullObject)
          throw new ActionError(
            `Bảng nhiệm vụ không còn cột “${header}”. Hãy bấm “Tạo/cập nhật bảng theo dõi” để tạo lại.`
          );
      }
      const relock = protection.protected;
      if (relock) protection.unprotect();
      if (unit === null) column.filter.clear();
      else column.filter.applyCustomFilter(`=${unitFilterCriterion(unit)}`);
      if (overdueOnly) stateColumn.filter.applyValuesFilter([STATE_OVERDUE]);
      else stateColumn.filter.clear();
      if (relock) protection.protect({ ...SHEET_PROTECTION, ...(protection.options ?? {}) });
      await context.sync();
      return {
        ok: true,
        message: filterMessage(unit?.unit ?? null, overdueOnly),
        details: [],
      };
    });
  } catch (e) {
    return fail(e);
  }
}

/** The sheets a user can see, quoted: the very hidden stored plan is not theirs to look for. */
function shownNames(layout: WorkbookLayout, sheets: readonly WrittenSheet[]): string {
  const hidden = new Set(
    layout.sheets.filter((s) => s.visibility === "veryHidden").map((s) => s.name)
  );
  return sheets
    .filter((s) => !hidden.has(s.name))
    .map((s) => `“${s.name}”`)
    .join(", ");
}
