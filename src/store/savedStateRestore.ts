// Reading a saved state back: migrating older versions, salvaging every valid part (zod schemas), and merging it
// into the store. Loaded on demand (persistence.ts), so the Message box does not wait for it.
import { settingsWithOwnedExtraFields } from '../core/bodySettings';
import { isRecord } from '../core/json';
import { restoredCompare } from './compareSaving';
import { salvageCompare } from './compareSalvage';
import { salvageConnection } from './connectionSalvage';
import { historyCutText, salvageHistoryCounted } from './historySalvage';
import { newId } from './ids';
import type { KeptCopyReason } from './keptCopy';
import { salvageLibrary, salvageTurns, skippedConversationsText, wrapConversationInLibrary } from './librarySalvage';
import { restoredLibrary } from './librarySlice';
import { stateWithMeasuredMetrics } from './metricsMigration';
import { persistVersion } from './persistedVersion';
import type { PersistedState, PersistenceEvents } from './persistence';
import { salvagePreferences } from './preferencesSalvage';
import { partializePreferences } from './preferencesSlice';
import { salvagePresets } from './presetsSalvage';
import { draftImagesSchema, draftSchema, draftTextsSchema, settingsSchema } from './schema';
import type { PlaygroundState } from './types';

export function migrate(persisted: unknown, version: number): unknown {
  if (version >= persistVersion || !isRecord(persisted)) return persisted;
  let state = version < 1 ? migrateFromVersionZero(persisted) : persisted;
  // Version 1 → 2: the one conversation becomes the active entry of the library (librarySalvage.ts).
  if (version < 2) state = wrapConversationInLibrary(state);
  // Version 2 → 3: reply metrics keep measurements only (metricsMigration.ts). Version 3 → 4 changes how the
  // database stores the state, not the state.
  return version < 3 ? stateWithMeasuredMetrics(state) : state;
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
  /** Readable history entries beyond the limit, dropped (said to the user). */
  historyCut?: { readable: number; limit: number };
}

/** Keep every valid part of a persisted state; count what had to be dropped. */
export function salvage(persisted: unknown, current: PlaygroundState): Salvaged {
  let problems = 0;
  if (!isRecord(persisted))
    return { state: {}, problems: persisted === undefined || persisted === null ? 0 : 1, skippedConversations: 0 };
  const connection = salvageConnection(persisted.connection, current.connection);
  problems += connection.problems;
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
  const { turns, dropped } = salvageTurns(Array.isArray(conversationRecord.turns) ? conversationRecord.turns : []);
  problems += dropped;
  if (conversationRecord.turns !== undefined && !Array.isArray(conversationRecord.turns)) problems += 1;
  const draft = draftSchema.safeParse(conversationRecord.draft);
  if (conversationRecord.draft !== undefined && !draft.success) problems += 1;
  const library = salvageLibrary(persisted.library);
  problems += library.droppedTurns;
  const history = salvageHistoryCounted(persisted.history);
  const { limit } = history.history;
  return {
    state: {
      ...(connection.connection ? { connection: connection.connection } : {}),
      ...(settings.success ? { settings: settingsWithOwnedExtraFields(settings.data) } : {}),
      conversation: {
        turns,
        draft: draft.success ? draft.data : '',
        draftImages: draftImagesSchema.safeParse(conversationRecord.draftImages).data ?? [],
        draftTexts: draftTextsSchema.safeParse(conversationRecord.draftTexts).data ?? [],
      },
      ...(library.library ? { library: library.library } : {}),
      history: history.history,
      presets: salvagePresets(persisted.presets),
      preferences: partializePreferences(salvagePreferences(persisted.preferences)),
      compare: salvageCompare(persisted.compare) ?? undefined,
    },
    problems,
    skippedConversations: library.skipped,
    ...(history.readable > limit ? { historyCut: { readable: history.readable, limit } } : {}),
  };
}

/** The store's state with the saved one merged in: every readable part restored, what was dropped said. */
export function mergeSavedState(
  persisted: unknown,
  current: PlaygroundState,
  events: PersistenceEvents,
  keepLastReadAside: (reason: KeptCopyReason) => void,
): PlaygroundState {
  const { state, problems, skippedConversations, historyCut } = salvage(persisted, current);
  if (skippedConversations > 0) events.onRecovered(skippedConversationsText(skippedConversations));
  if (historyCut) events.onRecovered(historyCutText(historyCut.readable, historyCut.limit));
  if (problems > 0)
    events.onRecovered(
      `Part of your saved playground was damaged; ${problems === 1 ? 'one item was' : `${problems} items were`} dropped and the rest restored.`,
    );
  // Before the first write replaces it: what recovery dropped stays downloadable.
  if (problems > 0 || skippedConversations > 0) keepLastReadAside('damaged');
  return {
    ...current,
    connection: { ...current.connection, ...state.connection },
    settings: state.settings ?? current.settings,
    conversation: withDraftTypedBeforeLoad(state.conversation ?? current.conversation, current.conversation),
    library: restoredLibrary(state.library ?? null, state.settings ?? current.settings),
    history: state.history ?? current.history,
    presets: state.presets ?? current.presets,
    preferences: { ...current.preferences, ...state.preferences },
    compare: restoredCompare(state.compare ?? null, (state.conversation ?? current.conversation).turns),
    ui: current.ui.savedStateLoading ? { ...current.ui, savedStateLoading: false } : current.ui,
  };
}

/**
 * The saved conversation, with what was typed while it loaded (the database is read asynchronously) kept: after a
 * saved draft, never in place of it.
 */
export function withDraftTypedBeforeLoad(
  saved: PlaygroundState['conversation'],
  current: PlaygroundState['conversation'],
): PlaygroundState['conversation'] {
  const typedImages = current.draftImages ?? [];
  if (current.draft === '' && typedImages.length === 0) return saved;
  const draft =
    saved.draft === '' || saved.draft === current.draft ? current.draft : `${saved.draft}\n\n${current.draft}`;
  return { ...saved, draft, draftImages: [...(saved.draftImages ?? []), ...typedImages] };
}
