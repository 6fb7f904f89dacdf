// The checks on each form-owned field of a request body (thinking, messages, temperature, top_p, max_tokens), for
// requestJson.ts: each reports problems by path and returns the value the form takes.
import { parseMessageContent } from './contentParts';
import { childPath } from './jsonPaths';
import { supportsThinking, type ModelInfo, type ReasoningEffort } from './models';
import { maxTokensLimit, type ConversationTurn } from './request';
import { isRecord } from './json';
import { toolCallIdFrom, toolCallsFrom } from './toolMessages';

const messageFields = new Set(['role', 'content', 'reasoning_content', 'tool_calls', 'tool_call_id']);
const thinkingFields = new Set(['type', 'clear_thinking']);

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Two decimals at most (the form's step), compared with a tolerance for binary fractions. */
function hasTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

type Report = (path: string, message: string) => void;

export function thinkingFrom(value: unknown, model: ModelInfo, problem: Report): { preserve: boolean } {
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

export function turnsFrom(
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
          `${childPath(path, name)} is not supported: messages carry role, content, (assistant) reasoning_content and tool_calls, and (tool) tool_call_id.`,
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
    if (role === 'tool') {
      const toolCallId = toolCallIdFrom(message, path, problem);
      if (toolCallId !== null) turns.push({ role, content, toolCallId });
      return;
    }
    if (role !== 'user' && role !== 'assistant') {
      problem(`${path}.role`, `${path}.role must be "system", "user", "assistant" or "tool".`);
      return;
    }
    const turn: ConversationTurn = imageUrls.length > 0 ? { role, content, imageUrls } : { role, content };
    if (message.tool_calls !== undefined) {
      const toolCalls = role === 'assistant' ? toolCallsFrom(message.tool_calls, `${path}.tool_calls`, problem) : null;
      if (role !== 'assistant') problem(`${path}.tool_calls`, 'Only assistant messages carry tool_calls.');
      if (toolCalls === null) return;
      turn.toolCalls = toolCalls;
    }
    const reasoning = message.reasoning_content;
    if (reasoning !== undefined) {
      if (role !== 'assistant')
        problem(`${path}.reasoning_content`, 'Only assistant messages carry reasoning_content.');
      else if (typeof reasoning !== 'string')
        problem(`${path}.reasoning_content`, `${path}.reasoning_content must be a string.`);
      // A tool-call message carries its reasoning back even without preserved thinking (interleaved thinking).
      else if (!preserve && !turn.toolCalls?.length)
        problem(
          `${path}.reasoning_content`,
          'reasoning_content is sent back only with preserved thinking: set thinking.clear_thinking to false, or remove it.',
        );
      else if (reasoning !== '') turn.reasoning = reasoning;
    }
    if (content.trim() === '' && imageUrls.length === 0 && turn.reasoning === undefined && !turn.toolCalls?.length) {
      problem(`${path}.content`, `${path} is empty; the API rejects empty messages, so remove it or write something.`);
      return;
    }
    turns.push(turn);
  });
  return { systemPrompt, turns };
}

export function numberField(
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

/** `reasoning_effort` on a model that takes it (elsewhere it is an extra field, passed through). */
export function reasoningEffortField(value: unknown, model: ModelInfo, problem: Report): ReasoningEffort | null {
  const levels = model.reasoningEffort?.levels;
  if (value === undefined || !levels) return null;
  const level = levels.find((candidate) => candidate === value);
  if (level === undefined)
    problem('reasoning_effort', `reasoning_effort must be one of ${levels.map((name) => `"${name}"`).join(', ')}.`);
  return level ?? null;
}

export function maxTokensField(value: unknown, model: ModelInfo, problem: Report): number | null {
  if (value === undefined) return null;
  const limit = maxTokensLimit(model);
  if (!isNumber(value) || !Number.isInteger(value)) problem('max_tokens', 'max_tokens must be a whole number.');
  else if (value < 1 || value > limit)
    problem('max_tokens', `max_tokens must be from 1 to ${limit} for ${model.id} (got ${value}).`);
  else return value;
  return null;
}
