/**
 * The fake's request context, with Office.js batch semantics: every change is queued in the current
 * batch (applied in order; the first failing operation makes the rest of the batch a no-op and
 * `context.sync()` rejects with that error, like a real batch); loads become readable at the next
 * sync; methods newer than the host's ExcelApi version fail the batch with ApiNotFound.
 */
import { BookModel, type Checkpoint } from "./book";
import { FakeOfficeError } from "./model";
import { FakeWorkbook } from "./worksheet";

/** Shared by every context of one fake Excel: the book, the host's API version and the counters. */
export interface FakeExcelState {
  book: BookModel;
  /** Minor version of ExcelApi 1.x that the host supports. */
  apiMinor: number;
  syncCount: number;
  /** Operations queued (not loads), to check that work is batched per range, not per cell. */
  opCount: number;
}

function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`bad version ${version}`);
  return Number(m[1]);
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Syncs done by this context. */
  syncs = 0;
  private pending: (() => void)[] = [];
  private batchError: FakeOfficeError | null = null;
  private dirty = false;
  private restorePoint: Checkpoint | null = null;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  constructor(readonly state: FakeExcelState) {
    this.workbook = new FakeWorkbook(this);
  }

  get book(): BookModel {
    return this.state.book;
  }

  /** Queues a change: applied now (in batch order) unless an earlier operation of the batch failed. */
  op(location: string, fn: () => void, version = "1.1"): void {
    this.dirty = true;
    if (!this.restorePoint) this.restorePoint = this.state.book.checkpoint();
    this.state.opCount += 1;
    if (this.batchError) return;
    if (minorOf(version) > this.state.apiMinor) {
      this.batchError = new FakeOfficeError(
        "ApiNotFound",
        `The API ${location} (ExcelApi ${version}) is not supported by this host.`,
        location
      );
      return;
    }
    try {
      fn();
    } catch (e) {
      const err =
        e instanceof FakeOfficeError
          ? e
          : new FakeOfficeError(
              "GeneralException",
              e instanceof Error ? e.message : String(e),
              location
            );
      if (!err.debugInfo.errorLocation) err.debugInfo.errorLocation = location;
      this.batchError = err;
    }
  }

  /** Queues a load: the snapshot is taken now, made readable at the next sync. */
  queueLoad(version: string, apply: () => () => void): void {
    this.dirty = true;
    if (this.batchError) return;
    if (minorOf(version) > this.state.apiMinor) {
      this.batchError = new FakeOfficeError("ApiNotFound", `This load needs ExcelApi ${version}.`);
      return;
    }
    try {
      this.pending.push(apply());
    } catch (e) {
      this.batchError =
        e instanceof FakeOfficeError ? e : new FakeOfficeError("GeneralException", String(e));
    }
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    this.state.syncCount += 1;
    const err = this.batchError;
    const loads = this.pending;
    this.pending = [];
    this.batchError = null;
    this.dirty = false;
    this.restorePoint?.release();
    this.restorePoint = null;
    // A real sync is asynchronous: callers must await it.
    await Promise.resolve();
    if (err) throw err;
    for (const l of loads) l();
  }

  get hasPendingWork(): boolean {
    return this.dirty;
  }

  /** The batch function failed before syncing: nothing queued since the last sync reaches Excel. */
  discardUnsynced(): void {
    this.restorePoint?.restore();
    this.restorePoint = null;
    this.pending = [];
    this.batchError = null;
    this.dirty = false;
  }
}

/** Base of every proxy object: load/sync/null-object rules. */
