// A long paste into the Message box becomes an attached text (a chip) instead of text in the box: View shows its
// start with its full size, Edit as text puts it back into the box, Remove drops it; it is sent before the typed text.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import { draftTurn } from '../../src/store/draftTexts';
import { partialize } from '../../src/store/persistence';
import { salvage } from '../../src/store/savedStateRestore';
import { selectCanSend, selectRequestBody } from '../../src/store/selectors';
import { resetEverything, loadLazyRegions } from './helpers';

// 2,000 short lines: long enough to attach, small enough for a quick test.
const longText = 'A line of the pasted document.\n'.repeat(2000);
// Over 200 KB: the viewer shows its start only.
const hugeText = 'Another line of a much longer document, pasted whole.\n'.repeat(5000);

function messageBox(): HTMLElement {
  return screen.getByRole('textbox', { name: 'Message' });
}

function sentMessages() {
  return selectRequestBody(usePlaygroundStore.getState()).messages;
}

beforeAll(loadLazyRegions);
beforeEach(() => {
  resetEverything();
  connectionActions.setApiKey('key-abcdefghijkl');
});

describe('pasting a long text', () => {
  it('attaches it as a chip stating its size and lines, announced, and leaves the box as it was', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(longText);

    expect(messageBox()).toHaveValue('');
    const chips = screen.getByRole('list', { name: 'Attached texts' });
    expect(within(chips).getByText('Pasted text · 61 KB · 2,000 lines')).toBeInTheDocument();
    const announced = screen
      .getAllByRole('status')
      .find((status) => /attached to the message/.test(status.textContent));
    expect(announced).toHaveTextContent(/^The pasted text \(61 KB · 2,000 lines\) is attached to the message/);
    expect(selectCanSend(usePlaygroundStore.getState()).ok).toBe(true);
  });

  it('stops saying the text is attached once it has left with the message', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(longText);
    expect(screen.getByText(/is attached to the message/)).toBeInTheDocument();
    // As Send leaves the draft: the typed text and the attached texts cleared.
    act(() => {
      usePlaygroundStore.setState((state) => ({ conversation: { ...state.conversation, draft: '', draftTexts: [] } }));
    });
    expect(screen.queryByText(/is attached to the message/)).toBeNull();
  });

  it('puts a short paste into the box as usual', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste('A short question?');
    expect(messageBox()).toHaveValue('A short question?');
    expect(screen.queryByRole('list', { name: 'Attached texts' })).toBeNull();
  });

  it('sends each attached text in order, then the typed text, a blank line between', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(longText);
    await user.paste(hugeText);
    await user.type(messageBox(), 'Compare them.');

    expect(screen.getByText(/^Pasted text 1 ·/)).toBeInTheDocument();
    expect(screen.getByText(/^Pasted text 2 ·/)).toBeInTheDocument();
    const content = `${longText}\n\n${hugeText}\n\nCompare them.`;
    expect(sentMessages()).toEqual([{ role: 'user', content }]);
    expect(draftTurn(usePlaygroundStore.getState().conversation)?.content).toBe(content);
  });
});

describe('a pasted text chip', () => {
  it('View opens a read-only viewer with the start of the text and its full size; Esc closes it', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(hugeText);
    await user.click(screen.getByRole('button', { name: 'View pasted text' }));

    const dialog = screen.getByRole('dialog', { name: 'Pasted text' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Showing the first 200 KB of 264 KB: Copy takes the whole text.',
    );
    const shown = within(dialog).getByLabelText('Pasted text text');
    expect(shown.textContent).toHaveLength(200 * 1024);
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Remove drops it from the message and returns the keyboard to the box', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.type(messageBox(), 'Question');
    await user.paste(longText);
    await user.click(screen.getByRole('button', { name: 'Remove pasted text' }));

    expect(screen.queryByRole('list', { name: 'Attached texts' })).toBeNull();
    expect(messageBox()).toHaveFocus();
    expect(sentMessages()).toEqual([{ role: 'user', content: 'Question' }]);
  });

  it('Edit as text puts it into the box before the typed text, with a note that typing may be slow', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.type(messageBox(), 'Question');
    await user.paste(longText);
    await user.click(screen.getByRole('button', { name: 'Edit pasted text as text' }));

    expect(screen.queryByRole('list', { name: 'Attached texts' })).toBeNull();
    expect(messageBox()).toHaveValue(`${longText}\n\nQuestion`);
    expect(messageBox()).toHaveFocus();
    expect(screen.getByText(/can make typing slow/)).toBeInTheDocument();
    expect(sentMessages()).toEqual([{ role: 'user', content: `${longText}\n\nQuestion` }]);
  });

  it('is reached and used from the keyboard', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(longText);
    await user.tab();
    expect(screen.getByRole('button', { name: 'View pasted text' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove pasted text' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Attached texts' })).toBeNull();
  });

  it('is saved with the draft and restored after a reload', async () => {
    const user = userEvent.setup();
    render(<ConversationPanel />);
    await user.click(messageBox());
    await user.paste(longText);
    const state = usePlaygroundStore.getState();
    const restored = salvage(JSON.parse(JSON.stringify(partialize(state))), state).state.conversation;
    expect(restored?.draftTexts).toEqual(state.conversation.draftTexts);
    expect(restored?.draftTexts?.map((item) => item.text)).toEqual([longText]);
  });
});
