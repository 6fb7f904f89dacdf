// Streamed events, batched for the trip from the streaming worker to the page (docs/wire-format.md#streamed-response
// describes the events): at most one message per frame, yet the metrics computed from the batches equal those of
// the single events. The first reasoning, the first answer text and every non-text event go out alone and at once;
// later text deltas of the same kind are joined (text concatenated, tool-call pieces appended in order, the latest
// arrival time and server timestamp kept, which is what the "last" metrics read).
import type { StreamEvent } from './contracts';

/** An event with the time it arrived (ms since epoch), measured where the bytes were read. */
export interface TimedEvent {
  event: StreamEvent;
  atMs: number;
}

type DeltaEvent = Extract<StreamEvent, { kind: 'delta' }>;

export interface EventBatcher {
  push(event: StreamEvent, atMs: number): void;
  /** Sends what is waiting now (end of the call). */
  flush(): void;
}

/** Which deltas may be joined: reasoning with reasoning, answer with answer; a delta carrying both never is. */
function deltaClass(delta: DeltaEvent): 'reasoning' | 'answer' | 'mixed' {
  if (delta.reasoning === '') return 'answer';
  return delta.content === '' ? 'reasoning' : 'mixed';
}

function joined(earlier: DeltaEvent, later: DeltaEvent): DeltaEvent {
  const event: DeltaEvent = {
    kind: 'delta',
    reasoning: earlier.reasoning + later.reasoning,
    content: earlier.content + later.content,
    created: later.created ?? earlier.created,
  };
  if (earlier.toolCalls || later.toolCalls)
    event.toolCalls = [...(earlier.toolCalls ?? []), ...(later.toolCalls ?? [])];
  return event;
}

/**
 * `post` receives each batch in arrival order; `scheduleFlush` arranges one later flush (a frame, or a timer where
 * frames do not run) and is called once per batch.
 */
export function createEventBatcher(
  post: (batch: TimedEvent[]) => void,
  scheduleFlush: (flush: () => void) => void,
): EventBatcher {
  let batch: TimedEvent[] = [];
  let scheduled = false;
  let seenReasoning = false;
  let seenAnswer = false;
  let seenCreated = false;

  function flush(): void {
    scheduled = false;
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    post(sent);
  }

  /** A delta some metric takes its "first" value from: it must keep its own arrival time. */
  function isFirstOfItsKind(delta: DeltaEvent): boolean {
    return (
      (delta.reasoning !== '' && !seenReasoning) ||
      (delta.content.trim() !== '' && !seenAnswer) ||
      (delta.created !== null && !seenCreated)
    );
  }

  function note(delta: DeltaEvent): void {
    if (delta.reasoning !== '') seenReasoning = true;
    if (delta.content.trim() !== '') seenAnswer = true;
    if (delta.created !== null) seenCreated = true;
  }

  function push(event: StreamEvent, atMs: number): void {
    if (event.kind === 'malformed' || event.kind === 'unknown-event') {
      batch.push({ event, atMs });
    } else if (event.kind !== 'delta') {
      batch.push({ event, atMs });
      flush();
      return;
    } else if (isFirstOfItsKind(event)) {
      note(event);
      flush();
      post([{ event, atMs }]);
      return;
    } else {
      const last = batch.at(-1);
      if (last?.event.kind === 'delta' && deltaClass(last.event) === deltaClass(event) && deltaClass(event) !== 'mixed')
        batch[batch.length - 1] = { event: joined(last.event, event), atMs };
      else batch.push({ event, atMs });
    }
    if (!scheduled) {
      scheduled = true;
      scheduleFlush(flush);
    }
  }

  return { push, flush };
}
