/**
 * Sorting the "Nhiệm vụ" table on its protected sheet. Excel refuses to sort a protected sheet's table
 * that has locked cells (the plan columns are locked), so staff sort from the task pane: the action
 * unprotects, sorts, and protects again with the same options, in 2 round trips.
 * Typed values are keyed by task, so a later create/update (which restores the plan's order) keeps them.
 */
import { SHEET_PROTECTION } from "../../layouts/style";
import { TASKS_TABLE, taskColumnHeader } from "../../layouts/tasksSheet";
import type { ActionResult, OfficeDeps } from "./actions";
import { ActionError, describeError, officeErrorCode } from "./errors";
import { coreMissingMessage, detectCapabilities } from "./requirements";
import { TASK_SORTS } from "./taskSorts";

export async function sortTasks(deps: OfficeDeps, sortId: string): Promise<ActionResult> {
  const blocked = coreMissingMessage(detectCapabilities(deps.isSetSupported));
  if (blocked) return { ok: false, message: blocked, details: [] };
  const sort = TASK_SORTS.find((s) => s.id === sortId);
  if (!sort) return { ok: false, message: `Không có cách sắp xếp “${sortId}”.`, details: [] };
  const header = taskColumnHeader(sort.column);
  try {
    return await deps.run(async (context) => {
      // getItem, not getItemOrNullObject: loads through it are documented; a missing table or
      // column fails the first sync with ItemNotFound, reported below.
      const table = context.workbook.tables.getItem(TASKS_TABLE);
      const column = table.columns.getItem(header);
      column.load("index");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- navigation to a related object of a getItem proxy, queued in the same batch (documented)
      const protection = table.worksheet.protection;
      protection.load("protected, options");
      await context.sync();
      const relock = protection.protected;
      if (relock) protection.unprotect();
      table.sort.apply([{ key: column.index, ascending: sort.ascending }]);
      if (relock) protection.protect({ ...SHEET_PROTECTION, ...(protection.options ?? {}) });
      await context.sync();
      return {
        ok: true,
        message: `Đã sắp xếp bảng “Nhiệm vụ” theo ${sort.label.toLocaleLowerCase("vi")}.`,
        details: [
          "“Tạo/cập nhật bảng theo dõi” đưa bảng về thứ tự của kế hoạch; số liệu đã nhập được giữ.",
        ],
      };
    });
  } catch (e) {
    if (officeErrorCode(e) === "ItemNotFound")
      return {
        ok: false,
        message: `Chưa có bảng nhiệm vụ (${TASKS_TABLE}) hoặc cột “${header}”. Hãy bấm “Tạo/cập nhật bảng theo dõi” trước.`,
        details: [],
      };
    const details = e instanceof ActionError ? e.details : [];
    return { ok: false, message: describeError(e), details };
  }
}
