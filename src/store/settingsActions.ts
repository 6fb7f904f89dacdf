// Request settings: model, thinking, sampling parameters, pins and the system prompt. Plain functions that read
// and set the store; components call them from event handlers.
import { settingsForModel } from '../core/modelSwitch';
import { normaliseModelId, type CustomModelLimits, type ReasoningEffort } from '../core/models';
import {
  clampMaxTokens,
  maxTokensLimit,
  settingsModel,
  clampTemperature,
  clampTopP,
  type RequestSettings,
  type TunableParameter,
} from '../core/request';
import type { ResponseFormatType } from '../core/responseFormat';
import { usePlaygroundStore } from './index';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function patchSettings(patch: Partial<RequestSettings>): void {
  set((state) => ({ settings: { ...state.settings, ...patch } }));
}

/** Pinned values stay (clamped to the new model, with a note by their control); the others take its defaults. */
export function setModel(id: string): void {
  const { settings, notes } = settingsForModel(get().settings, id);
  set((state) => ({ settings, ui: { ...state.ui, clampNotes: notes } }));
}

/** The note by a control goes with its next change, or when dismissed. */
export function dismissClampNote(parameter: TunableParameter): void {
  set((state) =>
    state.ui.clampNotes[parameter] === undefined
      ? state
      : { ui: { ...state.ui, clampNotes: { ...state.ui.clampNotes, [parameter]: undefined } } },
  );
}

export function setThinking(thinking: boolean): void {
  patchSettings({ thinking });
}

export function setPreserveReasoning(preserveReasoning: boolean): void {
  patchSettings({ preserveReasoning });
}

export function setStream(stream: boolean): void {
  patchSettings({ stream });
}

export function setTemperature(value: number): number {
  dismissClampNote('temperature');
  const temperature = clampTemperature(value);
  patchSettings({ temperature });
  return temperature;
}

export function setTopP(value: number): number {
  dismissClampNote('top_p');
  const topP = clampTopP(value);
  patchSettings({ topP });
  return topP;
}

export function setMaxTokens(value: number): number {
  dismissClampNote('max_tokens');
  const maxTokens = clampMaxTokens(value, settingsModel(get().settings));
  patchSettings({ maxTokens });
  return maxTokens;
}

export function setReasoningEffort(reasoningEffort: ReasoningEffort): void {
  dismissClampNote('reasoning_effort');
  patchSettings({ reasoningEffort });
}

export function setResponseFormat(responseFormat: ResponseFormatType): void {
  patchSettings({ responseFormat });
}

export function setAnswerSchema(answerSchema: string): void {
  patchSettings({ answerSchema });
}

/**
 * Limits for the current (custom) model id. max_tokens follows a new limit when it sat at the old one (the
 * starting value for a model without a published default) or would now exceed it.
 */
export function setCustomModelLimits(limits: CustomModelLimits): void {
  const { settings } = get();
  const before = maxTokensLimit(settingsModel(settings));
  const customModelLimits = { ...settings.customModelLimits, [normaliseModelId(settings.model)]: limits };
  const after = maxTokensLimit(settingsModel({ model: settings.model, customModelLimits }));
  const maxTokens = settings.maxTokens === before || settings.maxTokens > after ? after : settings.maxTokens;
  patchSettings({ customModelLimits, maxTokens });
}

export function setPinned(parameter: TunableParameter, pinned: boolean): void {
  dismissClampNote(parameter);
  set((state) => ({ settings: { ...state.settings, pinned: { ...state.settings.pinned, [parameter]: pinned } } }));
}

export function setSystemPrompt(systemPrompt: string): void {
  patchSettings({ systemPrompt });
}
