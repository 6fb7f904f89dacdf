// Two tabs, one saved playground (IndexedDB, or localStorage where there is none). Without a guard, the tab that
// saves last silently replaces the other tab's conversation. Design (three-way comparison, no extra storage key):
//
// - Detection. The state channel (IndexedDB, see stateDatabase.ts) and the `storage` event (localStorage) reach only
//   the *other* tabs, which compare the value before the write (oldValue: the event's, or for the database the value
//   the tab last read or wrote there) with the value after it (newValue). If this tab's
//   conversation equals the one in oldValue, everything this tab had was saved and the other tab built on it (or
//   replaced it): there is nothing to lose here, so this tab adopts the new conversation and says so with an info
//   notice. If this tab's conversation differs from oldValue, this tab has changes the other tab never saw (or a
//   reply is streaming here): that is a conflict.
// - The gate. While a conflict is open this tab writes nothing (the persist storage is wrapped), and any write still
//   queued by the throttled storage is replaced with the other tab's value, so nothing is overwritten behind the
//   user's back. The user chooses: "Load the other tab's version" or "Keep mine" (saves this tab's conversation).
// - Scope: the conversation's turns and the request settings (system prompt included) take part in the three-way
//   comparison. Each tab keeps its own draft: another tab's save never replaces what is being typed here. The
//   request history and the user's presets are merged by id both ways (threeWayMerge.ts), so neither tab's new
//   entry is lost. The endpoint stays last-writer-wins.
// - Limit: neither storage compares before it swaps, so two writes in the very same instant cannot be ordered; the tab
//   whose write came from a stale base still sees the conflict, and the displaced version is kept in memory for
//   "Load the other tab's version".
import type { PersistStorage } from 'zustand/middleware';
import { stop } from './actions';
import type { GuardedTab } from './crossTabChanges';
import { addNotice, flushSavedState, onSavedInAnotherTab, type usePlaygroundStore } from './index';
import type { LibraryState } from './librarySlice';
import { partialize, persistVersion, type PersistedState } from './persistence';
import { onRuntimeReset } from './runtime';
import type { ConversationState } from './types';
import type { RequestSettings } from '../core/request';

type PlaygroundStore = typeof usePlaygroundStore;

export interface CrossTabConflict {
  /** The conversation the other tab saved most recently. */
  other: ConversationState;
  /** The other tab's request settings (system prompt and parameters). */
  otherSettings?: RequestSettings;
  /** Its saved conversations: the working copy belongs to its library.activeId, so the two travel together. */
  otherLibrary?: LibraryState | null;
}

let conflict: CrossTabConflict | null = null;
const listeners = new Set<() => void>();
onRuntimeReset(() => setConflict(null));

function setConflict(next: CrossTabConflict | null): void {
  conflict = next;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribeToCrossTabConflict(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentCrossTabConflict(): CrossTabConflict | null {
  return conflict;
}

interface Installed {
  store: PlaygroundStore;
  storage: PersistStorage<PersistedState>;
  name: string;
}
let installed: Installed | null = null;

type CrossTabChanges = typeof import('./crossTabChanges');
let changes: CrossTabChanges | null = null;

/** What another tab's save means here (crossTabChanges.ts): loaded with the first one, not before the Message box. */
export async function loadCrossTabChanges(): Promise<CrossTabChanges> {
  changes ??= await import('./crossTabChanges');
  return changes;
}

/**
 * Guards the store against another tab's saves (see the comment at the top). Call once, after the store is created.
 * Returns a function that removes the guard (tests).
 */
export function installCrossTabGuard(store: PlaygroundStore, target: Window = window): () => void {
  const options = store.persist.getOptions();
  const inner = options.storage;
  const name = options.name;
  if (!inner || !name) return () => undefined;
  let adopting = false;

  const tab: GuardedTab = {
    store,
    storage: inner,
    name,
    conflict: () => conflict,
    setConflict,
    adopt: (change) => {
      adopting = true;
      try {
        change();
      } finally {
        adopting = false;
      }
    },
    tell: (text) => addNotice('info', text),
  };
  const guarded: PersistStorage<PersistedState> = {
    getItem: (key) => inner.getItem(key),
    setItem: (key, value) => {
      if (conflict || adopting) return;
      return inner.setItem(key, value);
    },
    removeItem: (key) => inner.removeItem(key),
  };
  store.persist.setOptions({ storage: guarded });
  installed = { store, storage: inner, name };

  // In the order the saves came: at once when the code is in, else once it has loaded.
  const handle = (run: (loaded: CrossTabChanges) => void) => {
    if (changes) run(changes);
    else loadCrossTabChanges().then(run, () => undefined);
  };
  // localStorage (where there is no IndexedDB) tells other tabs through the storage event, which carries the value
  // before and after the write; the database through its channel, after which the value is read back (index.ts).
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || event.newValue === null) return;
    const { oldValue, newValue } = event;
    handle((loaded) =>
      loaded.handleSavedElsewhere(tab, loaded.parsedSavedText(oldValue), loaded.parsedSavedText(newValue)),
    );
  };
  target.addEventListener('storage', onStorage);
  const unsubscribe = onSavedInAnotherTab(name, (oldValue, newValue) =>
    handle((loaded) => loaded.handleSavedElsewhere(tab, oldValue, newValue)),
  );

  return () => {
    target.removeEventListener('storage', onStorage);
    unsubscribe();
    store.persist.setOptions({ storage: inner });
    installed = null;
    setConflict(null);
  };
}

/** "Load the other tab's version": this tab's conversation is replaced (a reply in flight is stopped first). */
export function loadOtherTabVersion(): void {
  const open = conflict;
  if (!open || !installed) return;
  const { store } = installed;
  if (store.getState().ui.sending) stop();
  setConflict(null);
  store.setState((state) => ({
    conversation: { ...open.other, draft: state.conversation.draft, draftImages: state.conversation.draftImages },
    ...(open.otherLibrary ? { library: open.otherLibrary } : {}),
    ...(open.otherSettings ? { settings: open.otherSettings } : {}),
    ui: { ...state.ui, selectedReplyId: null },
  }));
}

/** "Keep mine": this tab's conversation is saved over the other tab's (which then adopts it). */
export function keepThisTabVersion(): void {
  if (!conflict || !installed) return;
  const { store, storage, name } = installed;
  setConflict(null);
  void storage.setItem(name, { state: partialize(store.getState()), version: persistVersion });
  flushSavedState();
}
