import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse } from '../../src/core/errors';
import { maskKey, redactApiError, redactSecret } from '../../src/core/redaction';

const now = Date.parse('2026-03-01T12:00:00Z');

function zaiBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

describe('maskKey', () => {
  it('shows the first two and the last four characters of a long key, never more', () => {
    expect(maskKey('abcdefghijklmnop.qrstuvwxyz')).toBe('Bearer ab…wxyz');
  });

  it('shows nothing of a short key', () => {
    expect(maskKey('short-key')).toBe('Bearer …');
  });

  it('says when there is no key', () => {
    expect(maskKey('')).toBe('(no API key set)');
  });
});

describe('redactSecret', () => {
  it('replaces every occurrence of the key', () => {
    expect(redactSecret('key abc123.secret, again abc123.secret', ' abc123.secret ')).toBe(
      'key [redacted key], again [redacted key]',
    );
  });

  it('leaves the text alone for a key too short to be told from ordinary text', () => {
    expect(redactSecret('a b c', 'a b')).toBe('a b c');
  });
});

describe('redactApiError', () => {
  it('removes the key from every text field', () => {
    const key = 'abc123.secretsecret';
    const error = redactApiError(apiErrorFromResponse(401, zaiBody('1002', `bad token ${key}`), null, now), key);
    expect(JSON.stringify(error)).not.toContain(key);
  });

  it('removes the key from the parameter name too', () => {
    const key = 'sk_local_key';
    const error = apiErrorFromResponse(400, zaiBody('1214', `bad '${key}'`), null, now);
    expect(error.parameter).toBe(key);
    expect(JSON.stringify(redactApiError(error, key))).not.toContain(key);
  });
});
