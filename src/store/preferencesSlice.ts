// Display preferences: how the Reasoning pane shows the model's thinking, and the presenter view. Only the
// reasoning display choices are saved; the presenter view is for one session in front of a projector.

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
