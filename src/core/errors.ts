// Turns HTTP statuses and Z.ai business codes (docs/wire-format.md#errors) into plain-words ApiErrors (finish
// reasons: finishReasons.ts; reading the body: errorDetails.ts; the code table: errorTemplates.ts). Pure: the clock is
// passed in.
import type { ApiError } from './contracts';
import { maxRetryAfterMs } from './retry';
import {
  errorDetailsFromBody,
  errorDetailsFromPayload,
  parameterFromMessage,
  parseRetryAfter,
  resetTimeFromMessage,
} from './errorDetails';
import { sizeLabel } from './jsonLimits';
import { templateForCode, templateForStatus, type ErrorContext } from './errorTemplates';

export { describeFinishReason, type GenerationPhase } from './finishReasons';
export { maxRetryAfterMs };

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

/** A 2xx answer that is an HTML page, not the API (a wrong base URL, a login page, a captive portal). */
export function htmlPageError(status: number, start: string): ApiError {
  const excerpt = start.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    kind: 'unknown',
    status,
    code: null,
    serverMessage: excerpt === '' ? null : excerpt,
    title: 'The server answered with an HTML page, not the API',
    advice:
      'Check the base URL: it should end at the API root (e.g. …/api/paas/v4). A network login page (captive portal) or a proxy can also answer like this.',
    retryable: false,
    retryAfterMs: null,
  };
}

/** One streamed event was too large to read; what arrived before it is kept. */
export function eventTooLargeError(characters: number): ApiError {
  return {
    kind: 'stream',
    status: null,
    code: null,
    serverMessage: null,
    title: `The server sent an event too large to handle: ${sizeLabel(characters)}`,
    advice: 'What arrived before it is kept. Try again, or ask for a shorter reply.',
    retryable: false,
    retryAfterMs: null,
  };
}
