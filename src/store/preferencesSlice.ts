// Display preferences: how the Reasoning pane shows the model's thinking, and the presenter view. Only the
// reasoning display choices are saved; the presenter view is for one session in front of a projector.
// schema.ts sets zod's CSP-safe (jitless) mode before any schema here is built.
import './schema';
import * as z from 'zod/mini';

/** 'collapse-after-thinking': expanded while the model thinks, then a one-line summary. */
export type ReasoningExpansion = 'collapse-after-thinking' | 'always-expanded';
export type ReasoningFormat = 'plain' | 'markdown';

export interface PreferencesState {
  reasoningExpansion: ReasoningExpansion;
  reasoningFormat: ReasoningFormat;
  /** Not saved: a reload leaves the presenter view. */
  presenterView: boolean;
  /** Prepared tool results by function name ("Use mock results" answers a round with them). */
  toolMockResults: Record<string, string>;
}

export type PersistedPreferences = Pick<PreferencesState, 'reasoningExpansion' | 'reasoningFormat'> &
  Partial<Pick<PreferencesState, 'toolMockResults'>>;

export function initialPreferences(): PreferencesState {
  return {
    reasoningExpansion: 'collapse-after-thinking',
    reasoningFormat: 'plain',
    presenterView: false,
    toolMockResults: {},
  };
}

export function partializePreferences(preferences: PreferencesState): PersistedPreferences {
  return {
    reasoningExpansion: preferences.reasoningExpansion,
    reasoningFormat: preferences.reasoningFormat,
    // Saved only once there are some, so saved states without tools read as before.
    ...(Object.keys(preferences.toolMockResults).length > 0 ? { toolMockResults: preferences.toolMockResults } : {}),
  };
}

const expansionSchema = z.enum(['collapse-after-thinking', 'always-expanded']);
const formatSchema = z.enum(['plain', 'markdown']);
const mockResultsSchema = z.record(z.string(), z.string());

/** Each saved choice on its own: an unknown value falls back to its default, the other choice stays. */
export function salvagePreferences(persisted: unknown): PreferencesState {
  const defaults = initialPreferences();
  if (typeof persisted !== 'object' || persisted === null) return defaults;
  const record = persisted as Record<string, unknown>;
  const expansion = expansionSchema.safeParse(record.reasoningExpansion);
  const format = formatSchema.safeParse(record.reasoningFormat);
  // States saved before mock results existed have none.
  const mockResults = mockResultsSchema.safeParse(record.toolMockResults);
  return {
    ...defaults,
    reasoningExpansion: expansion.success ? expansion.data : defaults.reasoningExpansion,
    reasoningFormat: format.success ? format.data : defaults.reasoningFormat,
    toolMockResults: mockResults.success ? mockResults.data : defaults.toolMockResults,
  };
}
