// Reads what an error response says: the body's code, message and content-filter entries in whichever shape the
// server used, the Retry-After header, and the parameter name or quota reset time a message mentions.
import type { ContentFilterEntry } from './contracts';
import { maxRetryAfterMs } from './retry';
import { isRecord } from './json';
import { parseJsonWithinLimits, sizeLabel } from './jsonLimits';

/** What an error body told us, in whichever of the shapes servers use. */
export interface ErrorBodyDetails {
  code: string | null;
  message: string | null;
  contentFilter: ContentFilterEntry[] | null;
}

const parameterNames = [
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'thinking',
  'clear_thinking',
  'stream',
  'do_sample',
  'stop',
  'request_id',
  'user_id',
  'response_format',
  'tool_choice',
  'tool_stream',
  'tools',
  'role',
  'content',
];

function textOrNull(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function contentFilterFrom(value: unknown): ContentFilterEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(isRecord).map((entry) => ({
    level: typeof entry.level === 'number' ? entry.level : null,
    role: typeof entry.role === 'string' ? entry.role : null,
  }));
}

/** Reads `{"error":{code,message}}`, and tolerates `{code,msg}` / `{message}` from proxies and other servers. */
export function errorDetailsFromPayload(payload: unknown): ErrorBodyDetails {
  const source = isRecord(payload) && isRecord(payload.error) ? payload.error : payload;
  if (!isRecord(source)) return { code: null, message: textOrNull(payload), contentFilter: null };
  return {
    code: textOrNull(source.code),
    message:
      textOrNull(source.message) ?? textOrNull(source.msg) ?? (isRecord(payload) ? textOrNull(payload.message) : null),
    contentFilter:
      contentFilterFrom(source.contentFilter) ?? (isRecord(payload) ? contentFilterFrom(payload.contentFilter) : null),
  };
}

/** Longer server messages are kept (stored, shown) cut to this, with the whole body's size stated. */
export const maxServerMessageChars = 2000;

function bounded(message: string | null, limit: number, bodyChars: number): string | null {
  if (message === null || message.length <= limit) return message;
  return `${message.slice(0, limit)}… [cut short: the server sent ${sizeLabel(bodyChars)} in all]`;
}

/** Parses an HTTP error body; a non-JSON body (e.g. a gateway page) keeps a short plain-text excerpt. */
export function errorDetailsFromBody(bodyText: string): ErrorBodyDetails {
  const parsed = parseJsonWithinLimits(bodyText);
  if (parsed.ok) {
    const details = errorDetailsFromPayload(parsed.value);
    return { ...details, message: bounded(details.message, maxServerMessageChars, bodyText.length) };
  }
  const text = bodyText.trim();
  const looksLikeMarkup = text.startsWith('<');
  return {
    code: null,
    message: text === '' || looksLikeMarkup ? null : bounded(text, 300, bodyText.length),
    contentFilter: null,
  };
}

/** Retry-After as delay-seconds or an HTTP date, in ms, capped at maxRetryAfterMs; null when absent or unreadable. */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number,
  capMs: number = maxRetryAfterMs,
): number | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(Math.round(Number(value) * 1000), capMs);
  // An HTTP date always names a day or month; this keeps Date.parse from reading "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - now), capMs);
}

/** The first parameter a 1210–1215 message names, e.g. "temperature" in "Invalid parameter: temperature must be…". */
export function parameterFromMessage(message: string | null): string | null {
  if (!message) return null;
  const lower = message.toLowerCase();
  let earliest: { name: string; index: number } | null = null;
  for (const name of parameterNames) {
    const match = new RegExp(`(^|[^a-z_])${name}(?![a-z_])`).exec(lower);
    if (!match) continue;
    const index = match.index + (match[1]?.length ?? 0);
    if (!earliest || index < earliest.index) earliest = { name, index };
  }
  if (earliest) return earliest.name;
  // A quoted name is taken only if it looks like a parameter (short snake_case), never like a value or a key.
  const quoted = /['"`]([a-z_][a-z0-9_.]{0,39})['"`]/.exec(message);
  return quoted?.[1] ?? null;
}

/** A reset time the server's quota message states ("…reset at 2026-01-01 00:00:00"), verbatim. */
export function resetTimeFromMessage(message: string | null): string | null {
  if (!message) return null;
  const match = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?/.exec(message);
  return match ? match[0] : null;
}
