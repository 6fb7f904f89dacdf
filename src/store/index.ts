// The one store, built from slices, persisted as a whole (minus the key and the transient UI).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { initialConnection } from './connectionSlice';
import { initialConversation } from './conversationSlice';
import { initialHistory } from './historySlice';
import { newId } from './ids';
import { loadKey, saveKey } from './keyStorage';
import { initialLibrary } from './librarySlice';
import { newerVersionText, persistOptions, type PersistenceEvents } from './persistence';
import { createPlaygroundStorage } from './savedStateStorage';
import { initialPresets } from './presetsSlice';
import { initialPreferences } from './preferencesSlice';
import { initialCompare, isCompareRunning } from './compareSlice';
import { resetRuntime } from './runtime';
import { initialSettings } from './settingsSlice';
import { checkStorageRoom, requestPersistentStorage } from './storageUsage';
import type { Notice, PlaygroundState } from './types';
import { initialUi } from './uiSlice';
import { loadJsonSchemaChecker } from '../core/jsonSchema/validation';
import { enabledFunctions } from '../core/toolSettings';

export type { PlaygroundState, Turn, ReplyInfo, Notice, ConnectionState, ConversationState, UiState } from './types';

export function initialState(): PlaygroundState {
  return {
    connection: initialConnection(),
    settings: initialSettings(),
    conversation: initialConversation(),
    ui: initialUi(),
    library: initialLibrary(),
    history: initialHistory(),
    presets: initialPresets(),
    preferences: initialPreferences(),
    compare: initialCompare(),
  };
}

// Hydration runs inside create(), before the store exists: queue what it reports.
const earlyNotices: Notice[] = [];
export function report(level: Notice['level'], text: string): void {
  const notice = { id: newId('notice'), level, text };
  const store = storeReference.current;
  // While the saved state loads, the load would replace the notices with what it started from: they wait for it.
  if (!store || store.getState().ui.savedStateLoading) {
    earlyNotices.push(notice);
    return;
  }
  if (store.getState().ui.notices.some((existing) => existing.text === text)) return; // say it once
  store.setState((state) => ({ ui: { ...state.ui, notices: [...state.ui.notices, notice] } }));
}

export const storageFullText =
  'Your browser storage is full, so the latest changes are not saved. The conversation is intact here — export it to keep a copy.';

export const storageNearlyFullText =
  'Your browser storage is nearly full. Delete large conversations you no longer need before new replies cannot be saved.';

export const savedStateLoadFailedText =
  'Your saved playground could not be loaded: part of the app failed to download. Nothing is saved over it; reload the page to try again.';

export const keptCopyText =
  'The saved state as it was found is kept in this browser, so nothing of it is lost: download it to look inside.';
export const keptCopyHeldText =
  'There is no room to keep a copy of the damaged saved state, so this tab saves nothing until you download it.';

const persistenceEvents: PersistenceEvents = {
  onRecovered: (text: string) => report('warning', text),
  onQuotaExceeded: () => report('warning', storageFullText),
  onKeptCopy: (_reason, kept) => report(kept ? 'info' : 'warning', kept ? keptCopyText : keptCopyHeldText),
  onNewerVersion: () => report('warning', newerVersionText),
  onSaved: (state) => {
    if ((state.library?.conversations.length ?? 0) > 0 || state.conversation.turns.length > 0)
      requestPersistentStorage();
    checkStorageRoom(() => report('warning', storageNearlyFullText));
  },
};

const storeReference: { current: typeof usePlaygroundStore | null } = { current: null };
// Busy while a reply or a comparison streams: writes are then held back to one a second.
function isStreaming(): boolean {
  const state = storeReference.current?.getState();
  return state ? state.ui.sending || isCompareRunning(state.compare) : false;
}
// Typing into a long draft: it changed within the last second. Saving waits for a pause (a draft of megabytes would
// otherwise be serialised and written on every keystroke); leaving the page or the window saves at once. A short
// draft is saved at once, as everything else is.
const typingPauseMs = 1000;
const longDraftCharacters = 100 * 1024;
let draftEditedAt = Number.NEGATIVE_INFINITY;
function isTyping(): boolean {
  return Date.now() - draftEditedAt < typingPauseMs;
}
const playgroundStorage = createPlaygroundStorage(persistenceEvents, isStreaming, typingPauseMs, isTyping);

const options = persistOptions(playgroundStorage.storage, persistenceEvents, playgroundStorage.keepLastReadAside);
export const usePlaygroundStore = create<PlaygroundState>()(
  persist(() => initialState(), {
    ...options,
    // The code that reads the saved state back did not arrive (offline, a new deploy): nothing is written (the storage
    // is still reading), and the user is told why instead of waiting. Not queued like the other notices: the load
    // that would release them will not come.
    onRehydrateStorage: () => (_state, error) => {
      if (error === undefined) return;
      const notice: Notice = { id: newId('notice'), level: 'error', text: savedStateLoadFailedText };
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, notices: [...state.ui.notices, notice] } }));
    },
    // The key lives where the saved "Remember key" says: read once that is known (a key typed meanwhile stays).
    merge: (persisted, current) => {
      const merged = options.merge?.(persisted, current) ?? current;
      const apiKey = current.connection.apiKey || loadKey(merged.connection.rememberKey);
      return { ...merged, connection: { ...merged.connection, apiKey } };
    },
  }),
);
storeReference.current = usePlaygroundStore;

// Reading IndexedDB takes a moment: Send waits (with the reason) while the Message box stays open, and what is
// typed meanwhile is kept by the merge and saved once the state is in; a state moved in from localStorage is
// written to the database at once.
if (!usePlaygroundStore.persist.hasHydrated()) {
  usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, savedStateLoading: true } }));
  let typedBefore = false;
  // The load itself clears savedStateLoading: its change is not typing.
  const watchTyping = usePlaygroundStore.subscribe((state, previous) => {
    if (state.ui.savedStateLoading && state.conversation !== previous.conversation) typedBefore = true;
  });
  usePlaygroundStore.persist.onFinishHydration(() => {
    watchTyping();
    const writeNow = playgroundStorage.finishLoading() || typedBefore;
    const notices = earlyNotices.splice(0);
    if (notices.length > 0 || writeNow)
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, notices: [...state.ui.notices, ...notices] } }));
  });
}

/** Runs `action` once the saved state is in: at once when it is, else when its load finishes. */
export function whenSavedStateLoaded(action: () => void): void {
  if (!usePlaygroundStore.getState().ui.savedStateLoading) {
    action();
    return;
  }
  const unsubscribe = usePlaygroundStore.subscribe((state) => {
    if (state.ui.savedStateLoading) return;
    unsubscribe();
    action();
  });
}

/** Write the saved state now (end of a reply, pagehide). */
export const flushSavedState = playgroundStorage.flush;
/** Another tab's saves to the database, with the saved value before and after each (crossTab.ts). */
export const onSavedInAnotherTab = playgroundStorage.onSavedElsewhere;

/** The saved text this tab started from (for a download when it could not be kept aside). */
export const savedTextAtStart = playgroundStorage.lastReadText;
/** The user has their own copy of a saved state that could not be kept aside: saving may go ahead. */
export const releaseHeldWrites = playgroundStorage.releaseHeldWrites;

// The key: loaded from where "Remember key" says, and kept there.
usePlaygroundStore.setState((state) => ({
  connection: { ...state.connection, apiKey: loadKey(state.connection.rememberKey) },
  ui: { ...state.ui, notices: [...state.ui.notices, ...earlyNotices.splice(0)] },
}));
usePlaygroundStore.subscribe((state, previous) => {
  // Loading the saved state sets both at once: the key was read, not changed.
  if (previous.ui.savedStateLoading && !state.ui.savedStateLoading) return;
  const { apiKey, rememberKey } = state.connection;
  if (apiKey !== previous.connection.apiKey || rememberKey !== previous.connection.rememberKey)
    saveKey(apiKey, rememberKey);
});

usePlaygroundStore.subscribe((state, previous) => {
  const { draft, draftTexts = [] } = state.conversation;
  // Attached texts are saved with the draft: typing beside megabytes of them is typing into a long draft too.
  const draftCharacters = draftTexts.reduce((sum, item) => sum + item.text.length, draft.length);
  if (draft !== previous.conversation.draft && draftCharacters > longDraftCharacters) draftEditedAt = Date.now();
});

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => flushSavedState());
  window.addEventListener('blur', () => flushSavedState());
}

/**
 * Loads the JSON Schema checker once function tools are defined, however they came (the Tools section, a saved
 * state, an import, the JSON tab): Send waits for it while tools are on, whether or not the Tools section is shown.
 */
export function ensureSchemaChecker(): void {
  if (usePlaygroundStore.getState().ui.schemaChecker) return;
  loadJsonSchemaChecker().then(
    (schemaChecker) => usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, schemaChecker } })),
    () => undefined, // A failed chunk load leaves Send waiting with the reason; a reload retries.
  );
}
const schemaCheckerNeeded = (state: PlaygroundState) =>
  state.ui.schemaChecker === null && enabledFunctions(state.settings.tools).length > 0;
usePlaygroundStore.subscribe((state) => {
  if (schemaCheckerNeeded(state)) ensureSchemaChecker();
});
if (schemaCheckerNeeded(usePlaygroundStore.getState())) ensureSchemaChecker();

/** Back to a fresh playground (tests, "reset"): calls stopped, timers cleared, nothing kept. */
export function resetPlayground(): void {
  resetRuntime();
  usePlaygroundStore.setState(initialState(), true);
}

export { report as addNotice };
