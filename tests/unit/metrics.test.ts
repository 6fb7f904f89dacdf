import { describe, expect, it } from 'vitest';
import type { StreamEvent, Usage } from '../../src/core/contracts';
import { metricFigures, thinkingElapsedMs, usageCostUsd, type MetricFigures } from '../../src/core/metricFigures';
import {
  completeMetrics,
  estimateTokens,
  formatCost,
  formatDuration,
  recordEvent,
  startMetrics,
  type ReplyMetrics,
} from '../../src/core/metrics';
import { customModel, modelInfo, type ModelInfo } from '../../src/core/models';

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

/** The usage the events reported, as the reply keeps it (ReplyInfo.usage). */
function reportedUsage(events: TimedEvent[]): Usage | null {
  let usage: Usage | null = null;
  for (const [, event] of events) if (event.kind === 'usage') usage = event.usage;
  return usage;
}

/** The figures as the app shows them: the events measured, the reported usage, ended at finishedAtMs if given. */
function figuresOf(events: TimedEvent[], finishedAtMs?: number, model: ModelInfo | null = null): MetricFigures {
  const metrics = feed(events);
  return metricFigures(
    finishedAtMs === undefined ? metrics : completeMetrics(metrics, finishedAtMs),
    reportedUsage(events),
    model,
  );
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

describe('recordEvent / completeMetrics (measurements)', () => {
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

  it('leaves the usage to the reply: it is not a measurement', () => {
    const metrics = feed(typicalReply.slice(0, 5));
    expect(recordEvent(metrics, usageEvent(usage), 4500)).toBe(metrics);
    expect(metrics).not.toHaveProperty('usage');
  });

  it('returns the same object for events that change nothing', () => {
    const metrics = feed(typicalReply);
    expect(recordEvent(metrics, { kind: 'meta', id: null, requestId: null, model: null }, 9999)).toBe(metrics);
  });

  it('records only the finish time on completion', () => {
    const metrics = feed(typicalReply);
    expect(completeMetrics(metrics, 5000)).toEqual({ ...metrics, finishedAtMs: 5000 });
  });

  it('holds measurements only, and stays JSON-serialisable (it is persisted with the conversation)', () => {
    const metrics = completeMetrics(feed(typicalReply), 5000);
    expect(Object.keys(metrics).sort()).toEqual(
      [
        'startedAtMs',
        'firstReasoningAtMs',
        'lastReasoningAtMs',
        'firstAnswerAtMs',
        'firstTokenAtMs',
        'lastTokenAtMs',
        'finishedAtMs',
        'firstCreated',
        'lastCreated',
        'firstReasoningCreated',
        'lastReasoningCreated',
        'firstAnswerCreated',
        'estimatedTokens',
        'phase',
      ].sort(),
    );
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
  });
});

describe('metricFigures', () => {
  it('measures time to the first reasoning token', () => {
    expect(figuresOf(typicalReply).timeToFirstReasoningMs).toBe(500);
  });

  it('measures time to the first answer token, ignoring a whitespace-only content delta', () => {
    expect(figuresOf(typicalReply).timeToFirstAnswerMs).toBe(2500);
  });

  it('measures the total time only once the call completes', () => {
    expect(figuresOf(typicalReply).totalMs).toBeNull();
    expect(figuresOf(typicalReply, 5000).totalMs).toBe(5000);
  });

  it('measures thinking from the first reasoning token to the first answer token', () => {
    expect(figuresOf(typicalReply).reasoningMs).toBe(2000);
  });

  it('measures thinking up to the last reasoning token when no answer came', () => {
    const figures = figuresOf([
      [100, delta('a', '')],
      [900, delta('b', '')],
    ]);
    expect(figures.reasoningMs).toBe(800);
    expect(figures.timeToFirstAnswerMs).toBeNull();
  });

  it('computes tokens per second from usage over the generation time', () => {
    const figures = figuresOf(typicalReply, 5000);
    // 500 completion tokens between the first token (300 ms) and the last (4500 ms).
    expect(figures.tokensPerSecond).toBeCloseTo(500 / 4.2, 6);
    expect(figures.tokensPerSecondEstimated).toBe(false);
  });

  it('estimates tokens per second from the text when there is no usage, and says so', () => {
    const figures = figuresOf(
      [
        [0, delta('', 'abcdefgh')],
        [1000, delta('', 'abcdefgh')],
      ],
      1000,
    );
    expect(figures.tokensPerSecond).toBe(4);
    expect(figures.tokensPerSecondEstimated).toBe(true);
  });

  it('uses the whole call time when the reply arrived in one piece (non-streaming)', () => {
    const figures = figuresOf(
      [
        [2000, delta('r', 'answer')],
        [2000, usageEvent({ prompt_tokens: 10, completion_tokens: 100, total_tokens: 110 })],
      ],
      2000,
    );
    expect(figures.tokensPerSecond).toBe(50);
  });

  it('has no rate without tokens or without a time window', () => {
    expect(figuresOf([], 1000).tokensPerSecond).toBeNull();
    expect(figuresOf([[0, delta('', 'abcdefgh')]]).tokensPerSecond).toBeNull();
  });

  it('exposes prompt, completion and reasoning tokens from usage', () => {
    expect(figuresOf(typicalReply)).toMatchObject({
      promptTokens: 1_000_000,
      completionTokens: 500,
      reasoningTokens: 300,
    });
  });

  it('has no token counts without usage', () => {
    expect(figuresOf(typicalReply.slice(0, 5))).toMatchObject({
      promptTokens: null,
      completionTokens: null,
      reasoningTokens: null,
    });
  });

  it('estimates the cost from the catalogue price of the model', () => {
    const figures = figuresOf(typicalReply, 5000, modelInfo('glm-4.5'));
    // 1M prompt tokens × $0.6 + 500 completion tokens × $2.2 per million.
    expect(figures.estimatedCostUsd).toBeCloseTo(0.6 + 500 * 2.2e-6, 10);
  });

  it('has no cost for a custom model, without a model or without usage', () => {
    expect(figuresOf(typicalReply, 5000, customModel('my-model')).estimatedCostUsd).toBeNull();
    expect(figuresOf(typicalReply, 5000).estimatedCostUsd).toBeNull();
    expect(figuresOf(typicalReply.slice(0, 5), 5000, modelInfo('glm-4.5')).estimatedCostUsd).toBeNull();
    expect(usageCostUsd(null, modelInfo('glm-4.5'))).toBeNull();
  });

  it('takes the usage from the reply, whatever the events carried', () => {
    const metrics = completeMetrics(feed(typicalReply.slice(0, 5)), 5000);
    const figures = metricFigures(metrics, usage, modelInfo('glm-4.5-flash'));
    expect(figures.completionTokens).toBe(500);
    expect(figures.estimatedCostUsd).toBe(0);
  });

  it('gives the same figures for the same measurements (a saved reply shows what it showed)', () => {
    const metrics = completeMetrics(feed(typicalReply), 5000);
    const restored = JSON.parse(JSON.stringify(metrics)) as ReplyMetrics;
    expect(metricFigures(restored, usage, modelInfo('glm-4.7'))).toEqual(
      metricFigures(metrics, usage, modelInfo('glm-4.7')),
    );
  });
});

describe('server-side thinking time (chunk timestamps)', () => {
  it('exposes thinking time from the created timestamps next to the wall clock', () => {
    const figures = figuresOf(typicalReply);
    expect(figures.serverReasoningMs).toBe(2000);
    expect(figures.reasoningMs).toBe(2000);
  });

  it('prefers the server time when a frozen background tab delivered the answer late', () => {
    const figures = figuresOf([
      [500, delta('Thinking', '', 100)],
      [1500, delta(' more', '', 101)],
      // The tab was frozen: the first answer token is processed 60 s later, though the server sent it at 103.
      [61_000, delta('', 'Answer', 103)],
    ]);
    expect(figures.reasoningMs).toBe(60_500);
    expect(figures.serverReasoningMs).toBe(3000);
    expect(figures.thinkingMs).toBe(3000);
  });

  it('keeps the wall clock when both agree within the timestamps’ 1 s resolution', () => {
    const figures = figuresOf([
      [0, delta('a', '', 100)],
      [1400, delta('', 'b', 101)],
    ]);
    expect(figures.thinkingMs).toBe(1400);
  });

  it('ignores timestamps that never change over the reply', () => {
    const figures = figuresOf([
      [0, delta('a', '', 100)],
      [5000, delta('', 'b', 100)],
    ]);
    expect(figures.serverReasoningMs).toBeNull();
    expect(figures.thinkingMs).toBe(5000);
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
