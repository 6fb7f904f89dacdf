// @ts-check
// In-page instrumentation for bench/run.mjs, installed with context.addInitScript({ content: instrumentationScript })
// before any page script runs. The script is the source of installInstrumentation and the page-side functions it calls
// (streamAnalysis.mjs, pageRecorders.mjs), so each must be self-contained (no imports, no closures over module scope).
// Everything it measures uses the page's own clock (performance.now()).
import { analyseStream } from './streamAnalysis.mjs';
import { recordChatStreams, recordComposer, recordWorkerStreams } from './pageRecorders.mjs';

/**
 * @typedef {object} ArmConfig
 * @property {string} replySelector The element holding the rendered reply (its text is what the user sees).
 * @property {string} reasoningSelector The element holding the rendered reasoning.
 * @property {string | null} excludeSelector Chrome inside the reply that is not reply text (code block headers).
 * @property {number} expectedReply Letters and digits of the complete reply, as rendered (see alnumOf in workloads.mjs).
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
 * @typedef {object} PaneReading
 * @property {number} at When the read started.
 * @property {number} ms How long it took.
 */

/**
 * @typedef {object} BenchState
 * @property {{ name: string, start: number, duration: number }[]} longTasks
 * @property {{ name: string, start: number, duration: number }[]} eventEntries
 * @property {{ key: string, at: number, latency: number }[]} keyLatencies
 * @property {StreamRecord[]} streams
 * @property {number[]} frames rAF timestamps while armed.
 * @property {PaneSample[]} samples
 * @property {PaneReading[]} readings The bench's own reads of the panes' text, timed: not the page's work.
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
 * @property {PaneReading[]} readings
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
    readings: [],
    composer: null,
    firstPaint: null,
    finalPaint: null,
    armedAt: null,
    arm(next) {
      config = next;
      lastConfig = next;
      state.frames = [];
      state.samples = [];
      state.readings = [];
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
      const startedAt = performance.now();
      const counts = {
        reply: paneCount(current?.replySelector ?? null, current?.excludeSelector ?? null),
        reasoning: paneCount(current?.reasoningSelector ?? null, current?.excludeSelector ?? null),
      };
      // Reading a long pane's text costs the main thread more as the reply grows: it is the bench's cost, recorded so
      // the busy figures can leave it out.
      state.readings.push({ at: startedAt, ms: performance.now() - startedAt });
      return counts;
    },
    analyse() {
      return analyseStream(state, alnum);
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
      const reply = state.count().reply ?? 0;
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

  recordChatStreams(state);
  recordWorkerStreams(state);
  recordComposer(state);
}

/** The init script: installInstrumentation and the page-side functions it calls, as one self-contained source. */
export const instrumentationScript = `(() => {
${analyseStream.toString()}
${recordChatStreams.toString()}
${recordWorkerStreams.toString()}
${recordComposer.toString()}
(${installInstrumentation.toString()})();
})();`;
