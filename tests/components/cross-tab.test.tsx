// Two tabs (src/store/crossTab.ts): the other tab is imitated by writing its saved state to localStorage and
// dispatching the `storage` event the browser would deliver to this tab.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrossTabNotice } from '../../src/components/CrossTabNotice';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as settingsActions from '../../src/store/settingsActions';
import { installCrossTabGuard } from '../../src/store/crossTab';
import { adoptedNoticeText, adoptedSettingsText } from '../../src/store/crossTabChanges';
import type { HistoryEntry } from '../../src/store/historySlice';
import { partialize, persistName, persistVersion } from '../../src/store/persistence';
import type { PlaygroundState, Turn } from '../../src/store/types';

function turn(id: string, role: Turn['role'], content: string): Turn {
  return { id, role, content, reasoning: '', excluded: false, reply: null };
}

function savedText(state: PlaygroundState): string {
  return JSON.stringify({ state: partialize(state), version: persistVersion });
}

/** The other tab saves `turns` on top of whatever is stored now. */
function otherTabSaves(turns: Turn[], draft = ''): void {
  const oldValue = localStorage.getItem(persistName);
  const state = usePlaygroundStore.getState();
  const newValue = savedText({ ...state, conversation: { turns, draft } });
  localStorage.setItem(persistName, newValue);
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', { key: persistName, oldValue, newValue, storageArea: localStorage }),
    );
  });
}

function storedContents(): string[] {
  const saved = JSON.parse(localStorage.getItem(persistName) ?? 'null') as {
    state: { conversation: { turns: Turn[] } };
  } | null;
  return saved?.state.conversation.turns.map((candidate) => candidate.content) ?? [];
}

function shownContents(): string[] {
  return usePlaygroundStore.getState().conversation.turns.map((candidate) => candidate.content);
}

let uninstall: () => void = () => undefined;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  actions.addTurn('user', 'Shared start');
  uninstall = installCrossTabGuard(usePlaygroundStore);
  render(<CrossTabNotice />);
});
afterEach(() => {
  uninstall();
  resetPlayground();
});

const otherTurns = [turn('a', 'user', 'Shared start'), turn('b', 'assistant', 'Written in the other tab')];

describe('this tab has nothing unsaved', () => {
  it('takes over the other tab’s newer conversation and says so, without a conflict', () => {
    expect(storedContents()).toEqual(['Shared start']);
    otherTabSaves(otherTurns);
    expect(shownContents()).toEqual(['Shared start', 'Written in the other tab']);
    expect(usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toEqual([adoptedNoticeText]);
    expect(screen.queryByRole('button', { name: 'Keep mine' })).not.toBeInTheDocument();
  });

  it('does nothing when the other tab saved the same conversation (e.g. only a setting changed)', () => {
    otherTabSaves(usePlaygroundStore.getState().conversation.turns);
    expect(shownContents()).toEqual(['Shared start']);
    expect(usePlaygroundStore.getState().ui.notices).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('both tabs changed the conversation', () => {
  function makeConflict(): void {
    // This tab's change is not in storage yet (as while streaming), then the other tab saves its own.
    const stored = localStorage.getItem(persistName);
    actions.addTurn('user', 'Written here');
    if (stored !== null) localStorage.setItem(persistName, stored);
    otherTabSaves(otherTurns);
  }

  it('keeps this tab’s conversation on screen and shows the choice', () => {
    makeConflict();
    expect(shownContents()).toEqual(['Shared start', 'Written here']);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Another tab changed this conversation (2 messages there, 2 messages here)',
    );
    expect(screen.getByRole('button', { name: "Load the other tab's version" })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep mine' })).toBeInTheDocument();
  });

  it('does not overwrite the other tab’s saved conversation while the choice is open', () => {
    makeConflict();
    actions.addTurn('user', 'Another edit here');
    actions.setDraft('typing');
    expect(storedContents()).toEqual(['Shared start', 'Written in the other tab']);
  });

  it('"Load the other tab\'s version" shows and keeps the other conversation', async () => {
    const user = userEvent.setup();
    makeConflict();
    await user.click(screen.getByRole('button', { name: "Load the other tab's version" }));
    expect(shownContents()).toEqual(['Shared start', 'Written in the other tab']);
    expect(storedContents()).toEqual(['Shared start', 'Written in the other tab']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('"Keep mine" saves this tab’s conversation and saving resumes', async () => {
    const user = userEvent.setup();
    makeConflict();
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(shownContents()).toEqual(['Shared start', 'Written here']);
    expect(storedContents()).toEqual(['Shared start', 'Written here']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    actions.addTurn('assistant', 'Saved again');
    expect(storedContents()).toEqual(['Shared start', 'Written here', 'Saved again']);
  });

  it('closes the choice by itself when the other tab comes to the same conversation', () => {
    makeConflict();
    otherTabSaves(usePlaygroundStore.getState().conversation.turns);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

it('a reply streaming in this tab is never replaced silently: the other tab’s save opens the choice', () => {
  usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
  otherTabSaves(otherTurns);
  expect(shownContents()).toEqual(['Shared start']);
  expect(screen.getByRole('button', { name: 'Keep mine' })).toBeInTheDocument();
  usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: false } }));
});

it('ignores other keys, removals and unreadable values', () => {
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'something-else', oldValue: null, newValue: '{}', storageArea: localStorage }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', { key: persistName, oldValue: '{}', newValue: null, storageArea: localStorage }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: persistName,
        oldValue: null,
        newValue: 'not json',
        storageArea: localStorage,
      }),
    );
  });
  expect(shownContents()).toEqual(['Shared start']);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

/** The other tab saves its own version of the state on top of whatever is stored now. */
function otherTabSavesState(change: (state: PlaygroundState) => PlaygroundState): void {
  const oldValue = localStorage.getItem(persistName);
  const newValue = savedText(change(usePlaygroundStore.getState()));
  localStorage.setItem(persistName, newValue);
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', { key: persistName, oldValue, newValue, storageArea: localStorage }),
    );
  });
}

function historyEntry(id: string, sentAt: number): HistoryEntry {
  return {
    id,
    sentAt,
    request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
    status: 'complete',
    finishReason: 'stop',
    usage: null,
    latencyMs: 100,
    errorTitle: null,
  };
}

function storedHistoryIds(): string[] {
  const saved = JSON.parse(localStorage.getItem(persistName) ?? 'null') as {
    state: { history?: { entries: HistoryEntry[] } };
  } | null;
  return saved?.state.history?.entries.map((entry) => entry.id) ?? [];
}

describe('each tab keeps its own draft', () => {
  it('a draft typed here survives the other tab sending', () => {
    actions.setDraft('half a thought');
    otherTabSaves(otherTurns, '');
    expect(shownContents()).toEqual(['Shared start', 'Written in the other tab']);
    expect(usePlaygroundStore.getState().conversation.draft).toBe('half a thought');
  });

  it('"Load the other tab\'s version" keeps the draft typed here', async () => {
    const user = userEvent.setup();
    const stored = localStorage.getItem(persistName);
    actions.addTurn('user', 'Written here');
    actions.setDraft('still typing');
    if (stored !== null) localStorage.setItem(persistName, stored);
    otherTabSaves(otherTurns, 'their draft');
    await user.click(screen.getByRole('button', { name: "Load the other tab's version" }));
    expect(usePlaygroundStore.getState().conversation.draft).toBe('still typing');
  });
});

describe('settings edited in two tabs', () => {
  it('takes the other tab’s system prompt when this tab did not change it, and says so', () => {
    otherTabSavesState((state) => ({ ...state, settings: { ...state.settings, systemPrompt: 'Answer in French.' } }));
    expect(usePlaygroundStore.getState().settings.systemPrompt).toBe('Answer in French.');
    expect(usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toEqual([adoptedSettingsText]);
  });

  it('asks when both tabs changed the system prompt, and loading the other version brings theirs', async () => {
    const user = userEvent.setup();
    const stored = localStorage.getItem(persistName);
    settingsActions.setSystemPrompt('Answer in German.');
    if (stored !== null) localStorage.setItem(persistName, stored);
    otherTabSavesState((state) => ({ ...state, settings: { ...state.settings, systemPrompt: 'Answer in French.' } }));
    expect(usePlaygroundStore.getState().settings.systemPrompt).toBe('Answer in German.');
    expect(screen.getByRole('alert')).toHaveTextContent(/Another tab changed/);
    await user.click(screen.getByRole('button', { name: "Load the other tab's version" }));
    expect(usePlaygroundStore.getState().settings.systemPrompt).toBe('Answer in French.');
  });
});

describe('request history in two tabs', () => {
  it('an entry the other tab recorded survives this tab typing', () => {
    usePlaygroundStore.setState((state) => ({ history: { ...state.history, entries: [historyEntry('mine', 1)] } }));
    otherTabSavesState((state) => ({
      ...state,
      history: { ...state.history, entries: [historyEntry('theirs', 2), ...state.history.entries] },
    }));
    actions.setDraft('typing here');
    expect(storedHistoryIds()).toEqual(['theirs', 'mine']);
  });

  it('an entry the other tab deleted stays deleted', () => {
    usePlaygroundStore.setState((state) => ({
      history: { ...state.history, entries: [historyEntry('kept', 2), historyEntry('deleted', 1)] },
    }));
    otherTabSavesState((state) => ({
      ...state,
      history: { ...state.history, entries: [historyEntry('kept', 2)] },
    }));
    actions.setDraft('typing here');
    expect(storedHistoryIds()).toEqual(['kept']);
  });
});

it('the choice shows both versions of what differs', async () => {
  const user = userEvent.setup();
  const stored = localStorage.getItem(persistName);
  settingsActions.setSystemPrompt('Answer in German.');
  actions.addTurn('user', 'Written here');
  if (stored !== null) localStorage.setItem(persistName, stored);
  otherTabSavesState((state) => ({
    ...state,
    settings: { ...state.settings, systemPrompt: 'Answer in French.' },
    conversation: { turns: otherTurns, draft: '' },
  }));
  await user.click(screen.getByText('What differs'));
  const systemPrompt = screen.getByRole('row', { name: /System prompt/ });
  expect(systemPrompt).toHaveTextContent('Answer in German.');
  expect(systemPrompt).toHaveTextContent('Answer in French.');
  expect(screen.getByRole('row', { name: /Last message/ })).toHaveTextContent('Written in the other tab');
});
