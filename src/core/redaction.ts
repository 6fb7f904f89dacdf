// Keeping the API key out of everything the user sees or shares: masked in the request preview, redacted from
// server texts, error fields, share links and exported files.
import type { ApiError } from './contracts';

/** The key as the request preview shows it: `sk…last4`, never more; short keys show nothing of themselves. */
export function maskKey(apiKey: string): string {
  if (apiKey === '') return '(no API key set)';
  if (apiKey.length < 12) return 'Bearer …';
  return `Bearer ${apiKey.slice(0, 2)}…${apiKey.slice(-4)}`;
}

/** What a redacted key reads as. */
export const redactedKeyText = '[redacted key]';

/** Replaces every occurrence of a secret in a text, so a server echoing the key never shows it. */
export function redactSecret(text: string, secret: string): string {
  const trimmed = secret.trim();
  if (trimmed.length < 4) return text;
  return text.split(trimmed).join(redactedKeyText);
}

/** An ApiError with the key removed from every text field. */
export function redactApiError(error: ApiError, secret: string): ApiError {
  const redacted: ApiError = {
    ...error,
    title: redactSecret(error.title, secret),
    advice: redactSecret(error.advice, secret),
    serverMessage: error.serverMessage === null ? null : redactSecret(error.serverMessage, secret),
  };
  if (error.parameter !== undefined) redacted.parameter = redactSecret(error.parameter, secret);
  if (error.resetsAt !== undefined) redacted.resetsAt = redactSecret(error.resetsAt, secret);
  return redacted;
}
