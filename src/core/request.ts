// The one request model. The UI edits RequestSettings + a conversation; buildRequestBody turns them into the
// exact JSON body that is sent, previewed and exported. Codegen only ever serialises a ChatRequest.
import { endpointKeepsReasoning } from './endpoints';
import {
  fallbackMaxOutputTokens,
  findModel,
  modelInfo,
  supportsThinking,
  type CustomModelLimits,
  type ModelInfo,
  type ReasoningEffort,
} from './models';
import type { ContentPart } from './contentParts';
import { isSentTurn, reasoningGoesBack, turnReasoningGoesBack } from './sentTurns';
import type { ToolCall, WireToolCall } from './toolCalls';
import { wireMessage } from './wireMessage';
import { toolBodyFields } from './toolBody';
import { defaultToolSettings, type ToolSettings } from './toolSettings';
import { adoptExtraResponseFormat, takesResponseFormat, type ResponseFormatParameter } from './responseFormat';
import type { ResponseFormatType } from './responseFormat';

export type WireRole = 'system' | 'user' | 'assistant' | 'tool';

export interface WireMessage {
  role: WireRole;
  /** A string, or content parts when a user message carries images. */
  content: string | ContentPart[];
  /** Sent back with preserved thinking (thinking.clear_thinking: false) and on tool-call turns of the round in progress. */
  reasoning_content?: string;
  /** An assistant message's tool calls, as received. */
  tool_calls?: WireToolCall[];
  /** A tool message: the call it answers. */
  tool_call_id?: string;
}

export interface ThinkingParameter {
  type: 'enabled' | 'disabled';
  clear_thinking?: boolean;
}

/** The JSON body of POST /chat/completions. Unknown fields (stop, …) pass through verbatim. */
export interface ChatRequestBody {
  model: string;
  messages: WireMessage[];
  stream?: boolean;
  thinking?: ThinkingParameter;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  reasoning_effort?: ReasoningEffort;
  response_format?: ResponseFormatParameter;
  [extraField: string]: unknown;
}

/** A request ready to send or export: where it goes and exactly what it carries. */
export interface ChatRequest {
  /** The upstream base URL (never the local proxy path when exported; see upstreamBaseUrl). */
  baseUrl: string;
  body: ChatRequestBody;
}

export type TunableParameter = 'temperature' | 'top_p' | 'max_tokens' | 'reasoning_effort' | 'response_format';

export interface RequestSettings {
  model: string;
  thinking: boolean;
  /**
   * Preserved thinking: send clear_thinking: false and earlier reasoning back (on models with the catalogue flag).
   * null follows the endpoint's own default (see reasoningGoesBack in sentTurns.ts).
   */
  preserveReasoning: boolean | null;
  stream: boolean;
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Sent as `reasoning_effort` on models that take it (see ModelInfo.reasoningEffort). */
  reasoningEffort: ReasoningEffort;
  /** Sent as `response_format` on models that take it (docs/wire-format.md#structured-output). */
  responseFormat: ResponseFormatType;
  /** A JSON Schema (as typed, '' for none) that JSON answers are checked against here; never sent. */
  answerSchema: string;
  /** A pinned parameter is sent even when it equals the model default. */
  pinned: Record<TunableParameter, boolean>;
  systemPrompt: string;
  /** Function tools, web search, tool_choice and tool_stream (see toolSettings.ts). */
  tools: ToolSettings;
  /**
   * Body fields the form has no control for (stop, request_id, do_sample…), sent verbatim.
   * Never one of formOwnedFields: those are parsed into the form instead.
   */
  extraFields: Record<string, unknown>;
  /** Limits the user set for model ids outside the catalogue, by normalised id. */
  customModelLimits: Record<string, CustomModelLimits>;
}

/** The model these settings address, with the user's limits when it is a custom id. */
export function settingsModel(settings: Pick<RequestSettings, 'model' | 'customModelLimits'>): ModelInfo {
  return modelInfo(settings.model, settings.customModelLimits);
}

/** Body fields the form owns. extraFields cannot set or override them (buildRequestBody skips them there). */
export const formOwnedFields = [
  'model',
  'messages',
  'stream',
  'thinking',
  'temperature',
  'top_p',
  'max_tokens',
  'tools',
  'tool_choice',
  'tool_stream',
  'response_format',
] as const;

/**
 * Is this body field set by the form? `reasoning_effort` and `response_format` are, on models that take them; on
 * others (a custom id such as a newer model, a vision model) they pass through verbatim like any unknown field.
 */
export function isFormOwnedField(name: string, model?: ModelInfo): boolean {
  if (name === 'reasoning_effort') return model?.reasoningEffort != null;
  if (name === 'response_format') return model === undefined || takesResponseFormat(model);
  return (formOwnedFields as readonly string[]).includes(name);
}

export type TurnRole = 'user' | 'assistant' | 'tool';

/** One turn of the conversation as the request builder needs it. */
export interface ConversationTurn {
  role: TurnRole;
  content: string;
  reasoning?: string;
  /** Excluded turns stay in the transcript but are not sent. */
  excluded?: boolean;
  /** Image URLs as sent (remote, data URL or bare base64; see images.ts): the message becomes content parts. */
  imageUrls?: readonly string[];
  /** An assistant turn's tool calls: its message carries them as received. */
  toolCalls?: readonly ToolCall[];
  /** A tool turn: the id of the call whose result it is. */
  toolCallId?: string;
}

export const temperatureRange = { min: 0, max: 1, step: 0.01 } as const;
export const topPRange = { min: 0.01, max: 1, step: 0.01 } as const;

export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

export function maxTokensLimit(model: ModelInfo): number {
  return model.maxOutputTokens ?? fallbackMaxOutputTokens;
}

export function clampTemperature(value: number): number {
  return roundToStep(clamp(value, temperatureRange.min, temperatureRange.max));
}

export function clampTopP(value: number): number {
  return roundToStep(clamp(value, topPRange.min, topPRange.max));
}

export function clampMaxTokens(value: number, model: ModelInfo): number {
  return Math.round(clamp(value, 1, maxTokensLimit(model)));
}

function roundToStep(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The pins a model switch clears: their values become the new model's defaults. */
const modelPins = { temperature: false, top_p: false, max_tokens: false, reasoning_effort: false } as const;

/** Settings for a model with its own defaults: what "switching model" applies. */
export function defaultSettingsFor(modelId: string, previous?: Partial<RequestSettings>): RequestSettings {
  const model = modelInfo(modelId, previous?.customModelLimits);
  const settings: RequestSettings = {
    // Catalogue ids are sent in their canonical case; custom ids as typed.
    model: findModel(modelId)?.id ?? modelId.trim(),
    // The choice survives a detour through a model without thinking; the body builder checks support.
    thinking: previous?.thinking ?? true,
    preserveReasoning: previous?.preserveReasoning ?? null,
    stream: previous?.stream ?? true,
    temperature: model.defaultTemperature,
    topP: model.defaultTopP,
    maxTokens: model.defaultMaxTokens ?? maxTokensLimit(model),
    reasoningEffort: model.reasoningEffort?.default ?? 'max',
    // The response format is the user's, not the model's: it carries over like the system prompt.
    responseFormat: previous?.responseFormat ?? 'text',
    answerSchema: previous?.answerSchema ?? '',
    pinned: { ...modelPins, response_format: previous?.pinned?.response_format ?? false },
    systemPrompt: previous?.systemPrompt ?? '',
    tools: previous?.tools ?? defaultToolSettings(),
    extraFields: previous?.extraFields ?? {},
    customModelLimits: previous?.customModelLimits ?? {},
  };
  return adoptExtraResponseFormat(settings, model);
}

function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9;
}

/**
 * The exact body to send. Rules (docs/wire-format.md#send-only-what-differs):
 * - defaults are omitted unless pinned; `stream` only when true (the API default is false);
 * - `thinking.type` always on models with thinking, never on models without;
 * - `reasoning_effort` only on models that take it, whether or not thinking is on (the "thinking enabled only"
 *   rule is unconfirmed; the form says so); `response_format` likewise (not on vision models);
 * - excluded and empty turns are skipped (tool calls and results never count as empty); reasoning goes back with
 *   preserved thinking (reasoningGoesBack) and, interleaved thinking, on tool-call turns of the round in progress,
 *   which `clear_thinking: false` states; where the endpoint keeps reasoning by default and the user turned it
 *   off, `clear_thinking: true` says so, so that what the server keeps and what the app sends agree;
 * - the tool fields follow toolBody.ts (`tools` only when a tool is on);
 * - extraFields are appended verbatim, except form-owned names (formOwnedFields), which they cannot override.
 */
export function buildRequestBody(
  settings: RequestSettings,
  turns: readonly ConversationTurn[],
  baseUrl = '',
): ChatRequestBody {
  const model = settingsModel(settings);
  const preserve = reasoningGoesBack(settings, baseUrl);
  const messages: WireMessage[] = [];
  if (settings.systemPrompt.trim() !== '') messages.push({ role: 'system', content: settings.systemPrompt });
  turns.forEach((turn, index) => {
    if (!isSentTurn(turn, preserve)) return;
    messages.push(wireMessage(turn, turnReasoningGoesBack(turns, index, settings, baseUrl)));
  });

  const body: ChatRequestBody = { model: settings.model.trim(), messages };
  if (settings.stream) body.stream = true;
  if (supportsThinking(model)) {
    body.thinking = { type: settings.thinking || model.thinking === 'required' ? 'enabled' : 'disabled' };
    if (preserve) body.thinking.clear_thinking = false;
    else if (model.preservedThinking && endpointKeepsReasoning(baseUrl)) body.thinking.clear_thinking = true;
  }
  const temperature = clampTemperature(settings.temperature);
  if (settings.pinned.temperature || differs(temperature, model.defaultTemperature)) body.temperature = temperature;
  const topP = clampTopP(settings.topP);
  if (settings.pinned.top_p || differs(topP, model.defaultTopP)) body.top_p = topP;
  const maxTokens = clampMaxTokens(settings.maxTokens, model);
  // A model without a published default starts at its limit; that starting value counts as the default.
  const defaultMax = model.defaultMaxTokens ?? maxTokensLimit(model);
  if (settings.pinned.max_tokens || maxTokens !== defaultMax) body.max_tokens = maxTokens;
  const effort = model.reasoningEffort;
  if (effort) {
    const level = effort.levels.includes(settings.reasoningEffort) ? settings.reasoningEffort : effort.default;
    if (settings.pinned.reasoning_effort || level !== effort.default) body.reasoning_effort = level;
  }
  Object.assign(body, toolBodyFields(settings.tools, model, settings.stream));
  const format = settings.responseFormat;
  if (takesResponseFormat(model) && (settings.pinned.response_format || format !== 'text'))
    body.response_format = { type: format };
  // Unknown fields go out verbatim, after the form's own; a form-owned name there is ignored (the form wins).
  for (const [name, value] of Object.entries(settings.extraFields)) {
    if (!isFormOwnedField(name, model) && value !== undefined) body[name] = value;
  }
  return body;
}

export function buildChatRequest(
  baseUrl: string,
  settings: RequestSettings,
  turns: readonly ConversationTurn[],
): ChatRequest {
  return { baseUrl, body: buildRequestBody(settings, turns, baseUrl) };
}
