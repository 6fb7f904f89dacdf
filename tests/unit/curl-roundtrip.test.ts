// Export cURL with the app's own generator → import it → the same request body. For every code-export fixture.
import { describe, expect, it } from 'vitest';
import { generateCode } from '../../src/core/codegen';
import { readCurlImport } from '../../src/core/curlImport';
import { buildRequestBody, defaultSettingsFor, type ChatRequest } from '../../src/core/request';
import { settingsFromParsed } from '../../src/core/bodySettings';
import { hostileComplete, hostileStreaming, largeRequest, requestFixtures } from '../fixtures/codegen/requests';

function imported(request: ChatRequest, includeKey = false) {
  const script = generateCode(request, {
    library: 'curl',
    includeKey,
    apiKey: includeKey ? 'sk-roundtrip-key-1234' : undefined,
  });
  return readCurlImport(script);
}

describe('cURL export → import round trip', () => {
  for (const fixture of [...requestFixtures.filter((candidate) => !candidate.wireOnly), largeRequest]) {
    it(`${fixture.name}: the imported request builds the identical body`, () => {
      const result = imported(fixture.request);
      if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.problems)}`);
      // Fresh settings for another model first, so that nothing is inherited from the defaults by luck.
      const settings = settingsFromParsed(result.request, defaultSettingsFor('glm-4-32b-0414-128k'));
      // Built for the endpoint the command calls, as the app does once the import set it (Coding Plan keeps reasoning).
      const baseUrl = result.command.baseUrl ?? undefined;
      expect(buildRequestBody(settings, result.request.turns, baseUrl)).toEqual(fixture.request.body);
      expect(result.command.unmapped).toEqual([]);
      expect(result.command.keyPlaceholder).toBe('$ZAI_API_KEY');
    });
  }

  for (const fixture of [hostileStreaming, hostileComplete]) {
    it(`${fixture.name}: the body text arrives byte-for-byte; the extra system messages are reported, not dropped`, () => {
      const result = imported(fixture.request);
      expect(result.command && JSON.parse(result.command.bodyText ?? 'null')).toEqual(fixture.request.body);
      // The playground has one system prompt; a body with several cannot be put in the form without loss.
      expect(!result.ok && result.problems.map((problem) => problem.message)).toContain(
        'Only the first message can be a system message (it is the System prompt).',
      );
    });
  }

  it('a script exported with "Include my key" offers that key, only as a key', () => {
    const result = imported(requestFixtures[0]?.request as ChatRequest, true);
    expect(result.ok && result.command.apiKey).toBe('sk-roundtrip-key-1234');
    expect(result.ok && JSON.stringify(result.request)).not.toContain('sk-roundtrip-key-1234');
  });

  it('the proxied fixture imports the real upstream as its base URL', () => {
    const fixture = requestFixtures.find((candidate) => candidate.name === 'bigmodel-through-proxy');
    const result = imported(fixture?.request as ChatRequest);
    expect(result.ok && result.command.baseUrl).toBe('https://open.bigmodel.cn/api/paas/v4');
  });
});
