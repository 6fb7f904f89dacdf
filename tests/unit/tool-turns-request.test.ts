import { describe, expect, it } from 'vitest';
import {
  buildRequestBody,
  defaultSettingsFor,
  type ConversationTurn,
  type RequestSettings,
} from '../../src/core/request';
import { isSentTurn, toolRoundStart, turnReasoningGoesBack } from '../../src/core/sentTurns';

const general = 'https://api.z.ai/api/paas/v4';
const codingPlan = 'https://api.z.ai/api/coding/paas/v4';
const lookup = { id: 'call_a', type: 'function', name: 'lookup_order', arguments: '{"order":"A-17"}' };
const wireLookup = {
  id: 'call_a',
  type: 'function',
  function: { name: 'lookup_order', arguments: '{"order":"A-17"}' },
};
const question: ConversationTurn = { role: 'user', content: 'Where is A-17?' };
const askForTool: ConversationTurn = {
  role: 'assistant',
  content: '',
  reasoning: 'Need the order.',
  toolCalls: [lookup],
};
const result: ConversationTurn = { role: 'tool', toolCallId: 'call_a', content: '{"status":"shipped"}' };

function settings(model = 'glm-4.7', changes: Partial<RequestSettings> = {}): RequestSettings {
  return { ...defaultSettingsFor(model), ...changes };
}

function messages(turns: ConversationTurn[], requestSettings = settings(), baseUrl = general) {
  return buildRequestBody(requestSettings, turns, baseUrl).messages;
}

describe('tool turns in the request', () => {
  it('sends a tool turn as a tool message with its call id and string content', () => {
    expect(messages([question, askForTool, result])[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_a',
      content: '{"status":"shipped"}',
    });
  });

  it('sends an empty tool result as an empty string rather than dropping it', () => {
    expect(messages([question, askForTool, { ...result, content: '' }])[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_a',
      content: '',
    });
  });

  it('sends the assistant tool-call turn with its calls as received and an empty content', () => {
    expect(messages([question, { ...askForTool, reasoning: '' }, result])[1]).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [wireLookup],
    });
  });

  it('keeps the text an assistant tool-call turn came with', () => {
    const withText = { ...askForTool, content: 'Let me look.', reasoning: '' };
    expect(messages([question, withText, result])[1]).toMatchObject({ content: 'Let me look.' });
  });

  it('sends several calls of one turn, in order, each answered by its own tool message', () => {
    const second = { id: 'call_b', type: 'function', name: 'track', arguments: '{}' };
    const turns: ConversationTurn[] = [
      question,
      { ...askForTool, toolCalls: [lookup, second] },
      result,
      { role: 'tool', toolCallId: 'call_b', content: 'on its way' },
    ];
    const sent = messages(turns);
    expect(sent[1]?.tool_calls?.map((call) => call.id)).toEqual(['call_a', 'call_b']);
    expect(sent.slice(2).map((message) => message.tool_call_id)).toEqual(['call_a', 'call_b']);
  });

  it('sends a loop of several rounds in order', () => {
    const again: ConversationTurn = { ...askForTool, toolCalls: [{ ...lookup, id: 'call_c' }] };
    const turns = [question, askForTool, result, again, { ...result, toolCallId: 'call_c' }];
    expect(messages(turns).map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool']);
  });

  it('leaves out an excluded tool turn', () => {
    expect(messages([question, askForTool, { ...result, excluded: true }])).toHaveLength(2);
  });

  it('counts tool calls and tool results as sent turns even without text', () => {
    expect(isSentTurn({ role: 'assistant', content: '', toolCalls: [lookup] }, false)).toBe(true);
    expect(isSentTurn({ role: 'tool', content: '', toolCallId: 'x' }, false)).toBe(true);
  });
});

describe('reasoning of tool-call turns (interleaved thinking)', () => {
  it('sends the reasoning of a tool-call turn of the round in progress back unchanged without preserved thinking', () => {
    const sent = messages([question, askForTool, result], settings('glm-4.7', { preserveReasoning: false }));
    expect(sent[1]?.reasoning_content).toBe('Need the order.');
    expect(buildRequestBody(settings('glm-4.7', { preserveReasoning: false }), [question], general).thinking).toEqual({
      type: 'enabled',
    });
  });

  it('sends the reasoning of every tool-call turn of the round in progress', () => {
    const again: ConversationTurn = { ...askForTool, reasoning: 'Now track it.', toolCalls: [{ ...lookup, id: 'c' }] };
    const sent = messages([question, askForTool, result, again, { ...result, toolCallId: 'c' }]);
    expect(sent.map((message) => message.reasoning_content)).toEqual([
      undefined,
      'Need the order.',
      undefined,
      'Now track it.',
      undefined,
    ]);
  });

  it('does not send the reasoning of a tool-call turn from an earlier round without preserved thinking', () => {
    const later: ConversationTurn[] = [
      { role: 'assistant', content: 'It shipped.', reasoning: 'Done.' },
      { role: 'user', content: 'Thanks' },
    ];
    const sent = messages([question, askForTool, result, ...later]);
    expect(sent.some((message) => message.reasoning_content !== undefined)).toBe(false);
  });

  it('sends every earlier reasoning with preserved thinking, tool rounds included', () => {
    const later: ConversationTurn[] = [
      { role: 'assistant', content: 'It shipped.', reasoning: 'Done.' },
      { role: 'user', content: 'Thanks' },
    ];
    const sent = messages(
      [question, askForTool, result, ...later],
      settings('glm-4.7', { preserveReasoning: null }),
      codingPlan,
    );
    expect(sent.map((message) => message.reasoning_content)).toEqual([
      undefined,
      'Need the order.',
      undefined,
      'Done.',
      undefined,
    ]);
  });

  it('does not send reasoning to a model without thinking', () => {
    const sent = messages([question, askForTool, result], settings('glm-4-32b-0414-128k'));
    expect(sent[1]?.reasoning_content).toBeUndefined();
  });

  it('starts the round in progress after the last user turn that is sent', () => {
    expect(toolRoundStart([question, askForTool, result])).toBe(1);
    expect(toolRoundStart([question, askForTool, { ...question, excluded: true }])).toBe(1);
    expect(
      turnReasoningGoesBack([question, askForTool], 1, { model: 'glm-4.7', preserveReasoning: false }, general),
    ).toBe(true);
    expect(
      turnReasoningGoesBack([question, askForTool], 0, { model: 'glm-4.7', preserveReasoning: false }, general),
    ).toBe(false);
  });
});
