// Export / Import conversation (src/store/conversationFile.ts): the file format, the checks on import and the
// messages a person reads when a file is refused.
import { describe, expect, it } from 'vitest';
import { startMetrics } from '../../src/core/metrics';
import { defaultSettingsFor, type RequestSettings } from '../../src/core/request';
import { selectReplyFigures } from '../../src/store/selectors';
import { initialState, type PlaygroundState, type Turn } from '../../src/store';
import {
  buildConversationFile,
  conversationFileName,
  parseConversationFile,
  type ParsedConversation,
} from '../../src/store/conversationFile';

const testKey = 'sk-test-LEAK-0123456789abcdef';

function userTurn(id: string, content: string): Turn {
  return { id, role: 'user', content, reasoning: '', excluded: false, reply: null };
}

function replyTurn(id: string, content: string, status: NonNullable<Turn['reply']>['status'] = 'complete'): Turn {
  return {
    id,
    role: 'assistant',
    content,
    reasoning: 'Thinking about it.',
    excluded: false,
    reply: {
      status,
      request: {
        baseUrl: 'https://api.z.ai/api/paas/v4',
        body: { model: 'glm-4.6', messages: [{ role: 'user', content: 'Hello' }], stream: true },
      },
      error: null,
      finishReason: 'stop',
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
      metrics: { ...startMetrics(1_000), finishedAtMs: 1_420 },
      warnings: [],
      retry: status === 'waiting' ? { attempt: 1, delayMs: 1000, at: 5000 } : null,
    },
  };
}

function stateWith(turns: Turn[], settings: Partial<RequestSettings> = {}): PlaygroundState {
  const state = initialState();
  return {
    ...state,
    connection: { ...state.connection, apiKey: testKey },
    settings: { ...defaultSettingsFor('glm-4.6'), ...settings },
    conversation: { turns, draft: '' },
  };
}

const now = new Date(2026, 2, 7, 23, 30); // 7 March 2026, local time

function parsed(text: string, current: RequestSettings = defaultSettingsFor('glm-4.5')): ParsedConversation {
  const result = parseConversationFile(text, current);
  if (!result.ok) throw new Error(`expected the file to be accepted, got: ${result.message}`);
  return result.conversation;
}

function refusal(text: string): string {
  const result = parseConversationFile(text, defaultSettingsFor('glm-4.5'));
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

function exportedFile(
  turns: Turn[] = [userTurn('t1', 'Hello'), replyTurn('t2', 'Hi there')],
  settings: Partial<RequestSettings> = {},
): Record<string, unknown> {
  return JSON.parse(buildConversationFile(stateWith(turns, settings), now)) as Record<string, unknown>;
}

describe('export', () => {
  it('names the file glm-conversation-YYYY-MM-DD.json with the local date', () => {
    expect(conversationFileName(now)).toBe('glm-conversation-2026-03-07.json');
    expect(conversationFileName(new Date(2026, 10, 25, 0, 5))).toBe('glm-conversation-2026-11-25.json');
  });

  it('writes the format, the request settings and every turn', () => {
    const file = exportedFile(undefined, { temperature: 0.3, systemPrompt: 'Be brief.' });
    expect(file.format).toBe('glm-playground-conversation');
    expect(file.version).toBe(1);
    expect(file.settings).toMatchObject({ model: 'glm-4.6', temperature: 0.3, systemPrompt: 'Be brief.' });
    expect((file.turns as Turn[]).map((turn) => [turn.role, turn.content])).toEqual([
      ['user', 'Hello'],
      ['assistant', 'Hi there'],
    ]);
  });

  it('leaves out the connection: no key, no endpoint, no base URL setting', () => {
    const file = exportedFile();
    expect(file).not.toHaveProperty('connection');
    expect(JSON.stringify(file)).not.toContain('apiKey');
  });

  it('redacts the key even when a message contains it', () => {
    const text = buildConversationFile(stateWith([userTurn('t1', `my key is ${testKey}, keep it safe`)]), now);
    expect(text).not.toContain(testKey);
    expect(text).toContain('[redacted key]');
  });
});

describe('import', () => {
  it('restores the turns and settings of an exported file, with fresh ids', () => {
    const conversation = parsed(
      buildConversationFile(
        stateWith([userTurn('t1', 'Hello'), replyTurn('t2', 'Hi there')], { temperature: 0.3 }),
        now,
      ),
    );
    expect(conversation.turns.map((turn) => [turn.role, turn.content, turn.reasoning])).toEqual([
      ['user', 'Hello', ''],
      ['assistant', 'Hi there', 'Thinking about it.'],
    ]);
    expect(conversation.turns[1]?.reply?.usage?.total_tokens).toBe(12);
    const reply = conversation.turns[1]?.reply;
    expect(reply && selectReplyFigures(reply).totalMs).toBe(420);
    expect(conversation.settings).toMatchObject({ model: 'glm-4.6', temperature: 0.3 });
    expect(conversation.turns.map((turn) => turn.id)).not.toContain('t1');
    expect(new Set(conversation.turns.map((turn) => turn.id)).size).toBe(2);
    expect(conversation.notes).toEqual([]);
  });

  it('accepts a hand-written file with only roles and text, keeping the current settings', () => {
    const current = { ...defaultSettingsFor('glm-4.5'), systemPrompt: 'Current prompt' };
    const conversation = parsed(
      JSON.stringify({ format: 'glm-playground-conversation', version: 1, turns: [{ role: 'user', content: 'Hi' }] }),
      current,
    );
    expect(conversation.turns).toHaveLength(1);
    expect(conversation.turns[0]).toMatchObject({
      role: 'user',
      content: 'Hi',
      reasoning: '',
      excluded: false,
      reply: null,
    });
    expect(conversation.settings).toEqual(current);
  });

  it('marks a reply that was still streaming when exported as interrupted, without a pending retry', () => {
    const conversation = parsed(
      buildConversationFile(stateWith([userTurn('t1', 'Hello'), replyTurn('t2', 'Hal', 'waiting')]), now),
    );
    expect(conversation.turns[1]?.reply?.status).toBe('interrupted');
    expect(conversation.turns[1]?.reply?.retry).toBeNull();
  });

  it('clamps out-of-range numbers and says which ones', () => {
    const file = exportedFile(undefined, {});
    file.settings = { ...(file.settings as object), temperature: 7, topP: 0 };
    const conversation = parsed(JSON.stringify(file));
    expect(conversation.settings.temperature).toBe(1);
    expect(conversation.settings.topP).toBe(0.01);
    expect(conversation.notes).toEqual([
      'Temperature 7 was out of range and set to 1.',
      'Top P 0 was out of range and set to 0.01.',
    ]);
  });

  it('imports a file exported before metrics held measurements only: the same figures, without the old fields', () => {
    const file = exportedFile();
    const turns = file.turns as Array<Record<string, unknown> & { reply: Record<string, unknown> | null }>;
    const reply = turns[1]?.reply;
    if (!reply) throw new Error('fixture has a reply');
    const usage = { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 };
    // Such a file could hold the finish reason and usage on the metrics only, next to figures derived from them.
    reply.finishReason = null;
    reply.usage = null;
    reply.metrics = {
      ...(reply.metrics as Record<string, unknown>),
      finishReason: 'stop',
      usage,
      totalMs: 420,
      promptTokens: 5,
      completionTokens: 7,
      estimatedCostUsd: 0.5,
    };
    const imported = parsed(JSON.stringify(file)).turns[1]?.reply;
    if (!imported) throw new Error('the reply is imported');
    expect(imported).toMatchObject({ finishReason: 'stop', usage });
    expect(imported.metrics).toEqual({ ...startMetrics(1_000), finishedAtMs: 1_420 });
    expect(selectReplyFigures(imported)).toMatchObject({ totalMs: 420, promptTokens: 5, completionTokens: 7 });
  });

  it('drops metric values of the wrong type instead of trusting them', () => {
    const file = exportedFile();
    const turns = file.turns as Array<Record<string, unknown> & { reply: Record<string, unknown> | null }>;
    const reply = turns[1]?.reply;
    if (!reply) throw new Error('fixture has a reply');
    reply.metrics = { finishedAtMs: 'a lot', firstTokenAtMs: 12.5, phase: '<script>' };
    const conversation = parsed(JSON.stringify(file));
    const metrics = conversation.turns[1]?.reply?.metrics;
    expect(metrics?.finishedAtMs).toBeNull();
    expect(metrics?.firstTokenAtMs).toBe(12.5);
    expect(metrics?.phase).toBe('waiting');
  });
});

describe('import refuses a bad file with a clear message', () => {
  it('not JSON', () => {
    expect(refusal('{"format": "glm-playground-conversation", ')).toBe(
      'This file is not valid JSON, so it cannot be a conversation export.',
    );
  });

  it('a reply whose request body holds an extra field nested 100,000 levels deep', () => {
    const file = exportedFile();
    const text = JSON.stringify(file).replace(
      '"stream":true',
      `"stream":true,"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    expect(text).toContain('"extra":[[[');
    expect(refusal(text)).toBe(
      'This file cannot be imported: it is nested more than 64 levels deep. Nothing was imported.',
    );
  });

  it('JSON that is not a conversation file', () => {
    expect(refusal(JSON.stringify({ model: 'glm-4.6', messages: [] }))).toMatch(/not a GLM Playground conversation/);
    expect(refusal('[1, 2, 3]')).toMatch(/not a GLM Playground conversation/);
  });

  it('a file from a newer version of the app', () => {
    expect(refusal(JSON.stringify({ format: 'glm-playground-conversation', version: 2, turns: [] }))).toMatch(
      /newer version of GLM Playground \(file version 2\)/,
    );
  });

  it('a damaged turn, naming the message and the field', () => {
    const file = exportedFile();
    (file.turns as Array<Record<string, unknown>>)[1] = { role: 'robot', content: 'beep' };
    expect(refusal(JSON.stringify(file))).toMatch(
      /^The conversation file is damaged — Message 2, role: .+\. Nothing was imported\.$/,
    );
  });

  it('a setting of the wrong type', () => {
    const file = exportedFile();
    file.settings = { ...(file.settings as object), maxTokens: 'lots' };
    expect(refusal(JSON.stringify(file))).toMatch(/damaged — Settings, maxTokens: /);
  });

  it('turns that are not a list', () => {
    expect(refusal(JSON.stringify({ format: 'glm-playground-conversation', version: 1, turns: 'Hello' }))).toMatch(
      /damaged — Turns: /,
    );
  });

  it('a file too large to be a conversation', () => {
    expect(refusal(' '.repeat(20 * 1024 * 1024 + 1))).toMatch(/too large/);
  });
});
