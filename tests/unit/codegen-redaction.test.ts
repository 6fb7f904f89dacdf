// The key typed into a message never reaches exported code unless the user keeps it (see CodeExportPanel).
import { describe, expect, it } from 'vitest';
import { generateCode } from '../../src/core/codegen';
import { mayContainSecret, redactKeyInRequest } from '../../src/core/codegen/redaction';
import type { ChatRequest, WireMessage } from '../../src/core/request';

const key = 'abcdef0123456789.XyZsecret';
const request: ChatRequest = {
  baseUrl: 'https://api.z.ai/api/paas/v4',
  body: {
    model: 'glm-4.7',
    messages: [
      { role: 'user', content: `use ${key} please` },
      {
        role: 'user',
        content: [{ type: 'text', text: `again ${key}` }],
      } as unknown as WireMessage,
    ],
    request_id: key,
  },
};

describe('redactKeyInRequest', () => {
  it('replaces the key in every string of the body, nested ones included, without touching the original', () => {
    const { request: redacted, redacted: changed } = redactKeyInRequest(request, key);
    expect(changed).toBe(true);
    expect(JSON.stringify(redacted.body)).not.toContain(key);
    expect(redacted.body.messages[0]?.content).toBe('use [redacted key] please');
    expect(redacted.body.request_id).toBe('[redacted key]');
    expect(JSON.stringify(request.body)).toContain(key);
    for (const library of ['curl', 'python-requests', 'java-zai-sdk'] as const) {
      expect(generateCode(redacted, { library, includeKey: false })).not.toContain(key);
    }
  });

  it('leaves a body without the key, and an empty or too short key, alone', () => {
    expect(redactKeyInRequest(request, 'not-in-there').redacted).toBe(false);
    expect(redactKeyInRequest(request, '').request).toBe(request);
    expect(mayContainSecret(JSON.stringify(request.body), key)).toBe(true);
    expect(mayContainSecret(JSON.stringify(request.body), 'abc')).toBe(false);
  });
});
