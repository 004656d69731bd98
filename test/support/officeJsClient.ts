/**
 * Microsoft's real Excel web client (`@microsoft/office-js/dist/excel-web-16.00.debug.js`) loaded in
 * jsdom, with a stand-in transport in place of Excel on the web: every request the client sends is
 * observed (its JSON body, as Excel receives it, and the response's size) and answered by replaying
 * its actions on the fake Excel (fakeExcel.ts), one fake batch per request. So the counts here are the
 * real client's, not the fake's: the waiting round trips of an action, the cleanup request office.js
 * sends after the batch function ends, and the bytes each way.
 *
 *   const client = createOfficeJsClient(createFakeExcel());
 *   await createOrUpdate({ run: client.run, isSetSupported: client.isSetSupported }, build);
 *   client.lastRun.waiting   // round trips the action waited for
 *   client.lastRun.cleanup   // requests sent after the batch function ended (office.js housekeeping)
 *
 * What the replay cannot vouch for: the exact shape of real Excel's responses (PascalCase keys, `_Items`
 * for collections: the shape the client's own `_handleResult` reads) and real errors (the fake's).
 */
import * as fs from "fs";
import { JSDOM } from "jsdom";
import type { ExcelRun } from "../../src/render/office/actions";
import type { FakeExcel } from "./fakeExcel";
import { FakeOfficeError, FakeRequestContext } from "./fakeExcel";
import { isCollectionProxy, isNullProxy } from "./fake-excel/client";

const CLIENT_FILE = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

export interface ObservedRequest {
  /** "batch": sent by a context.sync() the action awaits; "cleanup": after the batch function ended. */
  kind: "batch" | "cleanup";
  /** UTF-8 bytes of the request body (the JSON Excel on the web receives). */
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** "Code: message" of the error Excel answered with, if the batch failed. */
  error?: string;
}

export interface ObservedRun {
  requests: ObservedRequest[];
  /** Round trips the batch function (and Excel.run's final sync) waited for. */
  waiting: number;
  /** Requests sent after the batch ended, which nobody waits for (auto-tracked object removal). */
  cleanup: number;
}

export interface OfficeJsClient {
  run: ExcelRun;
  isSetSupported: FakeExcel["isSetSupported"];
  runs: ObservedRun[];
  readonly lastRun: ObservedRun;
  /** Every request body sent so far (parsed), for tests that look at what was sent. */
  bodies: RequestBody[];
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}
interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

type ClientWindow = JSDOM["window"] & {
  Excel: { run: ExcelRun };
  OSF: {
    DDA: {
      RichApi: { executeRichApiRequestAsync: (msg: unknown[], cb: (r: unknown) => void) => void };
    };
  };
};

let clientSource: string | null = null;

/** A fresh window with the real client loaded (the script is read once per process). */
function loadClient(): ClientWindow {
  clientSource ??= fs.readFileSync(CLIENT_FILE, "utf8");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/taskpane.html",
  });
  dom.window.eval(clientSource);
  return dom.window as unknown as ClientWindow;
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const bytes = (s: string): number => Buffer.byteLength(s, "utf8");
/** The method office.js calls to drop auto-tracked objects at the end of Excel.run. */
const CLEANUP_METHOD = "_RemoveReference";
/** What office.js asks Excel before setting a large 2-D array on a Range (rows, columns). */
const VALIDATE_ARRAY_METHOD = "_ValidateArraySize";
/** The method office.js calls so Excel keeps an object (Excel.run does it for each Range). */
const KEEP_METHOD = "_KeepReference";

type Target = Record<string, unknown> | null;

/**
 * What Excel on the web keeps between the requests of one Excel.run: the objects office.js asked it to
 * keep (`_KeepReference`, which Excel.run does for every Range) under a reference id, and one fake
 * request context, so proxies made by one request stay valid in the next.
 */
interface Session {
  ctx: FakeRequestContext;
  refs: Map<string, Target>;
  nextRef: number;
}

/** Replays one request body on the session's fake context; the Results array and the error, if any. */
async function replay(
  body: RequestBody,
  session: Session
): Promise<{ results: { ActionId: number; Value: unknown }[]; error: unknown }> {
  const { ctx, refs } = session;
  const objects = new Map<number, Target>();
  const kept = new Map<number, string>();
  // An omitted optional argument travels as null; Excel treats it as omitted.
  const args = (info: ArgumentInfo | undefined): unknown[] =>
    (info?.Arguments ?? []).map((a, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref ? resolve(ref) : (a ?? undefined);
    });
  const resolve = (id: number): Target => {
    if (objects.has(id)) return objects.get(id) ?? null;
    const p = body.ObjectPaths[String(id)];
    if (!p) throw new Error(`object path ${id} not in the request`);
    let obj: Target;
    const parent = (): Record<string, unknown> => {
      const o = resolve(p.ParentObjectPathId ?? -1);
      if (!o) throw new FakeOfficeError("ItemNotFound", "parent is a null object");
      return o;
    };
    switch (p.ObjectPathType) {
      case 1: // the global object: Excel's workbook
        obj = ctx.workbook as unknown as Record<string, unknown>;
        break;
      case 3: {
        const o = parent();
        const fn = o[camel(p.Name)];
        if (typeof fn !== "function") throw new Error(`fake lacks method ${p.Name}`);
        obj = (fn as (...a: unknown[]) => Target).apply(o, args(p.ArgumentInfo));
        break;
      }
      case 4:
        obj = parent()[camel(p.Name)] as Target;
        if (obj === undefined) throw new Error(`fake lacks property ${p.Name}`);
        break;
      case 5: {
        const o = parent() as { getItem?: (k: unknown) => Target };
        if (!o.getItem) throw new Error("fake collection lacks getItem");
        obj = o.getItem(args(p.ArgumentInfo)[0]);
        break;
      }
      case 6: // an object kept by reference in an earlier request
        if (!refs.has(p.Name)) throw new FakeOfficeError("InvalidObjectPath", "unknown reference");
        obj = refs.get(p.Name) ?? null;
        break;
      case 7:
        obj = null;
        break;
      default:
        throw new Error(`object path type ${p.ObjectPathType} is not replayed`);
    }
    objects.set(id, obj);
    return obj;
  };

  // Actions are queued on the fake as the client queued them; values are read after the fake's sync.
  const readers: (() => { ActionId: number; Value: unknown })[] = [];
  let error: unknown = null;
  try {
    for (const a of body.Actions) {
      const target = resolve(a.ObjectPathId);
      switch (a.ActionType) {
        case 1: // Instantiate
          readers.push(() => {
            if (isNullProxy(target)) return { ActionId: a.Id, Value: null };
            const ref = kept.get(a.ObjectPathId);
            return { ActionId: a.Id, Value: ref ? { _ReferenceId: ref } : {} };
          });
          break;
        case 2: {
          if (!target) throw new FakeOfficeError("InvalidArgument", "query on a null path");
          // A query on a collection selects its items' properties ("items/name" in load()).
          const many = isCollectionProxy(target);
          const select = a.QueryInfo?.Select ?? [];
          if ((a.QueryInfo?.Expand ?? []).length > 0) throw new Error("Expand is not replayed");
          const spec = select.map((p) => (many ? `items/${p}` : p)).join(", ");
          (target as { load: (s?: string) => void }).load(spec || (many ? "items" : undefined));
          readers.push(() => ({ ActionId: a.Id, Value: queryValue(target, select, many) }));
          break;
        }
        case 3: {
          if (a.Name === KEEP_METHOD) {
            const ref = `ref${(session.nextRef += 1)}`;
            refs.set(ref, target);
            kept.set(a.ObjectPathId, ref);
            break;
          }
          // Sent before a large values/formulas array; the fake checks the array's shape itself.
          if (a.Name === VALIDATE_ARRAY_METHOD) break;
          if (a.Name === CLEANUP_METHOD) {
            refs.delete(String(args(a.ArgumentInfo)[0]));
            break;
          }
          if (!target) throw new FakeOfficeError("ItemNotFound", "method on a null path");
          const fn = target[camel(a.Name)];
          if (typeof fn !== "function") throw new Error(`fake lacks method ${a.Name}`);
          const ret = (fn as (...x: unknown[]) => unknown).apply(target, args(a.ArgumentInfo));
          if (ret !== undefined) readers.push(() => ({ ActionId: a.Id, Value: plain(ret) }));
          break;
        }
        case 4:
          if (!target) throw new FakeOfficeError("ItemNotFound", "property set on a null path");
          target[camel(a.Name)] = a.ArgumentInfo?.Arguments?.[0];
          break;
        default:
          throw new Error(`action type ${a.ActionType} is not replayed`);
      }
    }
  } catch (e) {
    error = e;
  }
  try {
    await ctx.sync();
  } catch (e) {
    error ??= e;
  }
  if (error) return { results: [], error };
  return { results: readers.map((r) => r()), error: null };
}

/** What a method returned, as JSON (client objects are addressed by their path, not returned). */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v ?? null;
  return null;
}

function queryValue(target: Record<string, unknown>, select: string[], many: boolean): unknown {
  if (isNullProxy(target)) return null;
  if (select.some((s) => s.includes("/"))) throw new Error(`nested select is not replayed`);
  if (many) {
    const items = target.items as Record<string, unknown>[];
    return { _Items: items.map((it) => scalarProps(it, select)) };
  }
  return scalarProps(target, select);
}

function scalarProps(o: Record<string, unknown>, props: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) out[pascal(p)] = o[p];
  return out;
}

function errorBody(e: unknown): { Error: Record<string, unknown> } {
  if (e instanceof FakeOfficeError)
    return {
      Error: {
        Code: e.code,
        Message: e.message,
        Location: e.debugInfo.errorLocation ?? "",
        HttpStatusCode: 400,
      },
    };
  // A request the replay cannot follow is a harness gap, not an Excel error: make it loud.
  throw e;
}

/** The real Excel web client over `fake`. One client (and one jsdom window) per test. */
/**
 * Excel on the web refuses a request or a response larger than about 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; Microsoft's "Resource limits
 * and performance optimization for Office Add-ins"). The stand-in transport does the same.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function createOfficeJsClient(
  fake: FakeExcel,
  opts: { payloadLimitBytes?: number } = {}
): OfficeJsClient {
  const limit = opts.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
  const w = loadClient();
  const runs: ObservedRun[] = [];
  const bodies: RequestBody[] = [];
  let current: ObservedRun | null = null;
  let session: Session | null = null;
  let harnessError: unknown = null;

  w.OSF.DDA.RichApi.executeRichApiRequestAsync = (msg, cb) => {
    const text = String(msg[4]);
    const body = JSON.parse(text) as RequestBody;
    bodies.push(body);
    // The cleanup request: the root's instantiation and one _RemoveReference per kept object.
    const cleanup =
      body.Actions.some((a) => a.Name === CLEANUP_METHOD) &&
      body.Actions.every((a) => a.ActionType === 1 || a.Name === CLEANUP_METHOD);
    session ??= { ctx: new FakeRequestContext(fake.state), refs: new Map(), nextRef: 0 };
    // An oversized request is refused whole: nothing of it reaches the workbook.
    const outcome =
      bytes(text) > limit
        ? Promise.resolve({
            results: [],
            error: new FakeOfficeError(
              "RequestPayloadSizeLimitExceeded",
              `The request payload size (${bytes(text)} bytes) has exceeded the limit.`
            ) as unknown,
          })
        : replay(body, session);
    void outcome.then(({ results, error }) => {
      let responseBody: string;
      try {
        responseBody = JSON.stringify(
          error ? { ...errorBody(error), Results: [] } : { Results: results }
        );
      } catch (e) {
        harnessError = e;
        responseBody = JSON.stringify({
          Error: { Code: "HarnessError", Message: String(e), HttpStatusCode: 500 },
        });
      }
      let refused: unknown = error;
      if (bytes(responseBody) > limit) {
        refused = new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${bytes(responseBody)} bytes) has exceeded the limit.`
        );
        responseBody = JSON.stringify({ ...errorBody(refused), Results: [] });
      }
      const record: ObservedRequest = {
        kind: cleanup ? "cleanup" : "batch",
        requestBytes: bytes(text),
        responseBytes: bytes(responseBody),
        actions: body.Actions.length,
        ...(refused instanceof FakeOfficeError
          ? { error: `${refused.code}: ${refused.message}` }
          : {}),
      };
      if (current) {
        current.requests.push(record);
        if (cleanup) current.cleanup += 1;
        else current.waiting += 1;
      }
      cb({ status: "succeeded", value: { data: [200, {}, responseBody] } });
    });
  };

  const run = (async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const record: ObservedRun = { requests: [], waiting: 0, cleanup: 0 };
    runs.push(record);
    current = record;
    session = { ctx: new FakeRequestContext(fake.state), refs: new Map(), nextRef: 0 };
    try {
      return await w.Excel.run(batch);
    } finally {
      // The cleanup request is not awaited by Excel.run: let it reach the transport before counting.
      await new Promise((r) => setTimeout(r, 0));
      if (harnessError) {
        const e = harnessError;
        harnessError = null;
        // eslint-disable-next-line no-unsafe-finally -- a harness gap must fail the test that hit it
        throw e;
      }
    }
  }) as ExcelRun;

  return {
    run,
    isSetSupported: fake.isSetSupported,
    runs,
    bodies,
    get lastRun(): ObservedRun {
      const r = runs[runs.length - 1];
      if (!r) throw new Error("no Excel.run yet");
      return r;
    },
  };
}
