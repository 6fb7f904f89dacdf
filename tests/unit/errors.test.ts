import { describe, expect, it } from 'vitest';
import {
  apiErrorFromPayload,
  apiErrorFromResponse,
  describeFinishReason,
  maxRetryAfterMs,
  networkError,
} from '../../src/core/errors';
import { parseRetryAfter } from '../../src/core/errorDetails';

const now = Date.parse('2026-03-01T12:00:00Z');

function zaiBody(code: string | number, message = 'server message', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: { code, message, ...extra } });
}

function fromCode(code: string | number, status = 400, message?: string, retryAfter: string | null = null) {
  return apiErrorFromResponse(status, zaiBody(code, message), retryAfter, now);
}

describe('apiErrorFromResponse: business codes', () => {
  it.each(['1000', '1001', '1002', '1003', '1004'])(
    'code %s says "Check your API key" and is not retryable',
    (code) => {
      const error = fromCode(code, 401);
      expect(error).toMatchObject({ kind: 'auth', title: 'Check your API key', code, status: 401, retryable: false });
    },
  );

  it('accepts the code as an integer as well as a string', () => {
    expect(fromCode(1002, 401)).toMatchObject({ kind: 'auth', code: '1002' });
  });

  it('keeps the server message verbatim', () => {
    expect(fromCode('1002', 401, 'Authorization Token非法，请确认Authorization Token正确传递。').serverMessage).toBe(
      'Authorization Token非法，请确认Authorization Token正确传递。',
    );
  });

  it('1113 says "Insufficient balance" and points Coding Plan keys at the plan endpoint', () => {
    const error = fromCode('1113', 429);
    expect(error).toMatchObject({ kind: 'account', title: 'Insufficient balance', retryable: false });
    expect(error.advice).toMatch(/Coding Plan/);
  });

  it.each(['1110', '1112', '1120', '1121'])('account code %s is an account problem, not retryable', (code) => {
    expect(fromCode(code, 429)).toMatchObject({ kind: 'account', retryable: false });
  });

  it('1211 says "Unknown model"', () => {
    expect(fromCode('1211', 400)).toMatchObject({ kind: 'model', title: 'Unknown model', retryable: false });
  });

  it.each(['1210', '1212', '1213', '1214', '1215'])(
    'parameter code %s names the parameter from the message',
    (code) => {
      const error = fromCode(code, 400, 'Invalid API parameter: temperature must be within [0.0, 1.0]');
      expect(error).toMatchObject({
        kind: 'parameters',
        parameter: 'temperature',
        title: 'Invalid parameter: temperature',
        retryable: false,
      });
      expect(error.advice).toContain('temperature must be within [0.0, 1.0]');
    },
  );

  it('names the first parameter the message mentions, not the first in a fixed list', () => {
    expect(fromCode('1214', 400, 'max_tokens exceeds the limit of model glm-4.5').parameter).toBe('max_tokens');
  });

  it('takes a quoted snake_case name when the message names no known parameter', () => {
    expect(fromCode('1213', 400, "Unknown field 'frequency_penalty'").parameter).toBe('frequency_penalty');
  });

  it('never takes a quoted value that looks like a key for the parameter name', () => {
    const error = fromCode('1214', 400, "Invalid value 'abcdef0123456789abcdef0123456789.AbCdEfGhIjKlMnOp'");
    expect(error.parameter).toBeUndefined();
    expect(error.title).toBe('Invalid request parameters');
  });

  it('falls back to a generic parameters title when the message names no parameter', () => {
    const error = fromCode('1214', 400, '参数错误');
    expect(error.title).toBe('Invalid request parameters');
    expect(error.parameter).toBeUndefined();
  });

  it.each([
    ['1220', 'No permission for this API or model'],
    ['1221', 'This API is offline'],
    ['1222', 'This API does not exist'],
  ])('permission code %s is titled "%s"', (code, title) => {
    expect(fromCode(code, 403)).toMatchObject({ kind: 'permission', title, retryable: false });
  });

  it('1261 says the prompt is too long and suggests excluding turns', () => {
    const error = fromCode('1261', 400);
    expect(error).toMatchObject({ kind: 'too-long', title: 'Prompt too long', retryable: false });
    expect(error.advice).toMatch(/exclude/);
  });

  it('1301 says content blocked and tells who was flagged from contentFilter', () => {
    const body = zaiBody('1301', 'unsafe', { contentFilter: [{ level: 1, role: 'user' }] });
    const error = apiErrorFromResponse(400, body, null, now);
    expect(error).toMatchObject({
      kind: 'content-blocked',
      title: 'Content blocked',
      retryable: false,
      contentFilter: [{ level: 1, role: 'user' }],
    });
    expect(error.advice).toMatch(/your message/);
  });

  it.each([
    ['1302', 'Too many requests at once'],
    ['1303', 'Requests too frequent'],
    ['1305', 'Rate limit reached'],
  ])('rate-limit code %s is retryable and states the retry time from Retry-After', (code, title) => {
    const error = fromCode(code, 429, 'slow down', '12');
    expect(error).toMatchObject({ kind: 'rate-limit', title, retryable: true, retryAfterMs: 12_000 });
    expect(error.advice).toBe('Try again in 12 s.');
  });

  it.each([
    ['1304', 'Daily quota reached'],
    ['1308', 'Usage limit reached'],
    ['1310', 'Weekly or monthly quota reached'],
  ])('quota code %s is not retryable', (code, title) => {
    expect(fromCode(code, 429)).toMatchObject({ kind: 'quota', title, retryable: false });
  });

  it('a quota message with a reset time shows it', () => {
    const error = fromCode('1308', 429, 'Usage limit reached, your limit will reset at 2026-03-02 00:00:00');
    expect(error.resetsAt).toBe('2026-03-02 00:00:00');
    expect(error.advice).toBe('The quota resets at 2026-03-02 00:00:00.');
  });

  it.each([
    ['1309', 'Coding plan expired', false],
    ['1311', 'Model not in your plan', false],
    ['1312', 'High traffic on the service', true],
    ['1313', 'Fair-use limit reached', false],
  ])('plan code %s is "%s" (retryable: %s)', (code, title, retryable) => {
    expect(fromCode(code, 429)).toMatchObject({ kind: 'plan', title, retryable });
  });
});

describe('apiErrorFromResponse: HTTP statuses without a known code', () => {
  it('401 without a body says "Check your API key"', () => {
    expect(apiErrorFromResponse(401, '', null, now)).toMatchObject({
      kind: 'auth',
      title: 'Check your API key',
      code: null,
      serverMessage: null,
    });
  });

  it('404 points at the base URL and the model', () => {
    const error = apiErrorFromResponse(404, '{"error":{"message":"Not Found"}}', null, now);
    expect(error).toMatchObject({ kind: 'not-found', retryable: false, serverMessage: 'Not Found' });
    expect(error.advice).toMatch(/base URL/);
  });

  it('429 without a code is a rate limit that is not retried automatically (it may mean no balance)', () => {
    const error = apiErrorFromResponse(429, '', '3', now);
    expect(error).toMatchObject({ kind: 'rate-limit', retryable: false, retryAfterMs: 3000 });
    expect(error.advice).toMatch(/balance/);
  });

  it.each([500, 502, 503, 504])('%i is a retryable server error', (status) => {
    expect(apiErrorFromResponse(status, '', null, now)).toMatchObject({ kind: 'server', status, retryable: true });
  });

  it('400 without a code is a parameters error', () => {
    expect(apiErrorFromResponse(400, '{}', null, now)).toMatchObject({ kind: 'parameters', retryable: false });
  });

  it('an undocumented status (434) still gets a plain title with the status', () => {
    expect(apiErrorFromResponse(434, '', null, now)).toMatchObject({
      kind: 'unknown',
      title: 'Request failed (HTTP 434)',
      retryable: false,
    });
  });

  it('an unknown business code falls back to the status', () => {
    expect(apiErrorFromResponse(503, zaiBody('9999'), null, now)).toMatchObject({
      kind: 'server',
      code: '9999',
      retryable: true,
    });
  });

  it('reads {"code","msg"} bodies from other servers', () => {
    expect(apiErrorFromResponse(401, '{"code":1001,"msg":"missing header"}', null, now)).toMatchObject({
      kind: 'auth',
      code: '1001',
      serverMessage: 'missing header',
    });
  });

  it('keeps a short plain-text body as the message but drops an HTML page', () => {
    expect(apiErrorFromResponse(502, 'Bad gateway', null, now).serverMessage).toBe('Bad gateway');
    expect(apiErrorFromResponse(502, '<html><body>502</body></html>', null, now).serverMessage).toBeNull();
  });
});

describe('apiErrorFromPayload (error inside a 2xx reply)', () => {
  it('an unknown code mid-stream is a stream error with the server message', () => {
    expect(apiErrorFromPayload({ error: { code: '1234', message: 'Network error' } })).toMatchObject({
      kind: 'stream',
      status: null,
      code: '1234',
      serverMessage: 'Network error',
    });
  });

  it('a known code mid-stream keeps its meaning', () => {
    expect(apiErrorFromPayload({ error: { code: 1301, message: 'unsafe' } }).kind).toBe('content-blocked');
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
  });

  it('reads fractional seconds', () => {
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as zero', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('caps long waits at 60 s', () => {
    expect(maxRetryAfterMs).toBe(60_000);
    expect(parseRetryAfter('3600', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 12:00:00 GMT', now)).toBe(60_000);
  });

  it('returns null for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('networkError', () => {
  it('cross-origin: names CORS and offers the local proxy', () => {
    const error = networkError(true);
    expect(error).toMatchObject({ kind: 'network', status: null, likelyCors: true, retryable: true });
    expect(error.title).toMatch(/CORS/);
    expect(error.advice).toMatch(/Local proxy/);
  });

  it('same-origin: a plain connection problem', () => {
    const error = networkError(false);
    expect(error.likelyCors).toBe(false);
    expect(`${error.title} ${error.advice}`).not.toMatch(/CORS/);
  });
});

describe('describeFinishReason', () => {
  it('says nothing for a normal stop', () => {
    expect(describeFinishReason('stop', 'answer')).toBeNull();
    expect(describeFinishReason(null, 'answer')).toBeNull();
  });

  it('length while thinking: the token budget ran out during thinking — raise Max tokens', () => {
    expect(describeFinishReason('length', 'reasoning')).toBe(
      'The token budget ran out during thinking — raise Max tokens.',
    );
  });

  it('length while answering: the reply was cut off at Max tokens', () => {
    const text = describeFinishReason('length', 'answer');
    expect(text).toMatch(/cut off/);
    expect(text).not.toMatch(/during thinking/);
  });

  it('sensitive: the content filter stopped the reply', () => {
    expect(describeFinishReason('sensitive', 'answer')).toMatch(/content filter/);
  });

  it('network_error: the reply is incomplete, retry', () => {
    expect(describeFinishReason('network_error', 'answer')).toMatch(/incomplete.*retry/);
  });

  it('model_context_window_exceeded: the context window is full', () => {
    expect(describeFinishReason('model_context_window_exceeded', 'answer')).toMatch(/context window/);
  });

  it('tool_calls: a tool call was requested and is not run', () => {
    expect(describeFinishReason('tool_calls', 'answer')).toMatch(/tool/);
  });

  it('an unknown reason is shown as it came', () => {
    expect(describeFinishReason('abort', 'answer')).toContain('"abort"');
  });
});
