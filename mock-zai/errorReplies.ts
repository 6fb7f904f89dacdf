// The error-<code> scenarios: the HTTP status, business code, message and Retry-After the real API sends for each
// error (its documented codes), so `error-1113` or `error-429` alone looks like the real thing.
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.ts';
import type { Scenario } from './scenarioTypes.ts';

interface ErrorDefaults {
  status: number;
  message: string;
  retryAfter?: string;
}

/** The reply of an error scenario, ready to send. */
export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  /** JSON to serialise, or a raw body with its Content-Type (e.g. an HTML gateway page). */
  body: { json: unknown } | { text: string; contentType: string };
}

/** Default HTTP status and message per business code. */
function errorDefaults(code: number): ErrorDefaults {
  if (code >= 1000 && code <= 1004) {
    const messages = [
      'Authentication failed.',
      'Authorization header is missing.',
      'Invalid API key.',
      'API key has expired.',
      'Authentication failed: token could not be verified.',
    ];
    return { status: 401, message: messages[code - 1000] ?? 'Authentication failed.' };
  }
  if (code === 1113) return { status: 429, message: 'Insufficient balance or no resource package. Please recharge.' };
  if (code >= 1110 && code <= 1121) return { status: 401, message: 'Your account is not available.' };
  if (code === 1211) return { status: 400, message: 'Unknown Model, please check the model code.' };
  if (code >= 1210 && code <= 1215)
    return { status: 400, message: 'Invalid API parameter, please check the documentation.' };
  if (code === 1220) return { status: 403, message: 'You do not have permission to access this API.' };
  if (code === 1221) return { status: 400, message: 'This API has been taken offline.' };
  if (code === 1222) return { status: 404, message: 'This API does not exist.' };
  if (code === 1261) return { status: 400, message: 'Prompt exceeds max length.' };
  if (code === 1301)
    return { status: 400, message: 'System detected potentially unsafe or sensitive content in input or generation.' };
  if (code === 1302)
    return {
      status: 429,
      message:
        'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits.',
      retryAfter: '2',
    };
  if (code === 1303)
    return { status: 429, message: 'High frequency usage of this API, please reduce frequency.', retryAfter: '2' };
  if (code === 1305)
    return {
      status: 429,
      message: 'The service may be temporarily overloaded, please try again later.',
      retryAfter: '2',
    };
  if (code === 1304 || code === 1308 || code === 1310)
    return { status: 429, message: 'Usage limit reached. Your limit will reset at 2026-01-01 00:00:00.' };
  if (code === 1312)
    return { status: 429, message: 'High traffic for this model, please try again later.', retryAfter: '2' };
  if (code >= 1309 && code <= 1313) return { status: 429, message: 'Your coding plan does not cover this request.' };
  return { status: 400, message: `Mock business error ${code}.` };
}

/** Default business code and message per HTTP status. */
function statusDefaults(status: number): { code: string; message: string; retryAfter?: string } {
  if (status === 400) return { code: '1214', message: 'Invalid API parameter, please check the documentation.' };
  if (status === 401) return { code: '1000', message: 'Authentication failed.' };
  if (status === 404) return { code: '1222', message: 'This API does not exist.' };
  if (status === 429) return { code: '1302', message: errorDefaults(1302).message, retryAfter: '2' };
  if (status >= 500) return { code: String(status), message: 'Internal server error, please try again later.' };
  return { code: String(status), message: `Mock HTTP error ${status}.` };
}

/** The error a scenario `error-<HTTP status or business code>` stands for, with its options applied. */
function resolveError(scenario: Scenario): {
  status: number;
  code: string;
  message: string;
  retryAfter: string | null;
} {
  const suffix = Number(scenario.name.slice('error-'.length));
  const fromName =
    suffix >= 1000 ? { code: String(suffix), ...errorDefaults(suffix) } : { status: suffix, ...statusDefaults(suffix) };
  const code = scenario.code !== undefined ? String(scenario.code) : fromName.code;
  const fromCode = scenario.code !== undefined && Number(code) >= 1000 ? errorDefaults(Number(code)) : fromName;
  const retryAfter =
    scenario.retryAfter === null
      ? null
      : scenario.retryAfter !== undefined
        ? String(scenario.retryAfter)
        : (fromCode.retryAfter ?? fromName.retryAfter ?? null);
  return {
    status: scenario.status ?? fromName.status,
    code,
    message: scenario.message ?? fromCode.message,
    retryAfter,
  };
}

/** The full reply of an `error-<code>` scenario (options `rawBody`/`contentType`, `numericCode`, `contentFilter`). */
export function errorReply(scenario: Scenario): ErrorReply {
  const error = resolveError(scenario);
  const headers: Record<string, string> = error.retryAfter !== null ? { 'Retry-After': error.retryAfter } : {};
  if (scenario.rawBody !== undefined) {
    const contentType = scenario.contentType ?? 'text/html; charset=UTF-8';
    return { status: error.status, headers, body: { text: scenario.rawBody, contentType } };
  }
  const payload: { code: string | number; message: string; contentFilter?: unknown[] } = {
    code: scenario.numericCode ? Number(error.code) : error.code,
    message: error.message,
  };
  if (error.code === '1301') payload.contentFilter = scenario.contentFilter ?? [{ level: 1, role: 'user' }];
  return { status: error.status, headers, body: { json: { error: payload } } };
}

export function sendErrorReply(res: ServerResponse, reply: ErrorReply): void {
  if ('json' in reply.body) {
    sendJson(res, reply.status, reply.body.json, reply.headers);
    return;
  }
  res.statusCode = reply.status;
  res.setHeader('Content-Type', reply.body.contentType);
  for (const [header, value] of Object.entries(reply.headers)) res.setHeader(header, value);
  res.end(reply.body.text);
}
