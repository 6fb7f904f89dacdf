import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { buildRequestBody, defaultSettingsFor, type ChatRequestBody } from '../../src/core/request';
import { settingsFromParsed } from '../../src/core/bodySettings';
import {
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  maxShareFragmentLength,
  shareFragmentPrefix,
  summarizeSharedRequest,
} from '../../src/core/shareLink';

const testKey = 'sk-test-4f9a1c2e7b3d.secretpart';

function sampleBody(): ChatRequestBody {
  const settings = {
    ...defaultSettingsFor('glm-4.6'),
    systemPrompt: 'Be brief.',
    temperature: 0.3,
    extraFields: { stop: ['<end>'], request_id: 'r-7' },
  };
  return buildRequestBody(settings, [
    { role: 'user', content: 'What is   SSE?\nExplain.' },
    { role: 'assistant', content: 'Server-sent events.' },
    { role: 'user', content: 'More?' },
  ]);
}

function encoded(
  body: ChatRequestBody = sampleBody(),
  endpointId: Parameters<typeof encodeShareFragment>[0]['endpointId'] = 'zai',
): string {
  const result = encodeShareFragment({ body, endpointId, apiKey: testKey });
  if (!result.ok) throw new Error(result.message);
  return result.fragment;
}

function payloadOf(fragment: string): unknown {
  return JSON.parse(decompressFromEncodedURIComponent(fragment.slice(shareFragmentPrefix.length)));
}

describe('share links', () => {
  it('round-trips the request: the opened link builds the identical body', () => {
    const decoded = decodeShareFragment(encoded());
    if (!decoded.ok) throw new Error(decoded.message);
    const settings = settingsFromParsed(decoded.shared, defaultSettingsFor('glm-4.7'));
    expect(buildRequestBody(settings, decoded.shared.turns)).toEqual(sampleBody());
  });

  it('is a URL fragment of URL-safe characters only', () => {
    expect(encoded()).toMatch(/^#share=[A-Za-z0-9+\-$]+$/);
  });

  it('never contains the key, even when it was pasted into a message or an extra field', () => {
    const body = {
      ...sampleBody(),
      messages: [{ role: 'user' as const, content: `my key is ${testKey}` }],
      api_key: testKey,
    };
    const result = encodeShareFragment({ body, endpointId: 'zai', apiKey: testKey });
    expect(result.ok && result.keyRedacted).toBe(true);
    const fragment = result.ok ? result.fragment : '';
    expect(JSON.stringify(payloadOf(fragment))).not.toContain(testKey);
    expect(decodeURIComponent(fragment)).not.toContain(testKey);
  });

  it('carries a preset endpoint id, never a custom base URL', () => {
    expect(payloadOf(encoded(sampleBody(), 'bigmodel'))).toMatchObject({ endpoint: 'bigmodel' });
    expect(payloadOf(encoded(sampleBody(), 'custom'))).not.toHaveProperty('endpoint');
    expect(JSON.stringify(payloadOf(encoded(sampleBody(), 'custom')))).not.toMatch(/https?:/);
  });

  it('refuses a link over 8 KB and suggests the JSON export', () => {
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () =>
      String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90)),
    ).join('');
    const body = buildRequestBody(defaultSettingsFor('glm-4.7'), [{ role: 'user', content: noise }]);
    const result = encodeShareFragment({ body, endpointId: 'zai', apiKey: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Export conversation/);
    expect(!result.ok && result.length).toBeGreaterThan(maxShareFragmentLength);
  });

  it('recognises only #share= fragments', () => {
    expect(isShareFragment('#share=abc')).toBe(true);
    expect(isShareFragment('#section-2')).toBe(false);
  });

  it('rejects garbage with a clear message', () => {
    const decoded = decodeShareFragment('#share=%%%not-lz');
    expect(decoded).toEqual({
      ok: false,
      message: expect.stringMatching(/damaged or incomplete.*Nothing was changed/) as unknown,
    });
  });

  it('rejects a truncated link', () => {
    const fragment = encoded();
    expect(decodeShareFragment(fragment.slice(0, fragment.length - 20)).ok).toBe(false);
  });

  it('refuses a short link whose extra field is nested 100,000 arrays deep, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = `{"v":1,"body":{"model":"glm-4.7","messages":[{"role":"user","content":"Hi"}],"extra":${deep}}}`;
    const fragment = shareFragmentPrefix + compressToEncodedURIComponent(json);
    expect(fragment.length).toBeLessThan(2048);
    expect(decodeShareFragment(fragment)).toEqual({
      ok: false,
      message: 'This shared link cannot be opened: it is nested more than 64 levels deep. Nothing was changed.',
    });
  });

  it('rejects a tampered payload that fails validation', () => {
    const tampered =
      shareFragmentPrefix +
      compressToEncodedURIComponent(
        JSON.stringify({ v: 1, body: { model: 'glm-4.7', messages: [] }, baseUrl: 'https://evil.example' }),
      );
    expect(decodeShareFragment(tampered).ok).toBe(false);
  });

  it('rejects an unknown endpoint id (a link cannot name a server)', () => {
    const tampered =
      shareFragmentPrefix +
      compressToEncodedURIComponent(
        JSON.stringify({ v: 1, body: { model: 'glm-4.7', messages: [] }, endpoint: 'https://evil.example' }),
      );
    expect(decodeShareFragment(tampered).ok).toBe(false);
  });

  it('rejects a body the form cannot hold, naming the reason', () => {
    const tampered =
      shareFragmentPrefix +
      compressToEncodedURIComponent(JSON.stringify({ v: 1, body: { model: 'glm-4.7', messages: [], temperature: 9 } }));
    expect(decodeShareFragment(tampered)).toEqual({
      ok: false,
      message: expect.stringMatching(/temperature must be/) as unknown,
    });
  });

  it('says when a link comes from a newer version', () => {
    const newer = shareFragmentPrefix + compressToEncodedURIComponent(JSON.stringify({ v: 2, body: {} }));
    expect(decodeShareFragment(newer)).toEqual({
      ok: false,
      message: expect.stringMatching(/newer version/) as unknown,
    });
  });

  it('summarises what a link contains: model, turns, first message, extra fields, endpoint', () => {
    const decoded = decodeShareFragment(encoded());
    if (!decoded.ok) throw new Error(decoded.message);
    expect(summarizeSharedRequest(decoded.shared)).toEqual({
      model: 'glm-4.6',
      turnCount: 3,
      hasSystemPrompt: true,
      firstMessagePreview: 'What is SSE? Explain.',
      extraFieldNames: ['stop', 'request_id'],
      endpointLabel: 'Z.ai (international)',
    });
  });
});
