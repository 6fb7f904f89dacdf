import { describe, expect, it } from 'vitest';
import type { StreamEvent, Usage } from '../../src/core/contracts';
import {
  completeMetrics,
  estimateTokens,
  formatCost,
  formatDuration,
  recordEvent,
  startMetrics,
  thinkingElapsedMs,
  type ReplyMetrics,
} from '../../src/core/metrics';
import { customModel, modelInfo } from '../../src/core/models';

type TimedEvent = [atMs: number, event: StreamEvent];

function delta(reasoning: string, content: string, created: number | null = null): StreamEvent {
  return { kind: 'delta', reasoning, content, created };
}

function usageEvent(usage: Usage): StreamEvent {
  return { kind: 'usage', usage };
}

function feed(events: TimedEvent[], startedAtMs = 0): ReplyMetrics {
  return events.reduce((metrics, [atMs, event]) => recordEvent(metrics, event, atMs), startMetrics(startedAtMs));
}

const usage: Usage = {
  prompt_tokens: 1_000_000,
  completion_tokens: 500,
  total_tokens: 1_000_500,
  completion_tokens_details: { reasoning_tokens: 300 },
};

/** Request at 0 ms; a lone "\n" at 300 ms; thinking 500 → 2500 ms; answer 2500 → 4500 ms; usage; done at 5000 ms. */
const typicalReply: TimedEvent[] = [
  [300, delta('', '\n', 100)],
  [500, delta('Let me', '', 100)],
  [1500, delta(' think', '', 101)],
  [2500, delta('', 'Hello', 102)],
  [4500, delta('', ' world', 104)],
  [4500, { kind: 'finish', reason: 'stop' }],
  [4500, usageEvent(usage)],
];

describe('recordEvent / completeMetrics', () => {
  it('measures time to the first reasoning token', () => {
    expect(feed(typicalReply).timeToFirstReasoningMs).toBe(500);
  });

  it('measures time to the first answer token, ignoring a whitespace-only content delta', () => {
    expect(feed(typicalReply).timeToFirstAnswerMs).toBe(2500);
  });

  it('measures the total time only once the call completes', () => {
    const metrics = feed(typicalReply);
    expect(metrics.totalMs).toBeNull();
    expect(completeMetrics(metrics, 5000).totalMs).toBe(5000);
  });

  it('measures thinking from the first reasoning token to the first answer token', () => {
    expect(feed(typicalReply).reasoningMs).toBe(2000);
  });

  it('measures thinking up to the last reasoning token when no answer came', () => {
    const metrics = feed([
      [100, delta('a', '')],
      [900, delta('b', '')],
    ]);
    expect(metrics.reasoningMs).toBe(800);
    expect(metrics.timeToFirstAnswerMs).toBeNull();
  });

  it('computes tokens per second from usage over the generation time', () => {
    const metrics = completeMetrics(feed(typicalReply), 5000);
    // 500 completion tokens between the first token (300 ms) and the last (4500 ms).
    expect(metrics.tokensPerSecond).toBeCloseTo(500 / 4.2, 6);
    expect(metrics.tokensPerSecondEstimated).toBe(false);
  });

  it('estimates tokens per second from the text when there is no usage, and says so', () => {
    const metrics = completeMetrics(
      feed([
        [0, delta('', 'abcdefgh')],
        [1000, delta('', 'abcdefgh')],
      ]),
      1000,
    );
    expect(metrics.tokensPerSecond).toBe(4);
    expect(metrics.tokensPerSecondEstimated).toBe(true);
  });

  it('uses the whole call time when the reply arrived in one piece (non-streaming)', () => {
    const metrics = completeMetrics(
      feed([
        [2000, delta('r', 'answer')],
        [2000, usageEvent({ prompt_tokens: 10, completion_tokens: 100, total_tokens: 110 })],
      ]),
      2000,
    );
    expect(metrics.tokensPerSecond).toBe(50);
  });

  it('exposes prompt, completion and reasoning tokens from usage', () => {
    expect(feed(typicalReply)).toMatchObject({ promptTokens: 1_000_000, completionTokens: 500, reasoningTokens: 300 });
  });

  it('estimates the cost from the catalogue price of the model', () => {
    const metrics = completeMetrics(feed(typicalReply), 5000, null, modelInfo('glm-4.5'));
    // 1M prompt tokens × $0.6 + 500 completion tokens × $2.2 per million.
    expect(metrics.estimatedCostUsd).toBeCloseTo(0.6 + 500 * 2.2e-6, 10);
  });

  it('has no cost for a custom model or without usage', () => {
    expect(completeMetrics(feed(typicalReply), 5000, null, customModel('my-model')).estimatedCostUsd).toBeNull();
    expect(
      completeMetrics(feed(typicalReply.slice(0, 5)), 5000, null, modelInfo('glm-4.5')).estimatedCostUsd,
    ).toBeNull();
  });

  it('accepts usage passed at completion', () => {
    const metrics = completeMetrics(feed(typicalReply.slice(0, 5)), 5000, usage, modelInfo('glm-4.5-flash'));
    expect(metrics.completionTokens).toBe(500);
    expect(metrics.estimatedCostUsd).toBe(0);
  });

  it('tracks the phase: waiting, then reasoning, then answer', () => {
    expect(feed([]).phase).toBe('waiting');
    expect(feed(typicalReply.slice(0, 1)).phase).toBe('waiting');
    expect(feed(typicalReply.slice(0, 2)).phase).toBe('reasoning');
    expect(feed(typicalReply.slice(0, 4)).phase).toBe('answer');
  });

  it('leaves the finish reason to the reply: it is not a measurement', () => {
    const metrics = feed(typicalReply.slice(0, 5));
    expect(recordEvent(metrics, { kind: 'finish', reason: 'stop' }, 4500)).toBe(metrics);
    expect(metrics).not.toHaveProperty('finishReason');
  });

  it('returns the same object for events that change nothing', () => {
    const metrics = feed(typicalReply);
    expect(recordEvent(metrics, { kind: 'meta', id: null, requestId: null, model: null }, 9999)).toBe(metrics);
  });

  it('stays JSON-serialisable (it is persisted with the conversation)', () => {
    const metrics = completeMetrics(feed(typicalReply), 5000, null, modelInfo('glm-4.7'));
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
  });
});

describe('server-side thinking time (chunk timestamps)', () => {
  it('exposes thinking time from the created timestamps next to the wall clock', () => {
    const metrics = feed(typicalReply);
    expect(metrics.serverReasoningMs).toBe(2000);
    expect(metrics.reasoningMs).toBe(2000);
  });

  it('prefers the server time when a frozen background tab delivered the answer late', () => {
    const metrics = feed([
      [500, delta('Thinking', '', 100)],
      [1500, delta(' more', '', 101)],
      // The tab was frozen: the first answer token is processed 60 s later, though the server sent it at 103.
      [61_000, delta('', 'Answer', 103)],
    ]);
    expect(metrics.reasoningMs).toBe(60_500);
    expect(metrics.serverReasoningMs).toBe(3000);
    expect(metrics.thinkingMs).toBe(3000);
  });

  it('keeps the wall clock when both agree within the timestamps’ 1 s resolution', () => {
    const metrics = feed([
      [0, delta('a', '', 100)],
      [1400, delta('', 'b', 101)],
    ]);
    expect(metrics.thinkingMs).toBe(1400);
  });

  it('ignores timestamps that never change over the reply', () => {
    const metrics = feed([
      [0, delta('a', '', 100)],
      [5000, delta('', 'b', 100)],
    ]);
    expect(metrics.serverReasoningMs).toBeNull();
    expect(metrics.thinkingMs).toBe(5000);
  });
});

describe('thinkingElapsedMs (the live timer)', () => {
  it('is null before any reasoning', () => {
    expect(thinkingElapsedMs(startMetrics(0), 1000)).toBeNull();
  });

  it('runs with the clock while thinking', () => {
    expect(thinkingElapsedMs(feed(typicalReply.slice(0, 3)), 4000)).toBe(3500);
  });

  it('stops at the first answer token', () => {
    expect(thinkingElapsedMs(feed(typicalReply), 99_000)).toBe(2000);
  });

  it('stops when the call ends without an answer', () => {
    const metrics = completeMetrics(feed(typicalReply.slice(0, 3)), 1600);
    expect(thinkingElapsedMs(metrics, 99_000)).toBe(1000);
  });
});

describe('estimateTokens', () => {
  it('counts about four Latin characters per token', () => {
    expect(estimateTokens('abcdefgh')).toBe(2);
  });

  it('counts one token per CJK character', () => {
    expect(estimateTokens('你好世界')).toBe(4);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [1000, '1.0 s'],
    [4260, '4.2 s'],
    [42_900, '42 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
  ])('%i ms → "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows a dash for an impossible value', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('formatCost', () => {
  it.each([
    [0, 'free'],
    [0.00001, '< $0.0001'],
    [0.0012, '$0.0012'],
    [0.6011, '$0.601'],
  ])('%f → "%s"', (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });
});
