// Turns HTTP statuses and Z.ai business codes (docs/wire-format.md#errors) into plain-words ApiErrors (finish
// reasons: finishReasons.ts). Pure: the clock is passed in.
import type { ApiError, ApiErrorKind, ContentFilterEntry } from './contracts';
import { maxRetryAfterMs } from './retry';
import { isRecord } from './json';

export { describeFinishReason, type GenerationPhase } from './finishReasons';
export { maxRetryAfterMs };

/** What an error body told us, in whichever of the shapes servers use. */
export interface ErrorBodyDetails {
  code: string | null;
  message: string | null;
  contentFilter: ContentFilterEntry[] | null;
}

type ErrorTemplate = Pick<ApiError, 'kind' | 'title' | 'advice' | 'retryable'>;

interface ErrorContext {
  status: number | null;
  details: ErrorBodyDetails;
  retryAfterMs: number | null;
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

/** Parses an HTTP error body; a non-JSON body (e.g. a gateway page) keeps a short plain-text excerpt. */
export function errorDetailsFromBody(bodyText: string): ErrorBodyDetails {
  try {
    return errorDetailsFromPayload(JSON.parse(bodyText));
  } catch {
    const text = bodyText.trim();
    const looksLikeMarkup = text.startsWith('<');
    return { code: null, message: text === '' || looksLikeMarkup ? null : text.slice(0, 300), contentFilter: null };
  }
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

function waitAdvice(retryAfterMs: number | null): string {
  if (retryAfterMs === null) return 'Wait a few seconds and try again.';
  return `Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`;
}

function template(kind: ApiErrorKind, title: string, advice: string, retryable = false): ErrorTemplate {
  return { kind, title, advice, retryable };
}

const checkKeyAdvice =
  'The server did not accept the API key (missing, invalid or expired). Paste a valid key, and make sure it belongs to this endpoint: Z.ai and BigModel keys are not interchangeable.';

function authTemplate(): ErrorTemplate {
  return template('auth', 'Check your API key', checkKeyAdvice);
}

function accountTemplate(code: number): ErrorTemplate {
  if (code === 1113) {
    return template(
      'account',
      'Insufficient balance',
      'Top up your account. A Coding Plan key only works on a Coding Plan endpoint: choose that preset if you have one.',
    );
  }
  return template(
    'account',
    'There is a problem with your account',
    'The account is inactive, locked or in arrears: check it in the Z.ai console.',
  );
}

function parameterTemplate(context: ErrorContext): ErrorTemplate {
  const parameter = parameterFromMessage(context.details.message);
  const title = parameter ? `Invalid parameter: ${parameter}` : 'Invalid request parameters';
  const serverSays = context.details.message ? ` The server says: ${context.details.message}` : '';
  return template('parameters', title, `Change the ${parameter ?? 'request settings'} and send again.${serverSays}`);
}

function permissionTemplate(code: number): ErrorTemplate {
  const titles: Record<number, string> = {
    1220: 'No permission for this API or model',
    1221: 'This API is offline',
    1222: 'This API does not exist',
  };
  return template(
    'permission',
    titles[code] ?? 'No permission',
    'Check the endpoint and the model, or use a key that has access to them.',
  );
}

function contentBlockedTemplate(filter: ContentFilterEntry[] | null): ErrorTemplate {
  const flaggedUser = filter?.some((entry) => entry.role === 'user') ?? false;
  const flaggedAssistant = filter?.some((entry) => entry.role === 'assistant') ?? false;
  const advice = flaggedUser
    ? 'The content filter flagged your message: rephrase it and send again.'
    : flaggedAssistant
      ? 'The content filter flagged the reply: rephrase the request and send again.'
      : 'The content filter blocked this request: rephrase it and send again.';
  return template('content-blocked', 'Content blocked', advice);
}

function rateLimitTemplate(code: number, retryAfterMs: number | null): ErrorTemplate {
  const titles: Record<number, string> = {
    1302: 'Too many requests at once',
    1303: 'Requests too frequent',
    1305: 'Rate limit reached',
  };
  return template('rate-limit', titles[code] ?? 'Rate limit reached', waitAdvice(retryAfterMs), true);
}

function quotaTemplate(code: number, message: string | null): ErrorTemplate {
  const titles: Record<number, string> = {
    1304: 'Daily quota reached',
    1308: 'Usage limit reached',
    1310: 'Weekly or monthly quota reached',
  };
  const resetsAt = resetTimeFromMessage(message);
  const advice = resetsAt
    ? `The quota resets at ${resetsAt}.`
    : 'Wait until the quota resets, or raise it in the Z.ai console.';
  return template('quota', titles[code] ?? 'Quota reached', advice);
}

function planTemplate(code: number, retryAfterMs: number | null): ErrorTemplate {
  if (code === 1309)
    return template('plan', 'Coding plan expired', 'Renew the plan, or use a general API key on the general endpoint.');
  if (code === 1311) return template('plan', 'Model not in your plan', 'Choose a model that your plan includes.');
  if (code === 1312) return template('plan', 'High traffic on the service', waitAdvice(retryAfterMs), true);
  return template('plan', 'Fair-use limit reached', 'Your plan has hit its fair-use limit: wait before sending more.');
}

function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}

/** The template for a documented business code, or null for a code not in the table. */
function templateForCode(code: number, context: ErrorContext): ErrorTemplate | null {
  if (inRange(code, 1000, 1004)) return authTemplate();
  if (inRange(code, 1110, 1121)) return accountTemplate(code);
  if (code === 1211)
    return template(
      'model',
      'Unknown model',
      'The model id does not exist on this endpoint: pick one from the list or check the spelling.',
    );
  if (inRange(code, 1210, 1215)) return parameterTemplate(context);
  if (inRange(code, 1220, 1222)) return permissionTemplate(code);
  if (code === 1261)
    return template(
      'too-long',
      'Prompt too long',
      'Shorten the conversation or exclude earlier turns, then send again.',
    );
  if (code === 1301) return contentBlockedTemplate(context.details.contentFilter);
  if (code === 1302 || code === 1303 || code === 1305) return rateLimitTemplate(code, context.retryAfterMs);
  if (code === 1304 || code === 1308 || code === 1310) return quotaTemplate(code, context.details.message);
  if (code === 1309 || inRange(code, 1311, 1313)) return planTemplate(code, context.retryAfterMs);
  return null;
}

/** The template for an HTTP status alone (no code, or a code the table does not know). */
function templateForStatus(status: number | null, retryAfterMs: number | null): ErrorTemplate {
  if (status === 400)
    return template(
      'parameters',
      'Invalid request',
      'The server rejected the request: check the parameters and send again.',
    );
  if (status === 401) return authTemplate();
  if (status === 403)
    return template('permission', 'No permission', 'The key has no access to this endpoint or model.');
  if (status === 404) {
    return template(
      'not-found',
      'Endpoint or model not found',
      'Check the base URL (it normally ends in /api/paas/v4) and the model id.',
    );
  }
  // 429 also means "balance exhausted" at Z.ai, so without a code it is not retried automatically.
  if (status === 429)
    return template(
      'rate-limit',
      'Too many requests',
      `${waitAdvice(retryAfterMs)} If it keeps happening, check your balance.`,
    );
  if (status !== null && status >= 500)
    return template('server', 'The server had a problem', 'This is usually temporary: try again shortly.', true);
  if (status === null)
    return template(
      'stream',
      'The server reported an error during the reply',
      'What arrived is kept; send again to get a full reply.',
    );
  return template('unknown', `Request failed (HTTP ${status})`, 'Check the endpoint and settings, then try again.');
}

function buildApiError(context: ErrorContext): ApiError {
  const { status, details, retryAfterMs } = context;
  const numericCode = details.code !== null && /^\d+$/.test(details.code) ? Number(details.code) : null;
  const fromCode = numericCode === null ? null : templateForCode(numericCode, context);
  const chosen = fromCode ?? templateForStatus(status, retryAfterMs);
  const error: ApiError = { ...chosen, status, code: details.code, serverMessage: details.message, retryAfterMs };
  if (chosen.kind === 'parameters') {
    const parameter = parameterFromMessage(details.message);
    if (parameter) error.parameter = parameter;
  }
  if (chosen.kind === 'content-blocked' && details.contentFilter) error.contentFilter = details.contentFilter;
  if (chosen.kind === 'quota') {
    const resetsAt = resetTimeFromMessage(details.message);
    if (resetsAt) error.resetsAt = resetsAt;
  }
  return error;
}

/** An HTTP error response → ApiError. `now` (ms since epoch) resolves an HTTP-date Retry-After. */
export function apiErrorFromResponse(
  status: number,
  bodyText: string,
  retryAfterHeader: string | null,
  now: number,
): ApiError {
  return buildApiError({
    status,
    details: errorDetailsFromBody(bodyText),
    retryAfterMs: parseRetryAfter(retryAfterHeader, now),
  });
}

/**
 * An `{"error":…}` object that arrived inside a 2xx response (an SSE data payload, or a JSON body): mapped by its
 * code when it has a known one, otherwise kind 'stream'.
 */
export function apiErrorFromPayload(payload: unknown, status: number | null = null): ApiError {
  return buildApiError({
    status: status !== null && status >= 400 ? status : null,
    details: errorDetailsFromPayload(payload),
    retryAfterMs: null,
  });
}

/** fetch threw before any response: no status, no body. Cross-origin, CORS is by far the likeliest cause. */
export function networkError(crossOrigin: boolean): ApiError {
  const advice = crossOrigin
    ? 'This is most likely CORS: the API does not allow calls straight from a web page. Switch the endpoint to "Local proxy" and send again.'
    : 'Check your connection and the base URL, then try again.';
  return {
    kind: 'network',
    status: null,
    code: null,
    serverMessage: null,
    title: crossOrigin ? 'Could not reach the API (likely CORS)' : 'Could not reach the server',
    advice,
    retryable: true,
    retryAfterMs: null,
    likelyCors: crossOrigin,
  };
}

/** A 2xx reply whose body could not be read as the API's JSON (non-streaming). */
export function unreadableResponseError(status: number): ApiError {
  return {
    kind: 'unknown',
    status,
    code: null,
    serverMessage: null,
    title: 'The server sent a reply the playground cannot read',
    advice: 'Check that the base URL points at an OpenAI-compatible /chat/completions endpoint.',
    retryable: false,
    retryAfterMs: null,
  };
}
