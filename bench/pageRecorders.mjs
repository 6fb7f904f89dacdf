// @ts-check
// Page-side recorders installed by installInstrumentation: the chat stream's chunks as they reach the page, and the
// time to the composer. They run in the page as part of instrumentationScript (see instrument.mjs), so they use
// nothing but their argument and page globals.

/** @typedef {import('./instrument.mjs').StreamRecord} StreamRecord */

/** @param {import('./instrument.mjs').BenchState} state */
export function recordChatStreams(state) {
  // The chat stream: record when each body chunk reaches the page (before the app reads it).
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/chat\/completions/.test(url) || !response.body) return response;
    /** @type {StreamRecord} */
    const record = { start: performance.now(), times: [], chunks: [], firstDeltaAt: null, end: null };
    state.streams.push(record);
    const decoder = new TextDecoder();
    let head = '';
    const visibleDelta = /"(?:reasoning_content|content)":"[^"]*[A-Za-z0-9]/;
    const done = new TextEncoder().encode('data: [DONE]');
    /** @param {Uint8Array} chunk */
    const endsWithDone = (chunk) => {
      let end = chunk.length;
      while (end > 0 && (chunk[end - 1] === 10 || chunk[end - 1] === 13)) end--;
      if (end < done.length) return false;
      for (let index = 0; index < done.length; index++)
        if (chunk[end - done.length + index] !== done[index]) return false;
      return true;
    };
    const body = response.body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          const now = performance.now();
          record.times.push(now);
          record.chunks.push(chunk);
          if (record.firstDeltaAt === null) {
            head += decoder.decode(chunk, { stream: true });
            if (visibleDelta.test(head)) record.firstDeltaAt = now;
          }
          // Readers may stop at [DONE] and cancel the body, so its end is the chunk that ends with [DONE].
          if (record.end === null && endsWithDone(chunk)) record.end = now;
          controller.enqueue(chunk);
        },
        flush() {
          record.end ??= performance.now();
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** @param {import('./instrument.mjs').BenchState} state */
export function recordWorkerStreams(state) {
  // The app reads replies in a module worker: its messages to the page carry each batch of events with the time the
  // worker received them (ms since epoch). They are recorded as SSE chunks on the page's clock, so the analysis of
  // page-read streams applies unchanged; the stream ends with the call's outcome message.
  const OriginalWorker = window.Worker;
  /** @type {Map<number, StreamRecord>} */
  const records = new Map();
  const encoder = new TextEncoder();
  const visibleText = /[A-Za-z0-9]/;
  window.Worker = class extends OriginalWorker {
    /** @param {string | URL} url @param {WorkerOptions} [options] */
    constructor(url, options) {
      super(url, options);
      if (!/replyStreamWorker/.test(String(url))) return;
      this.addEventListener('message', (/** @type {MessageEvent} */ message) => {
        /** @type {{ type: string, callId: number, events?: { event: { kind: string, reasoning?: string, content?: string }, atMs: number }[] }} */
        const data = message.data;
        let record = records.get(data.callId);
        if (!record) {
          record = { start: performance.now(), times: [], chunks: [], firstDeltaAt: null, end: null };
          records.set(data.callId, record);
          state.streams.push(record);
        }
        if (data.type === 'outcome') {
          record.end ??= record.times[record.times.length - 1] ?? performance.now();
          return;
        }
        for (const { event, atMs } of data.events ?? []) {
          const at = atMs - performance.timeOrigin;
          const delta = event.kind === 'delta' ? { content: event.content, reasoning_content: event.reasoning } : {};
          record.times.push(at);
          record.chunks.push(encoder.encode(`data: ${JSON.stringify({ choices: [{ delta }] })}\n\n`));
          if (record.firstDeltaAt === null && visibleText.test(`${event.content ?? ''}${event.reasoning ?? ''}`))
            record.firstDeltaAt = at;
        }
      });
    }
  };
}

/** @param {import('./instrument.mjs').BenchState} state */
export function recordComposer(state) {
  // Time to the composer: when a textarea labelled "Message" exists, and when the frame showing it has painted.
  const findComposer = () => {
    for (const textarea of document.querySelectorAll('textarea')) {
      if (textarea.labels[0]?.textContent.trim() === 'Message') return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (state.composer !== null || !findComposer()) return;
    observer.disconnect();
    const composer = {
      found: performance.now(),
      painted: /** @type {number | null} */ (null),
      resources: /** @type {{ name: string, start: number, end: number }[]} */ ([]),
    };
    state.composer = composer;
    requestAnimationFrame(() =>
      setTimeout(() => {
        composer.painted = performance.now();
        composer.resources = performance.getEntriesByType('resource').map((entry) => ({
          name: entry.name,
          start: entry.startTime,
          end: /** @type {PerformanceResourceTiming} */ (entry).responseEnd,
        }));
        // Told to the bench, which waits without touching the page: a wait that evaluates script in it (Playwright's
        // waitForFunction) ran its injected script before the first paint and delayed it by 7–10 ms.
        /** @type {Window & { __benchSignal?: (name: string, data: unknown) => void }} */ (window).__benchSignal?.(
          'composer',
          composer.painted,
        );
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}
