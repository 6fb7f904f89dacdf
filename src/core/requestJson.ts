// A request body (JSON text or an already parsed value) → what the form and the conversation hold. Used by the
// raw JSON editor, share links and the cURL import, so one set of rules decides what a body means:
// - form-owned fields (model, messages, stream, thinking, temperature, top_p, max_tokens) go into the form and
//   must have the right type and range; everything else goes to extraFields, verbatim;
// - the form values follow bodySettings.ts (a parameter present in the body is kept exactly and pinned);
// - messages: a first system message is the system prompt; the others are user/assistant turns;
// - whatever buildRequestBody could not send back the same way is a problem, never silently dropped.
import { childPath, lineAndColumn, locateJson, type JsonLocations } from './jsonLocations';
import { defaultModelId, modelInfo, supportsThinking, type ModelInfo } from './models';
import { isFormOwnedField, maxTokensLimit, temperatureRange, topPRange, type ConversationTurn } from './request';
import { settingsPatchFromBody, type FormParameters, type RequestSettingsPatch } from './bodySettings';
import { isRecord } from './json';
import { parseMessageContent } from './contentParts';

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

const messageFields = new Set(['role', 'content', 'reasoning_content']);
const thinkingFields = new Set(['type', 'clear_thinking']);

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Two decimals at most (the form's step), compared with a tolerance for binary fractions. */
function hasTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

/** Parses the text of a request body. Syntax errors and wrong types come with their line and column. */
export function parseRequestJson(text: string): RequestJsonResult {
  const located = locateJson(text);
  if (!located.ok) {
    const { line, column } = lineAndColumn(text, located.error.offset);
    return { ok: false, problems: [{ path: '', message: `Not valid JSON: ${located.error.message}`, line, column }] };
  }
  const body: unknown = JSON.parse(text);
  const result = requestFromBody(body);
  const duplicates: RequestJsonProblem[] = located.locations.duplicateKeys.map((duplicate) => ({
    path: duplicate.path,
    message: `"${duplicate.path}" appears twice; keep one.`,
    ...lineAndColumn(text, duplicate.offset),
  }));
  if (result.ok && duplicates.length === 0) return result;
  const problems = [
    ...duplicates,
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

  const extraFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '__proto__') problem(name, 'The field name "__proto__" is not allowed.');
    else if (!isFormOwnedField(name)) extraFields[name] = value;
  }

  let modelId = '';
  if (typeof body.model !== 'string' || body.model.trim() === '')
    problem('model', `model is required: the model id as a string, e.g. "${defaultModelId}".`);
  else modelId = body.model;
  const model = modelInfo(modelId === '' ? defaultModelId : modelId);

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

  if (problems.length > 0) return { ok: false, problems };
  // Checked: the form-owned fields now have the types and ranges the form holds.
  const checked = body as FormParameters;
  const settingsPatch = settingsPatchFromBody(
    {
      model: modelId,
      stream: stream === true,
      thinking: checked.thinking,
      temperature: temperature ?? undefined,
      top_p: topP ?? undefined,
      max_tokens: maxTokens ?? undefined,
    },
    turns.systemPrompt,
  );
  return { ok: true, settingsPatch, turns: turns.turns, extraFields };
}

type Report = (path: string, message: string) => void;

function thinkingFrom(value: unknown, model: ModelInfo, problem: Report): { preserve: boolean } {
  if (!supportsThinking(model)) {
    if (value !== undefined)
      problem('thinking', `${model.id} has no thinking mode, so the request cannot carry "thinking"; remove it.`);
    return { preserve: false };
  }
  // Absent on a thinking model: the API default (enabled), which the form then sends explicitly.
  if (value === undefined) return { preserve: false };
  if (!isRecord(value)) {
    problem('thinking', 'thinking must be an object like { "type": "enabled" }.');
    return { preserve: false };
  }
  for (const name of Object.keys(value)) {
    if (!thinkingFields.has(name))
      problem(`thinking.${name}`, `thinking.${name} is not supported here (only "type" and "clear_thinking").`);
  }
  if (value.type !== 'enabled' && value.type !== 'disabled')
    problem('thinking.type', 'thinking.type must be "enabled" or "disabled".');
  const clear = value.clear_thinking;
  if (clear !== undefined && typeof clear !== 'boolean')
    problem('thinking.clear_thinking', 'thinking.clear_thinking must be true or false.');
  const preserve = clear === false;
  if (preserve && !model.preservedThinking) {
    problem(
      'thinking.clear_thinking',
      `${model.id} does not support preserved thinking (clear_thinking: false); remove it or pick GLM-4.7 or newer.`,
    );
  }
  return { preserve };
}

function turnsFrom(
  value: unknown,
  preserve: boolean,
  problem: Report,
): { systemPrompt: string; turns: ConversationTurn[] } {
  const turns: ConversationTurn[] = [];
  let systemPrompt = '';
  if (!Array.isArray(value)) {
    problem('messages', 'messages is required: a list of { "role": …, "content": … } objects.');
    return { systemPrompt, turns };
  }
  value.forEach((message: unknown, index) => {
    const path = childPath('messages', index);
    if (!isRecord(message)) {
      problem(path, `${path} must be an object with "role" and "content".`);
      return;
    }
    for (const name of Object.keys(message)) {
      if (!messageFields.has(name))
        problem(
          childPath(path, name),
          `${childPath(path, name)} is not supported: messages carry role, content and (assistant) reasoning_content.`,
        );
    }
    const { role } = message;
    const parts = parseMessageContent(message.content, role, `${path}.content`, problem);
    if (parts === null) return;
    const { content, imageUrls } = parts;
    if (role === 'system') {
      if (index !== 0)
        problem(`${path}.role`, 'Only the first message can be a system message (it is the System prompt).');
      else if (content.trim() === '')
        problem(`${path}.content`, 'The system message is empty; remove it or write a prompt.');
      else systemPrompt = content;
      if (message.reasoning_content !== undefined)
        problem(`${path}.reasoning_content`, 'Only assistant messages carry reasoning_content.');
      return;
    }
    if (role !== 'user' && role !== 'assistant') {
      problem(
        `${path}.role`,
        role === 'tool'
          ? 'Tool messages are not supported by the playground yet.'
          : `${path}.role must be "system", "user" or "assistant".`,
      );
      return;
    }
    const turn: ConversationTurn = imageUrls.length > 0 ? { role, content, imageUrls } : { role, content };
    const reasoning = message.reasoning_content;
    if (reasoning !== undefined) {
      if (role !== 'assistant')
        problem(`${path}.reasoning_content`, 'Only assistant messages carry reasoning_content.');
      else if (typeof reasoning !== 'string')
        problem(`${path}.reasoning_content`, `${path}.reasoning_content must be a string.`);
      else if (!preserve)
        problem(
          `${path}.reasoning_content`,
          'reasoning_content is sent back only with preserved thinking: set thinking.clear_thinking to false, or remove it.',
        );
      else if (reasoning !== '') turn.reasoning = reasoning;
    }
    if (content.trim() === '' && imageUrls.length === 0 && turn.reasoning === undefined) {
      problem(`${path}.content`, `${path} is empty; the API rejects empty messages, so remove it or write something.`);
      return;
    }
    turns.push(turn);
  });
  return { systemPrompt, turns };
}

function numberField(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  problem: Report,
  range: string,
): number | null {
  const value = body[name];
  if (value === undefined) return null;
  if (!isNumber(value)) problem(name, `${name} must be a number ${range}.`);
  else if (value < min || value > max) problem(name, `${name} must be ${range} (got ${value}).`);
  else if (!hasTwoDecimals(value)) problem(name, `${name} takes at most two decimals (got ${value}).`);
  else return Math.round(value * 100) / 100;
  return null;
}

function maxTokensField(value: unknown, model: ModelInfo, problem: Report): number | null {
  if (value === undefined) return null;
  const limit = maxTokensLimit(model);
  if (!isNumber(value) || !Number.isInteger(value)) problem('max_tokens', 'max_tokens must be a whole number.');
  else if (value < 1 || value > limit)
    problem('max_tokens', `max_tokens must be from 1 to ${limit} for ${model.id} (got ${value}).`);
  else return value;
  return null;
}
