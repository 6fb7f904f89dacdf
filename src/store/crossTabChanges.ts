// What another tab's save means for this tab (see crossTab.ts for the design): adopt it, merge the lists, or open a
// conflict. Loaded when the first save of another tab arrives, with the code that reads saved states back.
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { RequestSettings } from '../core/request';
import type { CrossTabConflict } from './crossTab';
import type { usePlaygroundStore } from './index';
import { restoredLibrary, type LibraryState } from './librarySlice';
import type { PersistedState } from './persistence';
import { migrate, salvage } from './savedStateRestore';
import { mergeById, sameIds } from './threeWayMerge';
import type { ConversationState, PlaygroundState } from './types';

export const adoptedNoticeText = 'This conversation was changed in another tab; this tab now shows the latest version.';
export const adoptedSettingsText = 'The settings were changed in another tab; this tab now uses them.';

/** The guarded tab, as crossTab.ts installed it. */
export interface GuardedTab {
  store: typeof usePlaygroundStore;
  /** The storage under the guard (writes through it are not held back). */
  storage: PersistStorage<PersistedState>;
  name: string;
  conflict: () => CrossTabConflict | null;
  setConflict: (conflict: CrossTabConflict | null) => void;
  /** Sets the other tab's state here without writing it back (the guard holds writes meanwhile). */
  adopt: (change: () => void) => void;
  /** Says what was taken over (an info notice in this tab). */
  tell: (text: string) => void;
}

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
export function parsedSavedText(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The conversation in a saved value (migrated and salvaged like at start-up), or null when unreadable. */
function savedConversation(saved: unknown, current: PlaygroundState): SavedVersion | null {
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
 * Another tab saved: `oldValue` is what it replaced (for the database, the value this tab last read or wrote there),
 * `newValue` what it wrote (parsed).
 */
export function handleSavedElsewhere(tab: GuardedTab, oldValue: unknown, newValue: unknown): void {
  const { store } = tab;
  const state = store.getState();
  const theirs = savedConversation(newValue, state);
  if (!theirs) return;
  const before = savedConversation(oldValue, state);
  // Lists merge whatever else happens. Not written now (that would write this tab's conversation before the
  // comparison below): the other tab holds the same merge, and this tab's next save carries it.
  const lists = mergedLists(state, before, theirs);
  if (lists) tab.adopt(() => store.setState(lists));
  const ours = state.conversation;
  const theirSettings = theirs.state.settings ?? state.settings;
  const conversationMatches = sameConversation(ours, theirs.conversation);
  const settingsMatch = sameSettings(state.settings, theirSettings);
  if (conversationMatches && settingsMatch) {
    if (tab.conflict()) tab.setConflict(null);
    return;
  }
  const oursUnchanged =
    !tab.conflict() &&
    before !== null &&
    (conversationMatches || (!state.ui.sending && sameConversation(ours, before.conversation))) &&
    (settingsMatch || sameSettings(state.settings, before.state.settings ?? state.settings));
  if (oursUnchanged) {
    tab.adopt(() =>
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
      })),
    );
    tab.tell(conversationMatches ? adoptedSettingsText : adoptedNoticeText);
    return;
  }
  tab.setConflict({ other: theirs.conversation, otherLibrary: theirs.library, otherSettings: theirSettings });
  // A save this tab queued before it knew (throttled while streaming) now writes the other tab's value instead.
  if (theirs.value) void tab.storage.setItem(tab.name, theirs.value);
}
