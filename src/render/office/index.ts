/**
 * The Office.js renderer: public entry points. See docs/office-renderer.md.
 */
import type { WorkbookLayout } from "../../layouts/model";
import { ActionError } from "./errors";
import { queueProbe, resolveProbe } from "./probe";
import { detectCapabilities, type IsSetSupported } from "./requirements";
import { queueWrite, type WrittenSheet } from "./write";

export {
  createOrUpdate,
  refresh,
  setAsOfDate,
  filterByUnit,
  leadKeysHeader,
  overdueSummary,
} from "./actions";
export type { ActionResult, CreateResult, ExcelRun, LayoutBuilder, OfficeDeps } from "./actions";
export type { UnitCount, WorkbookCounts } from "./counts";
export { describeError, ActionError } from "./errors";
export {
  detectCapabilities,
  coreMissingMessage,
  degradedMessages,
  hostIsSetSupported,
  FEATURE_VERSION,
} from "./requirements";
export type { Capabilities, Feature, IsSetSupported } from "./requirements";

/**
 * Draws `layout` into the workbook as it is (2 syncs: find what exists, write). Values already typed
 * are NOT merged in: use createOrUpdate for that. Refuses (ActionError) when a sheet of the layout's
 * name holds data without its table, or a table is damaged beyond recognition.
 */
export async function renderWorkbook(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  opts: { isSetSupported: IsSetSupported }
): Promise<WrittenSheet[]> {
  const caps = detectCapabilities(opts.isSetSupported);
  const probe = queueProbe(context, layout);
  await context.sync();
  const found = resolveProbe(probe);
  if (found.problems.length > 0)
    throw new ActionError("Không thể ghi bảng theo dõi: không thay đổi gì.", found.problems);
  const written = queueWrite(context, layout, found, { caps });
  await context.sync();
  return written;
}
