import { configure } from "@testing-library/dom";
// Fluent UI v9 measures elements with ResizeObserver, which jsdom does not implement.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
if (!window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}

// The first action awaits the engine chunk, which ts-jest compiles on first import: on a loaded
// machine that exceeds testing-library's 1 s default wait. Waiting longer changes no assertion.
// (From @testing-library/dom, whose config React Testing Library shares: importing
// @testing-library/react here, before jest's globals exist, would skip its automatic cleanup.)
configure({ asyncUtilTimeout: 4_000 });
