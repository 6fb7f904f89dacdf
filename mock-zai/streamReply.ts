// Streams a planned reply as server-sent events, with the scenario's faults: where the stream stops, how it ends,
// inserted events, line endings, pacing and split writes.
import type { ServerResponse } from 'node:http';
import type { ReplyPlan } from './reply.ts';
import type { ScenarioBehaviour } from './scenarios.ts';
import type { Scenario, StreamEnding } from './scenarioTypes.ts';
import {
  chunkEvent,
  dataEvent,
  deltaEvent,
  doneEvent,
  openStream,
  sleep,
  writePaced,
  writeSplit,
  type StreamEvent,
} from './sse.ts';

export interface StreamOptions {
  /** Delay between events unless the scenario says otherwise. */
  chunkDelayMs: number;
  now: () => number;
  /** Keeps the response among the open ones (ended on reset) until it closes. */
  track: (res: ServerResponse) => void;
}

/** An event's text up to the middle of its last `arguments` string (the whole event when it has none). */
function cutInsideArguments(event: string): string {
  const marker = '"arguments":"';
  const start = event.lastIndexOf(marker);
  if (start < 0) return event.slice(0, Math.floor(event.length / 2));
  const valueStart = start + marker.length;
  const valueEnd = event.indexOf('"}', valueStart);
  return event.slice(0, valueStart + Math.max(1, Math.floor((valueEnd - valueStart) / 2)));
}

export async function streamReply(
  res: ServerResponse,
  plan: ReplyPlan,
  scenario: Scenario,
  behaviour: ScenarioBehaviour,
  options: StreamOptions,
): Promise<void> {
  const newline = behaviour.newline ?? '\n';
  const framing = { id: plan.id, model: plan.model, objectField: plan.objectField, newline, now: options.now };
  const complete: StreamEnding = { deltas: plan.sent.length, finishChunk: true, done: true, close: 'end' };
  const ending = behaviour.stream?.(scenario, plan.phases) ?? complete;

  const count = Math.min(ending.deltas, plan.sent.length);
  let events: StreamEvent[] = plan.sent.slice(0, count).map((delta) => () => deltaEvent(framing, delta));
  const lastEvent = events[events.length - 1];
  if (ending.cutInsideLastEvent && lastEvent) events[events.length - 1] = () => cutInsideArguments(lastEvent());
  if (ending.trailer !== undefined) events.push(() => dataEvent(ending.trailer, newline));
  if (ending.finishChunk) {
    // The last chunk carries finish_reason and usage (a tool_calls delta keeps its own tool_calls).
    const choice = { index: 0, finish_reason: plan.finishReason, delta: { role: 'assistant', content: '' } };
    events.push(() => chunkEvent(framing, choice, { usage: plan.usage }));
  }
  if (ending.done) events.push(() => doneEvent(newline));
  events = behaviour.events?.(events, { scenario, newline, id: plan.id }) ?? events;

  const closed = openStream(res);
  options.track(res);
  const rate = scenario.chunksPerSecond;
  const delay =
    rate !== undefined && rate > 0 ? 1000 / rate : (scenario.delayMs ?? behaviour.eventDelayMs ?? options.chunkDelayMs);
  const split = behaviour.splitWrites?.(scenario);
  if (split) await writeSplit(res, events, split, closed);
  else await writePaced(res, events, delay, closed);
  if (closed()) return;
  if (ending.close === 'drop') {
    // Drop the connection without finishing the chunked body, once what was written has been flushed. Ending the
    // socket (FIN after the data) rather than destroying it at once means a busy client still reads every byte
    // that was sent before it sees the connection end.
    await new Promise((resolve) => res.write('', () => resolve(undefined)));
    res.socket?.end();
    await sleep(50);
    res.destroy();
  } else if (ending.close === 'end') {
    res.end();
  }
  // 'hold': headers (and maybe a few events) then silence, until the client gives up or the mock is reset.
}
