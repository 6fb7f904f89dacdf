// The "Conversations" list driven as a user would: New, open another, Rename, Duplicate, Delete with Undo, search,
// and the list staying usable when a saved entry is damaged.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationList } from '../../src/components/library/ConversationList';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { defaultSettingsFor } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as settingsActions from '../../src/store/settingsActions';
import { installCrossTabGuard } from '../../src/store/crossTab';
import { newConversation } from '../../src/store/libraryActions';
import { partialize, persistName, persistVersion } from '../../src/store/persistence';
import { loadLazyRegions, savedStateLoaded } from './helpers';

beforeAll(loadLazyRegions);

function list() {
  return screen.getByRole('list', { name: 'Saved conversations' });
}

function listedTitles(): string[] {
  return within(list())
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.library-open, input')?.textContent ?? '');
}

function openConversation(): HTMLElement {
  const current = within(list())
    .getAllByRole('button')
    .find((button) => button.getAttribute('aria-current') === 'true');
  if (!current) throw new Error('No open conversation is marked');
  return current;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('the list', () => {
  it('titles a conversation from its first user message and marks the open one', () => {
    actions.addTurn('user', 'How do tides work?');
    render(<ConversationList />);
    expect(openConversation()).toHaveTextContent('How do tides work?');
    expect(openConversation()).toHaveAccessibleDescription('Open · 1 message');
  });

  it('"New conversation" keeps the current one in the list and empties the transcript', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'First topic');
    render(
      <>
        <ConversationList />
        <ConversationPanel />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    expect(listedTitles()).toEqual(['Untitled', 'First topic']);
    expect(screen.queryByRole('article', { name: /turn 1/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'First topic' }));
    expect(screen.getByRole('article', { name: 'user turn 1' })).toHaveTextContent('First topic');
  });

  it('Rename changes the title; Esc cancels', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Original words');
    render(<ConversationList />);
    await user.click(screen.getByRole('button', { name: 'Rename Original words' }));
    const field = screen.getByRole('textbox', { name: 'Title' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Tides notes{Enter}');
    expect(listedTitles()).toEqual(['Tides notes']);
    await user.click(screen.getByRole('button', { name: 'Rename Tides notes' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' changed{Escape}');
    expect(listedTitles()).toEqual(['Tides notes']);
  });

  it('Duplicate adds a copy below the original', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Copy me');
    render(<ConversationList />);
    await user.click(screen.getByRole('button', { name: 'Duplicate Copy me' }));
    expect(listedTitles()).toEqual(['Copy me', 'Copy me (copy)']);
  });

  it('Delete removes a conversation and Undo in the status brings it back', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Doomed');
    render(<ConversationList />);
    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    await user.click(screen.getByRole('button', { name: 'Delete Doomed' }));
    expect(listedTitles()).toEqual(['Untitled']);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Deleted “Doomed”.');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(listedTitles()).toEqual(['Untitled', 'Doomed']);
    expect(status).toHaveTextContent('');
  });

  it('searches titles and message text', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Paris trip');
    actions.addTurn('assistant', 'Visit the Louvre early.');
    settingsActions.setModel('glm-4.7');
    render(<ConversationList />);
    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    actions.addTurn('user', 'Rust borrow checker');
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    await user.type(search, 'louvre');
    expect(listedTitles()).toEqual(['Paris trip']);
    await user.clear(search);
    await user.type(search, 'BORROW');
    expect(listedTitles()).toEqual(['Rust borrow checker']);
    await user.type(search, ' nothing');
    expect(screen.queryByRole('list', { name: 'Saved conversations' })).not.toBeInTheDocument();
    expect(screen.getByText('No conversation matches “BORROW nothing”.')).toBeInTheDocument();
  });

  it('does not switch while a reply is streaming', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Other one');
    render(<ConversationList />);
    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    expect(await screen.findByText('A reply is on its way: stop it to switch conversations.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Other one' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'New conversation' })).toBeDisabled();
  });

  it('collapses and expands', async () => {
    const user = userEvent.setup();
    render(<ConversationList />);
    const toggle = screen.getByRole('button', { name: 'Conversations' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('searchbox', { name: 'Search conversations' })).not.toBeInTheDocument();
  });
});

describe('saved conversations at start-up', () => {
  function turn(id: string, role: 'user' | 'assistant', content: string) {
    return { id, role, content, reasoning: '', excluded: false, reply: null };
  }

  it('skips a damaged entry, says so once, and lists the others', async () => {
    const settings = defaultSettingsFor('glm-4.7');
    const saved = {
      version: persistVersion,
      state: {
        connection: { rememberKey: true, endpointId: 'zai', baseUrl: 'https://api.z.ai/api/paas/v4', keyOrigin: null },
        settings,
        conversation: { turns: [turn('t1', 'user', 'Working copy')], draft: '' },
        library: {
          activeId: 'c1',
          conversations: [
            { id: 'c1', title: null, createdAt: 1, updatedAt: 1, settings, turns: [], draft: '' },
            {
              id: 'c2',
              title: 'Damaged',
              createdAt: 'yesterday',
              updatedAt: 1,
              settings,
              turns: [{ role: 'robot' }],
              draft: '',
            },
            {
              id: 'c3',
              title: null,
              createdAt: 1,
              updatedAt: 1,
              settings,
              turns: [turn('t2', 'user', 'Readable one')],
              draft: '',
            },
          ],
        },
      },
    };
    localStorage.setItem(persistName, JSON.stringify(saved));
    vi.resetModules();
    const store = await import('../../src/store');
    await savedStateLoaded(store);
    const { ConversationList: FreshList } = await import('../../src/components/library/ConversationList');
    const { NoticeBar } = await import('../../src/components/NoticeBar');
    render(
      <>
        <NoticeBar />
        <FreshList />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('1 saved conversation could not be read and was skipped.');
    expect(listedTitles()).toEqual(['Working copy', 'Readable one']);
    // The skip is said once; the original stays downloadable.
    expect(store.usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toEqual([
      '1 saved conversation could not be read and was skipped.',
      store.keptCopyText,
    ]);
  });

  it('brings a version 1 conversation into the library', async () => {
    const saved = {
      version: 1,
      state: {
        connection: { rememberKey: true, endpointId: 'zai', baseUrl: 'https://api.z.ai/api/paas/v4', keyOrigin: null },
        settings: defaultSettingsFor('glm-4.6'),
        conversation: { turns: [turn('t1', 'user', 'From version one')], draft: 'still here' },
      },
    };
    localStorage.setItem(persistName, JSON.stringify(saved));
    vi.resetModules();
    const store = await import('../../src/store');
    await savedStateLoaded(store);
    const { ConversationList: FreshList } = await import('../../src/components/library/ConversationList');
    render(<FreshList />);
    expect(listedTitles()).toEqual(['From version one']);
    const state = store.usePlaygroundStore.getState();
    expect(state.conversation.draft).toBe('still here');
    expect(state.library.conversations.map((entry) => entry.id)).toEqual([state.library.activeId]);
    // And it is saved as the current version from now on.
    store.flushSavedState();
    expect(JSON.parse(localStorage.getItem(persistName) ?? '{}')).toMatchObject({ version: persistVersion });
  });
});

describe('two tabs', () => {
  it('a conversation switch in another tab brings its library along, so the open conversation keeps its place', async () => {
    actions.addTurn('user', 'Started here');
    const uninstall = installCrossTabGuard(usePlaygroundStore);
    try {
      const before = usePlaygroundStore.getState();
      const oldValue = JSON.stringify({ state: partialize(before), version: persistVersion });
      localStorage.setItem(persistName, oldValue);
      // The other tab: New conversation, then a message there.
      newConversation();
      actions.addTurn('user', 'Other tab topic');
      const theirs = usePlaygroundStore.getState();
      const newValue = JSON.stringify({ state: partialize(theirs), version: persistVersion });
      usePlaygroundStore.setState(before, true);
      localStorage.setItem(persistName, newValue);
      act(() => {
        window.dispatchEvent(
          new StorageEvent('storage', { key: persistName, oldValue, newValue, storageArea: localStorage }),
        );
      });
      render(<ConversationList />);
      expect(usePlaygroundStore.getState().library.activeId).toBe(theirs.library.activeId);
      expect(listedTitles()).toEqual(['Other tab topic', 'Started here']);
      await userEvent.setup().click(screen.getByRole('button', { name: 'Started here' }));
      expect(usePlaygroundStore.getState().conversation.turns.map((candidate) => candidate.content)).toEqual([
        'Started here',
      ]);
    } finally {
      uninstall();
    }
  });
});
