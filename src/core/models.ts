// What the app knows about a model: the catalogue (modelCatalogue.ts, data from docs/wire-format.md#models) and the
// fallback for any other id, whose limits the user may set. No model id is special-cased in code.
import type { Usage } from './contracts';
// With its extension: the mock server loads this file into the Vite config, whose loader wants one.
import { modelCatalogue } from './modelCatalogue.ts';

export { modelCatalogue };

/**
 * 'model-decides' and 'always' can be switched off; when on, the first lets the model judge whether to reason and
 * the second always reasons. 'required' cannot be switched off. 'none': the request must not carry `thinking`.
 */
export type ThinkingSupport = 'none' | 'model-decides' | 'always' | 'required';

export const reasoningEffortValues = ['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none'] as const;
export type ReasoningEffort = (typeof reasoningEffortValues)[number];

export interface ReasoningEffortSupport {
  levels: readonly ReasoningEffort[];
  default: ReasoningEffort;
  /** The levels the vendor documents first-hand; the rest are seen only in quotations. */
  confirmed: readonly ReasoningEffort[];
}

export type ModelGroup = 'flagship' | 'fast' | 'vision' | 'legacy';
export type VisionInput = 'image' | 'video' | 'file';
export type ToolStreamSupport = 'yes' | 'no' | 'unconfirmed';

export const modelGroups: readonly { id: ModelGroup; label: string }[] = [
  { id: 'flagship', label: 'Flagship' },
  { id: 'fast', label: 'Fast and free' },
  { id: 'vision', label: 'Vision' },
  { id: 'legacy', label: 'Legacy' },
];

export interface ModelInfo {
  id: string;
  label: string;
  group: ModelGroup;
  thinking: ThinkingSupport;
  /** GLM-4.7 and newer text models accept `thinking.clear_thinking: false` (preserved thinking). */
  preservedThinking: boolean;
  /** null: the model takes no `reasoning_effort`. */
  reasoningEffort: ReasoningEffortSupport | null;
  contextTokens: number;
  /** The API's own default for max_tokens; null when the vendor does not publish one (then it is not sent). */
  defaultMaxTokens: number | null;
  maxOutputTokens: number | null;
  defaultTemperature: number;
  defaultTopP: number;
  /** Non-text parts a user message may carry; empty for text models. */
  vision: readonly VisionInput[];
  toolStream: ToolStreamSupport;
  /** USD per million tokens; 0 for free models; cachedInput null when no cached price is published. */
  price: { input: number; cachedInput: number | null; output: number };
  /** Responses carry `"object"` ("chat.completion.chunk" per chunk) and usage reports
   * completion_tokens_details.reasoning_tokens (newer models, e.g. glm-4.7-flash). */
  sendsObjectField: boolean;
  /** What the vendor's own pages do not confirm about this entry. */
  unconfirmed?: string;
}

export const defaultModelId = 'glm-4.7';

/** Upper bound offered for max_tokens when a model publishes none (custom ids without a limit). */
export const fallbackMaxOutputTokens = 131_072;
export const fallbackContextTokens = 128_000;

/** Limits the user sets for a model id outside the catalogue; null keeps the fallback. */
export interface CustomModelLimits {
  contextTokens: number | null;
  maxOutputTokens: number | null;
}

/** Custom limits by normalised model id. */
export type CustomModelLimitsById = Readonly<Record<string, CustomModelLimits>>;

export function normaliseModelId(id: string): string {
  return id.trim().toLowerCase();
}

/** Limits for a model id that is not in the catalogue: thinking allowed, API-wide ranges unless the user set some. */
export function customModel(id: string, limits?: CustomModelLimits): ModelInfo {
  return {
    id,
    label: id,
    group: 'flagship',
    thinking: 'model-decides',
    preservedThinking: false,
    reasoningEffort: null,
    contextTokens: limits?.contextTokens ?? fallbackContextTokens,
    defaultMaxTokens: null,
    maxOutputTokens: limits?.maxOutputTokens ?? null,
    defaultTemperature: 1.0,
    defaultTopP: 0.95,
    vision: [],
    toolStream: 'no',
    price: { input: 0, cachedInput: null, output: 0 },
    sendsObjectField: false,
  };
}

export function findModel(id: string): ModelInfo | undefined {
  const normalised = normaliseModelId(id);
  return modelCatalogue.find((model) => model.id === normalised);
}

/** The catalogue entry, or a custom model with the limits the user set for that id. */
export function modelInfo(id: string, customLimits?: CustomModelLimitsById): ModelInfo {
  return findModel(id) ?? customModel(id.trim(), customLimits?.[normaliseModelId(id)]);
}

export function isCatalogued(id: string): boolean {
  return findModel(id) !== undefined;
}

export function supportsThinking(model: ModelInfo): boolean {
  return model.thinking !== 'none';
}

/** The token counts a bill is made of (the reply's `usage`). */
export type BilledUsage = Pick<Usage, 'prompt_tokens' | 'completion_tokens' | 'prompt_tokens_details'>;

/** Prompt tokens served from the cache (never more than the prompt). */
export function cachedPromptTokens(usage: BilledUsage): number {
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return typeof cached === 'number' && cached > 0 ? Math.min(cached, usage.prompt_tokens) : 0;
}

/**
 * Estimated cost in USD as the bill counts it: uncached prompt tokens at the input price, cached ones at the cached
 * price (the input price where none is published), completion tokens at the output price. null for a custom model.
 */
export function estimateCost(model: ModelInfo, usage: BilledUsage): number | null {
  if (!isCatalogued(model.id)) return null;
  const cached = cachedPromptTokens(usage);
  const { input, cachedInput, output } = model.price;
  return (
    ((usage.prompt_tokens - cached) * input + cached * (cachedInput ?? input) + usage.completion_tokens * output) /
    1_000_000
  );
}
