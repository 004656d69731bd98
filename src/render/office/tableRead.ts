/**
 * Reading what users typed in a table without reading the whole table. The merge keeps the key, input,
 * definition (the Chỉ tiêu texts open to corrections) and user columns (and the plan columns of a row
 * without a key, which the user inserted), so only those are loaded: the other plan texts and the
 * computed formulas, most of the table's bytes, stay in Excel.
 *
 * - With the probe's round trip (`queueGuessedRead`): the header row, and the key and input columns at
 *   the places the layout put them. When the header read back has them there and nothing else needs
 *   reading, that is all: the monthly update keeps its single read.
 * - Otherwise (columns moved, a user column, rows without a key, or a response too large for Excel on
 *   the web) `readBoxes` reads exactly what is missing, splitting a read in halves whenever Excel
 *   answers ResponsePayloadSizeLimitExceeded, so the round trips grow with the bytes, not the rows.
 */
import { rangeAddress, type RangePos } from "../../layouts/a1";
import type { Scalar, TableColumn } from "../../layouts/model";
import {
  extractTableInput,
  isKeptValue,
  matchHeader,
  type ExtractedTableInput,
} from "../../layouts/userInputMerge";
import { readCell } from "./cells";
import { errorCode } from "./errors";

/**
 * The roles whose body cells the merge keeps for every row; "definition": the plan's texts open to
 * corrections, compared with the stored plan after the read (layouts/indicatorEdits.ts).
 */
const KEPT_ROLES = new Set(["key", "input", "definition", "user"]);

/**
 * Columns right of the layout's read with the guess, where columns a user added to the table are
 * (kept by the merge as user columns and written back there). Two cover what staff do in practice;
 * more cost one more read. Cells past the table's edge are read but not used.
 */
const USER_COLUMNS_GUESSED = 2;

/** Runs of consecutive column offsets: [0, 11, 12, 13] → [[0, 0], [11, 13]]. */
export function columnRuns(indices: readonly number[]): [number, number][] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

export interface GuessedRead {
  header: Excel.Range;
  /** Column offsets in the table and the range (header row included) loaded for them. */
  runs: { first: number; last: number; range: Excel.Range }[];
  /** Column offset → the layout column expected there (null: a user column, right of the layout). */
  expected: (string | null)[];
}

/**
 * Queues, on the table's whole range, the loads of its header row and of the columns the layout puts
 * the key and the input cells in (nothing is navigated from a null object: `whole` comes from getItem).
 */
export function queueGuessedRead(
  table: Excel.Table,
  whole: Excel.Range,
  columns: readonly TableColumn[]
): GuessedRead {
  const header = table.getHeaderRowRange();
  header.load("formulas, values");
  const wanted = columns.map((c, i) => (KEPT_ROLES.has(c.role) ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < USER_COLUMNS_GUESSED; k += 1) wanted.push(columns.length + k);
  const first = whole.getColumn(0);
  const runs = columnRuns(wanted).map(([a, b]) => {
    const range = first.getOffsetRange(0, a).getResizedRange(0, b - a);
    range.load("formulas, values");
    return { first: a, last: b, range };
  });
  const expected = [...columns.map((c) => c.key), ...Array<null>(USER_COLUMNS_GUESSED).fill(null)];
  return { header, runs, expected };
}

export interface CellGrids {
  formulas: unknown[][];
  values: unknown[][];
}

/**
 * Loads `formulas` and `values` of each box of `sheet` (sheet coordinates), in as few syncs as Excel
 * on the web's response limit allows: all at once, else each half, down to halves of a single box.
 */
export async function readBoxes(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  boxes: readonly RangePos[]
): Promise<CellGrids[]> {
  if (boxes.length === 0) return [];
  try {
    const ranges = boxes.map((b) => {
      const r = sheet.getRange(rangeAddress(b.top, b.left, b.bottom, b.right));
      r.load("formulas, values");
      return r;
    });
    await context.sync();
    return ranges.map((r) => ({
      formulas: r.formulas as unknown[][],
      values: r.values as unknown[][],
    }));
  } catch (e) {
    if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
    if (boxes.length > 1) {
      const mid = Math.ceil(boxes.length / 2);
      const a = await readBoxes(context, sheet, boxes.slice(0, mid));
      return [...a, ...(await readBoxes(context, sheet, boxes.slice(mid)))];
    }
    const b = boxes[0];
    if (b.bottom > b.top) {
      const mid = b.top + Math.floor((b.bottom - b.top) / 2);
      const [a, c] = await readBoxes(context, sheet, [
        { ...b, bottom: mid },
        { ...b, top: mid + 1 },
      ]);
      return [{ formulas: [...a.formulas, ...c.formulas], values: [...a.values, ...c.values] }];
    }
    if (b.right > b.left) {
      const mid = b.left + Math.floor((b.right - b.left) / 2);
      const [a, c] = await readBoxes(context, sheet, [
        { ...b, right: mid },
        { ...b, left: mid + 1 },
      ]);
      return [
        {
          formulas: [[...a.formulas[0], ...c.formulas[0]]],
          values: [[...a.values[0], ...c.values[0]]],
        },
      ];
    }
    throw e;
  }
}

export interface TableReadSpec {
  columns: readonly TableColumn[];
  tableName: string;
  sheetName: string;
  aliases?: Record<string, readonly string[]>;
  /** TableSpec.keepBlankRows: keyed rows with nothing typed are read back too. */
  keepBlankRows?: boolean;
}

/**
 * The typed values of a table whose address (`box`, header row included) and guessed columns were
 * read with the probe: reads what the guess lacks, then extracts them (userInputMerge.ts).
 */
export async function readTableInput(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  box: RangePos,
  guess: GuessedRead | null,
  spec: TableReadSpec
): Promise<ExtractedTableInput> {
  const width = box.right - box.left + 1;
  const bodyRows = box.bottom - box.top;
  let headerRow: Scalar[];
  if (guess) {
    const f = (guess.header.formulas as unknown[][])[0] ?? [];
    const v = (guess.header.values as unknown[][])[0] ?? [];
    headerRow = f.map((h, i) => readCell(h, v[i]));
  } else {
    const [h] = await readBoxes(context, sheet, [{ ...box, bottom: box.top }]);
    headerRow = (h.formulas[0] ?? []).map((x, i) => readCell(x, h.values[0]?.[i]));
  }
  const opts = {
    tableName: spec.tableName,
    sheetName: spec.sheetName,
    aliases: spec.aliases,
    keepBlankRows: spec.keepBlankRows === true,
    // Where the body starts, so typed relative formulas are kept relative to their own row.
    origin: { row: box.top + 1, col: box.left },
  };
  // A header damaged beyond recognition stops the action whatever the body holds: read no more.
  const byHeader = extractTableInput(spec.columns, headerRow, [], opts);
  if (!byHeader.ok) return byHeader;
  const { slots } = matchHeader(spec.columns, headerRow, spec.aliases);
  const body: Scalar[][] = Array.from({ length: bodyRows }, () => Array<Scalar>(width).fill(null));
  const put = (grids: CellGrids, rows: number[], firstCol: number): void => {
    rows.forEach((row, r) => {
      const f = grids.formulas[r] ?? [];
      f.forEach((x, c) => {
        body[row][firstCol + c] = readCell(x, grids.values[r]?.[c]);
      });
    });
  };
  const bodyIndexes = Array.from({ length: bodyRows }, (_, i) => i);

  // A guessed column counts only where the header read back has the column expected there.
  const have = new Set<number>();
  for (const run of guess?.runs ?? []) {
    const formulas = run.range.formulas as unknown[][];
    const values = run.range.values as unknown[][];
    for (let c = run.first; c <= run.last && c < width; c += 1) {
      const want = guess?.expected[c];
      const slot = slots[c];
      if (!slot || (want === null ? slot.role !== "user" : slot.key !== want)) continue;
      const column = (g: unknown[][]): unknown[][] => g.slice(1).map((r) => [r[c - run.first]]);
      put({ formulas: column(formulas), values: column(values) }, bodyIndexes, c);
      have.add(c);
    }
  }

  const missing = slots.filter((s) => KEPT_ROLES.has(s.role) && !have.has(s.index));
  const runs = columnRuns(missing.map((s) => s.index));
  if (bodyRows > 0 && runs.length > 0) {
    const boxes = runs.map(([a, b]) => ({
      top: box.top + 1,
      bottom: box.bottom,
      left: box.left + a,
      right: box.left + b,
    }));
    const grids = await readBoxes(context, sheet, boxes);
    runs.forEach(([a], i) => put(grids[i], bodyIndexes, a));
  }

  // Rows without a key but with typed values keep their plan-column texts too: read those rows.
  const keySlot = slots.find((s) => s.role === "key");
  const planRuns = columnRuns(slots.filter((s) => s.role === "plan").map((s) => s.index));
  const keyless = keySlot
    ? bodyIndexes.filter(
        (i) =>
          !isKeptValue(body[i][keySlot.index]) &&
          slots.some(
            (s) => s.role !== "key" && KEPT_ROLES.has(s.role) && isKeptValue(body[i][s.index])
          )
      )
    : [];
  if (keyless.length > 0 && planRuns.length > 0) {
    const cells = keyless.flatMap((row) => planRuns.map(([a, b]) => ({ row, first: a, last: b })));
    const grids = await readBoxes(
      context,
      sheet,
      cells.map((c) => ({
        top: box.top + 1 + c.row,
        bottom: box.top + 1 + c.row,
        left: box.left + c.first,
        right: box.left + c.last,
      }))
    );
    cells.forEach((c, i) => put(grids[i], [c.row], c.first));
  }

  return extractTableInput(spec.columns, headerRow, body, opts);
}
