// Two tabs, one saved playground (IndexedDB, or localStorage where there is none). Without a guard, the tab that
// saves last silently replaces the other tab's conversation. Design (three-way comparison, no extra storage key):
//
// - Detection. The state channel (IndexedDB, see stateDatabase.ts) and the `storage` event (localStorage) reach only
//   the *other* tabs, and carry both the value before the write (oldValue) and after it (newValue). If this tab's
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
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { stop } from './actions';
import { addNotice, flushSavedState, type usePlaygroundStore } from './index';
import {
  loadSavedStateRestore,
  partialize,
  persistVersion,
  savedStateRestore,
  type PersistedState,
} from './persistence';
import { restoredLibrary, type LibraryState } from './librarySlice';
import { onRuntimeReset } from './runtime';
import type { ConversationState, PlaygroundState } from './types';
import type { RequestSettings } from '../core/request';
import { mergeById, sameIds } from './threeWayMerge';
import { subscribeToSavedChanges } from './stateDatabase';

type PlaygroundStore = typeof usePlaygroundStore;
type Restore = NonNullable<ReturnType<typeof savedStateRestore>>;

export interface CrossTabConflict {
  /** The conversation the other tab saved most recently. */
  other: ConversationState;
  /** The other tab's request settings (system prompt and parameters). */
  otherSettings?: RequestSettings;
  /** Its saved conversations: the working copy belongs to its library.activeId, so the two travel together. */
  otherLibrary?: LibraryState | null;
}

export const adoptedNoticeText = 'This conversation was changed in another tab; this tab now shows the latest version.';
export const adoptedSettingsText = 'The settings were changed in another tab; this tab now uses them.';

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

/** Same turns (id, role, text, reasoning, excluded): reply bookkeeping and the draft (each tab's own) are ignored. */
function fingerprint(conversation: ConversationState): string {
  return JSON.stringify(
    conversation.turns.map((turn) => [turn.id, turn.role, turn.content, turn.reasoning, turn.excluded]),
  );
}

function sameSettings(a: RequestSettings, b: RequestSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameConversation(a: ConversationState, b: ConversationState): boolean {
  return fingerprint(a) === fingerprint(b);
}

/** A saved value's JSON text as an object: null for none, undefined when it is not JSON. */
function parsedSavedText(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The conversation in a saved value (migrated and salvaged like at start-up), or null when unreadable. */
function savedConversation(
  { migrate, salvage }: Restore,
  saved: unknown,
  current: PlaygroundState,
): SavedVersion | null {
  if (saved === null) return { conversation: { turns: [], draft: '' }, library: null, value: null, state: {} };
  if (typeof saved !== 'object' || !('state' in saved)) return null;
  const version = 'version' in saved && typeof saved.version === 'number' ? saved.version : 0;
  const { state } = salvage(migrate(saved.state, version), current);
  const library = state.library ? restoredLibrary(state.library, state.settings ?? current.settings) : null;
  return state.conversation
    ? { conversation: state.conversation, library, value: saved as StorageValue<PersistedState>, state }
    : null;
}

interface SavedVersion {
  conversation: ConversationState;
  library: LibraryState | null;
  value: StorageValue<PersistedState> | null;
  state: Partial<PersistedState>;
}

/** History and presets: both tabs' additions and deletions kept (null: nothing to change here). */
function mergedLists(
  current: PlaygroundState,
  before: SavedVersion | null,
  theirs: SavedVersion,
): Pick<PlaygroundState, 'history' | 'presets'> | null {
  const theirHistory = theirs.state.history?.entries ?? [];
  const history = mergeById(current.history.entries, before?.state.history?.entries ?? [], theirHistory)
    .sort((a, b) => b.sentAt - a.sentAt)
    .slice(0, current.history.limit);
  const theirPresets = theirs.state.presets?.saved ?? [];
  const presets = mergeById(current.presets.saved, before?.state.presets?.saved ?? [], theirPresets);
  if (sameIds(history, current.history.entries) && sameIds(presets, current.presets.saved)) return null;
  return { history: { ...current.history, entries: history }, presets: { saved: presets } };
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

  const onSavedElsewhere = (oldValue: unknown, newValue: unknown) => {
    // Read like at start-up, which loads the code for it: a save seen before that is handled once it is in.
    const restore = savedStateRestore();
    if (!restore) {
      loadSavedStateRestore().then(
        () => onSavedElsewhere(oldValue, newValue),
        () => undefined,
      );
      return;
    }
    const state = store.getState();
    const theirs = savedConversation(restore, newValue, state);
    if (!theirs) return;
    const before = savedConversation(restore, oldValue, state);
    // Lists merge whatever else happens. Not written now (that would write this tab's conversation before the
    // comparison below): the other tab holds the same merge, and this tab's next save carries it.
    const lists = mergedLists(state, before, theirs);
    if (lists) {
      adopting = true;
      try {
        store.setState(lists);
      } finally {
        adopting = false;
      }
    }
    const ours = state.conversation;
    const theirSettings = theirs.state.settings ?? state.settings;
    const conversationMatches = sameConversation(ours, theirs.conversation);
    const settingsMatch = sameSettings(state.settings, theirSettings);
    if (conversationMatches && settingsMatch) {
      if (conflict) setConflict(null);
      return;
    }
    const oursUnchanged =
      !conflict &&
      before !== null &&
      (conversationMatches || (!state.ui.sending && sameConversation(ours, before.conversation))) &&
      (settingsMatch || sameSettings(state.settings, before.state.settings ?? state.settings));
    if (oursUnchanged) {
      adopting = true;
      try {
        store.setState((current) => ({
          ...(conversationMatches
            ? {}
            : {
                // The draft is this tab's own: what is being typed here stays.
                conversation: {
                  ...theirs.conversation,
                  draft: current.conversation.draft,
                  draftImages: current.conversation.draftImages,
                },
                ...(theirs.library ? { library: theirs.library } : {}),
              }),
          ...(settingsMatch ? {} : { settings: theirSettings }),
          ui: { ...current.ui, ...(conversationMatches ? {} : { selectedReplyId: null }) },
        }));
      } finally {
        adopting = false;
      }
      addNotice('info', conversationMatches ? adoptedSettingsText : adoptedNoticeText);
      return;
    }
    setConflict({ other: theirs.conversation, otherLibrary: theirs.library, otherSettings: theirSettings });
    // A save this tab queued before it knew (throttled while streaming) now writes the other tab's value instead.
    if (theirs.value) void inner.setItem(name, theirs.value);
  };
  // localStorage (where there is no IndexedDB) tells other tabs through the storage event, the database through its
  // channel (stateDatabase.ts); both carry the value before and after the write.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || event.newValue === null) return;
    onSavedElsewhere(parsedSavedText(event.oldValue), parsedSavedText(event.newValue));
  };
  target.addEventListener('storage', onStorage);
  const unsubscribe = subscribeToSavedChanges((change) => {
    if (change.name === name && change.newValue !== null) onSavedElsewhere(change.oldValue, change.newValue);
  });

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
