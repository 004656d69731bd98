/**
 * Runs a task once the page has painted its first content, so the lazy chunks (actions panel, engine)
 * do not compete with the first paint for the network and the main thread. Where the webview reports
 * paint timing (WebView2 and Chromium, Safari 14.1+) the first-contentful-paint entry is the signal;
 * elsewhere, two animation frames after the call (the frame that showed the first render). A page
 * that never paints (hidden) still gets the task after `latestMs`. That safety net is long (10 s)
 * because a busy machine can take more than 3 s to paint, and firing it early puts the chunks back
 * in front of the paint (bench: 4 of 15 loads under load with 3 s); nothing waits for it, since the
 * actions panel loads itself on demand when Office is ready. taskpane.html carries the pane as
 * first rendered, so the first paint usually happens before taskpane.js runs and the task follows
 * its first render call at once.
 */
export interface PaintHost {
  performance?: Pick<Performance, "getEntriesByName">;
  PerformanceObserver?: typeof PerformanceObserver;
  requestAnimationFrame?: (cb: () => void) => unknown;
  setTimeout: (cb: () => void, ms: number) => unknown;
}

const FCP = "first-contentful-paint";

export function afterFirstPaint(
  task: () => void,
  host: PaintHost = window,
  latestMs = 10_000
): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  // A macrotask after the paint, not inside the paint's callbacks.
  const soon = () => void host.setTimeout(run, 0);
  host.setTimeout(run, latestMs);
  if ((host.performance?.getEntriesByName(FCP).length ?? 0) > 0) {
    soon();
    return;
  }
  const Observer = host.PerformanceObserver;
  if (Observer && Observer.supportedEntryTypes?.includes("paint")) {
    const observer = new Observer((list) => {
      if (list.getEntriesByName(FCP).length === 0) return;
      observer.disconnect();
      soon();
    });
    observer.observe({ type: "paint", buffered: true });
    return;
  }
  const frame = host.requestAnimationFrame;
  if (frame) frame(() => frame(soon));
  else soon();
}
