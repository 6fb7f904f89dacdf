// @ts-check
// What one streaming run looked like from the page: what the network delivered, chunk by chunk, against what the
// panes showed at each sample. Runs in the page as part of instrumentationScript (see instrument.mjs), so it uses
// nothing but its arguments and page globals.

/** @typedef {import('./instrument.mjs').Analysis} Analysis */

/**
 * @param {import('./instrument.mjs').BenchState} state
 * @param {(text: string) => number} alnum Letters and digits in a text.
 * @returns {import('./instrument.mjs').Analysis | null}
 */
export function analyseStream(state, alnum) {
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
        /** @type {{ choices?: { delta?: { content?: string, reasoning_content?: string } }[] }} */
        const payload = JSON.parse(event.slice(6));
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
    if (sample.reply !== null) replyStale = Math.max(replyStale, staleness(cumulativeReply, sample.reply, sample.t));
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
    readings: state.readings.slice(),
  };
  stream.chunks = [];
  return result;
}
