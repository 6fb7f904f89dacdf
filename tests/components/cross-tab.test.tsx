// Two tabs (src/store/crossTab.ts): the other tab is imitated by writing its saved state to localStorage and
// dispatching the `storage` event the browser would deliver to this tab.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrossTabNotice } from '../../src/components/CrossTabNotice';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { adoptedNoticeText, installCrossTabGuard } from '../../src/store/crossTab';
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
