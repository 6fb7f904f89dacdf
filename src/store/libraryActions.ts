// Actions for saved conversations, opening a sent request, and presets (the request history's own: historyActions.ts). Like actions.ts: plain functions that read and
// set the store; components call them from event handlers.
import { newId } from './ids';
import { onRuntimeReset } from './runtime';
import { usePlaygroundStore } from './index';
import { keepImageBytes } from './turnImages';
import { undoDeleteMs } from './turnUndo';
import type { HistoryEntry } from './historySlice';
import { restoreRequest } from './requestRestore';
import { activeAsSaved, conversationTitle, emptyConversation, type SavedConversation } from './librarySlice';
import { applyPresetValues, builtInPresets, presetValuesFrom } from './presets';
import type { Preset } from './presetsSlice';
import type { PlaygroundState, Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

// ---- conversations ----------------------------------------------------------------------------------

/** Every entry with the working copy written into the active one. */
function savedWorkingCopy(state: PlaygroundState): SavedConversation[] {
  const active = activeAsSaved(state);
  return state.library.conversations.map((entry) => (entry.id === active.id ? active : entry));
}

/** The working copy becomes `conversation` (already in the list). */
function loadState(
  state: PlaygroundState,
  conversations: SavedConversation[],
  conversation: SavedConversation,
): Partial<PlaygroundState> {
  return {
    settings: conversation.settings,
    conversation: { turns: conversation.turns, draft: conversation.draft },
    library: { ...state.library, conversations, activeId: conversation.id },
    ui: { ...state.ui, selectedReplyId: null },
  };
}

/** Switching saves the working copy into the library first. Refused while a reply streams (Stop first). */
export function switchConversation(id: string): boolean {
  const state = get();
  if (state.ui.sending || id === state.library.activeId) return false;
  const conversations = savedWorkingCopy(state);
  const target = conversations.find((entry) => entry.id === id);
  if (!target) return false;
  set(loadState(state, conversations, target));
  return true;
}

/** A fresh conversation with the current settings (model, parameters, system prompt), at the top of the list. */
export function newConversation(): string | null {
  const state = get();
  if (state.ui.sending) return null;
  const fresh = emptyConversation(state.settings);
  set(loadState(state, [fresh, ...savedWorkingCopy(state)], fresh));
  return fresh.id;
}

/** An empty or blank title goes back to the one derived from the first user message. */
export function renameConversation(id: string, title: string): void {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  set((state) => ({
    library: {
      ...state.library,
      conversations: state.library.conversations.map((entry) =>
        entry.id === id ? { ...entry, title: trimmed === '' ? null : trimmed } : entry,
      ),
    },
  }));
}

function copiedTurns(turns: readonly Turn[]): Turn[] {
  return turns.map((turn) => ({
    ...turn,
    id: newId('turn'),
    reply: turn.reply ? { ...turn.reply, retry: null } : null,
  }));
}

/** A copy right below the original, titled "… (copy)"; the working copy stays where it is. */
export function duplicateConversation(id: string): string | null {
  const state = get();
  const conversations = savedWorkingCopy(state);
  const index = conversations.findIndex((entry) => entry.id === id);
  const original = conversations[index];
  if (!original || (state.ui.sending && id === state.library.activeId)) return null;
  const now = Date.now();
  const copy: SavedConversation = {
    ...original,
    id: newId('conversation'),
    title: `${conversationTitle(original)} (copy)`,
    createdAt: now,
    updatedAt: now,
    turns: copiedTurns(original.turns),
  };
  const next = [...conversations];
  next.splice(index + 1, 0, copy);
  set({ library: { ...state.library, conversations: next } });
  return copy.id;
}

let undoTimer: ReturnType<typeof setTimeout> | null = null;
onRuntimeReset(() => {
  if (undoTimer !== null) clearTimeout(undoTimer);
  undoTimer = null;
});

function clearUndoLater(): void {
  if (undoTimer !== null) clearTimeout(undoTimer);
  undoTimer = setTimeout(() => {
    undoTimer = null;
    set((state) => ({ library: { ...state.library, recentlyDeleted: null } }));
  }, undoDeleteMs);
}

/**
 * Deletes a conversation; "Undo" brings it back for a few seconds. Deleting the open one opens its neighbour (or a
 * fresh conversation when it was the last). The open one cannot be deleted while its reply streams.
 */
export function deleteConversation(id: string): boolean {
  const state = get();
  const wasActive = id === state.library.activeId;
  if (wasActive && state.ui.sending) return false;
  const conversations = savedWorkingCopy(state);
  const index = conversations.findIndex((entry) => entry.id === id);
  const deleted = conversations[index];
  if (!deleted) return false;
  const remaining = conversations.filter((entry) => entry.id !== id);
  const recentlyDeleted = { conversation: deleted, index, wasActive };
  if (!wasActive) {
    set({ library: { ...state.library, conversations: remaining, recentlyDeleted } });
  } else {
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    const next = neighbour ?? emptyConversation(state.settings);
    const loaded = loadState(state, neighbour ? remaining : [next], next);
    set({ ...loaded, library: { ...(loaded.library ?? state.library), recentlyDeleted } });
  }
  clearUndoLater();
  return true;
}

/** Puts the last deleted conversation back where it was (and reopens it if it was open and nothing streams). */
export function undoDelete(): void {
  const state = get();
  const deleted = state.library.recentlyDeleted;
  if (!deleted) return;
  if (undoTimer !== null) clearTimeout(undoTimer);
  undoTimer = null;
  const conversations = savedWorkingCopy(state);
  const next = [...conversations];
  next.splice(Math.min(deleted.index, next.length), 0, deleted.conversation);
  const cleared = { ...state, library: { ...state.library, recentlyDeleted: null } };
  if (deleted.wasActive && !state.ui.sending) set(loadState(cleared, next, deleted.conversation));
  else set({ library: { ...cleared.library, conversations: next } });
}

// ---- a sent request back into a conversation ---------------------------------------------------------

export interface OpenedRequest {
  /** True when the request went into a new conversation (the open one had turns, which are kept in the library). */
  newConversation: boolean;
  notes: string[];
}

/**
 * "Open": the request exactly as it was sent goes back into the composer (settings and turns). An empty working
 * copy (no turns, no draft) takes it in place; otherwise it opens as a new conversation, so nothing is overwritten.
 */
export function openHistoryEntry(entry: HistoryEntry): OpenedRequest | null {
  const state = get();
  if (state.ui.sending) return null;
  const restored = restoreRequest(entry.request.body, state.settings);
  const inPlace = state.conversation.turns.length === 0 && state.conversation.draft.trim() === '';
  if (inPlace) {
    set({
      settings: restored.settings,
      conversation: { turns: restored.turns, draft: '' },
      ui: { ...state.ui, selectedReplyId: null },
    });
  } else {
    const fresh = { ...emptyConversation(restored.settings), turns: restored.turns };
    set(loadState(state, [fresh, ...savedWorkingCopy(state)], fresh));
  }
  // After the state above is set, which started from the ui as it was before.
  keepImageBytes(restored.imageBytes);
  return { newConversation: !inPlace, notes: restored.notes };
}

// ---- presets ----------------------------------------------------------------------------------------

export function allPresets(state: PlaygroundState): Preset[] {
  return [...builtInPresets, ...state.presets.saved];
}

export function applyPreset(id: string): void {
  const preset = allPresets(get()).find((candidate) => candidate.id === id);
  if (!preset) return;
  set((state) => ({ settings: applyPresetValues(state.settings, preset.values) }));
}

/** Saves the current model and parameters; a preset with the same name is replaced. */
export function savePreset(name: string): Preset | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const { settings } = get();
  const preset: Preset = {
    id: newId('preset'),
    name: trimmed,
    description: '',
    builtIn: false,
    values: presetValuesFrom(settings),
  };
  set((state) => ({
    presets: {
      saved: [
        ...state.presets.saved.filter((existing) => existing.name.toLowerCase() !== trimmed.toLowerCase()),
        preset,
      ],
    },
  }));
  return preset;
}

export function deletePreset(id: string): void {
  set((state) => ({ presets: { saved: state.presets.saved.filter((preset) => preset.id !== id) } }));
}
