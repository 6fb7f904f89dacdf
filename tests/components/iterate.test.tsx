// Iterating on a prompt as a user does it: editing a question and resending it (keeping or dropping the old
// branch), Save alone marking later replies stale, switching between alternative replies, Continue after Stop,
// and undoing a deleted turn.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { withNewReply } from '../../src/store/alternatives';
import * as connectionActions from '../../src/store/connectionActions';
import type { Turn } from '../../src/store/types';
import { assistantTurn, loadLazyRegions, loadReplyStream, resetEverything, setTurns, userTurn } from './helpers';

beforeAll(loadLazyRegions);

const pendingFetch = vi.fn(() => new Promise<Response>(() => {}));

beforeAll(loadReplyStream);
beforeEach(() => {
  resetEverything();
  pendingFetch.mockClear();
  connectionActions.setEndpoint('demo');
  vi.stubGlobal('fetch', pendingFetch);
});
afterEach(() => {
  act(() => actions.stop());
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function turns(): Turn[] {
  return usePlaygroundStore.getState().conversation.turns;
}

function article(name: string) {
  return screen.getByRole('article', { name });
}

const conversation = () => [
  userTurn('Name a colour', 'q1'),
  assistantTurn({ id: 'r1', content: 'Blue.' }),
  userTurn('Another one', 'q2'),
  assistantTurn({ id: 'r2', content: 'Green.' }),
];

async function editFirstQuestion(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(within(article('user turn 1')).getByRole('button', { name: 'Edit' }));
  const box = within(article('user turn 1')).getByRole('textbox', { name: 'Edit message' });
  await user.clear(box);
  await user.type(box, text);
}

describe('edit and resend', () => {
  it('Save & resend keeping the old branch: a new reply, the old one and what followed it one switch away', async () => {
    const user = userEvent.setup();
    setTurns(conversation());
    render(<ConversationPanel />);
    await editFirstQuestion(user, 'Name a fruit');
    expect(screen.getByRole('radio', { name: 'Keep as an alternative of the new reply' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save & resend' }));

    expect(turns().map((turn) => turn.content)).toEqual(['Name a fruit', '']);
    expect(turns()[1]?.reply?.request.body.messages).toEqual([{ role: 'user', content: 'Name a fruit' }]);
    act(() => actions.stop());
    const reply = article('assistant turn 2');
    expect(within(reply).getByText('Alternative 2 of 2')).toBeInTheDocument();

    await user.click(within(reply).getByRole('button', { name: 'Previous alternative' }));
    expect(turns().map((turn) => turn.content)).toEqual(['Name a fruit', 'Blue.', 'Another one', 'Green.']);
    expect(within(article('assistant turn 2')).getByText('Alternative 1 of 2')).toBeInTheDocument();
    // The old branch answered the question before the edit.
    expect(within(article('assistant turn 2')).getByText('Stale: an earlier turn changed.')).toBeInTheDocument();
  });

  it('Save & resend dropping the old branch replaces the later turns for good', async () => {
    const user = userEvent.setup();
    setTurns(conversation());
    render(<ConversationPanel />);
    await editFirstQuestion(user, 'Name a fruit');
    await user.click(screen.getByRole('radio', { name: 'Drop' }));
    await user.click(screen.getByRole('button', { name: 'Save & resend' }));
    expect(turns()).toHaveLength(2);
    expect(turns()[1]?.alternatives).toBeUndefined();
    expect(screen.queryByRole('group', { name: 'Alternatives' })).not.toBeInTheDocument();
  });

  it('Save alone marks the later replies stale until Resend answers the conversation as it is now', async () => {
    const user = userEvent.setup();
    setTurns(conversation());
    render(<ConversationPanel />);
    await editFirstQuestion(user, 'Name a fruit');
    await user.click(within(article('user turn 1')).getByRole('button', { name: 'Save' }));
    expect(pendingFetch).not.toHaveBeenCalled();
    expect(within(article('assistant turn 2')).getByText('Stale: an earlier turn changed.')).toBeInTheDocument();
    expect(within(article('assistant turn 4')).getByText('Stale: an earlier turn changed.')).toBeInTheDocument();

    await user.click(within(article('assistant turn 4')).getByRole('button', { name: 'Resend' }));
    const resent = turns()[3];
    expect(resent?.stale).toBeUndefined();
    expect(resent?.reply?.request.body.messages[0]).toEqual({ role: 'user', content: 'Name a fruit' });
    expect(resent?.alternatives?.[0]).toMatchObject({ content: 'Green.', stale: true });
    expect(within(article('assistant turn 4')).queryByText('Stale: an earlier turn changed.')).not.toBeInTheDocument();
  });
});

describe('alternatives', () => {
  it('Regenerate keeps the previous reply; the switcher shows each with its own text', async () => {
    const user = userEvent.setup();
    setTurns([userTurn('Name a colour', 'q1'), assistantTurn({ id: 'r1', content: 'Blue.' })]);
    render(<ConversationPanel />);
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    act(() => actions.stop());
    const reply = article('assistant turn 2');
    expect(within(reply).getByText('Alternative 2 of 2')).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Next alternative' })).toBeDisabled();
    await user.click(within(reply).getByRole('button', { name: 'Previous alternative' }));
    expect(within(article('assistant turn 2')).getByText('Blue.')).toBeInTheDocument();
    // The one shown is the one sent next.
    expect(turns()[1]?.content).toBe('Blue.');
  });

  it('says so when the oldest alternative had to go', () => {
    let turn = assistantTurn({ id: 'r1', content: 'Reply 0' });
    for (let number = 1; number < 20; number += 1)
      turn = withNewReply(turn, { ...assistantTurn({ content: `Reply ${number}` }), id: undefined } as never).turn;
    setTurns([userTurn('Name a colour', 'q1'), turn]);
    act(() => actions.regenerate());
    act(() => actions.stop());
    expect(turns()[1]?.alternatives).toHaveLength(19);
    expect(usePlaygroundStore.getState().ui.notices.at(-1)?.text).toBe(
      'A reply keeps at most 20 alternatives: the oldest one was dropped.',
    );
  });
});

describe('continue after stop', () => {
  it('offers Continue for a stopped answer and sends the partial answer as the last message', async () => {
    const user = userEvent.setup();
    setTurns([
      userTurn('Tell a story', 'q1'),
      assistantTurn({ id: 'r1', content: 'Once upon a' }, { status: 'stopped' }),
    ]);
    render(<ReplyArea />);
    expect(screen.getByText(/You stopped this reply/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const reply = turns()[1]?.reply;
    expect(reply?.request.body.messages.at(-1)).toEqual({ role: 'assistant', content: 'Once upon a' });
    expect(reply?.earlierParts).toHaveLength(1);
    expect(turns()[1]?.content).toBe('Once upon a');
  });

  it('offers no Continue for a complete reply', () => {
    setTurns([userTurn('Hi', 'q1'), assistantTurn({ id: 'r1', content: 'Hello.' })]);
    render(<ReplyArea />);
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
  });
});

describe('undo a deleted turn', () => {
  it('brings the turn back where it was, and the offer goes after a few seconds', async () => {
    const user = userEvent.setup();
    setTurns(conversation());
    render(<ConversationPanel />);
    await user.click(within(article('user turn 3')).getByRole('button', { name: 'Delete' }));
    expect(turns().map((turn) => turn.id)).toEqual(['q1', 'r1', 'r2']);
    expect(screen.getByText('Turn deleted.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(turns().map((turn) => turn.id)).toEqual(['q1', 'r1', 'q2', 'r2']);
    expect(screen.queryByText('Turn deleted.')).not.toBeInTheDocument();

    vi.useFakeTimers();
    act(() => actions.deleteTurn('r2'));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
