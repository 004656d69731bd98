/**
 * Excel on the web refuses a request or a response larger than 5 MB (Microsoft's "Resource limits and
 * performance optimization for Office Add-ins": RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded). The 2-D arrays (formulas, number formats, what a read returns)
 * are what grows with the plan, so writes go out in slices of rows under a byte budget, with a sync
 * between slices only when the budget is spent: a plan that fits one request keeps its round trips.
 */

/**
 * Bytes of 2-D arrays one write request may carry. Measured with Microsoft's Excel web client
 * (test/support/officeJsClient.ts, `npm run bench`): everything else the create/update write batch
 * holds (formats, rules, validation, names, object paths, and office.js's own paths for every
 * 1,500-cell slice of a large array) is 0.27 MB at 1× and 0.34 MB at 100× the plan. 4 MiB of arrays
 * plus that stays under 4.6 MB, with room for the slice paths of a larger plan, below the 5 MB
 * (5,000,000 or 5,242,880 bytes, whichever Microsoft means) Excel on the web accepts.
 */
export const REQUEST_ARRAY_BUDGET_BYTES = 4 * 1024 * 1024;

/** UTF-8 bytes of `value` as JSON: what it adds to the request body office.js sends. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/**
 * Counts the array bytes queued in the current batch; `flush` syncs when something is queued.
 * `afterSync` re-queues what a sync ends (suspended calculation lasts until the next sync).
 */
export class RequestBudget {
  private used = 0;
  /** Syncs this budget made (0 while everything fits one request). */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = REQUEST_ARRAY_BUDGET_BYTES,
    private readonly afterSync: () => void = () => undefined
  ) {}

  get remaining(): number {
    return this.budget - this.used;
  }

  take(bytes: number): void {
    this.used += bytes;
  }

  /** Makes room for `bytes` that are not an array (a range's formats): syncs first if they do not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.remaining < bytes) await this.flush();
    this.used += bytes;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.syncs += 1;
    this.used = 0;
    this.afterSync();
  }
}

/**
 * Writes a 2-D array in slices of whole rows, each within what is left of the budget, syncing when
 * not even the next row fits (a single row always fits an empty budget: 32,767 characters × a table's
 * columns is far below it). `setRows(first, rows)` queues the write of `rows` from row `first`.
 */
export async function writeInSlices<T>(
  grid: readonly T[][],
  budget: RequestBudget,
  setRows: (first: number, rows: T[][]) => void
): Promise<void> {
  // A row's share of the JSON: its own bytes and the comma between rows; 2 for the outer brackets.
  const sizes = grid.map((row) => jsonBytes(row) + 1);
  let first = 0;
  while (first < grid.length) {
    if (budget.remaining < 2 + sizes[first]) await budget.flush();
    let end = first;
    let bytes = 2 + sizes[first];
    while (end + 1 < grid.length && bytes + sizes[end + 1] <= budget.remaining) {
      end += 1;
      bytes += sizes[end];
    }
    budget.take(bytes);
    setRows(first, grid.slice(first, end + 1) as T[][]);
    first = end + 1;
  }
}
