/**
 * The engine (src/taskpane/engine.ts: plan, layouts, Office.js renderer) is the bulk of the code, so
 * it is a separate chunk, downloaded in the background after the first render (preloadEngine) and
 * awaited by each action (loadEngine).
 */
import { retryingLoader } from "./lazyChunk";

export type Engine = typeof import("./engine");

export const ENGINE_LOAD_TITLE = "Không tải được phần xử lý của bổ trợ";
const ENGINE_LOAD_MESSAGE =
  "Không tải được phần xử lý bảng tính (engine.js), có thể do mất kết nối mạng. Hãy kiểm tra kết nối rồi bấm lại nút vừa chọn; nếu vẫn lỗi, đóng và mở lại ngăn tác vụ.";

/** The engine chunk could not be downloaded or run (offline, server gone, deployment mismatch). */
export class EngineLoadError extends Error {
  constructor(cause: unknown) {
    super(ENGINE_LOAD_MESSAGE, { cause });
    this.name = "EngineLoadError";
  }
}

export const loadEngine: () => Promise<Engine> = retryingLoader(
  () => import(/* webpackChunkName: "engine" */ "./engine"),
  (cause) => new EngineLoadError(cause)
);

/** Starts the download in the background; a failure here is only reported when an action needs it. */
export function preloadEngine(): void {
  loadEngine().catch(() => undefined);
}
