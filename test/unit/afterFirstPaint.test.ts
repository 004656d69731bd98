/**
 * The task pane starts downloading its lazy chunks only after the first contentful paint; these
 * drive afterFirstPaint with a hand-run clock, paint-timing entries and animation frames.
 */
import { afterFirstPaint, type PaintHost } from "../../src/taskpane/afterFirstPaint";

function manualHost(opts: { painted?: boolean; observer?: boolean; frames?: boolean }) {
  const timers: { at: number; cb: () => void }[] = [];
  const frames: (() => void)[] = [];
  let now = 0;
  let observerCb: ((list: { getEntriesByName: (n: string) => unknown[] }) => void) | null = null;
  let disconnected = false;
  class Observer {
    static supportedEntryTypes = ["paint"];
    constructor(cb: typeof observerCb) {
      observerCb = cb;
    }
    observe(): void {}
    disconnect(): void {
      disconnected = true;
    }
  }
  const host: PaintHost = {
    performance: {
      getEntriesByName: (n: string) =>
        (opts.painted && n === "first-contentful-paint" ? [{}] : []) as PerformanceEntryList,
    },
    ...(opts.observer
      ? { PerformanceObserver: Observer as unknown as typeof PerformanceObserver }
      : {}),
    ...(opts.frames ? { requestAnimationFrame: (cb: () => void) => frames.push(cb) } : {}),
    setTimeout: (cb, ms) => timers.push({ at: now + ms, cb }),
  };
  return {
    host,
    /** Runs the timers due by `t` (ms). */
    advance(t: number) {
      now = t;
      for (const timer of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.cb();
      }
    },
    frame: () => frames.shift()?.(),
    paint: () =>
      observerCb?.({ getEntriesByName: (n) => (n === "first-contentful-paint" ? [{}] : []) }),
    disconnected: () => disconnected,
  };
}

test("already painted: the task runs on the next macrotask, once", () => {
  const h = manualHost({ painted: true, observer: true });
  const task = jest.fn();
  afterFirstPaint(task, h.host);
  expect(task).not.toHaveBeenCalled();
  h.advance(0);
  h.advance(5000);
  expect(task).toHaveBeenCalledTimes(1);
});

test("with paint timing: nothing before the first contentful paint, then the task", () => {
  const h = manualHost({ observer: true });
  const task = jest.fn();
  afterFirstPaint(task, h.host);
  h.advance(100);
  expect(task).not.toHaveBeenCalled();
  h.paint();
  expect(h.disconnected()).toBe(true);
  h.advance(101);
  expect(task).toHaveBeenCalledTimes(1);
});

test("without paint timing: after two animation frames", () => {
  const h = manualHost({ frames: true });
  const task = jest.fn();
  afterFirstPaint(task, h.host);
  h.frame();
  h.advance(0);
  expect(task).not.toHaveBeenCalled();
  h.frame();
  h.advance(0);
  expect(task).toHaveBeenCalledTimes(1);
});

test("a page that never paints still gets the task, late", () => {
  const h = manualHost({ observer: true });
  const task = jest.fn();
  afterFirstPaint(task, h.host, 3000);
  h.advance(2999);
  expect(task).not.toHaveBeenCalled();
  h.advance(3000);
  expect(task).toHaveBeenCalledTimes(1);
});

test("by default a slow first paint (5 s on a busy machine) still comes before the task", () => {
  const h = manualHost({ observer: true });
  const task = jest.fn();
  afterFirstPaint(task, h.host);
  h.advance(5000);
  expect(task).not.toHaveBeenCalled();
  h.paint();
  h.advance(5001);
  expect(task).toHaveBeenCalledTimes(1);
});
