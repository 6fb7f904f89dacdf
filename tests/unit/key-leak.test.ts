// The API key never leaves where it belongs. A known test key is put everywhere a key could travel, then every
// output a user can save, share or read is searched for it: conversation files, the saved state, error messages,
// exported code, URLs. (Console output is searched in tests/e2e/persistence.spec.ts, in a real browser.)
// Also here: the Content-Security-Policy that keeps a script injection from reading the key.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeTargets, generateCode } from '../../src/core/codegen';
import type { ApiError, CallOptions, CallOutcome, StreamEvent } from '../../src/core/contracts';
import { endpointPresets } from '../../src/core/endpoints';
import { apiErrorFromResponse } from '../../src/core/errors';
import { redactApiError } from '../../src/core/redaction';
import { startMetrics } from '../../src/core/metrics';
import { chatCompletionsUrl } from '../../src/core/endpoints';
import { buildChatRequest, defaultSettingsFor } from '../../src/core/request';
import { sendChatCompletion } from '../../src/core/streaming';
import { initialState, type PlaygroundState, type Turn } from '../../src/store';
import { buildConversationFile } from '../../src/store/conversationFile';
import { partialize } from '../../src/store/persistence';
import {
  cspDirectives,
  headerContentSecurityPolicy,
  metaContentSecurityPolicy,
  securityHeaders,
} from '../../scripts/security-headers.mjs';

const testKey = 'sk-test-LEAK-0123456789abcdef';
/** The shape of a real Z.ai key (32 hex, a dot, 16 characters): it looks like an identifier to naive parsers. */
const zaiShapedKey = 'abcdef0123456789abcdef0123456789.AbCdEfGhIjKlMnOp';

function expectNoKey(text: string, key = testKey): void {
  expect(text).not.toContain(key);
  // Nor its secret part on its own (a server may echo a prefix or a suffix).
  expect(text).not.toContain(key.slice(-12));
}

interface CallResult {
  outcome: CallOutcome;
  events: StreamEvent[];
  urls: string[];
}

/** One call through the real streaming client, answered by `respond`. */
async function call(respond: () => Response, key = testKey, stream = true): Promise<CallResult> {
  const events: StreamEvent[] = [];
  const urls: string[] = [];
  const fetch: CallOptions['fetch'] = (input) => {
    urls.push(input);
    return Promise.resolve(respond());
  };
  const outcome = await sendChatCompletion({
    url: chatCompletionsUrl('https://api.z.ai/api/paas/v4'),
    apiKey: key,
    body: { model: 'glm-4.6', messages: [{ role: 'user', content: 'Hello' }], ...(stream ? { stream: true } : {}) },
    fetch,
    signal: new AbortController().signal,
    onEvent: (event) => events.push(event),
  });
  return { outcome, events, urls };
}

function json(payload: unknown, status: number): Response {
  return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': 'application/json' } });
}

function sse(text: string): Response {
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function replyTurn(error: ApiError | null, content = 'Partial answer'): Turn {
  return {
    id: 'turn-1',
    role: 'assistant',
    content,
    reasoning: '',
    excluded: false,
    reply: {
      status: error ? 'error' : 'complete',
      request: buildChatRequest('https://api.z.ai/api/paas/v4', defaultSettingsFor('glm-4.6'), [
        { role: 'user', content: 'Hello' },
      ]),
      error,
      finishReason: null,
      usage: null,
      metrics: startMetrics(0),
      warnings: [],
      retry: null,
    },
  };
}

function stateWithKey(turns: Turn[], key = testKey): PlaygroundState {
  const state = initialState();
  return {
    ...state,
    connection: { ...state.connection, apiKey: key, rememberKey: true },
    conversation: { turns, draft: 'draft text' },
  };
}

describe('error messages built from a server that echoes the key', () => {
  const echoes: Array<[string, () => Response]> = [
    [
      '401 with the key in the message',
      () => json({ error: { code: '1000', message: `Authentication failed for key ${testKey}` } }, 401),
    ],
    [
      '400 parameter error quoting the key',
      () => json({ error: { code: '1214', message: `Invalid parameter: '${testKey}'` } }, 400),
    ],
    ['a {code,msg} body from a proxy', () => json({ code: 500, msg: `upstream rejected Bearer ${testKey}` }, 500)],
    ['a plain-text gateway body', () => new Response(`Bad gateway; Authorization: Bearer ${testKey}`, { status: 502 })],
    [
      'an error payload mid-stream',
      () =>
        sse(
          `data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: {"error":{"code":"1234","message":"key ${testKey} revoked"}}\n\n`,
        ),
    ],
    ['a malformed event containing the key', () => sse(`data: {"broken": "${testKey}\n\ndata: [DONE]\n\n`)],
  ];
  it.each(echoes)('%s', async (_name, respond) => {
    const { outcome, events } = await call(respond);
    expectNoKey(JSON.stringify(outcome));
    expectNoKey(JSON.stringify(events));
  });

  it('redactApiError removes the key from every text of a mapped error', () => {
    const error = apiErrorFromResponse(
      401,
      JSON.stringify({ error: { code: '1001', message: `bad key ${testKey}` } }),
      null,
      0,
    );
    expect(JSON.stringify(error)).toContain(testKey); // the raw mapping still has it: redaction is what removes it
    expectNoKey(JSON.stringify(redactApiError(error, testKey)));
  });

  it('a Z.ai-shaped key quoted in a parameter error does not survive as the "parameter" name', async () => {
    const { outcome } = await call(
      () => json({ error: { code: '1214', message: `Invalid value '${zaiShapedKey}'` } }, 400),
      zaiShapedKey,
    );
    expectNoKey(JSON.stringify(outcome), zaiShapedKey);
  });
});

describe('exported conversation files', () => {
  it('contain no key, even with an error that quoted it and a message that contains it', async () => {
    const { outcome } = await call(() => json({ error: { code: '1000', message: `bad key ${testKey}` } }, 401));
    const state = stateWithKey([
      {
        id: 'turn-0',
        role: 'user',
        content: `here is my key: ${testKey}`,
        reasoning: '',
        excluded: false,
        reply: null,
      },
      replyTurn(outcome.error ?? null),
    ]);
    expectNoKey(buildConversationFile(state, new Date()));
  });
});

describe('the saved state', () => {
  it('partialize never includes the key', () => {
    const saved = JSON.stringify(partialize(stateWithKey([replyTurn(null)])));
    expectNoKey(saved);
    expect(saved).not.toContain('apiKey');
  });

  describe('in storage', () => {
    class MemoryStorage {
      readonly items = new Map<string, string>();
      getItem(name: string): string | null {
        return this.items.get(name) ?? null;
      }
      setItem(name: string, value: string): void {
        this.items.set(name, value);
      }
      removeItem(name: string): void {
        this.items.delete(name);
      }
      everything(): string {
        return JSON.stringify([...this.items]);
      }
    }

    afterEach(() => {
      vi.unstubAllGlobals();
      vi.resetModules();
    });

    async function freshApp() {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      vi.stubGlobal('window', {
        localStorage: local,
        sessionStorage: session,
        location: new URL('http://127.0.0.1:4179/'),
        addEventListener: () => undefined,
      });
      vi.resetModules();
      const store = await import('../../src/store');
      const actions = await import('../../src/store/actions');
      const connectionActions = await import('../../src/store/connectionActions');
      return { local, session, store, actions, connectionActions };
    }

    it('with "Remember key" off, the key is in no localStorage entry at all', async () => {
      const { local, session, actions, connectionActions } = await freshApp();
      connectionActions.setRememberKey(false);
      connectionActions.setApiKey(testKey);
      actions.addTurn('user', 'Hello');
      actions.setDraft('more');
      expect(local.items.size).toBeGreaterThan(0);
      expectNoKey(local.everything());
      expect(session.getItem('glm-playground:api-key')).toBe(testKey);
    });

    it('with "Remember key" on, the key is only in its own entry, never in the saved state', async () => {
      const { local, actions, connectionActions } = await freshApp();
      connectionActions.setRememberKey(true);
      connectionActions.setApiKey(testKey);
      actions.addTurn('user', 'Hello');
      const entries = [...local.items].filter(([, value]) => value.includes(testKey)).map(([name]) => name);
      expect(entries).toEqual(['glm-playground:api-key']);
    });

    it('"Forget key" removes it from both storages', async () => {
      const { local, session, connectionActions } = await freshApp();
      connectionActions.setApiKey(testKey);
      connectionActions.forgetKey();
      expectNoKey(local.everything());
      expectNoKey(session.everything());
    });
  });
});

describe('exported code', () => {
  const request = buildChatRequest(
    'https://api.z.ai/api/paas/v4',
    { ...defaultSettingsFor('glm-4.6'), temperature: 0.3 },
    [{ role: 'user', content: 'Hello' }],
  );
  const libraries = codeTargets.map((target) => [target.language.id, target.id] as const);

  it.each(libraries)('%s / %s: no key unless "Include my key"', (language, library) => {
    expectNoKey(generateCode(request, { library, includeKey: false, apiKey: testKey }));
    // The same call with the option on does embed it, so the search above would have found it.
    expect(generateCode(request, { library, includeKey: true, apiKey: testKey })).toContain(testKey);
  });
});

describe('URLs', () => {
  it('the request URL never carries the key; it goes only in the Authorization header', async () => {
    const { urls } = await call(() => sse('data: [DONE]\n\n'));
    expect(urls).toHaveLength(1);
    expectNoKey(urls.join(' '));
    for (const preset of endpointPresets) expectNoKey(chatCompletionsUrl(preset.baseUrl));
  });
});

describe('Content-Security-Policy', () => {
  const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

  it('index.html carries the same policy as scripts/security-headers.mjs', () => {
    expect(meta).toBe(metaContentSecurityPolicy);
  });

  it('allows scripts only from the app itself: no inline script, no eval', () => {
    expect(cspDirectives['script-src']).toEqual(["'self'"]);
    expect(metaContentSecurityPolicy).not.toContain('unsafe-eval');
    expect(metaContentSecurityPolicy).toContain("script-src 'self';");
    expect(metaContentSecurityPolicy).toContain("object-src 'none'");
    expect(metaContentSecurityPolicy).toContain("base-uri 'self'");
  });

  it('lets the app reach the Z.ai and BigModel endpoints, localhost and custom https endpoints', () => {
    for (const source of [
      "'self'",
      'https://api.z.ai',
      'https://open.bigmodel.cn',
      'http://localhost:*',
      'http://127.0.0.1:*',
      'https:',
    ]) {
      expect(cspDirectives['connect-src']).toContain(source);
    }
    expect(cspDirectives['connect-src']).not.toContain('http:');
  });

  it('forbids framing in the header (a meta tag cannot)', () => {
    expect(headerContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors');
    expect(securityHeaders['X-Frame-Options']).toBe('DENY');
  });
});
