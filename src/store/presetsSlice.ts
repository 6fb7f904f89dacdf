// Presets: a model and its parameters under a name, applied in one click (the built-ins and applying them:
// presets.ts, loaded with the settings). Saved presets capture the model and every parameter.
import type { ReasoningEffort } from '../core/models';
import type { TunableParameter } from '../core/request';
import type { ResponseFormatType } from '../core/responseFormat';

export interface PresetValues {
  model?: string;
  thinking?: boolean;
  preserveReasoning?: boolean | null;
  stream?: boolean;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  reasoningEffort?: ReasoningEffort;
  responseFormat?: ResponseFormatType;
  pinned?: Partial<Record<TunableParameter, boolean>>;
}

export interface Preset {
  id: string;
  name: string;
  /** One sentence for the UI. */
  description: string;
  builtIn: boolean;
  values: PresetValues;
}

export interface PresetsState {
  /** The user's own presets (built-ins are not stored). */
  saved: Preset[];
}

export function initialPresets(): PresetsState {
  return { saved: [] };
}
