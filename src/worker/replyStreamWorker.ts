// The module worker that reads replies off the page's main thread (src/core/streamHost.ts does the work).
import { createStreamHost, type StreamRequest, type StreamResponse } from '../core/streamHost';

interface WorkerScope {
  postMessage(message: StreamResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<StreamRequest>) => void): void;
  fetch: typeof fetch;
  requestAnimationFrame?: (callback: () => void) => number;
}

const scope = globalThis as unknown as WorkerScope;

/** Once per frame where the worker gets frames; a timer keeps batches going where it does not (background tabs). */
function scheduleFlush(flush: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof scope.requestAnimationFrame === 'function') scope.requestAnimationFrame(once);
  setTimeout(once, 50);
}

const handle = createStreamHost({
  post: (message) => scope.postMessage(message),
  fetch: (input, init) => scope.fetch(input, init),
  now: () => Date.now(),
  scheduleFlush,
});

scope.addEventListener('message', (event) => handle(event.data));
