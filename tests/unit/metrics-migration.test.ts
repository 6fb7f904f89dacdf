// Persisted version 2 → 3 (src/store/metricsMigration.ts through migrate in src/store/savedStateRestore.ts): reply
// metrics lose the figures derived from them and their copies of the reply's finish reason and usage; nothing else
// moves, and the figures shown stay the same because they are derived again where they are read.
import { describe, expect, it } from 'vitest';
import { startMetrics, type ReplyMetrics } from '../../src/core/metrics';
import { defaultSettingsFor } from '../../src/core/request';
import { initialState } from '../../src/store';
import { partialize, persistVersion } from '../../src/store/persistence';
import { migrate, salvage } from '../../src/store/savedStateRestore';
import { selectReplyFigures } from '../../src/store/selectors';

const usage = { prompt_tokens: 1_000, completion_tokens: 2_000, total_tokens: 3_000 };

/** Sent at 1 s, first answer token at 1.3 s, last at 3 s, done at 3.5 s. */
const measurements: ReplyMetrics = {
  ...startMetrics(1_000),
  firstAnswerAtMs: 1_300,
  firstTokenAtMs: 1_300,
  lastTokenAtMs: 3_000,
  finishedAtMs: 3_500,
  estimatedTokens: 12,
  phase: 'answer',
};

/** What version 2 stored next to the measurements, as its rules computed it for glm-4.7. */
const derivedFigures = {
  timeToFirstReasoningMs: null,
  timeToFirstAnswerMs: 300,
  totalMs: 2_500,
  reasoningMs: null,
  serverReasoningMs: null,
  thinkingMs: null,
  tokensPerSecond: 2_000 / (1_700 / 1000),
  tokensPerSecondEstimated: false,
  promptTokens: 1_000,
  completionTokens: 2_000,
  reasoningTokens: null,
  estimatedCostUsd: (1_000 * 0.6 + 2_000 * 2.2) / 1_000_000,
};

function oldReply(reply: Record<string, unknown> = {}, copies: Record<string, unknown> = {}) {
  return {
    status: 'complete',
    request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
    error: null,
    finishReason: 'stop',
    usage,
    metrics: { ...measurements, ...derivedFigures, finishReason: 'stop', usage, ...copies },
    warnings: [],
    ...reply,
  };
}

function oldTurns(reply: Record<string, unknown> = oldReply()) {
  return [
    { id: 'q', role: 'user', content: 'Hi', reasoning: '', excluded: false, reply: null },
    { id: 'a', role: 'assistant', content: 'Hello', reasoning: '', excluded: false, reply },
  ];
}

function versionTwo(reply?: Record<string, unknown>) {
  const settings = defaultSettingsFor('glm-4.7');
  return {
    connection: { rememberKey: true, endpointId: 'zai', baseUrl: 'https://api.z.ai/api/paas/v4', keyOrigin: null },
    settings,
    conversation: { turns: oldTurns(reply), draft: 'unsent' },
    library: {
      activeId: 'open',
      conversations: [
        { id: 'open', title: null, createdAt: 1, updatedAt: 1, settings, turns: [], draft: '' },
        { id: 'other', title: 'Other', createdAt: 1, updatedAt: 2, settings, turns: oldTurns(reply), draft: '' },
      ],
    },
    history: {
      limit: 50,
      entries: [
        {
          id: 'h',
          sentAt: 1_000,
          request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
          status: 'complete',
          finishReason: 'stop',
          usage,
          latencyMs: 2_500,
          costUsd: derivedFigures.estimatedCostUsd,
          errorTitle: null,
        },
      ],
    },
  };
}

type Migrated = ReturnType<typeof versionTwo>;

function migrated(reply?: Record<string, unknown>): Migrated {
  return migrate(versionTwo(reply), 2) as Migrated;
}

/** The reply version 3 keeps: the same, with measurements only in its metrics. */
const expectedReply = { ...oldReply(), metrics: measurements };

describe('migration from version 2', () => {
  it('strips the derived figures and the copies from the working copy’s replies, and changes nothing else', () => {
    const before = versionTwo();
    const after = migrated();
    expect(after.conversation.turns[1]?.reply).toEqual(expectedReply);
    expect(after.conversation.turns[0]).toEqual(before.conversation.turns[0]);
    expect({ ...after, conversation: null, library: null, history: null }).toEqual({
      ...before,
      conversation: null,
      library: null,
      history: null,
    });
    expect(after.conversation.draft).toBe('unsent');
  });

  it('does the same for the replies of every saved conversation', () => {
    const after = migrated();
    expect(after.library.activeId).toBe('open');
    expect(after.library.conversations[1]?.turns[1]?.reply).toEqual(expectedReply);
    expect(after.library.conversations[1]?.title).toBe('Other');
  });

  it('takes the finish reason and usage from the copy when the reply has none', () => {
    const after = migrated(oldReply({ finishReason: null, usage: null }));
    expect(after.conversation.turns[1]?.reply).toEqual(expectedReply);
  });

  it('keeps the reply’s own finish reason and usage over the copy', () => {
    const own = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const reply = migrated(oldReply({ finishReason: 'length', usage: own })).conversation.turns[1]?.reply;
    expect(reply).toMatchObject({ finishReason: 'length', usage: own, metrics: measurements });
  });

  it('leaves a damaged usage copy behind rather than make the reply unreadable', () => {
    const after = migrated(oldReply({ usage: null }, { usage: { prompt_tokens: 'many' } }));
    expect(after.conversation.turns[1]?.reply).toMatchObject({ usage: null, metrics: measurements });
    expect(salvage(after, initialState()).problems).toBe(0);
  });

  it('drops the cost history entries stored, and keeps their measured latency', () => {
    const [entry] = migrated().history.entries;
    expect(entry).not.toHaveProperty('costUsd');
    expect(entry?.latencyMs).toBe(2_500);
  });

  it('shows the same figures as version 2 had stored, derived again', () => {
    const { state, problems } = salvage(migrated(), initialState());
    expect(problems).toBe(0);
    const reply = state.conversation?.turns[1]?.reply;
    if (!reply) throw new Error('the reply is kept');
    expect(selectReplyFigures(reply)).toEqual(derivedFigures);
  });

  it('saves version 3 without the derived figures, and leaves a version 3 state as it is', () => {
    const { state } = salvage(migrated(), initialState());
    const turns = state.conversation?.turns ?? [];
    const saved = partialize({ ...initialState(), conversation: { turns, draft: '' } });
    const text = JSON.stringify(saved);
    for (const field of Object.keys(derivedFigures)) expect(text).not.toContain(`"${field}"`);
    expect(saved.conversation.turns[1]?.reply?.metrics).toEqual(measurements);
    expect(migrate(saved, persistVersion)).toBe(saved);
  });
});
