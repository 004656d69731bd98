/**
 * The formats of a sheet's blocks, applied to as few ranges as the layout allows. Report sheets put
 * each cell of a row in its own block (a label, a figure, a target), all bordered: one range per block
 * is ~2.5 KB of request per cell and, at 100× the plan, dozens of requests under Excel on the web's
 * 5 MB (payload.ts). Blocks of one format stacked in the same columns, row after row, share one range.
 * Only where no two blocks overlap: then the order formats are applied in cannot change the result.
 */
import type { RangePos } from "../../layouts/a1";
import type { CellFormat } from "../../layouts/model";

export interface FormatRun {
  box: RangePos;
  format: CellFormat;
}

function overlapFree(boxes: readonly RangePos[]): boolean {
  const seen = new Set<string>();
  for (const b of boxes) {
    for (let r = b.top; r <= b.bottom; r += 1) {
      for (let c = b.left; c <= b.right; c += 1) {
        const cell = `${r},${c}`;
        if (seen.has(cell)) return false;
        seen.add(cell);
      }
    }
  }
  return true;
}

/** The ranges to format, in an order that gives the same sheet as one range per block. */
export function formatRuns(
  blocks: readonly { box: RangePos; format: CellFormat | undefined }[]
): FormatRun[] {
  const formatted = blocks.filter(
    (b): b is { box: RangePos; format: CellFormat } => b.format !== undefined
  );
  // Number formats are written as arrays (budgeted apart): they do not decide what merges.
  const keyOf = (f: CellFormat): string => JSON.stringify({ ...f, numberFormat: undefined });
  if (!overlapFree(formatted.map((b) => b.box))) {
    return formatted.map((b) => ({ box: b.box, format: b.format }));
  }
  const open = new Map<string, FormatRun>();
  const runs: FormatRun[] = [];
  const sorted = [...formatted].sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top);
  for (const b of sorted) {
    const column = `${keyOf(b.format)}|${b.box.left}|${b.box.right}`;
    const run = open.get(column);
    if (run && run.box.bottom + 1 === b.box.top) {
      run.box = { ...run.box, bottom: b.box.bottom };
      continue;
    }
    const fresh = { box: { ...b.box }, format: b.format };
    runs.push(fresh);
    open.set(column, fresh);
  }
  return runs;
}
