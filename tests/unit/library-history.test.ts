// Request history (src/store/historySlice.ts): entries from finished replies, the bound, and "Open"
// (src/store/requestRestore.ts) rebuilding exactly the request that was sent.
import { describe, expect, it } from 'vitest';
import { startMetrics, completeMetrics } from '../../src/core/metrics';
import { buildRequestBody, defaultSettingsFor, type ChatRequestBody } from '../../src/core/request';
import type { Turn } from '../../src/store';
import {
  clampHistoryLimit,
  defaultHistoryLimit,
  historyEntryCostUsd,
  historyEntryFor,
  initialHistory,
  withEntry,
  withLimit,
  type HistoryEntry,
} from '../../src/store/historySlice';
import { salvageHistory } from '../../src/store/historySalvage';
import { restoreRequest } from '../../src/store/requestRestore';

function entry(id: string): HistoryEntry {
  return {
    id,
    sentAt: 0,
    request: {
      baseUrl: 'https://api.z.ai/api/paas/v4',
      body: { model: 'glm-4.7', messages: [{ role: 'user', content: id }] },
    },
    status: 'complete',
    finishReason: 'stop',
    usage: null,
    latencyMs: 10,
    errorTitle: null,
  };
}

describe('the bound', () => {
  it('keeps 50 requests by default', () => {
    expect(initialHistory().limit).toBe(50);
    expect(defaultHistoryLimit).toBe(50);
  });

  it('puts the newest first and drops the oldest beyond the limit', () => {
    let history = { ...initialHistory(), limit: 3 };
    for (const id of ['one', 'two', 'three', 'four']) history = withEntry(history, entry(id));
    expect(history.entries.map((candidate) => candidate.id)).toEqual(['four', 'three', 'two']);
  });

  it('trims to a smaller limit at once and clamps the limit to 1–500', () => {
    let history = initialHistory();
    for (const id of ['a', 'b', 'c']) history = withEntry(history, entry(id));
    expect(withLimit(history, 2).entries.map((candidate) => candidate.id)).toEqual(['c', 'b']);
    expect(clampHistoryLimit(0)).toBe(1);
    expect(clampHistoryLimit(10_000)).toBe(500);
    expect(clampHistoryLimit(Number.NaN)).toBe(50);
  });

  it('drops damaged saved entries and keeps readable ones', () => {
    const restored = salvageHistory({ limit: 5, entries: [entry('ok'), { id: 'broken' }, 'nonsense'] });
    expect(restored.entries.map((candidate) => candidate.id)).toEqual(['ok']);
    expect(restored.limit).toBe(5);
    expect(salvageHistory(undefined)).toEqual(initialHistory());
  });
});

describe('an entry', () => {
  it('records the request exactly as sent with status, finish reason, tokens, latency and cost', () => {
    const body: ChatRequestBody = {
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      thinking: { type: 'enabled' },
      temperature: 0.2,
    };
    const usage = { prompt_tokens: 1000, completion_tokens: 2000, total_tokens: 3000 };
    const metrics = completeMetrics(startMetrics(1_000), 3_500);
    const turn: Turn = {
      id: 't',
      role: 'assistant',
      content: 'Hello',
      reasoning: '',
      excluded: false,
      reply: {
        status: 'complete',
        request: { baseUrl: 'https://api.z.ai/api/paas/v4', body },
        error: null,
        finishReason: 'stop',
        usage,
        metrics,
        warnings: [],
        retry: null,
      },
    };
    const recorded = historyEntryFor(turn);
    expect(recorded).toMatchObject({
      sentAt: 1_000,
      status: 'complete',
      finishReason: 'stop',
      usage,
      latencyMs: 2_500,
      errorTitle: null,
    });
    expect(recorded?.request.body).toBe(body);
    expect(recorded && historyEntryCostUsd(recorded)).toBeCloseTo((1000 * 0.6 + 2000 * 2.2) / 1_000_000);
  });

  it('is not made for a hand-written turn', () => {
    const handWritten: Turn = { id: 't', role: 'assistant', content: 'x', reasoning: '', excluded: false, reply: null };
    expect(historyEntryFor(handWritten)).toBeNull();
  });
});

describe('"Open" rebuilds exactly the request that was sent', () => {
  const current = { ...defaultSettingsFor('glm-4.5'), systemPrompt: 'Current system prompt', temperature: 0.33 };
  const bodies: Record<string, ChatRequestBody> = {
    'model defaults only': {
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'enabled' },
    },
    'a parameter sent at its default value (pinned)': {
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'disabled' },
      temperature: 1,
      top_p: 0.95,
      max_tokens: 65_536,
    },
    'a system prompt and several turns': {
      model: 'glm-4.6',
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Bonjour' },
        { role: 'user', content: 'How are you?' },
      ],
      stream: true,
      thinking: { type: 'enabled' },
      temperature: 0.5,
    },
    'preserved thinking with reasoning sent back': {
      model: 'glm-4.7',
      messages: [
        { role: 'user', content: 'Q1' },
        { role: 'assistant', content: 'A1', reasoning_content: 'Because…' },
        { role: 'user', content: 'Q2' },
      ],
      stream: true,
      thinking: { type: 'enabled', clear_thinking: false },
    },
    'a model without thinking': {
      model: 'glm-4-32b-0414-128k',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 100,
    },
    'a custom model id': {
      model: 'my-local-model',
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'enabled' },
      top_p: 0.5,
    },
    'fields without a form control': {
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'enabled' },
      stop: ['END'],
      do_sample: false,
      response_format: { type: 'json_object' },
    },
  };

  for (const [name, body] of Object.entries(bodies)) {
    it(name, () => {
      const restored = restoreRequest(body, current);
      expect(buildRequestBody(restored.settings, restored.turns)).toEqual(body);
      expect(restored.notes).toEqual([]);
    });
  }

  it('lists a message the conversation cannot hold instead of dropping it silently', () => {
    const restored = restoreRequest(
      {
        model: 'glm-4.7',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'tool', content: '{"ok":true}' },
        ],
      },
      current,
    );
    expect(restored.turns.map((turn) => turn.content)).toEqual(['Hi']);
    expect(restored.notes).toEqual(['A tool message cannot be shown in the conversation and was left out.']);
  });
});
