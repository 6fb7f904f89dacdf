// Events batched for the trip from the streaming worker to the page (src/core/streamBatching.ts): fewer messages,
// the same text, the same order and the same metrics as the single events.
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../src/core/contracts';
import { recordEvent, startMetrics } from '../../src/core/metrics';
import { createEventBatcher, type TimedEvent } from '../../src/core/streamBatching';

function delta(reasoning: string, content: string, created: number | null = 1_760_000_000): StreamEvent {
  return { kind: 'delta', reasoning, content, created };
}

function textOf(events: StreamEvent[], part: 'reasoning' | 'content'): string {
  return events.map((event) => (event.kind === 'delta' ? event[part] : '')).join('');
}

/** A batcher whose scheduled flushes run when the test says (one "frame"). */
function harness() {
  const batches: TimedEvent[][] = [];
  const scheduled: (() => void)[] = [];
  const batcher = createEventBatcher(
    (batch) => batches.push(batch),
    (flush) => scheduled.push(flush),
  );
  const frame = () => {
    for (const flush of scheduled.splice(0)) flush();
  };
  return { batches, batcher, frame, scheduled };
}

const thinkingStream: StreamEvent[] = [
  { kind: 'meta', id: 'chatcmpl-1', requestId: 'request-1', model: 'glm-4.7' },
  delta('The user', '', 1_760_000_000),
  delta(' asks', '', 1_760_000_001),
  delta(' for', '', 1_760_000_002),
  delta(' a poem.', '', 1_760_000_003),
  delta('', '\n', 1_760_000_004),
  delta('', 'Roses', 1_760_000_005),
  delta('', ' are', 1_760_000_006),
  delta('', ' red.', 1_760_000_007),
  { kind: 'finish', reason: 'stop' },
  { kind: 'usage', usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } },
];

describe('event batching', () => {
  it('sends the first reasoning and the first answer text alone and at once', () => {
    const { batches, batcher } = harness();
    batcher.push(delta('First thought', ''), 1);
    expect(batches).toEqual([[{ event: delta('First thought', ''), atMs: 1 }]]);
    batcher.push(delta('', 'First answer'), 2);
    expect(batches).toHaveLength(2);
  });

  it('joins later deltas of the same kind into one message per frame', () => {
    const { batches, batcher, frame, scheduled } = harness();
    batcher.push(delta('a', ''), 1);
    batcher.push(delta('b', '', 1_760_000_009), 2);
    batcher.push(delta('c', '', 1_760_000_010), 3);
    expect(scheduled).toHaveLength(1);
    frame();
    expect(batches.at(-1)).toEqual([{ event: delta('bc', '', 1_760_000_010), atMs: 3 }]);
  });

  it('sends finish, usage and errors at once, after what waited, in order', () => {
    const { batches, batcher } = harness();
    batcher.push(delta('a', ''), 1);
    batcher.push(delta('b', ''), 2);
    batcher.push({ kind: 'finish', reason: 'stop' }, 3);
    expect(batches.flat().map((timed) => timed.event.kind)).toEqual(['delta', 'delta', 'finish']);
  });

  it('keeps every malformed event, batched with the rest', () => {
    const { batches, batcher, frame } = harness();
    batcher.push(delta('a', ''), 1);
    for (let index = 0; index < 100; index += 1) batcher.push({ kind: 'malformed', data: `junk ${index}` }, 2);
    frame();
    expect(batches).toHaveLength(2);
    expect(batches[1]?.filter((timed) => timed.event.kind === 'malformed')).toHaveLength(100);
  });

  it('appends tool-call pieces in order when it joins deltas', () => {
    const { batches, batcher, frame } = harness();
    const pieces = [{ index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"city":' } }];
    const more = [{ index: 0, function: { arguments: '"Paris"}' } }];
    batcher.push(delta('', 'x'), 1);
    batcher.push({ kind: 'delta', reasoning: '', content: '', created: null, toolCalls: pieces }, 2);
    batcher.push({ kind: 'delta', reasoning: '', content: '', created: null, toolCalls: more }, 3);
    frame();
    const joined = batches.at(-1)?.[0]?.event;
    expect(joined).toMatchObject({ kind: 'delta', toolCalls: [...pieces, ...more] });
  });

  it('gives the same text and the same metrics as the single events', () => {
    const { batches, batcher, frame } = harness();
    let single = startMetrics(0);
    thinkingStream.forEach((event, index) => {
      single = recordEvent(single, event, 100 + index * 10);
      batcher.push(event, 100 + index * 10);
      if (index % 3 === 2) frame();
    });
    batcher.flush();
    let batched = startMetrics(0);
    for (const timed of batches.flat()) batched = recordEvent(batched, timed.event, timed.atMs);
    expect(batched).toEqual(single);
    const sent = batches.flat().map((timed) => timed.event);
    expect(sent.length).toBeLessThan(thinkingStream.length);
    expect(textOf(sent, 'reasoning')).toBe(textOf(thinkingStream, 'reasoning'));
    expect(textOf(sent, 'content')).toBe(textOf(thinkingStream, 'content'));
    expect(sent.filter((event) => event.kind !== 'delta')).toEqual(
      thinkingStream.filter((event) => event.kind !== 'delta'),
    );
  });
});
