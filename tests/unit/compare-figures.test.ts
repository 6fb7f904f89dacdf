// The summary row of Compare mode (columnFigures in src/store/compareSelectors.ts): timings from the metrics, and
// reasoning vs answer tokens exact when the server says so, estimated (and marked) otherwise.
import { describe, expect, it } from 'vitest';
import type { StreamEvent, Usage } from '../../src/core/contracts';
import { completeMetrics, recordEvent, startMetrics, type ReplyMetrics } from '../../src/core/metrics';
import { columnFigures } from '../../src/store/compareSelectors';
import type { CompareResult } from '../../src/store/compareSlice';
import type { ReplyStatus } from '../../src/store/types';

function delta(reasoning: string, content: string): StreamEvent {
  return { kind: 'delta', reasoning, content, created: null };
}

/** What a call leaves on its reply: the measurements and the usage the server reported. */
interface Measured {
  metrics: ReplyMetrics;
  usage: Usage | null;
}

function result(
  reasoning: string,
  content: string,
  { metrics, usage }: Measured,
  status: ReplyStatus = 'complete',
): CompareResult {
  return {
    content,
    reasoning,
    reply: {
      status,
      request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
      error: null,
      finishReason: 'stop',
      usage,
      metrics,
      warnings: [],
      retry: null,
    },
  };
}

/** A reply that started at 0, sent `events` at the given times and ended at `endMs`. */
function measured(events: Array<[number, StreamEvent]>, endMs: number): Measured {
  let metrics = startMetrics(0);
  let usage: Usage | null = null;
  for (const [at, event] of events) {
    metrics = recordEvent(metrics, event, at);
    if (event.kind === 'usage') usage = event.usage;
  }
  return { metrics: completeMetrics(metrics, endMs), usage };
}

describe('columnFigures', () => {
  it('while a column streams an answer alone, estimates its tokens as its whole text would be estimated', () => {
    const pieces = ['The sky ', 'is blue ', '因为 ', 'air scatters blue light. ', '🙂'];
    let metrics = startMetrics(0);
    pieces.forEach((piece, index) => {
      metrics = recordEvent(metrics, delta('', piece), 100 * (index + 1));
    });
    const text = pieces.join('');
    const live = columnFigures(result('', text, { metrics, usage: null }, 'streaming'));
    const ended = columnFigures(result('', text, { metrics: completeMetrics(metrics, 600), usage: null }, 'stopped'));
    expect(live?.answerTokens).toEqual({ value: 13, estimated: true });
    expect(live?.answerTokens).toEqual(ended?.answerTokens);
  });

  it('times to the first token and the first answer token, total time and cost come from the metrics', () => {
    const metrics = measured(
      [
        [400, delta('Hmm', '')],
        [1_900, delta('', 'Blue.')],
        [2_000, { kind: 'usage', usage: { prompt_tokens: 1_000, completion_tokens: 2_000, total_tokens: 3_000 } }],
      ],
      2_100,
    );
    const figures = columnFigures(result('Hmm', 'Blue.', metrics));
    expect(figures).toMatchObject({ timeToFirstTokenMs: 400, timeToFirstAnswerMs: 1_900, totalMs: 2_100 });
    expect(figures?.costUsd).toBeCloseTo((1_000 * 0.6 + 2_000 * 2.2) / 1_000_000, 12);
  });

  it('splits usage exactly when the server reports reasoning_tokens', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 900,
      total_tokens: 910,
      completion_tokens_details: { reasoning_tokens: 700 },
    };
    const metrics = measured(
      [
        [100, delta('Think', 'Answer')],
        [200, { kind: 'usage', usage }],
      ],
      300,
    );
    expect(columnFigures(result('Think', 'Answer', metrics))).toMatchObject({
      reasoningTokens: { value: 700, estimated: false },
      answerTokens: { value: 200, estimated: false },
    });
  });

  it('without reasoning, all completion tokens are answer tokens and reasoning is exactly 0', () => {
    const usage = { prompt_tokens: 10, completion_tokens: 42, total_tokens: 52 };
    const metrics = measured(
      [
        [100, delta('', 'Answer')],
        [200, { kind: 'usage', usage }],
      ],
      300,
    );
    expect(columnFigures(result('', 'Answer', metrics))).toMatchObject({
      reasoningTokens: { value: 0, estimated: false },
      answerTokens: { value: 42, estimated: false },
    });
  });

  it('estimates both parts from the text, marked as estimates, when usage does not split them', () => {
    const usage = { prompt_tokens: 10, completion_tokens: 50, total_tokens: 60 };
    const reasoning = 'r'.repeat(120);
    const metrics = measured(
      [
        [100, delta(reasoning, 'a'.repeat(40))],
        [200, { kind: 'usage', usage }],
      ],
      300,
    );
    expect(columnFigures(result(reasoning, 'a'.repeat(40), metrics))).toMatchObject({
      reasoningTokens: { value: 30, estimated: true },
      answerTokens: { value: 10, estimated: true },
    });
  });

  it('shows nothing it does not know yet while a column is still waiting', () => {
    const figures = columnFigures(result('', '', { metrics: startMetrics(0), usage: null }, 'waiting'));
    expect(figures).toMatchObject({
      timeToFirstTokenMs: null,
      timeToFirstAnswerMs: null,
      totalMs: null,
      reasoningTokens: null,
      answerTokens: null,
      costUsd: null,
    });
  });
});
