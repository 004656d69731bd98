/**
 * The proxy base classes of the fake Excel API, with Office.js semantics:
 * - a property can be read only after `load()` AND a `context.sync()` (else PropertyNotLoaded is
 *   thrown at once); loaded values are the state at the point of the batch where load() was queued;
 * - `isNullObject` is readable only after a sync; loading or reading an object reached from a null
 *   object (undocumented in Office.js) fails.
 * The request context is ./context; the API objects: ./worksheet, ./range, ./rangeFormat, ./table,
 * ./names, ./charts.
 */
import type { FakeRequestContext } from "./context";
import { FakeOfficeError } from "./model";

export type Loader = () => unknown;

function notLoaded(prop: string, type: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${type}) and call "context.sync()" on the associated request context.`
  );
}

function reachedFromNullError(type: string): FakeOfficeError {
  return new FakeOfficeError(
    "InvalidOperation",
    `This ${type} was reached from a null object (a *OrNullObject result that was null): only that result's isNullObject is documented. Check isNullObject first, or use getItem and handle ItemNotFound.`
  );
}

export abstract class ClientObject {
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
    if (this.reachedFromNull) throw reachedFromNullError(this.typeName);
    return this.isNull;
  }

  /**
   * Set on what a *OrNullObject call returns when called on an object that exists: the only null
   * objects whose isNullObject Microsoft documents. A null object reached from one (its worksheet, its
   * range, its items) is undocumented: Excel may answer anything, so the fake refuses to read it.
   */
  private documentedNull = false;
  protected orNull<T extends ClientObject>(result: T): T {
    if (!this.isNull) result.documentedNull = true;
    return result;
  }
  protected get reachedFromNull(): boolean {
    return this.isNull && !this.documentedNull;
  }
  /** Loading an undocumented null object fails the batch at that point. */
  protected refuseLoadFromNull(): boolean {
    if (!this.reachedFromNull) return false;
    this.context.op(`${this.typeName}.load`, () => {
      throw reachedFromNullError(this.typeName);
    });
    return true;
  }

  /** Whether this proxy stands for nothing, without the sync rule (for the office.js bridge). */
  get nullNow(): boolean {
    return this.isNull;
  }

  load(spec?: string | string[] | { select?: string }): this {
    if (this.refuseLoadFromNull()) return this;
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

  /**
   * Queues an operation on this object; on a null object, an operation that fails the batch with
   * ItemNotFound instead (what Office.js does when a null object is written to).
   */
  protected opUnlessNull(location: string, fn: () => void, version?: string): void {
    if (this.isNull) this.fail(location);
    else this.context.op(location, fn, version);
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

export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as unknown as T;
  if (v && typeof v === "object" && !(v instanceof ClientObject)) return { ...(v as object) } as T;
  return v;
}

/** Collections: load("items/name, items/x") loads the listed properties of every item. */
export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  protected abstract itemsNow(): T[];
  protected props(): Record<string, Loader> {
    return { count: () => this.itemsNow().length };
  }
  override load(spec?: string | string[] | { select?: string }): this {
    if (this.refuseLoadFromNull()) return this;
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
export function bag(
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
