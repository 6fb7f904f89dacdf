// Tool rounds: a reply's tool calls stream into cards, the user writes each result, and "Send tool results" asks
// the model again with the assistant message as received and one tool message per call.
import { act, fireEvent, getDefaultNormalizer, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import type { ChatRequestBody } from '../../src/core/request';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import * as toolActions from '../../src/store/toolRoundActions';
import { settingsWithOwnedExtraFields } from '../../src/core/bodySettings';
import {
  assistantTurn,
  loadLazyRegions,
  loadReplyStream,
  resetEverything,
  savedStateLoaded,
  setTurns,
  userTurn,
} from './helpers';

beforeAll(loadLazyRegions);

const encoder = new TextEncoder();
/** Text compared as shown, line breaks included (pretty-printed JSON). */
const exactText = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };
const lookupTool = {
  type: 'function',
  function: {
    name: 'lookup_order',
    description: 'Find an order',
    parameters: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] },
  },
};

function chunk(delta: Record<string, unknown>, finishReason?: string): string {
  const choice = {
    index: 0,
    delta: { role: 'assistant', ...delta },
    ...(finishReason ? { finish_reason: finishReason } : {}),
  };
  return `data: ${JSON.stringify({ id: 'c1', created: 1767268800, model: 'glm-4.7', choices: [choice] })}\n\n`;
}

function toolPiece(piece: Record<string, unknown>): string {
  return chunk({ tool_calls: [piece] });
}

/** A streamed reply the test writes piece by piece. */
function controlledStream() {
  let source: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      source = controller;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push(text: string) {
      source?.enqueue(encoder.encode(text));
    },
    end() {
      source?.enqueue(encoder.encode('data: [DONE]\n\n'));
      source?.close();
    },
  };
}

function sseResponse(text: string): Response {
  return new Response(encoder.encode(text + 'data: [DONE]\n\n'), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
  });
}

const finishedCall = { id: 'call_a', type: 'function', name: 'lookup_order', arguments: '{"order":"A-17"}' };

/** A conversation whose last reply asked for lookup_order (sent with the tool), ready to answer. */
function seedToolRound(call = finishedCall, reasoning = 'Need the order.') {
  const body = { model: 'glm-4.7', messages: [], stream: true, tools: [lookupTool] };
  setTurns([
    userTurn('Where is A-17?'),
    assistantTurn(
      { reasoning, toolCalls: [call] },
      { finishReason: 'tool_calls', request: { baseUrl: 'https://api.z.ai/api/paas/v4', body } },
    ),
  ]);
}

function sentBodies(fetch: ReturnType<typeof vi.fn>): ChatRequestBody[] {
  return fetch.mock.calls.map((call) => JSON.parse((call[1] as { body: string }).body) as ChatRequestBody);
}

function card(name: string) {
  return screen.getByRole('article', { name: `Tool call ${name}` });
}

function renderApp() {
  render(
    <>
      <ConversationPanel />
      <ReplyArea />
    </>,
  );
}

beforeAll(async () => {
  await loadReplyStream();
});

beforeEach(async () => {
  resetEverything();
  connectionActions.setEndpoint('demo');
  act(() => {
    usePlaygroundStore.setState((state) => ({
      // The tool as the Tools section holds it (saved extra tool fields move there the same way).
      settings: settingsWithOwnedExtraFields({
        ...state.settings,
        model: 'glm-4.7',
        extraFields: { tools: [lookupTool] },
      }),
    }));
  });
  // Send waits for the tools' schemas to be checked; the checker loads as soon as tools exist.
  await waitFor(() => expect(usePlaygroundStore.getState().ui.schemaChecker).not.toBeNull());
});

afterEach(() => {
  act(() => actions.stop());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a tool call streaming in', () => {
  it('shows the arguments piece by piece, then pretty-printed, keeping the reasoning around the call', async () => {
    const stream = controlledStream();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(stream.response)),
    );
    renderApp();
    actions.setDraft('Where is A-17?');
    act(() => actions.send());
    stream.push(chunk({ reasoning_content: 'Need the order. ' }));
    stream.push(
      toolPiece({
        index: 0,
        id: 'call_a',
        type: 'function',
        function: { name: 'lookup_order', arguments: '{"order":' },
      }),
    );
    expect(
      await within(await screen.findByRole('article', { name: 'Tool call lookup_order' })).findByText('{"order":'),
    ).toBeVisible();
    stream.push(chunk({ reasoning_content: 'Then check it.' }));
    stream.push(toolPiece({ index: 0, id: 'call_a', function: { arguments: '"A-17"}' } }));
    stream.push(chunk({ content: '' }, 'tool_calls'));
    stream.end();
    await waitFor(() => expect(within(card('lookup_order')).getByText(/"order": "A-17"/)).toBeVisible());
    expect(within(card('lookup_order')).getByText('{\n  "order": "A-17"\n}', exactText)).toBeVisible();
    expect(usePlaygroundStore.getState().conversation.turns[1]?.reasoning).toBe('Need the order. Then check it.');
    expect(screen.getByRole('button', { name: 'Send tool results' })).toBeDisabled();
  });

  it('keeps a call cut mid-arguments, marked incomplete, with the JSON error', () => {
    seedToolRound({ ...finishedCall, arguments: '{"order":' });
    act(() => {
      usePlaygroundStore.setState((state) => ({
        conversation: {
          ...state.conversation,
          turns: state.conversation.turns.map((turn) =>
            turn.reply ? { ...turn, reply: { ...turn.reply, status: 'interrupted' as const } } : turn,
          ),
        },
      }));
    });
    renderApp();
    expect(within(card('lookup_order')).getByText('incomplete')).toBeVisible();
    expect(within(card('lookup_order')).getByText(/not valid JSON \(line 1, column 10\)/)).toBeVisible();
  });

  it('lists the ways the arguments break the parameters schema', async () => {
    seedToolRound({ ...finishedCall, arguments: '{"order": 17}' });
    renderApp();
    const violations = await within(card('lookup_order')).findByRole('list', {
      name: 'Schema violations of lookup_order',
    });
    expect(within(violations).getByText('/order')).toBeVisible();
  });
});

describe('Send tool results', () => {
  it('is disabled with the reason until every call has a result', () => {
    seedToolRound();
    renderApp();
    const button = screen.getByRole('button', { name: 'Send tool results' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Write a tool result for lookup_order first.');
  });

  it('sends the assistant message as received, its reasoning, and one tool message per call', async () => {
    const fetch = vi.fn(() => Promise.resolve(sseResponse(chunk({ content: 'It shipped.' }, 'stop'))));
    vi.stubGlobal('fetch', fetch);
    seedToolRound();
    renderApp();
    await userEvent.type(within(card('lookup_order')).getByLabelText('Tool result'), 'shipped');
    await userEvent.click(screen.getByRole('button', { name: 'Send tool results' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(sentBodies(fetch)[0]?.messages).toEqual([
      { role: 'user', content: 'Where is A-17?' },
      {
        role: 'assistant',
        content: '',
        reasoning_content: 'Need the order.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'lookup_order', arguments: '{"order":"A-17"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'shipped' },
    ]);
    expect(sentBodies(fetch)[0]?.tools).toEqual([lookupTool]);
    await waitFor(() => expect(usePlaygroundStore.getState().conversation.turns.at(-1)?.content).toBe('It shipped.'));
    expect(screen.getByRole('article', { name: 'tool turn 3' })).toHaveTextContent('Result of call call_a');
  });

  it('sends with Ctrl+Enter in a Tool result field once all results are written', async () => {
    const fetch = vi.fn(() => Promise.resolve(sseResponse(chunk({ content: 'Done.' }, 'stop'))));
    vi.stubGlobal('fetch', fetch);
    const second = { id: 'call_b', type: 'function', name: 'track', arguments: '{}' };
    setTurns([
      userTurn('Where is A-17?'),
      assistantTurn({ toolCalls: [finishedCall, second] }, { finishReason: 'tool_calls' }),
    ]);
    renderApp();
    const first = within(card('lookup_order')).getByLabelText('Tool result');
    await userEvent.type(first, 'shipped{Control>}{Enter}{/Control}');
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.type(within(card('track')).getByLabelText('Tool result'), 'in Oslo{Control>}{Enter}{/Control}');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(sentBodies(fetch)[0]?.messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'call_a', content: 'shipped' },
      { role: 'tool', tool_call_id: 'call_b', content: 'in Oslo' },
    ]);
  });

  it('sends a call as edited before answering', async () => {
    const fetch = vi.fn(() => Promise.resolve(sseResponse(chunk({ content: 'Done.' }, 'stop'))));
    vi.stubGlobal('fetch', fetch);
    seedToolRound();
    renderApp();
    await userEvent.click(within(card('lookup_order')).getByRole('button', { name: 'Edit call' }));
    const argumentsField = screen.getByLabelText('Arguments');
    fireEvent.change(argumentsField, { target: { value: '{"order":"B-2"}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save call' }));
    expect(within(card('lookup_order')).getByText('{\n  "order": "B-2"\n}', exactText)).toBeVisible();
    await userEvent.type(within(card('lookup_order')).getByLabelText('Tool result'), 'lost');
    await userEvent.click(screen.getByRole('button', { name: 'Send tool results' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(sentBodies(fetch)[0]?.messages[1]?.tool_calls?.[0]?.function.arguments).toBe('{"order":"B-2"}');
  });

  it('answers a second round in the same loop', async () => {
    const secondRound = chunk(
      {
        tool_calls: [
          {
            index: 0,
            id: 'call_c',
            type: 'function',
            function: { name: 'lookup_order', arguments: '{"order":"A-18"}' },
          },
        ],
      },
      'tool_calls',
    );
    const fetch = vi
      .fn()
      .mockImplementationOnce(() => Promise.resolve(sseResponse(secondRound)))
      .mockImplementationOnce(() => Promise.resolve(sseResponse(chunk({ content: 'Both shipped.' }, 'stop'))));
    vi.stubGlobal('fetch', fetch);
    seedToolRound();
    renderApp();
    await userEvent.type(within(card('lookup_order')).getByLabelText('Tool result'), 'shipped');
    await userEvent.click(screen.getByRole('button', { name: 'Send tool results' }));
    await waitFor(() => expect(within(card('lookup_order')).getByText(/"order": "A-18"/)).toBeVisible());
    await userEvent.type(within(card('lookup_order')).getByLabelText('Tool result'), 'shipped too');
    await userEvent.click(screen.getByRole('button', { name: 'Send tool results' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(sentBodies(fetch)[1]?.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
    ]);
  });
});

describe('mock results', () => {
  it('fills every call of a function with its saved mock result', async () => {
    seedToolRound();
    renderApp();
    fireEvent.change(within(card('lookup_order')).getByLabelText('Tool result'), {
      target: { value: '{"status":"shipped"}' },
    });
    await userEvent.click(
      within(card('lookup_order')).getByRole('button', { name: 'Save as mock result for lookup_order' }),
    );
    await userEvent.clear(within(card('lookup_order')).getByLabelText('Tool result'));
    await userEvent.click(screen.getByRole('button', { name: 'Use mock results' }));
    expect(within(card('lookup_order')).getByLabelText('Tool result')).toHaveValue('{"status":"shipped"}');
    expect(screen.getByRole('button', { name: 'Send tool results' })).toBeEnabled();
  });
});

describe('tool turns written by hand', () => {
  it('adds an assistant tool call and its result, which Send then sends', async () => {
    const fetch = vi.fn(() => Promise.resolve(sseResponse(chunk({ content: 'Done.' }, 'stop'))));
    vi.stubGlobal('fetch', fetch);
    setTurns([userTurn('Where is A-17?')]);
    renderApp();
    const form = screen.getByRole('form', { name: 'Add a turn by hand' });
    await userEvent.selectOptions(within(form).getByLabelText('Add as'), 'assistant tool call');
    await userEvent.type(within(form).getByLabelText('Function name'), 'lookup_order');
    await userEvent.type(within(form).getByLabelText('Call id (optional)'), 'call_x');
    fireEvent.change(within(form).getByLabelText('Arguments (JSON)'), { target: { value: '{"order":"A-17"}' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Add message' }));
    await userEvent.selectOptions(within(form).getByLabelText('Add as'), 'tool result');
    expect(within(form).getByLabelText('Call id')).toHaveValue('call_x');
    await userEvent.type(within(form).getByLabelText('Tool result to add'), 'shipped');
    await userEvent.click(within(form).getByRole('button', { name: 'Add message' }));
    act(() => actions.send());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(sentBodies(fetch)[0]?.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_x', type: 'function', function: { name: 'lookup_order', arguments: '{"order":"A-17"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_x', content: 'shipped' },
    ]);
  });
});

describe('a reload in the middle of a tool round', () => {
  it('keeps the results typed but not sent, and the mock results', async () => {
    seedToolRound();
    act(() => {
      toolActions.setToolResultDraft('reply-1', 0, 'half typed');
      toolActions.setMockToolResult('lookup_order', 'mocked');
    });
    const { flushSavedState } = await import('../../src/store');
    flushSavedState();
    vi.resetModules();
    const reloaded = await import('../../src/store');
    await savedStateLoaded(reloaded);
    const state = reloaded.usePlaygroundStore.getState();
    expect(state.conversation.turns[1]?.toolCalls).toEqual([{ ...finishedCall, resultDraft: 'half typed' }]);
    expect(state.preferences.toolMockResults).toEqual({ lookup_order: 'mocked' });
  });
});
