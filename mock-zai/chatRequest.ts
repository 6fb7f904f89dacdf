// Validates a chat request the way the API does, with its business codes, before the mock answers it.
import type { WireMessage } from './content.ts';
import { isRecord } from './http.ts';

export type ChatRequestCheck =
  | { valid: true; body: Record<string, unknown>; messages: WireMessage[] }
  | { valid: false; code: string; message: string };

function invalid(code: string, message: string): ChatRequestCheck {
  return { valid: false, code, message };
}

/** `json` is the parsed body (null when it was not JSON), `bodyText` the raw one. */
export function checkChatRequest(json: unknown, bodyText: string): ChatRequestCheck {
  if (json === null && bodyText !== '') return invalid('1210', 'The request body is not valid JSON.');
  if (!isRecord(json)) return invalid('1214', 'The request body must be a JSON object.');
  if (typeof json.model !== 'string' || json.model.trim() === '') return invalid('1214', 'model: must not be empty.');
  if (!Array.isArray(json.messages) || json.messages.length === 0)
    return invalid('1214', 'messages: must not be empty.');
  const messages = json.messages.filter(isRecord) as unknown as WireMessage[];
  if (!messages.some((message) => message.role === 'user' || message.role === 'tool'))
    return invalid('1214', 'messages: must contain a user message.');
  const toolError = toolMessageError(messages);
  if (toolError) return invalid('1214', toolError);
  return { valid: true, body: json, messages };
}

/** The ids of the calls the nearest earlier assistant message made. */
function callIdsBefore(messages: readonly WireMessage[], position: number): string[] {
  for (let index = position - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role !== 'assistant') continue;
    if (!Array.isArray(message.tool_calls)) return [];
    return message.tool_calls.flatMap((call) => (isRecord(call) && typeof call.id === 'string' ? [call.id] : []));
  }
  return [];
}

/** A `tool` message needs a tool_call_id naming a call of the assistant message before it, and content. */
function toolMessageError(messages: readonly WireMessage[]): string | null {
  for (const [index, message] of messages.entries()) {
    if (message.role !== 'tool') continue;
    const id = message.tool_call_id;
    if (typeof id !== 'string' || id === '') return `messages[${index}].tool_call_id: must not be empty.`;
    if (!callIdsBefore(messages, index).includes(id))
      return `messages[${index}].tool_call_id: "${id}" does not match a tool call of the preceding assistant message.`;
    if (message.content === undefined || message.content === null)
      return `messages[${index}].content: must not be empty.`;
  }
  return null;
}
