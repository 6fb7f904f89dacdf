import { describe, expect, it } from 'vitest';
import type { ApiError, CallOutcome } from '../../src/core/contracts';
import { apiErrorFromResponse, networkError } from '../../src/core/errors';
import {
  backoffDelay,
  describeRetriesSpent,
  describeRetryCountdown,
  describeRetryDelay,
  isRetryableError,
  maxRetries,
  nextRetryDelay,
} from '../../src/core/retry';

const now = Date.parse('2026-03-01T12:00:00Z');
const failedBeforeAnyByte: Pick<CallOutcome, 'status' | 'receivedAnyByte'> = {
  status: 'error',
  receivedAnyByte: false,
};
const noJitter = () => 0;

function codeError(code: string, status = 429, retryAfter: string | null = null): ApiError {
  return apiErrorFromResponse(status, JSON.stringify({ error: { code, message: 'x' } }), retryAfter, now);
}

function statusError(status: number, retryAfter: string | null = null): ApiError {
  return apiErrorFromResponse(status, '', retryAfter, now);
}

describe('nextRetryDelay: what is retried', () => {
  it.each(['1302', '1303', '1305', '1312'])('retries business code %s', (code) => {
    expect(nextRetryDelay(codeError(code), 0, failedBeforeAnyByte, noJitter)).not.toBeNull();
  });

  it.each([500, 502, 503])('retries HTTP %i', (status) => {
    expect(nextRetryDelay(statusError(status), 0, failedBeforeAnyByte, noJitter)).not.toBeNull();
  });

  it('retries a network failure before the first byte', () => {
    expect(nextRetryDelay(networkError(true), 0, failedBeforeAnyByte, noJitter)).not.toBeNull();
  });

  it('never retries 401', () => {
    expect(nextRetryDelay(statusError(401), 0, failedBeforeAnyByte, noJitter)).toBeNull();
    expect(nextRetryDelay(codeError('1001', 401), 0, failedBeforeAnyByte, noJitter)).toBeNull();
  });

  it.each(['1113', '1211', '1301'])('never retries code %s, even with a 5xx status', (code) => {
    expect(nextRetryDelay(codeError(code, 500), 0, failedBeforeAnyByte, noJitter)).toBeNull();
  });

  it.each(['1304', '1308', '1309', '1310', '1311', '1313', '1214', '1261'])('does not retry code %s', (code) => {
    expect(nextRetryDelay(codeError(code), 0, failedBeforeAnyByte, noJitter)).toBeNull();
  });

  it('does not retry a 429 without a business code (Z.ai also uses it for an empty balance)', () => {
    expect(nextRetryDelay(statusError(429), 0, failedBeforeAnyByte, noJitter)).toBeNull();
  });

  it('never retries once any byte of the reply arrived', () => {
    expect(nextRetryDelay(statusError(500), 0, { status: 'error', receivedAnyByte: true }, noJitter)).toBeNull();
  });

  it.each(['complete', 'interrupted', 'stopped', 'stalled'] as const)(
    'does not retry an outcome with status %s',
    (status) => {
      expect(nextRetryDelay(networkError(false), 0, { status, receivedAnyByte: false }, noJitter)).toBeNull();
    },
  );

  it('returns null without an error', () => {
    expect(nextRetryDelay(undefined, 0, failedBeforeAnyByte, noJitter)).toBeNull();
  });

  it('makes at most two retries', () => {
    expect(maxRetries).toBe(2);
    expect(nextRetryDelay(statusError(500), 1, failedBeforeAnyByte, noJitter)).not.toBeNull();
    expect(nextRetryDelay(statusError(500), 2, failedBeforeAnyByte, noJitter)).toBeNull();
  });
});

describe('nextRetryDelay: how long to wait', () => {
  it('backs off exponentially: 1 s, then 2 s', () => {
    expect(nextRetryDelay(statusError(503), 0, failedBeforeAnyByte, noJitter)).toBe(1000);
    expect(nextRetryDelay(statusError(503), 1, failedBeforeAnyByte, noJitter)).toBe(2000);
  });

  it('applies up to 25 % jitter from the injected random source', () => {
    expect(nextRetryDelay(statusError(503), 1, failedBeforeAnyByte, () => 0.5)).toBe(1750);
    expect(nextRetryDelay(statusError(503), 1, failedBeforeAnyByte, () => 0.999_999)).toBe(1500);
  });

  it('gives different delays for different random draws', () => {
    const delays = new Set(
      [0, 0.3, 0.6, 0.9].map((draw) => nextRetryDelay(statusError(500), 0, failedBeforeAnyByte, () => draw)),
    );
    expect(delays.size).toBe(4);
  });

  it('honours Retry-After instead of the backoff', () => {
    expect(nextRetryDelay(codeError('1302', 429, '9'), 0, failedBeforeAnyByte, () => 0.5)).toBe(9000);
  });

  it('caps Retry-After at 60 s', () => {
    expect(nextRetryDelay(codeError('1303', 429, '600'), 0, failedBeforeAnyByte, noJitter)).toBe(60_000);
  });

  it('caps the exponential backoff at 8 s', () => {
    expect(backoffDelay(10, noJitter)).toBe(8000);
  });
});

describe('retry helpers', () => {
  it('isRetryableError agrees with the error table', () => {
    expect(isRetryableError(codeError('1312'))).toBe(true);
    expect(isRetryableError(codeError('1113'))).toBe(false);
  });

  it('describes the countdown in whole seconds, rounding up', () => {
    expect(describeRetryDelay(1500)).toBe('Retrying in 2 s');
    expect(describeRetryDelay(200)).toBe('Retrying in 1 s');
  });

  it('says what was tried and what is left, then how the retries ended', () => {
    expect(describeRetryCountdown(0, 3_000)).toBe('Retrying in 3 s (retry 1 of 2)');
    expect(describeRetryCountdown(1, 3_500)).toBe('Retried 1 of 2 times; next in 4 s');
    expect(describeRetriesSpent(0, codeError('1302'))).toBeNull();
    expect(describeRetriesSpent(2, codeError('1302'))).toBe('Retried 2 of 2 times; no retries left.');
    expect(describeRetriesSpent(1, codeError('1302'))).toBe('Retried 1 of 2 times; the rest were cancelled.');
    expect(describeRetriesSpent(1, codeError('1113'))).toBe(
      'Retried 1 of 2 times; this error is not retried automatically.',
    );
  });
});
