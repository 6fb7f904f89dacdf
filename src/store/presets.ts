// The built-in presets, and applying, capturing and describing preset values. Built-in presets set only what they
// are about (the rest of the settings stays); saved presets capture the model and every parameter.
import {
  clampMaxTokens,
  clampTemperature,
  clampTopP,
  defaultSettingsFor,
  settingsModel,
  type RequestSettings,
} from '../core/request';
import type { Preset, PresetValues } from './presetsSlice';

// The API takes temperature in [0, 1] and top_p in [0.01, 1] (see request.ts temperatureRange / topPRange).
export const builtInPresets: readonly Preset[] = [
  {
    id: 'builtin-deterministic',
    name: 'Deterministic',
    description: 'Temperature 0, pinned: the most repeatable answers the API offers (top_p unchanged).',
    builtIn: true,
    values: { temperature: 0, pinned: { temperature: true } },
  },
  {
    id: 'builtin-creative',
    name: 'Creative',
    description: 'Temperature 1 and top_p 0.95, both pinned: varied, exploratory answers.',
    builtIn: true,
    values: { temperature: 1, topP: 0.95, pinned: { temperature: true, top_p: true } },
  },
  {
    id: 'builtin-thinking-demo',
    name: 'Thinking demo',
    description: 'GLM-4.7 with thinking on and streaming on: watch the reasoning arrive before the answer.',
    builtIn: true,
    values: { model: 'glm-4.7', thinking: true, stream: true },
  },
];

/** The current model and parameters as preset values (the system prompt is not a parameter and stays out). */
export function presetValuesFrom(settings: RequestSettings): PresetValues {
  return {
    model: settings.model,
    thinking: settings.thinking,
    preserveReasoning: settings.preserveReasoning,
    stream: settings.stream,
    temperature: settings.temperature,
    topP: settings.topP,
    maxTokens: settings.maxTokens,
    reasoningEffort: settings.reasoningEffort,
    responseFormat: settings.responseFormat,
    pinned: { ...settings.pinned },
  };
}

/** Settings after applying a preset: a new model brings its defaults first, then the preset's values, clamped. */
export function applyPresetValues(settings: RequestSettings, values: PresetValues): RequestSettings {
  const base =
    values.model !== undefined && values.model !== settings.model
      ? defaultSettingsFor(values.model, settings)
      : settings;
  const model = settingsModel(base);
  return {
    ...base,
    thinking: values.thinking ?? base.thinking,
    preserveReasoning: values.preserveReasoning ?? base.preserveReasoning,
    stream: values.stream ?? base.stream,
    temperature: values.temperature === undefined ? base.temperature : clampTemperature(values.temperature),
    topP: values.topP === undefined ? base.topP : clampTopP(values.topP),
    maxTokens: values.maxTokens === undefined ? base.maxTokens : clampMaxTokens(values.maxTokens, model),
    reasoningEffort: values.reasoningEffort ?? base.reasoningEffort,
    responseFormat: values.responseFormat ?? base.responseFormat,
    pinned: { ...base.pinned, ...values.pinned },
  };
}

export function describePresetValues(values: PresetValues): string {
  const parts: string[] = [];
  if (values.model !== undefined) parts.push(values.model);
  if (values.thinking !== undefined) parts.push(`thinking ${values.thinking ? 'on' : 'off'}`);
  if (values.stream !== undefined) parts.push(`stream ${values.stream ? 'on' : 'off'}`);
  if (values.temperature !== undefined) parts.push(`temperature ${values.temperature}`);
  if (values.topP !== undefined) parts.push(`top_p ${values.topP}`);
  if (values.maxTokens !== undefined) parts.push(`max_tokens ${values.maxTokens}`);
  if (values.responseFormat === 'json_object') parts.push('JSON mode');
  return parts.join(', ');
}
