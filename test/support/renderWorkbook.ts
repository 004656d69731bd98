/**
 * Draws a layout into a (fake) workbook as it is, without reading typed values back: the round
 * trips of createOrUpdate (read, write) without the merge, so renderer tests can look at
 * exactly what a layout writes.
 */
import type { WorkbookLayout } from "../../src/layouts/model";
import { ActionError } from "../../src/render/office/errors";
import { targetsOf } from "../../src/layouts/targets";
import { readWorkbook } from "../../src/render/office/probe";
import { detectCapabilities, type IsSetSupported } from "../../src/render/office/requirements";
import { writeLayout, type WrittenSheet } from "../../src/render/office/write";

export async function renderWorkbook(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  opts: { isSetSupported: IsSetSupported }
): Promise<WrittenSheet[]> {
  const caps = detectCapabilities(opts.isSetSupported);
  const found = await readWorkbook(context, targetsOf(layout));
  if (found.problems.length > 0)
    throw new ActionError("Không thể ghi bảng theo dõi: không thay đổi gì.", found.problems);
  const written = await writeLayout(context, layout, found, { caps });
  await context.sync();
  return written;
}
