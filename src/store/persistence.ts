// Saving and restoring the playground: versioned, salvaging, throttled while streaming, and tolerant of a
// full or broken localStorage. The key is never part of this state (see keyStorage.ts).
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { newId } from './ids';
import { settledTurn } from './replyInfo';
import { connectionSchema, draftImagesSchema, draftSchema, settingsSchema, turnSchema } from './schema';
import type { PlaygroundState, Turn } from './types';
import { salvageHistory } from './historySlice';
import { stateWithMeasuredMetrics } from './metricsMigration';
import {
  partializeLibrary,
  restoredLibrary,
  salvageLibrary,
  skippedConversationsText,
  wrapConversationInLibrary,
  type PersistedLibrary,
} from './librarySlice';
import { salvagePresets } from './presetsSlice';
import { partializeCompare, restoredCompare, salvageCompare, type PersistedCompare } from './compareSaving';
import { partializePreferences, salvagePreferences, type PersistedPreferences } from './preferencesSlice';
import { isRecord } from '../core/json';
import { withoutImageBytes } from '../core/images';

export const persistName = 'glm-playground:state';
/** 1: settings and turns; 2: the library; 3: reply metrics hold measurements only (see migrate). */
export const persistVersion = 3;

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
}

export function partialize(state: PlaygroundState): PersistedState {
  const { apiKey: _apiKey, ...connection } = state.connection;
  return {
    connection,
    settings: state.settings,
    conversation: {
      turns: state.conversation.turns.map(settledTurn),
      draft: state.conversation.draft,
      draftImages: state.conversation.draftImages ?? [],
    },
    library: partializeLibrary(state.library, state.settings),
    history: state.history,
    presets: state.presets,
    preferences: partializePreferences(state.preferences),
    compare: partializeCompare(state.compare),
  };
}

export function migrate(persisted: unknown, version: number): unknown {
  if (version >= persistVersion || !isRecord(persisted)) return persisted;
  let state = version < 1 ? migrateFromVersionZero(persisted) : persisted;
  // Version 1 → 2: the one conversation becomes the active entry of the library (librarySlice.ts).
  if (version < 2) state = wrapConversationInLibrary(state);
  // Version 2 → 3: reply metrics keep measurements only (metricsMigration.ts).
  return stateWithMeasuredMetrics(state);
}

/** Version 0 (before versioning) kept the settings flat with `top_p`/`max_tokens` names and `messages`. */
function migrateFromVersionZero(persisted: Record<string, unknown>): Record<string, unknown> {
  const settings = isRecord(persisted.settings) ? { ...persisted.settings } : {};
  if ('top_p' in settings && !('topP' in settings)) settings.topP = settings.top_p;
  if ('max_tokens' in settings && !('maxTokens' in settings)) settings.maxTokens = settings.max_tokens;
  const conversation = isRecord(persisted.conversation) ? { ...persisted.conversation } : {};
  if (Array.isArray(persisted.messages) && !('turns' in conversation)) {
    // Version 0 messages were wire messages ({ role, content }): give them what a Turn needs.
    conversation.turns = (persisted.messages as unknown[]).map((message) =>
      isRecord(message) ? { id: newId('turn'), reasoning: '', excluded: false, reply: null, ...message } : message,
    );
  }
  return { ...persisted, settings, conversation };
}

interface Salvaged {
  state: Partial<PersistedState> & { conversation?: PlaygroundState['conversation'] };
  problems: number;
  /** Saved conversations that could not be read (reported on their own: the rest of the list is fine). */
  skippedConversations: number;
}

/** Keep every valid part of a persisted state; count what had to be dropped. */
export function salvage(persisted: unknown, current: PlaygroundState): Salvaged {
  let problems = 0;
  if (!isRecord(persisted))
    return { state: {}, problems: persisted === undefined || persisted === null ? 0 : 1, skippedConversations: 0 };
  const connection = connectionSchema.safeParse(persisted.connection);
  if (!connection.success && persisted.connection !== undefined) problems += 1;
  // Field by field: one bad value falls back to its current (default) value, the other settings stay.
  const savedSettings: Record<string, unknown> = { ...current.settings };
  if (isRecord(persisted.settings)) {
    for (const [field, value] of Object.entries(persisted.settings)) {
      if (!(field in current.settings)) continue;
      const candidate = settingsSchema.safeParse({ ...current.settings, [field]: value });
      if (candidate.success) savedSettings[field] = value;
      else problems += 1;
    }
  } else if (persisted.settings !== undefined) problems += 1;
  const settings = settingsSchema.safeParse(savedSettings);
  const conversationRecord = isRecord(persisted.conversation) ? persisted.conversation : {};
  const turns: Turn[] = [];
  const rawTurns = Array.isArray(conversationRecord.turns) ? conversationRecord.turns : [];
  for (const raw of rawTurns) {
    const turn = turnSchema.safeParse(
      isRecord(raw) && isRecord(raw.reply) ? { ...raw, reply: { retry: null, ...raw.reply } } : raw,
    );
    if (turn.success) turns.push(settledTurn(turn.data as Turn));
    else problems += 1;
  }
  if (conversationRecord.turns !== undefined && !Array.isArray(conversationRecord.turns)) problems += 1;
  const draft = draftSchema.safeParse(conversationRecord.draft);
  if (conversationRecord.draft !== undefined && !draft.success) problems += 1;
  const library = salvageLibrary(persisted.library);
  return {
    state: {
      ...(connection.success ? { connection: connection.data } : {}),
      ...(settings.success ? { settings: settings.data } : {}),
      conversation: {
        turns,
        draft: draft.success ? draft.data : '',
        draftImages: draftImagesSchema.safeParse(conversationRecord.draftImages).data ?? [],
      },
      ...(library.library ? { library: library.library } : {}),
      history: salvageHistory(persisted.history),
      presets: salvagePresets(persisted.presets),
      preferences: partializePreferences(salvagePreferences(persisted.preferences)),
      compare: salvageCompare(persisted.compare) ?? undefined,
    },
    problems,
    skippedConversations: library.skipped,
  };
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/**
 * localStorage behind zustand's persist: unreadable JSON is reported and treated as "nothing saved";
 * writes are held back to one per `throttleMs` while `isBusy()` (streaming), and flush() writes now.
 */
export function createPlaygroundStorage(events: PersistenceEvents, isBusy: () => boolean, throttleMs = 1000) {
  // The value, not its JSON: while a reply streams the store changes ~20 times a second and only the last change
  // before a write needs serialising (a long reply makes each JSON.stringify costly).
  let pending: { name: string; value: StorageValue<PersistedState> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let full = false;

  function write(name: string, text: string): void {
    try {
      window.localStorage.setItem(name, text);
      full = false;
    } catch (error) {
      // Once per run of failures: a notice on every keystroke would be noise.
      if (isQuotaError(error) && !full) events.onQuotaExceeded();
      if (isQuotaError(error)) full = true;
    }
  }

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) write(pending.name, JSON.stringify(pending.value, withoutImageBytes));
    pending = null;
  }

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      let text: string | null;
      try {
        text = window.localStorage.getItem(name);
      } catch {
        return null;
      }
      if (text === null) return null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isRecord(parsed) && typeof parsed.version === 'number' && 'state' in parsed)
          return parsed as unknown as StorageValue<PersistedState>;
        // No version: an older or foreign format; migrate from 0.
        return { state: (isRecord(parsed) && 'state' in parsed ? parsed.state : parsed) as PersistedState, version: 0 };
      } catch {
        events.onRecovered('Your saved playground could not be read (it was not valid JSON), so it started fresh.');
        return null;
      }
    },
    setItem(name, value) {
      pending = { name, value };
      if (!isBusy()) {
        flush();
        return;
      }
      timer ??= setTimeout(flush, throttleMs);
    },
    removeItem(name) {
      pending = null;
      window.localStorage.removeItem(name);
    },
  };
  return { storage, flush };
}

export function persistOptions(
  storage: PersistStorage<PersistedState>,
  events: PersistenceEvents,
): PersistOptions<PlaygroundState, PersistedState> {
  return {
    name: persistName,
    version: persistVersion,
    storage,
    partialize,
    migrate: (persisted, version) => {
      events.onRecovered('Your saved playground came from an older version of the app and was brought up to date.');
      return migrate(persisted, version) as PersistedState;
    },
    merge(persisted, current) {
      const { state, problems, skippedConversations } = salvage(persisted, current);
      if (skippedConversations > 0) events.onRecovered(skippedConversationsText(skippedConversations));
      if (problems > 0)
        events.onRecovered(
          `Part of your saved playground was damaged; ${problems === 1 ? 'one item was' : `${problems} items were`} dropped and the rest restored.`,
        );
      return {
        ...current,
        connection: { ...current.connection, ...state.connection },
        settings: state.settings ?? current.settings,
        conversation: state.conversation ?? current.conversation,
        library: restoredLibrary(state.library ?? null, state.settings ?? current.settings),
        history: state.history ?? current.history,
        presets: state.presets ?? current.presets,
        preferences: { ...current.preferences, ...state.preferences },
        compare: restoredCompare(state.compare ?? null, (state.conversation ?? current.conversation).turns),
      };
    },
  };
}
