// A request body (JSON text or an already parsed value) → what the form and the conversation hold. Used by the
// raw JSON editor, share links and the cURL import, so one set of rules decides what a body means:
// - form-owned fields (model, messages, stream, thinking, temperature, top_p, max_tokens, the tool fields, and
//   reasoning_effort and response_format on models that take them) go into the form and
//   must have the right type and range; everything else goes to extraFields, verbatim;
// - the form values follow bodySettings.ts (a parameter present in the body is kept exactly and pinned);
// - messages: a first system message is the system prompt; the others are user/assistant turns;
// - whatever buildRequestBody could not send back the same way is a problem, never silently dropped.
import { lineAndColumn, locateJson, type JsonLocations } from './jsonLocations';
import { defaultModelId, modelInfo } from './models';
import { isFormOwnedField, temperatureRange, topPRange, type ConversationTurn } from './request';
import { settingsPatchFromBody, type FormParameters, type RequestSettingsPatch } from './bodySettings';
import { isRecord } from './json';
import { jsonTextProblem } from './jsonLimits';
import { inexactNumbers } from './jsonNumbers';
import { toolSettingsFromBody } from './toolsFromBody';
import { readResponseFormat } from './responseFormat';
import { maxTokensField, numberField, reasoningEffortField, thinkingFrom, turnsFrom } from './requestBodyFields';

export interface RequestJsonProblem {
  /** Where in the body, e.g. "messages[2].role" ("" for the whole text). */
  path: string;
  message: string;
  /** 1-based, when the problem comes from a text. */
  line?: number;
  column?: number;
}

export interface ParsedRequest {
  settingsPatch: RequestSettingsPatch;
  /** The conversation without the system prompt, in order. */
  turns: ConversationTurn[];
  extraFields: Record<string, unknown>;
}

export type RequestJsonResult = ({ ok: true } & ParsedRequest) | { ok: false; problems: RequestJsonProblem[] };

/** Parses the text of a request body. Syntax errors and wrong types come with their line and column. */
export function parseRequestJson(text: string): RequestJsonResult {
  // Before the location scanner, which recurses: a body nested thousands of levels deep is refused here.
  const limit = jsonTextProblem(text);
  if (limit) {
    const at = 'offset' in limit && limit.offset !== undefined ? lineAndColumn(text, limit.offset) : {};
    return { ok: false, problems: [{ path: '', message: `This request cannot be used: ${limit.message}.`, ...at }] };
  }
  const located = locateJson(text);
  if (!located.ok) {
    const { line, column } = lineAndColumn(text, located.error.offset);
    return { ok: false, problems: [{ path: '', message: `Not valid JSON: ${located.error.message}`, line, column }] };
  }
  const body: unknown = JSON.parse(text);
  const result = requestFromBody(body);
  const textProblems: RequestJsonProblem[] = located.locations.duplicateKeys.map((duplicate) => ({
    path: duplicate.path,
    message: `"${duplicate.path}" appears twice; keep one.`,
    ...lineAndColumn(text, duplicate.offset),
  }));
  for (const number of inexactNumbers(text, located.locations))
    textProblems.push({
      path: number.path,
      message: `${number.path || 'The body'} is ${number.token}, which cannot be sent exactly as written: ${number.reason}. Write it as a string if the server accepts one, or use a number that fits.`,
      ...lineAndColumn(text, number.offset),
    });
  if (result.ok && textProblems.length === 0) return result;
  const problems = [
    ...textProblems,
    ...(result.ok ? [] : result.problems.map((problem) => withLocation(problem, text, located.locations))),
  ];
  return { ok: false, problems };
}

function withLocation(problem: RequestJsonProblem, text: string, locations: JsonLocations): RequestJsonProblem {
  // The value itself, else its closest parent that exists (a missing field is reported on its object).
  let path = problem.path;
  for (;;) {
    const offset = locations.values.get(path);
    if (offset !== undefined) return { ...problem, ...lineAndColumn(text, offset) };
    if (path === '') return problem;
    const parent = path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '');
    path = parent === path ? '' : parent;
  }
}

/** Maps a parsed body (any JSON value) onto the form; see the rules at the top of this file. */
export function requestFromBody(body: unknown): RequestJsonResult {
  const problems: RequestJsonProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(body))
    return { ok: false, problems: [{ path: '', message: 'The request body must be a JSON object ({ … }).' }] };

  let modelId = '';
  if (typeof body.model !== 'string' || body.model.trim() === '')
    problem('model', `model is required: the model id as a string, e.g. "${defaultModelId}".`);
  else modelId = body.model;
  const model = modelInfo(modelId === '' ? defaultModelId : modelId);

  const extraFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '__proto__') problem(name, 'The field name "__proto__" is not allowed.');
    else if (!isFormOwnedField(name, model)) extraFields[name] = value;
  }

  const thinking = thinkingFrom(body.thinking, model, problem);
  const turns = turnsFrom(body.messages, thinking.preserve, problem);
  const stream = body.stream;
  if (stream !== undefined && typeof stream !== 'boolean') problem('stream', 'stream must be true or false.');

  const temperature = numberField(
    body,
    'temperature',
    temperatureRange.min,
    temperatureRange.max,
    problem,
    `from ${temperatureRange.min} to ${temperatureRange.max}`,
  );
  const topP = numberField(
    body,
    'top_p',
    topPRange.min,
    topPRange.max,
    problem,
    `from ${topPRange.min} to ${topPRange.max}`,
  );
  const maxTokens = maxTokensField(body.max_tokens, model, problem);
  const effort = reasoningEffortField(body.reasoning_effort, model, problem);
  toolSettingsFromBody(body, model, stream === true, problem);
  if (body.response_format !== undefined && isFormOwnedField('response_format', model)) {
    const format = readResponseFormat(body.response_format);
    if (!format.ok) problem('response_format', format.message);
  }

  if (problems.length > 0) return { ok: false, problems };
  // Checked: the form-owned fields now have the types and ranges the form holds.
  const checked = body as Pick<FormParameters, 'thinking' | 'response_format'>;
  const settingsPatch = settingsPatchFromBody(
    {
      model: modelId,
      stream: stream === true,
      thinking: checked.thinking,
      temperature: temperature ?? undefined,
      top_p: topP ?? undefined,
      max_tokens: maxTokens ?? undefined,
      reasoning_effort: effort ?? undefined,
      tools: body.tools,
      tool_choice: body.tool_choice,
      tool_stream: body.tool_stream,
      response_format: checked.response_format,
    },
    turns.systemPrompt,
  );
  return { ok: true, settingsPatch, turns: turns.turns, extraFields };
}
