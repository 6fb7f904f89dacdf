// The model catalogue: data from docs/wire-format.md#models. Code reads these fields; no model id is
// special-cased anywhere else, so a custom id works with the fallback limits below.

export type ThinkingSupport = 'none' | 'model-decides' | 'always';

export interface ModelInfo {
  id: string;
  label: string;
  /** 'none': the request must not carry `thinking` at all (glm-4-32b-0414-128k). */
  thinking: ThinkingSupport;
  /** GLM-4.7 and newer accept `thinking.clear_thinking: false` (preserved thinking). */
  preservedThinking: boolean;
  contextTokens: number;
  /** The API's own default for max_tokens; null when the vendor does not publish one. */
  defaultMaxTokens: number | null;
  maxOutputTokens: number | null;
  defaultTemperature: number;
  defaultTopP: number;
  /** USD per million tokens; 0 for free models. */
  price: { input: number; output: number };
  /** Responses carry `"object"` ("chat.completion.chunk" per chunk) and usage reports
   * completion_tokens_details.reasoning_tokens (newer models, e.g. glm-4.7-flash). */
  sendsObjectField: boolean;
  /** What a user message may carry besides text (content parts); empty for text-only models. */
  vision: readonly ('image' | 'video' | 'file')[];
}

const glm45Family = {
  thinking: 'model-decides',
  preservedThinking: false,
  contextTokens: 128_000,
  defaultMaxTokens: 65_536,
  maxOutputTokens: 98_304,
  defaultTemperature: 0.6,
  defaultTopP: 0.95,
  sendsObjectField: false,
  vision: [],
} as const;
const glm46Family = {
  contextTokens: 200_000,
  defaultMaxTokens: 65_536,
  maxOutputTokens: 131_072,
  defaultTemperature: 1.0,
  defaultTopP: 0.95,
  sendsObjectField: false,
  vision: [],
} as const;

// Vision models publish no default output length; defaults are taken as the GLM-4.6 family's.
const visionFamily = {
  contextTokens: 128_000,
  defaultMaxTokens: null,
  maxOutputTokens: 32_768,
  defaultTemperature: 1.0,
  defaultTopP: 0.95,
  sendsObjectField: false,
} as const;

export const modelCatalogue: readonly ModelInfo[] = [
  {
    id: 'glm-5.1',
    label: 'GLM-5.1',
    thinking: 'always',
    preservedThinking: true,
    ...glm46Family,
    price: { input: 1.4, output: 4.4 },
  },
  {
    id: 'glm-5-turbo',
    label: 'GLM-5-Turbo',
    thinking: 'always',
    preservedThinking: true,
    ...glm46Family,
    price: { input: 1.2, output: 4.0 },
  },
  {
    id: 'glm-5',
    label: 'GLM-5',
    thinking: 'always',
    preservedThinking: true,
    ...glm46Family,
    price: { input: 1.0, output: 3.2 },
  },
  {
    id: 'glm-4.7',
    label: 'GLM-4.7',
    thinking: 'always',
    preservedThinking: true,
    ...glm46Family,
    price: { input: 0.6, output: 2.2 },
  },
  {
    id: 'glm-4.7-flash',
    label: 'GLM-4.7-Flash (free)',
    thinking: 'always',
    preservedThinking: true,
    ...glm46Family,
    defaultMaxTokens: null,
    maxOutputTokens: null,
    price: { input: 0, output: 0 },
    sendsObjectField: true,
  },
  {
    id: 'glm-4.6',
    label: 'GLM-4.6',
    thinking: 'model-decides',
    preservedThinking: false,
    ...glm46Family,
    price: { input: 0.6, output: 2.2 },
  },
  { id: 'glm-4.5', label: 'GLM-4.5', ...glm45Family, price: { input: 0.6, output: 2.2 } },
  { id: 'glm-4.5-air', label: 'GLM-4.5-Air', ...glm45Family, price: { input: 0.2, output: 1.1 } },
  { id: 'glm-4.5-x', label: 'GLM-4.5-X', ...glm45Family, price: { input: 2.2, output: 8.9 } },
  { id: 'glm-4.5-airx', label: 'GLM-4.5-AirX', ...glm45Family, price: { input: 1.1, output: 4.5 } },
  { id: 'glm-4.5-flash', label: 'GLM-4.5-Flash (free)', ...glm45Family, price: { input: 0, output: 0 } },
  {
    id: 'glm-4-32b-0414-128k',
    label: 'GLM-4-32B-0414-128K',
    thinking: 'none',
    preservedThinking: false,
    contextTokens: 128_000,
    defaultMaxTokens: 16_384,
    maxOutputTokens: 16_384,
    defaultTemperature: 0.75,
    defaultTopP: 0.9,
    price: { input: 0.1, output: 0.1 },
    sendsObjectField: false,
    vision: [],
  },
  {
    id: 'glm-5v-turbo',
    label: 'GLM-5V-Turbo',
    thinking: 'model-decides',
    preservedThinking: false,
    ...visionFamily,
    contextTokens: 200_000,
    maxOutputTokens: 131_072,
    price: { input: 1.2, output: 4.0 },
    vision: ['image', 'video', 'file'],
  },
  {
    id: 'glm-4.6v',
    label: 'GLM-4.6V',
    thinking: 'model-decides',
    preservedThinking: false,
    ...visionFamily,
    price: { input: 0.3, output: 0.9 },
    vision: ['image', 'video', 'file'],
  },
  {
    id: 'glm-4.6v-flashx',
    label: 'GLM-4.6V-FlashX',
    thinking: 'model-decides',
    preservedThinking: false,
    ...visionFamily,
    price: { input: 0.04, output: 0.4 },
    vision: ['image', 'video'],
  },
  {
    id: 'glm-4.6v-flash',
    label: 'GLM-4.6V-Flash (free)',
    thinking: 'model-decides',
    preservedThinking: false,
    ...visionFamily,
    price: { input: 0, output: 0 },
    vision: ['image', 'video'],
  },
  {
    id: 'glm-4.5v',
    label: 'GLM-4.5V',
    thinking: 'always',
    preservedThinking: false,
    ...visionFamily,
    contextTokens: 64_000,
    maxOutputTokens: 16_384,
    price: { input: 0.6, output: 1.8 },
    vision: ['image', 'video', 'file'],
  },
];

export const defaultModelId = 'glm-4.7';

/** Upper bound offered for max_tokens when a model publishes none (custom ids, glm-4.7-flash). */
export const fallbackMaxOutputTokens = 131_072;

/** Limits for a model id that is not in the catalogue: thinking allowed, API-wide ranges. */
export function customModel(id: string): ModelInfo {
  return {
    id,
    label: id,
    thinking: 'model-decides',
    preservedThinking: false,
    contextTokens: 128_000,
    defaultMaxTokens: null,
    maxOutputTokens: null,
    defaultTemperature: 1.0,
    defaultTopP: 0.95,
    price: { input: 0, output: 0 },
    sendsObjectField: false,
    vision: [],
  };
}

export function findModel(id: string): ModelInfo | undefined {
  const normalised = id.trim().toLowerCase();
  return modelCatalogue.find((model) => model.id === normalised);
}

export function modelInfo(id: string): ModelInfo {
  return findModel(id) ?? customModel(id.trim());
}

export function isCatalogued(id: string): boolean {
  return findModel(id) !== undefined;
}

export function supportsThinking(model: ModelInfo): boolean {
  return model.thinking !== 'none';
}

/** Estimated cost in USD, from the catalogue price; null for a custom model whose price is unknown. */
export function estimateCost(model: ModelInfo, promptTokens: number, completionTokens: number): number | null {
  if (!isCatalogued(model.id)) return null;
  return (promptTokens * model.price.input + completionTokens * model.price.output) / 1_000_000;
}
