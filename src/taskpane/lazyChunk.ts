/**
 * A lazily loaded webpack chunk behind a shared promise: the background preload and the first use
 * wait for the same download. After a failure the promise is forgotten, so the next call downloads
 * again (webpack also forgets a chunk whose <script> failed and adds a fresh one).
 */
export function retryingLoader<T>(
  load: () => Promise<T>,
  wrapError: (cause: unknown) => Error
): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      const attempt: Promise<T> = load().catch((e: unknown) => {
        if (pending === attempt) pending = null;
        throw wrapError(e);
      });
      pending = attempt;
    }
    return pending;
  };
}
