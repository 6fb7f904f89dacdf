// Saving and restoring the playground: versioned, salvaging, throttled while streaming, and tolerant of a
// full or broken localStorage. The key is never part of this state (see keyStorage.ts). Reading a saved state back
// (migrate, salvage: savedStateRestore.ts, with zod) is loaded on demand, so the Message box does not wait for it.
import type { PersistOptions, PersistStorage } from 'zustand/middleware';
import { settledTurn } from './replyInfo';
import type { PlaygroundState } from './types';
import { partializeLibrary, type PersistedLibrary } from './librarySlice';
import { partializeCompare, type PersistedCompare } from './compareSaving';
import { partializePreferences, type PersistedPreferences } from './preferencesSlice';
import type { KeptCopyReason } from './keptCopy';
import { firstScreen } from './firstScreenGate';
import { persistName, persistVersion } from './persistedVersion';

export { persistName, persistVersion };

export type PersistedState = {
  connection: Omit<PlaygroundState['connection'], 'apiKey'>;
  settings: PlaygroundState['settings'];
  conversation: PlaygroundState['conversation'];
  /** Since version 2 (optional: older states and tests may lack them; salvage fills in). */
  library?: PersistedLibrary;
  history?: PlaygroundState['history'];
  presets?: PlaygroundState['presets'];
  /** Reasoning display choices (optional: states saved before them get the defaults). */
  preferences?: PersistedPreferences;
  /** Compare mode, its columns and their last replies (optional: states saved before it get it closed). */
  compare?: PersistedCompare;
};

export interface PersistenceEvents {
  onRecovered: (text: string) => void;
  onQuotaExceeded: () => void;
  /** A saved state that could not be fully read was kept aside (kept false: no room, so nothing is written). */
  onKeptCopy?: (reason: KeptCopyReason, kept: boolean) => void;
  /** The saved state came from a newer version of the app: this tab does not write over it. */
  onNewerVersion?: () => void;
  /** The state is in the database (not called for localStorage writes). */
  onSaved?: (state: PersistedState) => void;
}

export const newerVersionText =
  'Your playground was saved by a newer version of GLM Playground. This tab shows what it can read and does not save over it: reload the page to get the newer version.';

export function partialize(state: PlaygroundState): PersistedState {
  const { apiKey: _apiKey, ...connection } = state.connection;
  return {
    connection,
    settings: state.settings,
    conversation: {
      turns: state.conversation.turns.map(settledTurn),
      draft: state.conversation.draft,
      draftImages: state.conversation.draftImages ?? [],
      draftTexts: state.conversation.draftTexts ?? [],
    },
    library: partializeLibrary(state.library, state.settings),
    history: state.history,
    presets: state.presets,
    preferences: partializePreferences(state.preferences),
    compare: partializeCompare(state.compare),
  };
}

type SavedStateRestore = typeof import('./savedStateRestore');
let restoreModule: SavedStateRestore | null = null;

/** Reading a saved state back (migrate, salvage): loaded on demand, with the first read. */
export async function loadSavedStateRestore(): Promise<SavedStateRestore> {
  restoreModule ??= await import('./savedStateRestore');
  return restoreModule;
}

/**
 * What the saved state's read waits for (savedStateStorage.ts): nothing once the restore module is in; else the
 * module, which the app fetches once its first screen (the Message box) has painted, so that the page's first paint
 * does not wait for it (firstScreenGate.ts).
 */
export function restoreNeededBeforeReading(): Promise<unknown> | null {
  if (restoreModule) return null;
  const shown = firstScreen();
  if (!shown) return loadSavedStateRestore();
  return shown.then(loadSavedStateRestore);
}

function loadedRestore(): SavedStateRestore {
  // The storage's read waits for the module (restoreNeededBeforeReading), and persist migrates and merges after it.
  if (!restoreModule) throw new Error('The saved state was read before the code that restores it was loaded.');
  return restoreModule;
}

export function persistOptions(
  storage: PersistStorage<PersistedState>,
  events: PersistenceEvents,
  keepLastReadAside: (reason: KeptCopyReason) => void = () => undefined,
): PersistOptions<PlaygroundState, PersistedState> {
  return {
    name: persistName,
    version: persistVersion,
    storage,
    partialize,
    migrate: (persisted, version) => {
      if (version < persistVersion)
        events.onRecovered('Your saved playground came from an older version of the app and was brought up to date.');
      return loadedRestore().migrate(persisted, version) as PersistedState;
    },
    merge: (persisted, current) => loadedRestore().mergeSavedState(persisted, current, events, keepLastReadAside),
  };
}
