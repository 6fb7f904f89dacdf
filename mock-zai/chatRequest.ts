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
  return { valid: true, body: json, messages };
}
