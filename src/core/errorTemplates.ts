// The plain-words title and advice for each Z.ai business code (docs/wire-format.md#errors) and HTTP status.
import type { ApiError, ApiErrorKind, ContentFilterEntry } from './contracts';
import { parameterFromMessage, resetTimeFromMessage, type ErrorBodyDetails } from './errorDetails';

export type ErrorTemplate = Pick<ApiError, 'kind' | 'title' | 'advice' | 'retryable'>;

export interface ErrorContext {
  status: number | null;
  details: ErrorBodyDetails;
  retryAfterMs: number | null;
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
export function templateForCode(code: number, context: ErrorContext): ErrorTemplate | null {
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
export function templateForStatus(status: number | null, retryAfterMs: number | null): ErrorTemplate {
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
