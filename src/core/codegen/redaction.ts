// The API key typed into a message is redacted from exported code, as it is from share links and conversation
// files (redactSecret); the user may opt to keep it.
import { redactSecret } from '../redaction';
import type { ChatRequest } from '../request';

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return redactSecret(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [redactSecret(name, secret), redactValue(item, secret)]),
    );
  }
  return value;
}

/** The request with every occurrence of `secret` in its body replaced, and whether there was any. */
export function redactKeyInRequest(request: ChatRequest, secret: string): { request: ChatRequest; redacted: boolean } {
  const body = redactValue(request.body, secret) as ChatRequest['body'];
  const redacted = JSON.stringify(body) !== JSON.stringify(request.body);
  return { request: redacted ? { ...request, body } : request, redacted };
}

/** A cheap first test on the body's JSON text (run on every store change): false means the secret is absent. */
export function mayContainSecret(bodyText: string, secret: string): boolean {
  const trimmed = secret.trim();
  return trimmed.length >= 4 && bodyText.includes(trimmed);
}
