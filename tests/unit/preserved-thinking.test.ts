// Preserved thinking (thinking.clear_thinking, docs/wire-format.md#preserved-thinking): the exact request bodies,
// pinned whole.
// The turns are the store's own (as the transcript holds them), mapped the way Send maps them.
import { describe, expect, it } from 'vitest';
import { buildRequestBody, defaultSettingsFor, type RequestSettings } from '../../src/core/request';
import { toConversationTurn } from '../../src/store/selectors';
import type { Turn } from '../../src/store/types';

function turn(id: string, role: Turn['role'], content: string, reasoning = '', excluded = false): Turn {
  return { id, role, content, reasoning, excluded, reply: null };
}

/** Two earlier replies with reasoning (one with markup and white space that must survive byte for byte). */
const transcript: Turn[] = [
  turn('u1', 'user', 'What is 17 × 23?'),
  turn('a1', 'assistant', '391', '17 × 20 = 340\n17 × 3 = 51\n340 + 51 = 391  '),
  turn('u2', 'user', 'And doubled?'),
  turn('a2', 'assistant', '782', '<b>391</b> × 2 = 782 — `easy`\n\n'),
  turn('u3', 'user', 'Thanks. Now halve it.'),
];

function settings(model: string, preserveReasoning: boolean, changes: Partial<RequestSettings> = {}): RequestSettings {
  return { ...defaultSettingsFor(model), preserveReasoning, ...changes };
}

function body(
  model: string,
  preserveReasoning: boolean,
  turns: readonly Turn[] = transcript,
  changes: Partial<RequestSettings> = {},
) {
  const source = { connection: { baseUrl: '' }, ui: { imageBytes: {} } };
  const conversationTurns = turns.map((turn) => toConversationTurn(turn, source));
  return buildRequestBody(settings(model, preserveReasoning, changes), conversationTurns);
}

describe('preserved thinking on (glm-4.7)', () => {
  it('sends clear_thinking: false and every earlier reasoning, unmodified and in order', () => {
    expect(body('glm-4.7', true)).toEqual({
      model: 'glm-4.7',
      messages: [
        { role: 'user', content: 'What is 17 × 23?' },
        { role: 'assistant', content: '391', reasoning_content: '17 × 20 = 340\n17 × 3 = 51\n340 + 51 = 391  ' },
        { role: 'user', content: 'And doubled?' },
        { role: 'assistant', content: '782', reasoning_content: '<b>391</b> × 2 = 782 — `easy`\n\n' },
        { role: 'user', content: 'Thanks. Now halve it.' },
      ],
      stream: true,
      thinking: { type: 'enabled', clear_thinking: false },
    });
  });

  it('puts thinking before the parameters and keeps the field order of each message (role, content, reasoning_content)', () => {
    const sent = body('glm-4.7', true);
    expect(Object.keys(sent)).toEqual(['model', 'messages', 'stream', 'thinking']);
    expect(
      sent.messages.filter((message) => message.role === 'assistant').map((message) => Object.keys(message)),
    ).toEqual([
      ['role', 'content', 'reasoning_content'],
      ['role', 'content', 'reasoning_content'],
    ]);
  });

  it('sends nothing of an excluded turn, reasoning included', () => {
    const withExcluded = transcript.map((entry) => (entry.id === 'a1' ? { ...entry, excluded: true } : entry));
    expect(body('glm-4.7', true, withExcluded).messages).toEqual([
      { role: 'user', content: 'What is 17 × 23?' },
      { role: 'user', content: 'And doubled?' },
      { role: 'assistant', content: '782', reasoning_content: '<b>391</b> × 2 = 782 — `easy`\n\n' },
      { role: 'user', content: 'Thanks. Now halve it.' },
    ]);
  });

  it('adds no reasoning_content to an assistant turn that has none (a hand-written turn)', () => {
    const handWritten = [turn('u1', 'user', 'Hi'), turn('a1', 'assistant', 'Hello there'), turn('u2', 'user', 'Again')];
    expect(body('glm-4.7', true, handWritten).messages[1]).toEqual({ role: 'assistant', content: 'Hello there' });
  });

  it('still says clear_thinking: false with Thinking switched off (the earlier reasoning is still sent back)', () => {
    const sent = body('glm-4.7', true, transcript, { thinking: false });
    expect(sent.thinking).toEqual({ type: 'disabled', clear_thinking: false });
    expect(sent.messages.filter((message) => message.reasoning_content !== undefined)).toHaveLength(2);
  });
});

describe('preserved thinking off', () => {
  it('sends the plain conversation on glm-4.7: thinking enabled, no clear_thinking, never any reasoning_content', () => {
    expect(body('glm-4.7', false)).toEqual({
      model: 'glm-4.7',
      messages: [
        { role: 'user', content: 'What is 17 × 23?' },
        { role: 'assistant', content: '391' },
        { role: 'user', content: 'And doubled?' },
        { role: 'assistant', content: '782' },
        { role: 'user', content: 'Thanks. Now halve it.' },
      ],
      stream: true,
      thinking: { type: 'enabled' },
    });
  });

  it('drops a reasoning-only assistant turn rather than sending it empty', () => {
    const reasoningOnly = [
      turn('u1', 'user', 'Q'),
      turn('a1', 'assistant', '', 'only thoughts'),
      turn('u2', 'user', 'Go on'),
    ];
    expect(body('glm-4.7', false, reasoningOnly).messages).toEqual([
      { role: 'user', content: 'Q' },
      { role: 'user', content: 'Go on' },
    ]);
  });
});

describe('preserved thinking on a model without the catalogue flag', () => {
  it.each(['glm-4.6', 'glm-4.5', 'my-custom-glm'])(
    '%s: the setting is ignored — no clear_thinking, no reasoning_content',
    (model) => {
      const sent = body(model, true);
      expect(sent.thinking).toEqual({ type: 'enabled' });
      expect(sent.messages.some((message) => 'reasoning_content' in message)).toBe(false);
    },
  );

  it('glm-4-32b-0414-128k (no thinking at all): neither thinking nor reasoning_content', () => {
    const sent = body('glm-4-32b-0414-128k', true);
    expect(sent.thinking).toBeUndefined();
    expect(sent.messages.some((message) => 'reasoning_content' in message)).toBe(false);
  });
});
