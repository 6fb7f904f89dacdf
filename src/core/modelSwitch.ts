// Switching model: the values the user pinned stay (clamped to the new model's limits, with a note saying so); the
// others follow the new model's defaults.
import {
  clampMaxTokens,
  clampTemperature,
  clampTopP,
  defaultSettingsFor,
  settingsModel,
  type RequestSettings,
  type TunableParameter,
} from './request';
import { formatInteger } from './numberFormat';

/** What a switch had to change in a pinned value, by parameter ("Max tokens lowered to 16,384: GLM-X's limit."). */
export type ClampNotes = Partial<Record<TunableParameter, string>>;

export function settingsForModel(
  previous: RequestSettings,
  modelId: string,
): { settings: RequestSettings; notes: ClampNotes } {
  const defaults = defaultSettingsFor(modelId, previous);
  const model = settingsModel(defaults);
  const { pinned } = previous;
  const settings: RequestSettings = { ...defaults, pinned: { ...pinned } };
  const notes: ClampNotes = {};
  if (pinned.temperature) settings.temperature = clampTemperature(previous.temperature);
  if (pinned.top_p) settings.topP = clampTopP(previous.topP);
  if (pinned.max_tokens) {
    settings.maxTokens = clampMaxTokens(previous.maxTokens, model);
    if (settings.maxTokens < previous.maxTokens)
      notes.max_tokens = `Max tokens lowered to ${formatInteger(settings.maxTokens)}: ${model.label}'s limit.`;
  }
  if (pinned.reasoning_effort) {
    const effort = model.reasoningEffort;
    // A model without reasoning_effort never sends it: the pinned level waits for a model that takes it.
    if (!effort || effort.levels.includes(previous.reasoningEffort))
      settings.reasoningEffort = previous.reasoningEffort;
    else
      notes.reasoning_effort = `Reasoning effort set to ${effort.default}: ${model.label} does not take ${previous.reasoningEffort}.`;
  }
  return { settings, notes };
}
