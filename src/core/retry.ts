// When to retry a failed call automatically: only where docs/wire-format.md#retry says so, at most twice,
// with exponential backoff and jitter, honouring Retry-After. Pure: randomness is injected.
import type { ApiError, CallOutcome } from './contracts';

/** Retry-After values above this are capped: the playground never waits longer on its own. */
export const maxRetryAfterMs = 60_000;
/** Automatic retries after the first attempt. */
export const maxRetries = 2;
/** The first backoff step; doubles on each retry. */
export const baseRetryDelayMs = 1_000;
/** Backoff ceiling when no Retry-After is given. */
export const maxBackoffMs = 8_000;

const retryableCodes = new Set(['1302', '1303', '1305', '1312']);
/** Never retried, whatever a status or flag says: retrying cannot help and may cost money. */
const neverRetriedCodes = new Set(['1113', '1211', '1301']);

/** True when the error is one the retry table (docs/wire-format.md#retry) lists as worth retrying. */
export function isRetryableError(error: ApiError): boolean {
  if (error.status === 401 || error.kind === 'auth') return false;
  if (error.code !== null && neverRetriedCodes.has(error.code)) return false;
  if (error.code !== null && retryableCodes.has(error.code)) return true;
  if (error.kind === 'network') return true;
  return error.status !== null && error.status >= 500;
}

/**
 * The delay before the next automatic retry, in ms, or null when no retry should be made.
 * @param attempt retries already made for this send (0 after the first failure).
 * @param random injected Math.random-like source in [0, 1), for the jitter.
 */
export function nextRetryDelay(
  error: ApiError | null | undefined,
  attempt: number,
  outcome: Pick<CallOutcome, 'status' | 'receivedAnyByte'>,
  random: () => number,
): number | null {
  if (!error || outcome.status !== 'error' || outcome.receivedAnyByte) return null;
  if (attempt >= maxRetries || !isRetryableError(error)) return null;
  if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, maxRetryAfterMs);
  return backoffDelay(attempt, random);
}

/** Exponential backoff with up to 25 % jitter downwards (as the official OpenAI SDK does). */
export function backoffDelay(attempt: number, random: () => number): number {
  const exponential = Math.min(baseRetryDelayMs * 2 ** attempt, maxBackoffMs);
  const jitter = 1 - 0.25 * clampUnit(random());
  return Math.round(exponential * jitter);
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** "Retrying in 3 s" for the countdown shown to the user. */
export function describeRetryDelay(delayMs: number): string {
  return `Retrying in ${Math.max(1, Math.ceil(delayMs / 1000))} s`;
}

function timesText(count: number): string {
  return count === 1 ? 'time' : 'times';
}

/**
 * The countdown to the next automatic retry, saying what was tried and what is left: "Retrying in 3 s (retry 1 of
 * 2)" after the first failure, then "Retried 1 of 2 times; next in 4 s".
 */
export function describeRetryCountdown(retriesMade: number, delayMs: number): string {
  if (retriesMade === 0) return `${describeRetryDelay(delayMs)} (retry 1 of ${maxRetries})`;
  const seconds = Math.max(1, Math.ceil(delayMs / 1000));
  return `Retried ${retriesMade} of ${maxRetries} ${timesText(maxRetries)}; next in ${seconds} s`;
}

/**
 * Once the automatic retries are over: "Retried 2 of 2 times; no retries left." (null when none was made). `error` is
 * the last attempt's: one still worth retrying with retries left means the user cancelled them.
 */
export function describeRetriesSpent(retriesMade: number, error: ApiError | null): string | null {
  if (retriesMade === 0) return null;
  let rest = 'this error is not retried automatically';
  if (retriesMade >= maxRetries) rest = 'no retries left';
  else if (error && isRetryableError(error)) rest = 'the rest were cancelled';
  return `Retried ${retriesMade} of ${maxRetries} ${timesText(maxRetries)}; ${rest}.`;
}
