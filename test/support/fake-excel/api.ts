/**
 * The Excel JavaScript API surface the add-in uses, over BookModel, with Office.js semantics:
 * - every change is queued in the current batch (applied in order; the first failing operation makes
 *   the rest of the batch a no-op and `context.sync()` rejects with that error, like a real batch);
 * - a property can be read only after `load()` AND a `context.sync()` (else PropertyNotLoaded is
 *   thrown at once); loaded values are the state at the point of the batch where load() was queued;
 * - `isNullObject` is readable only after a sync; objects reached from a null object are null too;
 * - methods and properties newer than the host's ExcelApi version fail the batch with ApiNotFound;
 * - writing to locked cells or formatting a protected sheet fails with AccessDenied.
 */
import {
  boxAddress,
  cellCount,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  sameBox,
  sheetPrefix,
  type Box,
} from "./address";
import {
  BookModel,
  checkDefinedName,
  FakeOfficeError,
  NameModel,
  SheetModel,
  TableModel,
  type CfModel,
  type ChartModel,
  type FilterCriteria,
  type Scalar,
} from "./model";

/** Shared by every context of one fake Excel: the book, the host's API version and the counters. */
export interface FakeExcelState {
  book: BookModel;
  /** Minor version of ExcelApi 1.x that the host supports. */
  apiMinor: number;
  syncCount: number;
  /** Operations queued (not loads), to check that work is batched per range, not per cell. */
  opCount: number;
}

type Loader = () => unknown;

function notLoaded(prop: string, type: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${type}) and call "context.sync()" on the associated request context.`
  );
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
  private restorePoint: (() => void) | null = null;
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
    this.restorePoint?.();
    this.restorePoint = null;
    this.pending = [];
    this.batchError = null;
    this.dirty = false;
  }
}

/** Base of every proxy object: load/sync/null-object rules. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private readonly bornAt: number;
  constructor(
    readonly context: FakeRequestContext,
    protected readonly isNull: boolean
  ) {
    this.bornAt = context.syncs;
  }
  protected abstract get typeName(): string;
  /** Loadable scalar properties of this object → snapshot. */
  protected abstract props(): Record<string, Loader>;
  protected get loadVersion(): string {
    return "1.1";
  }

  get isNullObject(): boolean {
    if (this.context.syncs <= this.bornAt) throw notLoaded("isNullObject", this.typeName);
    return this.isNull;
  }

  /** Whether this proxy stands for nothing, without the sync rule (for the office.js bridge). */
  get nullNow(): boolean {
    return this.isNull;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const names = parseLoadSpec(spec);
    const all = this.props();
    const wanted = names.length === 0 ? Object.keys(all) : names;
    for (const n of wanted) {
      if (!(n in all))
        throw new FakeOfficeError(
          "InvalidArgument",
          `${this.typeName} has no loadable property '${n}'.`
        );
    }
    this.context.queueLoad(this.loadVersion, () => {
      if (this.isNull) return () => undefined;
      const snap = wanted.map((n) => [n, clone(all[n]())] as const);
      return () => {
        for (const [n, v] of snap) this.loaded.set(n, v);
      };
    });
    return this;
  }

  private readonly navCache = new Map<string, unknown>();
  /** Navigation properties return the same object on every access, as in Office.js. */
  protected nav<T>(key: string, make: () => T): T {
    if (!this.navCache.has(key)) this.navCache.set(key, make());
    return this.navCache.get(key) as T;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.typeName);
    return this.loaded.get(prop) as T;
  }

  protected fail(location: string): void {
    this.context.op(location, () => {
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.typeName} is a null object).`,
        location
      );
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** True for a null object (or no object): what Excel answers a query on it with null. */
export function isNullProxy(o: unknown): boolean {
  return o === null || (o instanceof ClientObject && o.nullNow);
}

/** True for a collection proxy (Excel answers a query on it with its items). */
export function isCollectionProxy(o: unknown): boolean {
  return o instanceof ClientCollection;
}

function parseLoadSpec(spec?: string | string[] | { select?: string }): string[] {
  if (spec === undefined || spec === null) return [];
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === "object") return parseLoadSpec(spec.select);
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as unknown as T;
  if (v && typeof v === "object" && !(v instanceof ClientObject)) return { ...(v as object) } as T;
  return v;
}

/** Collections: load("items/name, items/x") loads the listed properties of every item. */
abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  protected abstract itemsNow(): T[];
  protected props(): Record<string, Loader> {
    return { count: () => this.itemsNow().length };
  }
  override load(spec?: string | string[] | { select?: string }): this {
    const names = parseLoadSpec(spec);
    const itemProps = names
      .filter((n) => n === "items" || n.startsWith("items/"))
      .map((n) => n.slice(6));
    const own = names.filter((n) => n !== "items" && !n.startsWith("items/"));
    if (own.length > 0) super.load(own);
    if (names.length === 0 || itemProps.length > 0) {
      this.context.queueLoad(this.loadVersion, () => {
        if (this.isNull) return () => undefined;
        const items = this.itemsNow();
        const sub = itemProps.filter((p) => p.length > 0);
        for (const it of items) it.load(sub.length > 0 ? sub : undefined);
        return () => this.loaded.set("items", items);
      });
    }
    return this;
  }
  get items(): T[] {
    return this.read<T[]>("items");
  }
  get count(): number {
    return this.read<number>("count");
  }

  /**
   * getItem's lookup: the model found now; when there is none, an operation that fails at the next
   * sync with ItemNotFound, as Office.js reports a missing item.
   */
  protected itemOrFail<M>(what: string, key: unknown, found: M | null | undefined): M | null {
    if (found === null || found === undefined) {
      this.context.op(`${this.typeName}.getItem`, () => {
        throw new FakeOfficeError(
          "ItemNotFound",
          `The requested resource doesn't exist (${what} "${String(key)}").`
        );
      });
      return null;
    }
    return found;
  }

  /** getItemOrNullObject's lookup (ExcelApi 1.4): the model, or null for a null object. */
  protected itemOrNull<M>(find: () => M | null | undefined): M | null {
    let found = null as M | null;
    this.context.op(
      `${this.typeName}.getItemOrNullObject`,
      () => {
        found = find() ?? null;
      },
      "1.4"
    );
    return found;
  }
}

/**
 * A recording stand-in for nested API objects (conditional-format details, page layout, chart parts):
 * `x.custom.format.fill.color = "#fff"` records "custom.format.fill.color" in `record`.
 */
function bag(
  record: Record<string, unknown>,
  prefix: string,
  onSet: (path: string, value: unknown, apply: () => void) => void,
  methods: Record<string, (...args: unknown[]) => unknown> = {}
): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
        const path = prefix ? `${prefix}.${prop}` : prop;
        if (path in methods) return methods[path];
        if (prop === "load") return () => undefined;
        if (path in record) return record[path];
        return bag(record, path, onSet, methods);
      },
      set(_t, prop, value) {
        if (typeof prop !== "string") return false;
        const path = prefix ? `${prefix}.${prop}` : prop;
        onSet(path, value, () => {
          record[path] = clone(value);
        });
        return true;
      },
    }
  );
}

// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends ClientObject {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "Workbook";
  }
  protected props(): Record<string, Loader> {
    return { name: () => "Book1.xlsx" };
  }
  get worksheets(): FakeWorksheetCollection {
    return this.nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  get tables(): FakeTableCollection {
    return this.nav("tables", () => new FakeTableCollection(this.context, null, false));
  }
  get names(): FakeNamedItemCollection {
    return this.nav("names", () => new FakeNamedItemCollection(this.context));
  }
  get application(): FakeApplication {
    return this.nav("application", () => new FakeApplication(this.context));
  }
}

export class FakeApplication extends ClientObject {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "Application";
  }
  protected props(): Record<string, Loader> {
    return { calculationMode: () => this.context.book.calculationMode };
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  calculate(type: string): void {
    this.context.op("Application.calculate", () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(type))
        throw new FakeOfficeError("InvalidArgument", `Bad calculation type ${type}`);
      this.context.book.version += 1;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.op("Application.suspendApiCalculationUntilNextSync", () => undefined, "1.6");
  }
}

export class FakeWorksheetCollection extends ClientCollection<FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "WorksheetCollection";
  }
  protected itemsNow(): FakeWorksheet[] {
    return this.context.book.sheets.map((s) => new FakeWorksheet(this.context, s));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.itemOrFail("sheet", key, this.context.book.sheet(key))
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.itemOrNull(() => this.context.book.sheet(key))
    );
  }
  add(name?: string): FakeWorksheet {
    let s: SheetModel | null = null;
    this.context.op("WorksheetCollection.add", () => {
      s = this.context.book.addSheet(name);
    });
    return new FakeWorksheet(this.context, s);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.context.book.activeSheet);
  }
}

export class FakeWorksheet extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly model: SheetModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Worksheet";
  }
  private get m(): SheetModel {
    return this.model as SheetModel;
  }
  protected props(): Record<string, Loader> {
    return {
      name: () => this.m.name,
      id: () => this.m.id,
      position: () => this.context.book.sheets.indexOf(this.m),
      visibility: () => this.m.visibility,
      tabColor: () => this.m.tabColor,
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    if (this.isNull) {
      this.fail("Worksheet.name");
      return;
    }
    this.context.op("Worksheet.name", () => this.context.book.renameSheet(this.m, v));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    if (this.isNull) {
      this.fail("Worksheet.position");
      return;
    }
    this.context.op("Worksheet.position", () => {
      const book = this.context.book;
      book.sheets = book.sheets.filter((s) => s !== this.m);
      book.sheets.splice(Math.max(0, Math.min(p, book.sheets.length)), 0, this.m);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(c: string) {
    if (this.isNull) {
      this.fail("Worksheet.tabColor");
      return;
    }
    this.context.op(
      "Worksheet.tabColor",
      () => {
        this.m.tabColor = c;
      },
      "1.7"
    );
  }
  getRange(address?: string): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    let box: Box = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
    if (address !== undefined) {
      try {
        box = this.context.book.resolve(address, this.m).box;
      } catch (e) {
        this.context.op("Worksheet.getRange", () => {
          throw e;
        });
        return new FakeRange(this.context, null, null);
      }
    }
    return new FakeRange(this.context, this.m, box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.context.op("Worksheet.getRangeByIndexes", () => undefined, "1.7");
    return new FakeRange(this.context, this.model, {
      top: row + 1,
      left: col + 1,
      bottom: row + rows,
      right: col + cols,
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.model, {
      top: row + 1,
      left: col + 1,
      bottom: row + 1,
      right: col + 1,
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    let box: Box | null = null;
    this.context.op(
      "Worksheet.getUsedRangeOrNullObject",
      () => {
        box = this.model ? this.context.book.usedBox(this.m) : null;
      },
      "1.4"
    );
    return new FakeRange(this.context, box ? this.model : null, box);
  }
  get tables(): FakeTableCollection {
    return this.nav("tables", () => new FakeTableCollection(this.context, this.model, this.isNull));
  }
  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.context, this.model));
  }
  get protection(): FakeWorksheetProtection {
    return this.nav("protection", () => new FakeWorksheetProtection(this.context, this.model));
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav("freezePanes", () => new FakeFreezePanes(this.context, this.model));
  }
  get pageLayout(): Record<string, unknown> {
    return this.nav("pageLayout", () => this.makePageLayout());
  }
  private makePageLayout(): Record<string, unknown> {
    const sheet = this.model;
    const ctx = this.context;
    const record = sheet ? sheet.page : {};
    return bag(
      record,
      "",
      (path, _v, apply) => {
        if (!sheet) {
          this.fail(`PageLayout.${path}`);
          return;
        }
        ctx.op(
          `PageLayout.${path}`,
          () => {
            ctx.book.assertCanFormat(sheet);
            apply();
          },
          "1.9"
        );
      },
      {
        setPrintArea: (area: unknown) => {
          if (!sheet) {
            this.fail("PageLayout.setPrintArea");
            return;
          }
          ctx.op(
            "PageLayout.setPrintArea",
            () => {
              const addr = area instanceof FakeRange ? area.localAddress() : String(area);
              const { box } = ctx.book.resolve(addr, sheet);
              sheet.page.printArea = boxAddress(box);
            },
            "1.9"
          );
        },
        setPrintTitleRows: (rows: unknown) => {
          if (!sheet) {
            this.fail("PageLayout.setPrintTitleRows");
            return;
          }
          ctx.op(
            "PageLayout.setPrintTitleRows",
            () => {
              const addr = rows instanceof FakeRange ? rows.localAddress() : String(rows);
              const { box } = ctx.book.resolve(addr, sheet);
              if (box.left !== 1 || box.right !== MAX_COLUMNS)
                throw new FakeOfficeError(
                  "InvalidArgument",
                  `Print title rows must be whole rows, got ${addr}`
                );
              sheet.printTitleRows = boxAddress(box, true);
            },
            "1.9"
          );
        },
      }
    );
  }
  activate(): void {
    this.context.op("Worksheet.activate", () => {
      this.context.book.activeSheet = this.m;
    });
  }
  delete(): void {
    if (this.isNull) {
      this.fail("Worksheet.delete");
      return;
    }
    this.context.op("Worksheet.delete", () => this.context.book.deleteSheet(this.m));
  }
}

export class FakeWorksheetProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "WorksheetProtection";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      protected: () => this.sheet?.protection.protected,
      options: () => ({ ...this.sheet?.protection.options }),
    };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Record<string, boolean> {
    return this.read("options");
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    if (!this.sheet) {
      this.fail("WorksheetProtection.protect");
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      "WorksheetProtection.protect",
      () => {
        if (sheet.protection.protected)
          throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.");
        sheet.protection = { protected: true, options: { ...(options ?? {}) }, password };
      },
      password === undefined ? "1.2" : "1.7"
    );
  }
  unprotect(password?: string): void {
    if (!this.sheet) {
      this.fail("WorksheetProtection.unprotect");
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      "WorksheetProtection.unprotect",
      () => {
        if (!sheet.protection.protected) return;
        if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
          throw new FakeOfficeError("InvalidArgument", "The password you supplied is not correct.");
        }
        sheet.protection = { protected: false, options: {} };
      },
      password === undefined ? "1.2" : "1.7"
    );
  }
}

export class FakeFreezePanes extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "WorksheetFreezePanes";
  }
  protected props(): Record<string, Loader> {
    return {};
  }
  private set(loc: string, freeze: { rows: number; columns: number } | null): void {
    if (!this.sheet) {
      this.fail(loc);
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      loc,
      () => {
        sheet.freeze = freeze;
      },
      "1.7"
    );
  }
  freezeRows(count = 1): void {
    this.set("WorksheetFreezePanes.freezeRows", { rows: count, columns: 0 });
  }
  freezeColumns(count = 1): void {
    this.set("WorksheetFreezePanes.freezeColumns", { rows: 0, columns: count });
  }
  freezeAt(range: FakeRange | string): void {
    if (!this.sheet) {
      this.fail("WorksheetFreezePanes.freezeAt");
      return;
    }
    const box =
      range instanceof FakeRange ? range.box : this.context.book.resolve(range, this.sheet).box;
    if (!box) {
      this.fail("WorksheetFreezePanes.freezeAt");
      return;
    }
    const rows =
      box.left === 1 && box.right === MAX_COLUMNS
        ? box.bottom
        : box.top === 1 && box.bottom === MAX_ROWS
          ? 0
          : box.bottom;
    const columns =
      box.top === 1 && box.bottom === MAX_ROWS
        ? box.right
        : box.left === 1 && box.right === MAX_COLUMNS
          ? 0
          : box.right;
    this.set("WorksheetFreezePanes.freezeAt", { rows, columns });
  }
  unfreeze(): void {
    this.set("WorksheetFreezePanes.unfreeze", null);
  }
}

// ---------------------------------------------------------------------------------------------

export class FakeRange extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly sheet: SheetModel | null,
    readonly box: Box | null
  ) {
    super(context, sheet === null || box === null);
  }
  protected get typeName(): string {
    return "Range";
  }
  private get s(): SheetModel {
    return this.sheet as SheetModel;
  }
  private get b(): Box {
    return this.box as Box;
  }
  localAddress(): string {
    return boxAddress(this.b);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const b = this.b;
    if (cellCount(b) > 2_000_000)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The range is too large to read."
      );
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r += 1) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c += 1) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      address: () => `${sheetPrefix(this.s.name)}!${boxAddress(this.b)}`,
      addressLocal: () => `${sheetPrefix(this.s.name)}!${boxAddress(this.b)}`,
      rowIndex: () => this.b.top - 1,
      columnIndex: () => this.b.left - 1,
      rowCount: () => this.b.bottom - this.b.top + 1,
      columnCount: () => this.b.right - this.b.left + 1,
      cellCount: () => cellCount(this.b),
      values: () => this.grid((r, c) => book.valueAt(this.s, r, c)),
      formulas: () => this.grid((r, c) => book.formulaAt(this.s, r, c)),
      numberFormat: () => this.grid((r, c) => book.numberFormatAt(this.s, r, c)),
      text: () => this.grid((r, c) => String(book.valueAt(this.s, r, c))),
      rowHidden: () =>
        tri(rangeOf(this.b.top, this.b.bottom).map((r) => book.isRowHidden(this.s, r))),
      columnHidden: () =>
        tri(
          rangeOf(this.b.left, Math.min(this.b.right, this.b.left + 20000)).map((c) =>
            this.s.hiddenCols.has(c)
          )
        ),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  set values(v: Scalar[][]) {
    this.write("Range.values", v);
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.write("Range.formulas", v);
  }
  get numberFormat(): Scalar[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: Scalar[][]) {
    if (this.isNull) {
      this.fail("Range.numberFormat");
      return;
    }
    this.context.op("Range.numberFormat", () => {
      const grid = this.expand(v);
      this.context.book.assertCanFormat(this.s, "allowFormatCells");
      const b = this.b;
      for (let r = b.top; r <= b.bottom; r += 1) {
        for (let c = b.left; c <= b.right; c += 1)
          this.context.book.setNumberFormat(this.s, r, c, grid[r - b.top][c - b.left]);
      }
    });
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  set rowHidden(h: boolean) {
    if (this.isNull) {
      this.fail("Range.rowHidden");
      return;
    }
    this.context.op(
      "Range.rowHidden",
      () => {
        this.context.book.assertCanFormat(this.s, "allowFormatRows");
        const b = this.b;
        if (b.bottom - b.top > 100000 && h)
          throw new FakeOfficeError("InvalidArgument", "Too many rows to hide in the fake.");
        for (let r = b.top; r <= Math.min(b.bottom, b.top + 100000); r += 1) {
          if (h) this.s.hiddenRows.add(r);
          else this.s.hiddenRows.delete(r);
        }
        if (!h)
          for (const r of [...this.s.filterHidden])
            if (r >= b.top && r <= b.bottom) this.s.filterHidden.delete(r);
        this.context.book.logFormat(this.s, b, "rowHidden", h);
      },
      "1.2"
    );
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }
  set columnHidden(h: boolean) {
    if (this.isNull) {
      this.fail("Range.columnHidden");
      return;
    }
    this.context.op(
      "Range.columnHidden",
      () => {
        this.context.book.assertCanFormat(this.s, "allowFormatColumns");
        const b = this.b;
        for (let c = b.left; c <= b.right; c += 1) {
          if (h) this.s.hiddenCols.add(c);
          else this.s.hiddenCols.delete(c);
        }
        this.context.book.logFormat(this.s, b, "columnHidden", h);
      },
      "1.2"
    );
  }

  /** A single value (not an array) is applied to every cell, as Office.js does. */
  private expand(v: unknown): Scalar[][] {
    const b = this.b;
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (!Array.isArray(v)) {
      if (rows * cols > 2_000_000)
        throw new FakeOfficeError(
          "InvalidArgument",
          "Range too large for a single value in the fake."
        );
      return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v as Scalar));
    }
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`
      );
    }
    return v as Scalar[][];
  }

  private write(location: string, v: unknown): void {
    if (this.isNull) {
      this.fail(location);
      return;
    }
    this.context.op(location, () => {
      const grid = this.expand(v);
      const book = this.context.book;
      book.assertCanWrite(this.s, this.b, grid);
      const b = this.b;
      for (let r = b.top; r <= b.bottom; r += 1) {
        for (let c = b.left; c <= b.right; c += 1)
          book.writeInput(this.s, r, c, grid[r - b.top][c - b.left]);
      }
    });
  }

  private sub(box: Box): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    if (
      box.top < 1 ||
      box.left < 1 ||
      box.bottom > MAX_ROWS ||
      box.right > MAX_COLUMNS ||
      box.bottom < box.top ||
      box.right < box.left
    ) {
      this.context.op("Range", () => {
        throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
      });
      return new FakeRange(this.context, null, null);
    }
    return new FakeRange(this.context, this.sheet, box);
  }
  getCell(row: number, col: number): FakeRange {
    const b = this.b;
    return this.sub({
      top: b.top + row,
      left: b.left + col,
      bottom: b.top + row,
      right: b.left + col,
    });
  }
  getRow(i: number): FakeRange {
    const b = this.b;
    return this.sub({ ...b, top: b.top + i, bottom: b.top + i });
  }
  getColumn(i: number): FakeRange {
    const b = this.b;
    return this.sub({ ...b, left: b.left + i, right: b.left + i });
  }
  getEntireColumn(): FakeRange {
    const b = this.b;
    return this.sub({ ...b, top: 1, bottom: MAX_ROWS });
  }
  getEntireRow(): FakeRange {
    const b = this.b;
    return this.sub({ ...b, left: 1, right: MAX_COLUMNS });
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    this.context.op("Range.getResizedRange", () => undefined, "1.2");
    const b = this.b;
    return this.sub({ ...b, bottom: b.bottom + dr, right: b.right + dc });
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    const b = this.b;
    return this.sub({
      top: b.top + dr,
      bottom: b.bottom + dr,
      left: b.left + dc,
      right: b.right + dc,
    });
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => new FakeWorksheet(this.context, this.sheet));
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, this)
    );
  }
  get dataValidation(): FakeDataValidation {
    return this.nav("dataValidation", () => new FakeDataValidation(this.context, this));
  }
  merge(across = false): void {
    if (this.isNull) {
      this.fail("Range.merge");
      return;
    }
    this.context.op(
      "Range.merge",
      () => {
        const book = this.context.book;
        book.assertCanFormat(this.s);
        if (book.tablesOn(this.s).some((t) => intersects(t.box, this.b)))
          throw new FakeOfficeError("InvalidOperation", "Cells in a table can't be merged.");
        if (this.s.merges.some((m) => intersects(m, this.b)))
          throw new FakeOfficeError(
            "InvalidOperation",
            "The range overlaps merged cells: unmerge first."
          );
        if (across) {
          for (let r = this.b.top; r <= this.b.bottom; r += 1)
            this.s.merges.push({ ...this.b, top: r, bottom: r });
        } else this.s.merges.push({ ...this.b });
      },
      "1.2"
    );
  }
  unmerge(): void {
    if (this.isNull) {
      this.fail("Range.unmerge");
      return;
    }
    this.context.op(
      "Range.unmerge",
      () => {
        this.context.book.assertCanFormat(this.s);
        this.s.merges = this.s.merges.filter((m) => !intersects(m, this.b));
      },
      "1.2"
    );
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    if (this.isNull) {
      this.fail("Range.clear");
      return;
    }
    this.context.op("Range.clear", () => {
      const book = this.context.book;
      if (applyTo === "All" || applyTo === "Contents") book.assertCanWrite(this.s, this.b);
      if (applyTo === "All" || applyTo === "Formats") book.assertCanFormat(this.s);
      for (const t of book.tablesOn(this.s)) {
        if (
          intersects(t.box, this.b) &&
          (applyTo === "All" || applyTo === "Contents") &&
          !containsBox(this.b, t.box)
        ) {
          // Clearing part of a table keeps the table (its header cells become blank names in Excel).
        }
      }
      if (applyTo === "All" || applyTo === "Contents") book.clearContents(this.s, this.b);
      if (applyTo === "All" || applyTo === "Formats") book.clearFormats(this.s, this.b);
    });
  }
  select(): void {
    this.context.op("Range.select", () => undefined);
  }
}

function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function rangeOf(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b && out.length < 200000; i += 1) out.push(i);
  return out;
}

function tri(flags: boolean[]): boolean | null {
  if (flags.every((f) => f)) return true;
  if (flags.every((f) => !f)) return false;
  return null;
}

/** Range.format with font, fill, protection, borders: every assignment is one logged operation. */
export class FakeRangeFormat {
  private readonly cache = new Map<string, unknown>();
  private nav<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  private set(
    prop: string,
    value: unknown,
    version = "1.1",
    allow: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" = "allowFormatCells"
  ): void {
    const { sheet, box } = this.range;
    if (!sheet || !box) {
      this.context.op(`RangeFormat.${prop}`, () => {
        throw new FakeOfficeError("ItemNotFound", "null range");
      });
      return;
    }
    this.context.op(
      `RangeFormat.${prop}`,
      () => {
        this.context.book.assertCanFormat(sheet, allow);
        this.context.book.logFormat(sheet, box, prop, value);
      },
      version
    );
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    if (!(v >= 0 && v <= 255 * 7.5)) {
      this.context.op("RangeFormat.columnWidth", () => {
        throw new FakeOfficeError("InvalidArgument", `Bad column width ${v}`);
      });
      return;
    }
    this.set("columnWidth", v, "1.2", "allowFormatColumns");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, "1.2", "allowFormatRows");
  }
  autofitRows(): void {
    this.set("autofitRows", true, "1.2", "allowFormatRows");
  }
  autofitColumns(): void {
    this.set("autofitColumns", true, "1.2", "allowFormatColumns");
  }
  get font(): Record<string, unknown> {
    return this.nav("font", () => {
      return this.sub("font", "1.1");
    });
  }
  get fill(): Record<string, unknown> {
    return this.nav("fill", () => {
      const s = this.sub("fill", "1.1");
      return new Proxy(s, {
        get: (t, p) => (p === "clear" ? () => this.set("fill.color", null) : Reflect.get(t, p)),
      });
    });
  }
  get protection(): FakeFormatProtection {
    return this.nav("protection", () => {
      return new FakeFormatProtection(this.context, this.range, (value) =>
        this.set("protection.locked", value, "1.2")
      );
    });
  }
  get borders(): Record<string, unknown> {
    return this.nav("borders", () => {
      return {
        getItem: (edge: string) => this.sub(`borders.${edge}`, "1.1"),
      };
    });
  }
  private sub(prefix: string, version: string): Record<string, unknown> {
    return bag({}, prefix, (path, value) => this.set(path, value, version));
  }
}

/** Range.format.protection: `locked` is loadable (null when mixed) and settable. */
export class FakeFormatProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly setLocked: (v: boolean) => void
  ) {
    super(context, range.sheet === null || range.box === null);
  }
  protected get typeName(): string {
    return "FormatProtection";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      locked: () => {
        const { sheet, box } = this.range;
        if (!sheet || !box) return null;
        const flags: boolean[] = [];
        for (let r = box.top; r <= Math.min(box.bottom, box.top + 2000); r += 1) {
          for (let c = box.left; c <= Math.min(box.right, box.left + 200); c += 1)
            flags.push(this.context.book.isLocked(sheet, r, c));
        }
        return tri(flags);
      },
      formulaHidden: () => false,
    };
  }
  get locked(): boolean | null {
    return this.read("locked");
  }
  set locked(v: boolean) {
    this.setLocked(v);
  }
}

// ---- conditional formats & validation ----------------------------------------------------------

export class FakeConditionalFormatCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  add(type: string): Record<string, unknown> {
    const { sheet, box } = this.range;
    const cf: CfModel = { box: box ?? { top: 1, left: 1, bottom: 1, right: 1 }, type, props: {} };
    this.context.op(
      "ConditionalFormatCollection.add",
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        if (
          ![
            "Custom",
            "IconSet",
            "DataBar",
            "ColorScale",
            "CellValue",
            "TopBottom",
            "PresetCriteria",
            "ContainsText",
          ].includes(type)
        ) {
          throw new FakeOfficeError("InvalidArgument", `Bad conditional format type ${type}`);
        }
        this.context.book.assertCanFormat(sheet);
        // A new rule goes on top of the list (priority 0), as in Excel.
        sheet.cfs.unshift(cf);
      },
      "1.6"
    );
    const typeKey: Record<string, string> = {
      Custom: "custom",
      IconSet: "iconSet",
      DataBar: "dataBar",
      ColorScale: "colorScale",
      CellValue: "cellValue",
    };
    return bag(cf.props, "", (path, _v, apply) => {
      this.context.op(
        `ConditionalFormat.${path}`,
        () => {
          const root = path.split(".")[0];
          if (root !== "stopIfTrue" && root !== "priority" && root !== typeKey[type]) {
            throw new FakeOfficeError(
              "InvalidOperation",
              `Cannot set ${path} on a ${type} conditional format.`
            );
          }
          if (sheet) this.context.book.assertCanFormat(sheet);
          apply();
        },
        "1.6"
      );
    });
  }
  clearAll(): void {
    const { sheet, box } = this.range;
    this.context.op(
      "ConditionalFormatCollection.clearAll",
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        this.context.book.assertCanFormat(sheet);
        sheet.cfs = sheet.cfs.filter((cf) => !intersects(cf.box, box));
      },
      "1.6"
    );
  }
}

export class FakeDataValidation {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  private target(loc: string, f: (sheet: SheetModel, box: Box) => void): void {
    const { sheet, box } = this.range;
    this.context.op(
      loc,
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        this.context.book.assertCanFormat(sheet);
        f(sheet, box);
      },
      "1.8"
    );
  }
  private model(sheet: SheetModel, box: Box) {
    let dv = sheet.dvs.find((d) => sameBox(d.box, box));
    if (!dv) {
      if (sheet.dvs.some((d) => intersects(d.box, box))) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "The range already has data validation: call dataValidation.clear() first."
        );
      }
      dv = { box: { ...box }, rule: null };
      sheet.dvs.push(dv);
    }
    return dv;
  }
  set rule(rule: unknown) {
    this.target("DataValidation.rule", (sheet, box) => {
      const r = rule as Record<string, unknown>;
      const kinds = Object.keys(r ?? {});
      if (
        kinds.length !== 1 ||
        !["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"].includes(
          kinds[0]
        )
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A data validation rule needs exactly one criterion."
        );
      }
      const inner = r[kinds[0]] as Record<string, unknown>;
      if (kinds[0] === "list") {
        const src = inner.source;
        if (typeof src !== "string" || src.length === 0 || src.length > 255)
          throw new FakeOfficeError("InvalidArgument", "Bad list source.");
      } else if (
        kinds[0] !== "custom" &&
        (inner.operator === undefined || inner.formula1 === undefined)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A validation criterion needs an operator and formula1."
        );
      }
      this.model(sheet, box).rule = clone(rule);
    });
  }
  set errorAlert(alert: unknown) {
    this.target("DataValidation.errorAlert", (sheet, box) => {
      this.model(sheet, box).errorAlert = clone(alert);
    });
  }
  set prompt(prompt: unknown) {
    this.target("DataValidation.prompt", (sheet, box) => {
      this.model(sheet, box).prompt = clone(prompt);
    });
  }
  set ignoreBlanks(v: boolean) {
    this.target("DataValidation.ignoreBlanks", (sheet, box) => {
      this.model(sheet, box).ignoreBlanks = v;
    });
  }
  clear(): void {
    this.target("DataValidation.clear", (sheet, box) => {
      sheet.dvs = sheet.dvs.filter((d) => !intersects(d.box, box));
    });
  }
}

// ---- tables ------------------------------------------------------------------------------------

export class FakeTableCollection extends ClientCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null,
    nullParent: boolean
  ) {
    super(context, nullParent);
  }
  protected get typeName(): string {
    return "TableCollection";
  }
  protected itemsNow(): FakeTable[] {
    const book = this.context.book;
    const list = this.sheet ? book.tablesOn(this.sheet) : book.tables;
    return list.map((t) => new FakeTable(this.context, t));
  }
  private find(key: string): TableModel | null {
    const t = this.context.book.table(key);
    if (!t || (this.sheet && t.sheet !== this.sheet)) return null;
    return t;
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, this.itemOrFail("table", key, this.find(key)));
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this.context,
      this.itemOrNull(() => (this.isNull ? null : this.find(key)))
    );
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let t: TableModel | null = null;
    this.context.op("TableCollection.add", () => {
      if (this.isNull) throw new FakeOfficeError("ItemNotFound", "null worksheet");
      const book = this.context.book;
      let sheet: SheetModel;
      let box: Box;
      if (address instanceof FakeRange) {
        if (!address.sheet || !address.box) throw new FakeOfficeError("ItemNotFound", "null range");
        sheet = address.sheet;
        box = address.box;
      } else {
        const r = book.resolve(address, this.sheet ?? undefined);
        sheet = r.sheet;
        box = r.box;
      }
      if (this.sheet && sheet !== this.sheet)
        throw new FakeOfficeError("InvalidArgument", "The address is on another sheet.");
      book.assertCanFormat(sheet);
      t = book.addTable(sheet, box, hasHeaders);
    });
    return new FakeTable(this.context, t);
  }
}

export class FakeTable extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly model: TableModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Table";
  }
  private get m(): TableModel {
    return this.model as TableModel;
  }
  protected props(): Record<string, Loader> {
    return {
      name: () => this.m.name,
      id: () => this.m.id,
      style: () => this.m.style,
      showHeaders: () => true,
      showTotals: () => false,
      showFilterButton: () => this.m.showFilterButton,
      showBandedRows: () => this.m.showBandedRows,
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    if (this.isNull) {
      this.fail("Table.name");
      return;
    }
    this.context.op("Table.name", () => this.context.book.renameTable(this.m, v));
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    if (this.isNull) {
      this.fail("Table.style");
      return;
    }
    this.context.op("Table.style", () => {
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v))
        throw new FakeOfficeError("InvalidArgument", `Unknown table style ${v}`);
      this.m.style = v;
    });
  }
  set showFilterButton(v: boolean) {
    if (this.isNull) {
      this.fail("Table.showFilterButton");
      return;
    }
    this.context.op(
      "Table.showFilterButton",
      () => {
        this.m.showFilterButton = v;
      },
      "1.3"
    );
  }
  set showBandedRows(v: boolean) {
    if (this.isNull) {
      this.fail("Table.showBandedRows");
      return;
    }
    this.context.op(
      "Table.showBandedRows",
      () => {
        this.m.showBandedRows = v;
      },
      "1.3"
    );
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => {
      this.context.op("Table.worksheet", () => undefined, "1.2");
      return new FakeWorksheet(this.context, this.model ? this.m.sheet : null);
    });
  }
  get columns(): FakeTableColumnCollection {
    return this.nav("columns", () => new FakeTableColumnCollection(this.context, this.model));
  }
  get rows(): FakeTableRowCollection {
    return this.nav("rows", () => new FakeTableRowCollection(this.context, this.model));
  }
  get sort(): { apply: (fields: { key: number; ascending?: boolean }[]) => void } {
    return {
      apply: (fields) => {
        if (this.isNull) {
          this.fail("TableSort.apply");
          return;
        }
        this.context.op(
          "TableSort.apply",
          () => {
            this.context.book.assertCanFormat(this.m.sheet, "allowSort");
            const f = fields[0];
            this.context.book.sortTable(this.m, f.key, f.ascending !== false);
          },
          "1.2"
        );
      },
    };
  }
  private range(f: (t: TableModel) => Box): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    return new FakeRange(this.context, this.m.sheet, f(this.m));
  }
  getRange(): FakeRange {
    return this.range((t) => t.box);
  }
  getHeaderRowRange(): FakeRange {
    return this.range((t) => t.headerBox);
  }
  getDataBodyRange(): FakeRange {
    return this.range((t) => t.bodyBox);
  }
  clearFilters(): void {
    if (this.isNull) {
      this.fail("Table.clearFilters");
      return;
    }
    this.context.op(
      "Table.clearFilters",
      () => {
        this.m.filters.clear();
        this.context.book.applyFilters(this.m);
      },
      "1.2"
    );
  }
  reapplyFilters(): void {
    if (this.isNull) {
      this.fail("Table.reapplyFilters");
      return;
    }
    this.context.op("Table.reapplyFilters", () => this.context.book.applyFilters(this.m), "1.2");
  }
  convertToRange(): FakeRange {
    const r = this.getRange();
    if (this.isNull) {
      this.fail("Table.convertToRange");
      return r;
    }
    this.context.op(
      "Table.convertToRange",
      () => {
        this.context.book.assertCanFormat(this.m.sheet);
        this.context.book.convertTableToRange(this.m);
      },
      "1.2"
    );
    return r;
  }
  delete(): void {
    if (this.isNull) {
      this.fail("Table.delete");
      return;
    }
    this.context.op("Table.delete", () => {
      this.context.book.assertCanFormat(this.m.sheet);
      this.context.book.deleteTable(this.m);
    });
  }
  resize(address: FakeRange | string): void {
    if (this.isNull) {
      this.fail("Table.resize");
      return;
    }
    this.context.op(
      "Table.resize",
      () => {
        const box =
          address instanceof FakeRange
            ? address.box
            : this.context.book.resolve(address, this.m.sheet).box;
        if (!box || box.top !== this.m.box.top || !intersects(box, this.m.box))
          throw new FakeOfficeError("InvalidArgument", "Bad resize range");
        this.m.box = { ...box };
      },
      "1.13"
    );
  }
}

export class FakeTableRowCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableRowCollection";
  }
  protected props(): Record<string, Loader> {
    return { count: () => (this.table ? this.table.box.bottom - this.table.box.top : 0) };
  }
  get count(): number {
    return this.read("count");
  }
}

export class FakeTableColumnCollection extends ClientCollection<FakeTableColumn> {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableColumnCollection";
  }
  protected itemsNow(): FakeTableColumn[] {
    if (!this.table) return [];
    const t = this.table;
    return this.context.book
      .tableHeaders(t)
      .map((_h, i) => new FakeTableColumn(this.context, t, i));
  }
  private indexOf(key: string | number): number {
    if (!this.table) return -1;
    const headers = this.context.book.tableHeaders(this.table);
    if (typeof key === "number") return key >= 0 && key < headers.length ? key : -1;
    return headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
  }
  private column(i: number | null): FakeTableColumn {
    return new FakeTableColumn(this.context, i === null ? null : this.table, i ?? -1);
  }
  private found(key: string | number): number | null {
    const i = this.indexOf(key);
    return i < 0 ? null : i;
  }
  getItem(key: string | number): FakeTableColumn {
    return this.column(this.itemOrFail("column", key, this.found(key)));
  }
  getItemOrNullObject(key: string | number): FakeTableColumn {
    return this.column(this.itemOrNull(() => this.found(key)));
  }
  getItemAt(index: number): FakeTableColumn {
    return this.getItem(index);
  }
}

export class FakeTableColumn extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null,
    private readonly offset: number
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableColumn";
  }
  private get t(): TableModel {
    return this.table as TableModel;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      name: () => book.tableHeaders(this.t)[this.offset],
      index: () => this.offset,
      id: () => this.offset + 1,
      values: () => {
        const out: Scalar[][] = [];
        for (let r = this.t.box.top; r <= this.t.box.bottom; r += 1)
          out.push([book.valueAt(this.t.sheet, r, this.t.box.left + this.offset)]);
        return out;
      },
    };
  }
  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  private colBox(part: "body" | "header" | "all"): Box {
    const t = this.t;
    const col = t.box.left + this.offset;
    const top = part === "body" ? t.box.top + 1 : t.box.top;
    const bottom = part === "header" ? t.box.top : t.box.bottom;
    return { top, bottom, left: col, right: col };
  }
  getDataBodyRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("body"))
      : new FakeRange(this.context, null, null);
  }
  getHeaderRowRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("header"))
      : new FakeRange(this.context, null, null);
  }
  getRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("all"))
      : new FakeRange(this.context, null, null);
  }
  get filter(): FakeFilter {
    return this.nav("filter", () => new FakeFilter(this.context, this.table, this.offset));
  }
}

export class FakeFilter extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null,
    private readonly offset: number
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "Filter";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      criteria: () =>
        this.table?.filters.get(this.offset)
          ? { ...this.table.filters.get(this.offset) }
          : { filterOn: "Custom" },
    };
  }
  get criteria(): FilterCriteria {
    return this.read("criteria");
  }
  private set(loc: string, crit: FilterCriteria | null): void {
    if (!this.table) {
      this.fail(loc);
      return;
    }
    const t = this.table;
    this.context.op(
      loc,
      () => {
        this.context.book.assertCanFormat(t.sheet, "allowAutoFilter");
        if (crit) t.filters.set(this.offset, crit);
        else t.filters.delete(this.offset);
        this.context.book.applyFilters(t);
      },
      "1.2"
    );
  }
  applyCustomFilter(criteria1: string, criteria2?: string, oper?: "And" | "Or"): void {
    if (typeof criteria1 !== "string" || criteria1.length > 255) {
      this.context.op("Filter.applyCustomFilter", () => {
        throw new FakeOfficeError("InvalidArgument", "Bad filter criterion.");
      });
      return;
    }
    this.set("Filter.applyCustomFilter", {
      filterOn: "Custom",
      criterion1: criteria1,
      criterion2: criteria2,
      operator: oper,
    });
  }
  applyValuesFilter(values: string[]): void {
    this.set("Filter.applyValuesFilter", { filterOn: "Values", values: [...values] });
  }
  apply(criteria: {
    filterOn: string;
    criterion1?: string;
    criterion2?: string;
    operator?: "And" | "Or";
    values?: string[];
  }): void {
    this.set("Filter.apply", { ...(criteria as FilterCriteria) });
  }
  clear(): void {
    this.set("Filter.clear", null);
  }
}

// ---- names -------------------------------------------------------------------------------------

export class FakeNamedItemCollection extends ClientCollection<FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "NamedItemCollection";
  }
  protected itemsNow(): FakeNamedItem[] {
    return this.context.book.names.map((n) => new FakeNamedItem(this.context, n));
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.itemOrFail("name", name, this.context.book.name(name))
    );
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.itemOrNull(() => this.context.book.name(name))
    );
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let model: NameModel | null = null;
    this.context.op(
      "NamedItemCollection.add",
      () => {
        const book = this.context.book;
        checkDefinedName(name);
        if (book.name(name) || book.table(name))
          throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
        if (reference instanceof FakeRange) {
          if (!reference.sheet || !reference.box)
            throw new FakeOfficeError("ItemNotFound", "null range");
          model = new NameModel(name, reference.sheet, { ...reference.box }, null, comment ?? "");
        } else {
          let resolved: { sheet: SheetModel; box: Box } | null = null;
          try {
            resolved = book.resolve(reference);
          } catch {
            resolved = null;
          }
          model = resolved
            ? new NameModel(name, resolved.sheet, resolved.box, null, comment ?? "")
            : new NameModel(name, null, null, reference, comment ?? "");
        }
        book.names.push(model);
      },
      "1.4"
    );
    return new FakeNamedItem(this.context, model);
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly model: NameModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "NamedItem";
  }
  private get m(): NameModel {
    return this.model as NameModel;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      name: () => this.m.name,
      type: () =>
        this.m.box
          ? this.m.sheet && book.sheets.includes(this.m.sheet)
            ? "Range"
            : "Error"
          : "String",
      value: () => this.m.formula(book).replace(/^=/, ""),
      formula: () => this.m.formula(book),
      comment: () => this.m.comment,
      visible: () => this.m.visible,
      scope: () => "Workbook",
    };
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): string {
    return this.read("value");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    if (this.isNull) {
      this.fail("NamedItem.visible");
      return;
    }
    this.context.op("NamedItem.visible", () => {
      this.m.visible = v;
    });
  }
  getRange(): FakeRange {
    const ok =
      this.model && this.m.box && this.m.sheet && this.context.book.sheets.includes(this.m.sheet);
    if (!ok) {
      this.context.op("NamedItem.getRange", () => {
        throw new FakeOfficeError("InvalidReference", "The name does not refer to a range.");
      });
      return new FakeRange(this.context, null, null);
    }
    return new FakeRange(this.context, this.m.sheet, this.m.box);
  }
  getRangeOrNullObject(): FakeRange {
    let sheet: SheetModel | null = null;
    let box: Box | null = null;
    this.context.op(
      "NamedItem.getRangeOrNullObject",
      () => {
        if (
          this.model &&
          this.m.box &&
          this.m.sheet &&
          this.context.book.sheets.includes(this.m.sheet)
        ) {
          sheet = this.m.sheet;
          box = this.m.box;
        }
      },
      "1.4"
    );
    return new FakeRange(this.context, sheet, box);
  }
  delete(): void {
    if (this.isNull) {
      this.fail("NamedItem.delete");
      return;
    }
    this.context.op(
      "NamedItem.delete",
      () => {
        this.context.book.names = this.context.book.names.filter((n) => n !== this.model);
      },
      "1.4"
    );
  }
}

// ---- charts ------------------------------------------------------------------------------------

export class FakeChartCollection extends ClientCollection<FakeChart> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "ChartCollection";
  }
  protected itemsNow(): FakeChart[] {
    return (this.sheet?.charts ?? []).map((c) => new FakeChart(this.context, this.sheet, c));
  }
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let model: ChartModel | null = null;
    this.context.op("ChartCollection.add", () => {
      if (!this.sheet || !sourceData.box)
        throw new FakeOfficeError("ItemNotFound", "null sheet or range");
      this.context.book.assertCanFormat(this.sheet);
      const sheet = this.sheet;
      let i = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${i}`)) i += 1;
      model = {
        name: `Chart ${i}`,
        type,
        source: { ...sourceData.box },
        seriesBy,
        props: {},
        series: [{ props: {} }],
      };
      sheet.charts.push(model);
    });
    return new FakeChart(this.context, this.sheet, model);
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(
      this.context,
      this.sheet,
      this.itemOrNull(() => this.sheet?.charts.find((c) => c.name === name))
    );
  }
  /** How office.js addresses an item of a loaded collection when Excel gave it no id. */
  getItemAt(index: number): FakeChart {
    const model = this.sheet?.charts[index] ?? null;
    return new FakeChart(this.context, this.sheet, this.itemOrFail("chart", index, model));
  }
}

export class FakeChart extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null,
    private readonly model: ChartModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Chart";
  }
  protected props(): Record<string, Loader> {
    return { name: () => this.model?.name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    if (!this.model) {
      this.fail("Chart.name");
      return;
    }
    const m = this.model;
    this.context.op("Chart.name", () => {
      m.name = v;
    });
  }
  private record(path: string, apply: () => void, version = "1.1"): void {
    if (!this.model) {
      this.fail(`Chart.${path}`);
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      `Chart.${path}`,
      () => {
        if (sheet) this.context.book.assertCanFormat(sheet);
        apply();
      },
      version
    );
  }
  get title(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "title", (path, _v, apply) => this.record(path, apply));
  }
  get legend(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "legend", (path, _v, apply) => this.record(path, apply));
  }
  get axes(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "axes", (path, _v, apply) =>
      this.record(path, apply, "1.1")
    );
  }
  get dataLabels(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "dataLabels", (path, _v, apply) =>
      this.record(path, apply)
    );
  }
  get series(): { getItemAt: (i: number) => Record<string, unknown> } {
    return {
      getItemAt: (i: number) => {
        const s = this.model?.series[i];
        const props = s?.props ?? {};
        return bag(props, "", (path, _v, apply) => this.record(`series.${path}`, apply), {
          setXAxisValues: (r: unknown) =>
            this.record(
              "series.setXAxisValues",
              () => {
                if (s) s.xValues = r instanceof FakeRange ? r.localAddress() : String(r);
              },
              "1.7"
            ),
          setValues: (r: unknown) =>
            this.record(
              "series.setValues",
              () => {
                if (s) s.values = r instanceof FakeRange ? r.localAddress() : String(r);
              },
              "1.7"
            ),
        });
      },
    };
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const a = (x: FakeRange | string) => (x instanceof FakeRange ? x.localAddress() : x);
    this.record("setPosition", () => {
      if (this.model)
        this.model.position = { start: a(start), end: end === undefined ? undefined : a(end) };
    });
  }
  delete(): void {
    const m = this.model;
    this.record("delete", () => {
      if (this.sheet) this.sheet.charts = this.sheet.charts.filter((c) => c !== m);
    });
  }
}
