// A request body → the form's settings: the one mapping behind the JSON tab, share links, the cURL import and
// restoring a request from the history. Rules:
// - the model's defaults first (thinking and the preserve choice carry over from the previous settings when the
//   model has no thinking mode, so they survive a detour through such a model);
// - a parameter present in the body is kept exactly and pinned, so that buildRequestBody sends it again even when
//   it equals the default; an absent one means "model default", not pinned;
// - on a thinking model, absent `thinking` is the API default (enabled); clear_thinking: false is preserved thinking,
//   true is none, and without it the endpoint's default applies (preserveReasoning null);
// - reasoning_effort and response_format are form values only on models that take them (elsewhere they are extra
//   fields); the answer schema is never in a body, so the previous one stays;
// - stream only when true (the API default is false);
// - tools, tool_choice and tool_stream as toolsFromBody.ts maps them; applied to earlier settings, tools the body
//   could not carry (disabled ones, web search options) are kept (mergeParsedTools).
// The body must already be checked (requestJson.ts checks untrusted text; a sent body was built by the app).
import { modelInfo, supportsThinking } from './models';
import { adoptExtraResponseFormat, readResponseFormat, takesResponseFormat } from './responseFormat';
import { defaultSettingsFor, settingsModel, type ChatRequestBody, type RequestSettings } from './request';
import { mergeParsedTools, toolSettingsFromBody, type ToolFieldsInBody } from './toolsFromBody';

/** The form values a body determines. thinking/preserveReasoning are left out when the model has no thinking. */
export type RequestSettingsPatch = Omit<
  RequestSettings,
  'extraFields' | 'thinking' | 'preserveReasoning' | 'customModelLimits' | 'answerSchema'
> &
  Partial<Pick<RequestSettings, 'thinking' | 'preserveReasoning'>>;

/** The body fields that become form values (messages and extra fields are read elsewhere). */
export type FormParameters = Pick<
  ChatRequestBody,
  'model' | 'stream' | 'thinking' | 'temperature' | 'top_p' | 'max_tokens' | 'reasoning_effort' | 'response_format'
> &
  ToolFieldsInBody;

export function settingsPatchFromBody(body: FormParameters, systemPrompt: string): RequestSettingsPatch {
  const defaults = defaultSettingsFor(body.model);
  const model = modelInfo(body.model);
  const effort = model.reasoningEffort?.levels.find((level) => level === body.reasoning_effort);
  const format = takesResponseFormat(model) ? readResponseFormat(body.response_format) : null;
  const formatType = format?.ok ? format.type : undefined;
  const patch: RequestSettingsPatch = {
    model: defaults.model,
    stream: body.stream === true,
    temperature: body.temperature ?? defaults.temperature,
    topP: body.top_p ?? defaults.topP,
    maxTokens: body.max_tokens ?? defaults.maxTokens,
    reasoningEffort: effort ?? defaults.reasoningEffort,
    responseFormat: formatType ?? 'text',
    pinned: {
      temperature: body.temperature !== undefined,
      top_p: body.top_p !== undefined,
      max_tokens: body.max_tokens !== undefined,
      reasoning_effort: effort !== undefined,
      response_format: formatType !== undefined,
    },
    systemPrompt,
    tools: toolSettingsFromBody(body, model, body.stream === true),
  };
  if (supportsThinking(model)) {
    const clear = body.thinking?.clear_thinking;
    patch.thinking = body.thinking?.type !== 'disabled';
    patch.preserveReasoning = clear === undefined ? null : !clear;
  }
  return patch;
}

/** Applies a body's form values to the current settings: the model's defaults, then everything the body says. */
export function settingsFromParsed(
  parsed: { settingsPatch: RequestSettingsPatch; extraFields: Record<string, unknown> },
  previous: RequestSettings,
): RequestSettings {
  return {
    ...defaultSettingsFor(parsed.settingsPatch.model, previous),
    ...parsed.settingsPatch,
    tools: mergeParsedTools(previous.tools, parsed.settingsPatch.tools),
    extraFields: parsed.extraFields,
  };
}

/**
 * States saved before the form had tools kept `tools`, `tool_choice` and `tool_stream` as extra fields (which
 * buildRequestBody now ignores): they move into the form, so that the same tools are still sent.
 */
function withToolFieldsInForm(settings: RequestSettings): RequestSettings {
  const { tools, tool_choice: toolChoice, tool_stream: toolStream, ...extraFields } = settings.extraFields;
  if (tools === undefined && toolChoice === undefined && toolStream === undefined) return settings;
  const body = { tools, tool_choice: toolChoice, tool_stream: toolStream };
  const parsed = toolSettingsFromBody(body, settingsModel(settings), settings.stream);
  return { ...settings, extraFields, tools: mergeParsedTools(settings.tools, parsed) };
}

/**
 * Saved settings as the form now reads them: body fields kept as extra fields before the form owned them (tools,
 * tool_choice, tool_stream, response_format) move into the form. Applied wherever saved settings are loaded.
 */
export function settingsWithOwnedExtraFields(settings: RequestSettings): RequestSettings {
  return adoptExtraResponseFormat(withToolFieldsInForm(settings), settingsModel(settings));
}
