// The conversation area driven as a user would: hand-written turns, editing in place, reordering, excluding, and
// the composer's Send / Stop / Regenerate. Each change is checked against the request body that Send would send.
import { Profiler } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { startMetrics } from '../../src/core/metrics';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import * as settingsActions from '../../src/store/settingsActions';
import { selectRequestBody } from '../../src/store/selectors';
import type { Turn } from '../../src/store/types';
import { assistantTurn, loadLazyRegions, resetEverything } from './helpers';

beforeAll(loadLazyRegions);

type User = ReturnType<typeof userEvent.setup>;

function sentMessages() {
  return selectRequestBody(usePlaygroundStore.getState()).messages;
}

async function addMessage(user: User, role: 'user' | 'assistant', text: string) {
  // The form's code loads once the Message box has painted.
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Add as' }), role);
  await user.type(screen.getByRole('textbox', { name: 'Text to add' }), text);
  await user.click(screen.getByRole('button', { name: 'Add message' }));
}

function turn(name: string | RegExp) {
  return screen.getByRole('article', { name });
}

function modelReply(content: string, status: NonNullable<Turn['reply']>['status'] = 'complete'): Turn {
  const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };
  return assistantTurn({ id: `reply-${content}`, content }, { status, request, metrics: startMetrics(0) });
}

beforeEach(() => {
  resetEverything();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hand-written turns', () => {
  it('"Add message" appends user and assistant turns without sending', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await addMessage(user, 'user', 'What is 2+2?');
    await addMessage(user, 'assistant', 'It is 4.');

    expect(turn('user turn 1')).toHaveTextContent('What is 2+2?');
    expect(turn('assistant turn 2')).toHaveTextContent('It is 4.');
    expect(sentMessages()).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: 'It is 4.' },
    ]);
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Text to add' })).toHaveValue('');
  });

  it('refuses to add an empty turn and says why', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(await screen.findByRole('button', { name: 'Add message' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type the text of the message to add.');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('edits a turn in place: Save keeps the change, Esc cancels, Ctrl+Enter saves', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'first draft');
    render(<ConversationPanel />);

    await user.click(within(turn('user turn 1')).getByRole('button', { name: 'Edit' }));
    const editor = within(turn('user turn 1')).getByRole('textbox', { name: 'Edit message' });
    expect(editor).toHaveFocus();
    await user.clear(editor);
    await user.type(editor, 'second draft');
    await user.click(within(turn('user turn 1')).getByRole('button', { name: 'Save' }));
    expect(sentMessages()).toEqual([{ role: 'user', content: 'second draft' }]);
    expect(within(turn('user turn 1')).getByRole('button', { name: 'Edit' })).toHaveFocus();

    await user.click(within(turn('user turn 1')).getByRole('button', { name: 'Edit' }));
    await user.type(within(turn('user turn 1')).getByRole('textbox', { name: 'Edit message' }), ' thrown away{Escape}');
    expect(within(turn('user turn 1')).queryByRole('textbox', { name: 'Edit message' })).not.toBeInTheDocument();
    expect(sentMessages()).toEqual([{ role: 'user', content: 'second draft' }]);

    await user.click(within(turn('user turn 1')).getByRole('button', { name: 'Edit' }));
    await user.type(
      within(turn('user turn 1')).getByRole('textbox', { name: 'Edit message' }),
      ' kept{Control>}{Enter}{/Control}',
    );
    expect(sentMessages()).toEqual([{ role: 'user', content: 'second draft kept' }]);
  });

  it('changes a turn\'s role with the "Role" select', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'hello');
    render(<ConversationPanel />);
    await user.selectOptions(within(turn('user turn 1')).getByRole('combobox', { name: 'Role' }), 'assistant');
    expect(turn('assistant turn 1')).toBeInTheDocument();
    expect(sentMessages()).toEqual([{ role: 'assistant', content: 'hello' }]);
  });

  it('deletes, moves and excludes turns, and the request follows', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'one');
    actions.addTurn('assistant', 'two');
    actions.addTurn('user', 'three');
    render(<ConversationPanel />);

    expect(within(turn('user turn 1')).getByRole('button', { name: 'Move up' })).toBeDisabled();
    expect(within(turn('user turn 3')).getByRole('button', { name: 'Move down' })).toBeDisabled();

    await user.click(within(turn('user turn 3')).getByRole('button', { name: 'Move up' }));
    expect(sentMessages().map((message) => message.content)).toEqual(['one', 'three', 'two']);
    await user.click(within(turn('user turn 1')).getByRole('button', { name: 'Move down' }));
    expect(sentMessages().map((message) => message.content)).toEqual(['three', 'one', 'two']);

    await user.click(within(turn('user turn 2')).getByRole('checkbox', { name: 'Exclude from request' }));
    expect(turn('user turn 2 (excluded)')).toHaveTextContent('one');
    expect(sentMessages().map((message) => message.content)).toEqual(['three', 'two']);
    await user.click(within(turn('user turn 2 (excluded)')).getByRole('checkbox', { name: 'Exclude from request' }));
    expect(sentMessages().map((message) => message.content)).toEqual(['three', 'one', 'two']);

    await user.click(within(turn('assistant turn 3')).getByRole('button', { name: 'Delete' }));
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(sentMessages().map((message) => message.content)).toEqual(['three', 'one']);
  });

  it('sends the system prompt first', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'hi');
    render(<ConversationPanel />);
    await user.type(screen.getByRole('textbox', { name: 'System prompt' }), 'Be brief.');
    expect(sentMessages()).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('labels earlier reasoning as not sent back, or sent back with preserved thinking', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'q');
    usePlaygroundStore.setState((state) => ({
      conversation: {
        ...state.conversation,
        turns: [...state.conversation.turns, { ...modelReply('a'), reasoning: 'pondering' }],
      },
    }));
    render(<ConversationPanel />);
    const reasoning = within(turn('assistant turn 2')).getByText('Reasoning (not sent back)');
    await user.click(reasoning);
    expect(within(turn('assistant turn 2')).getByText('pondering')).toBeVisible();

    act(() => settingsActions.setPreserveReasoning(true));
    expect(within(turn('assistant turn 2')).getByText('Reasoning (sent back)')).toBeInTheDocument();
    expect(sentMessages()[1]).toEqual({ role: 'assistant', content: 'a', reasoning_content: 'pondering' });
  });
});

describe('composer', () => {
  it('disables Send with the reason while the message is empty', async () => {
    const user = userEvent.setup();
    connectionActions.setApiKey('sk-test-key');
    render(<ConversationPanel />);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    expect(screen.getByText('Type a message first.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(/Type a message first\./);

    await user.type(screen.getByRole('textbox', { name: 'Message' }), '   ');
    expect(send).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hello');
    expect(send).toBeEnabled();
    expect(screen.queryByText('Type a message first.')).not.toBeInTheDocument();
  });

  it('says that a key is missing instead of sending', () => {
    actions.setDraft('Hello');
    render(<ConversationPanel />);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByText(/Add your API key first/)).toBeInTheDocument();
  });

  it('shows Regenerate only when the last turn is a model reply', () => {
    actions.addTurn('user', 'q');
    render(<ConversationPanel />);
    expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument();
    act(() => {
      actions.addTurn('assistant', 'hand-written');
    });
    expect(screen.queryByRole('button', { name: 'Regenerate' })).not.toBeInTheDocument();
    act(() => {
      usePlaygroundStore.setState((state) => ({
        conversation: { ...state.conversation, turns: [...state.conversation.turns, modelReply('from the model')] },
      }));
    });
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeInTheDocument();
  });

  it('shows status badges on model replies in the transcript', () => {
    usePlaygroundStore.setState((state) => ({
      conversation: {
        ...state.conversation,
        turns: [
          modelReply('a', 'stopped'),
          modelReply('b', 'interrupted'),
          modelReply('c', 'stalled'),
          modelReply('d', 'error'),
          modelReply('e', 'complete'),
        ],
      },
    }));
    render(<ConversationPanel />);
    expect(within(turn('assistant turn 1')).getByText('stopped')).toBeInTheDocument();
    expect(within(turn('assistant turn 2')).getByText('interrupted')).toBeInTheDocument();
    expect(within(turn('assistant turn 3')).getByText('stalled')).toBeInTheDocument();
    expect(within(turn('assistant turn 4')).getByText('error')).toBeInTheDocument();
    expect(within(turn('assistant turn 5')).queryByText(/stopped|interrupted|stalled|error/)).not.toBeInTheDocument();
  });
});

describe('sending through the store (fetch stubbed)', () => {
  /** A response that sends one reasoning chunk and then waits until aborted. */
  function hangingStream(signal: AbortSignal): Response {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            'data: {"id":"1","created":1,"choices":[{"index":0,"delta":{"reasoning_content":"Let me think"}}]}\n\n',
          ),
        );
        signal.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }

  it('Ctrl+Enter sends, Esc stops: the text that arrived is kept and marked stopped', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: { signal: AbortSignal }) => Promise.resolve(hangingStream(init.signal))),
    );
    const user = userEvent.setup();
    connectionActions.setEndpoint('demo');
    render(<ConversationPanel />);
    const message = screen.getByRole('textbox', { name: 'Message' });
    await user.type(message, 'Why is the sky blue?{Control>}{Enter}{/Control}');

    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(turn('user turn 1')).toHaveTextContent('Why is the sky blue?');
    await vi.waitFor(() => expect(usePlaygroundStore.getState().conversation.turns[1]?.reasoning).toBe('Let me think'));

    await user.type(message, '{Escape}');
    await vi.waitFor(() => expect(usePlaygroundStore.getState().ui.sending).toBe(false));
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(within(turn('assistant turn 2')).getByText('stopped')).toBeInTheDocument();
    expect(usePlaygroundStore.getState().conversation.turns[1]?.reasoning).toBe('Let me think');
  });

  it('keeps what the user typed when the request fails (401)', async () => {
    const body = JSON.stringify({ error: { code: '1002', message: 'Authorization Token非法' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(new Response(body, { status: 401, headers: { 'Content-Type': 'application/json' } })),
      ),
    );
    const user = userEvent.setup();
    connectionActions.setApiKey('sk-wrong');
    render(<ConversationPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(usePlaygroundStore.getState().ui.sending).toBe(false));
    expect(turn('user turn 1')).toHaveTextContent('Keep me');
    expect(within(turn('assistant turn 2')).getByText('error')).toBeInTheDocument();
    expect(sentMessages()).toContainEqual({ role: 'user', content: 'Keep me' });
  });
});

describe('rendering cost while a reply streams', () => {
  it('does not re-render the transcript or composer for streamed text', () => {
    for (let index = 0; index < 30; index += 1)
      actions.addTurn(index % 2 === 0 ? 'user' : 'assistant', `turn ${index}`);
    const live: Turn = { ...modelReply('', 'streaming'), id: 'live' };
    act(() => {
      usePlaygroundStore.setState((state) => ({
        conversation: { ...state.conversation, turns: [...state.conversation.turns, live] },
      }));
    });
    let commits = 0;
    render(
      <Profiler id="conversation" onRender={() => (commits += 1)}>
        <ConversationPanel />
      </Profiler>,
    );
    expect(turn('assistant turn 31')).toHaveTextContent('streaming in the Reply area');
    commits = 0;

    for (let frame = 1; frame <= 20; frame += 1) {
      act(() => {
        usePlaygroundStore.setState((state) => ({
          conversation: {
            ...state.conversation,
            turns: state.conversation.turns.map((candidate) =>
              candidate.id === 'live'
                ? { ...candidate, content: candidate.content + ` token${frame}`, reasoning: candidate.reasoning + '.' }
                : candidate,
            ),
          },
        }));
      });
    }
    expect(commits).toBe(0);

    // When the reply ends, its turn shows the text (one re-render), the others stay as they were.
    act(() => {
      usePlaygroundStore.setState((state) => ({
        conversation: {
          ...state.conversation,
          turns: state.conversation.turns.map((candidate) =>
            candidate.id === 'live' && candidate.reply
              ? { ...candidate, reply: { ...candidate.reply, status: 'complete' } }
              : candidate,
          ),
        },
      }));
    });
    expect(commits).toBeGreaterThan(0);
    expect(turn('assistant turn 31')).toHaveTextContent('token1 token2');
  });
});
