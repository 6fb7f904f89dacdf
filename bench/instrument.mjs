// @ts-check
// In-page instrumentation for bench/run.mjs, installed with context.addInitScript(installInstrumentation) before any
// page script runs. Playwright serialises the function, so it must be self-contained (no imports, no closures).
// Everything it measures uses the page's own clock (performance.now()).

/**
 * @typedef {object} ArmConfig
 * @property {string} replySelector The element holding the rendered reply (its text is what the user sees).
 * @property {string} reasoningSelector The element holding the rendered reasoning.
 * @property {string | null} excludeSelector Chrome inside the reply that is not reply text (code block headers).
 * @property {number} expectedReply Letters and digits of the complete reply, as rendered (see alnumOf in run.mjs).
 * @property {number} sampleEveryMs How often the panes' text is sampled for staleness.
 */

/**
 * @typedef {object} StreamRecord
 * @property {number} start When the response headers arrived.
 * @property {number[]} times Arrival time of each body chunk.
 * @property {Uint8Array[]} chunks The chunks (kept until analyse(), then dropped).
 * @property {number | null} firstDeltaAt Arrival of the first chunk carrying a visible character.
 * @property {number | null} end When the body ended.
 */

/**
 * @typedef {object} PaneSample
 * @property {number} t
 * @property {number | null} reply
 * @property {number | null} reasoning
 */

/**
 * @typedef {object} BenchState
 * @property {{ name: string, start: number, duration: number }[]} longTasks
 * @property {{ name: string, start: number, duration: number }[]} eventEntries
 * @property {{ key: string, at: number, latency: number }[]} keyLatencies
 * @property {StreamRecord[]} streams
 * @property {number[]} frames rAF timestamps while armed.
 * @property {PaneSample[]} samples
 * @property {{ found: number, painted: number | null, resources: { name: string, start: number, end: number }[] } | null} composer
 * @property {{ ms: number, frames: number, at: number } | null} firstPaint
 * @property {{ at: number, lag: number, lastChunk: number } | null} finalPaint
 * @property {number | null} armedAt
 * @property {(config: ArmConfig) => void} arm
 * @property {() => void} disarm
 * @property {() => { reply: number | null, reasoning: number | null }} count
 * @property {() => Analysis | null} analyse
 */

/**
 * @typedef {object} Analysis What one streaming run looked like from the page.
 * @property {number} events Delta events received.
 * @property {number} chunks Body chunks received.
 * @property {number | null} firstChunk
 * @property {number | null} lastChunk
 * @property {number | null} firstDeltaAt
 * @property {number} deliveredReply Letters and digits of reply text delivered.
 * @property {number} samples Pane samples taken.
 * @property {number} replyStaleMs Worst staleness of the reply pane.
 * @property {number} reasoningStaleMs Worst staleness of the reasoning pane (while only reasoning was shown).
 * @property {number[]} frames
 * @property {{ ms: number, frames: number, at: number } | null} firstPaint
 * @property {{ at: number, lag: number, lastChunk: number } | null} finalPaint
 * @property {{ name: string, start: number, duration: number }[]} longTasks
 * @property {number | null} armedAt
 */

/** Installs window.__bench. */
export function installInstrumentation() {
  /** @type {Window & { __bench?: BenchState, __benchSignal?: (name: string, data: unknown) => void }} */
  const view = window;
  if (view.__bench) return;

  /** @param {string} text */
  const alnum = (text) => {
    let count = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) count++;
    }
    return count;
  };

  /** @type {ArmConfig | null} */
  let config = null;
  /** @type {ArmConfig | null} */
  let lastConfig = null;
  let lastSample = -Infinity;
  let framesSinceDelta = 0;

  /** @param {string | null} selector @param {string | null} exclude */
  const paneCount = (selector, exclude) => {
    if (selector === null) return null;
    const element = document.querySelector(selector);
    if (!element) return null;
    let count = alnum(element.textContent);
    if (exclude) for (const excluded of element.querySelectorAll(exclude)) count -= alnum(excluded.textContent);
    return count;
  };

  /** @type {BenchState} */
  const state = {
    longTasks: [],
    eventEntries: [],
    keyLatencies: [],
    streams: [],
    frames: [],
    samples: [],
    composer: null,
    firstPaint: null,
    finalPaint: null,
    armedAt: null,
    arm(next) {
      config = next;
      lastConfig = next;
      state.frames = [];
      state.samples = [];
      state.streams = [];
      state.firstPaint = null;
      state.finalPaint = null;
      state.armedAt = performance.now();
      lastSample = -Infinity;
      framesSinceDelta = 0;
      requestAnimationFrame(onFrame);
    },
    disarm() {
      config = null;
    },
    count() {
      const current = config ?? lastConfig;
      return {
        reply: paneCount(current?.replySelector ?? null, current?.excludeSelector ?? null),
        reasoning: paneCount(current?.reasoningSelector ?? null, current?.excludeSelector ?? null),
      };
    },
    analyse() {
      // What the network delivered, per chunk: cumulative letters and digits of reply and reasoning.
      const stream = state.streams[state.streams.length - 1];
      if (!stream) return null;
      const decoder = new TextDecoder();
      let buffer = '';
      let reply = 0;
      let reasoning = 0;
      let events = 0;
      /** @type {number[]} */
      const cumulativeReply = [];
      /** @type {number[]} */
      const cumulativeReasoning = [];
      /** @param {string} text */
      const visible = (text) => alnum(text.replace(/```[A-Za-z0-9]*/g, '```'));
      stream.chunks.forEach((chunk) => {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary = buffer.indexOf('\n\n');
        while (boundary !== -1) {
          const event = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
          if (!event.startsWith('data: {')) continue;
          try {
            const payload =
              /** @type {{ choices?: { delta?: { content?: string, reasoning_content?: string } }[] }} */ (
                JSON.parse(event.slice(6))
              );
            const delta = payload.choices?.[0]?.delta;
            if (delta?.content) reply += visible(delta.content);
            if (delta?.reasoning_content) reasoning += visible(delta.reasoning_content);
            events++;
          } catch {
            // Not JSON: not a delta.
          }
        }
        cumulativeReply.push(reply);
        cumulativeReasoning.push(reasoning);
      });
      /**
       * Staleness of a pane at a sample: how long ago the oldest delivered-but-not-shown text arrived.
       * @param {number[]} cumulative @param {number} shown @param {number} at
       */
      const staleness = (cumulative, shown, at) => {
        let low = 0;
        let high = cumulative.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if ((cumulative[middle] ?? 0) > shown) high = middle;
          else low = middle + 1;
        }
        const arrived = stream.times[low];
        return arrived !== undefined && arrived < at ? at - arrived : 0;
      };
      let replyStale = 0;
      let reasoningStale = 0;
      for (const sample of state.samples) {
        if (sample.reply !== null)
          replyStale = Math.max(replyStale, staleness(cumulativeReply, sample.reply, sample.t));
        // The reasoning pane only counts while reasoning is all that is shown (apps may collapse it later).
        if (sample.reasoning !== null && (sample.reply ?? 0) === 0)
          reasoningStale = Math.max(reasoningStale, staleness(cumulativeReasoning, sample.reasoning, sample.t));
      }
      /** @type {Analysis} */
      const result = {
        events,
        chunks: stream.chunks.length,
        firstChunk: stream.times[0] ?? null,
        lastChunk: stream.times[stream.times.length - 1] ?? null,
        firstDeltaAt: stream.firstDeltaAt,
        deliveredReply: reply,
        samples: state.samples.length,
        replyStaleMs: replyStale,
        reasoningStaleMs: reasoningStale,
        frames: state.frames.slice(),
        firstPaint: state.firstPaint,
        finalPaint: state.finalPaint,
        longTasks: state.longTasks.slice(),
        armedAt: state.armedAt,
      };
      stream.chunks = [];
      return result;
    },
  };
  view.__bench = state;

  /** @param {number} timestamp */
  function onFrame(timestamp) {
    if (config === null) return;
    state.frames.push(timestamp);
    requestAnimationFrame(onFrame);
    const ranAt = performance.now();
    // A task queued from rAF runs after this frame's style, layout and paint: what it sees was painted.
    setTimeout(() => afterPaint(ranAt), 0);
  }

  /** @param {number} frameRanAt */
  function afterPaint(frameRanAt) {
    if (config === null) return;
    const now = performance.now();
    const stream = state.streams[state.streams.length - 1];
    if (!stream) return;
    if (stream.firstDeltaAt !== null && state.firstPaint === null && stream.firstDeltaAt < frameRanAt) {
      framesSinceDelta++;
      const { reply, reasoning } = state.count();
      if ((reply ?? 0) + (reasoning ?? 0) > 0)
        state.firstPaint = { ms: now - stream.firstDeltaAt, frames: framesSinceDelta, at: now };
    }
    if (state.finalPaint === null && now - lastSample >= config.sampleEveryMs) {
      lastSample = now;
      state.samples.push({ t: now, ...state.count() });
    }
    if (stream.end !== null && state.finalPaint === null) {
      const reply = paneCount(config.replySelector, config.excludeSelector) ?? 0;
      if (reply >= config.expectedReply) {
        const lastChunk = stream.times[stream.times.length - 1] ?? stream.end;
        state.finalPaint = { at: now, lag: now - lastChunk, lastChunk };
        config = null;
        view.__benchSignal?.('final', state.finalPaint);
      }
    }
  }

  // Long tasks and slow input events, for the whole page life.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.eventEntries.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', buffered: true, durationThreshold: 16 }));
  } catch {
    // Older engines: those figures stay empty.
  }

  // Keypress → next paint: from the event's timestamp to a task queued from the next animation frame.
  window.addEventListener(
    'keydown',
    (event) => {
      const startedAt = event.timeStamp;
      requestAnimationFrame(() =>
        setTimeout(
          () => state.keyLatencies.push({ key: event.key, at: startedAt, latency: performance.now() - startedAt }),
          0,
        ),
      );
    },
    true,
  );

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
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}
