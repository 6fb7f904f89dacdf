// The mock Z.ai server speaks the wire format of docs/wire-format.md byte for byte, because every other
// test (streaming client, e2e, code export) trusts it to behave like the real API.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock-zai/server';
import { readUntilEnd } from './readUntilEnd';
import { createProxyMiddleware } from '../../dev-server/proxy';

type MockServer = Awaited<ReturnType<typeof startMockServer>>;

const fixedNow = Date.UTC(2025, 8, 26, 11, 5, 40); // created = 1758884740
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ chunkDelayMs: 0, now: () => fixedNow, keyPrefix: 'test-' });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.reset();
});

const key = 'test-key-1234';

function post(
  body: unknown,
  headers: Record<string, string> = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
) {
  return fetch(`${mock.baseUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body) });
}

const question = { role: 'user', content: 'Hello' };

describe('streaming wire format', () => {
  it('streams "\\n", reasoning, answer, a usage chunk and [DONE], byte for byte', async () => {
    mock.queue({ name: 'reply', reasoning: 'Think', content: 'Hi!' });
    const response = await post({ model: 'glm-4.5', stream: true, messages: [question] });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream;charset=UTF-8');
    const head = '{"id":"202509261105409e3779b100000001","created":1758884740,"model":"glm-4.5","choices":[';
    expect(await response.text()).toBe(
      `data: ${head}{"index":0,"delta":{"role":"assistant","content":"\\n"}}]}\n\n` +
        `data: ${head}{"index":0,"delta":{"role":"assistant","reasoning_content":"Think"}}]}\n\n` +
        `data: ${head}{"index":0,"delta":{"role":"assistant","content":"Hi!"}}]}\n\n` +
        `data: ${head}{"index":0,"finish_reason":"stop","delta":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":6,"completion_tokens":3,"total_tokens":9,"prompt_tokens_details":{"cached_tokens":0}}}\n\n` +
        'data: [DONE]\n\n',
    );
  });

  it('sends no reasoning (and no leading "\\n") for glm-4-32b-0414-128k', async () => {
    const text = await (await post({ model: 'glm-4-32b-0414-128k', stream: true, messages: [question] })).text();
    expect(text).not.toContain('reasoning_content');
    expect(text.startsWith('data: ') && !first(text.split('\n\n')).includes('"content":"\\n"')).toBe(true);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('sends no reasoning when thinking is disabled on a thinking model', async () => {
    const text = await (
      await post({ model: 'glm-4.7', stream: true, thinking: { type: 'disabled' }, messages: [question] })
    ).text();
    expect(text).not.toContain('reasoning_content');
    expect(text).toContain('"finish_reason":"stop"');
  });

  it('default reply mentions the last user message and has a heading, a list and a code block', async () => {
    const response = await post({
      model: 'glm-4.7',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
    });
    const body = (await response.json()) as {
      choices: Array<{ message: { content: string; reasoning_content: string } }>;
    };
    const message = first(body.choices).message;
    expect(message.content).toContain('Why is the sky blue?');
    expect(message.content).toMatch(/^## /m);
    expect(message.content).toMatch(/^1\. /m);
    expect(message.content).toMatch(/^```python$/m);
    expect(message.reasoning_content).toContain('Why is the sky blue?');
    expect(message.reasoning_content).toContain('turn 2');
  });

  it('stops with finish_reason "length" after max_tokens deltas, during reasoning if it is still thinking', async () => {
    const text = await (await post({ model: 'glm-4.5', stream: true, max_tokens: 3, messages: [question] })).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events).toHaveLength(5); // "\n", 2 reasoning deltas, the finish chunk, [DONE]
    expect(text).toContain('"finish_reason":"length"');
    expect(text).not.toMatch(/"content":"[^"\\]/);
  });

  it('glm-4.7-flash chunks carry "object" and the usage reports reasoning_tokens', async () => {
    mock.queue({ name: 'reply', reasoning: 'a b', content: 'c' });
    const text = await (await post({ model: 'glm-4.7-flash', stream: true, messages: [question] })).text();
    expect(text).toContain(
      '"id":"202509261105409e3779b100000001","object":"chat.completion.chunk","created":1758884740',
    );
    expect(text).toContain('"completion_tokens_details":{"reasoning_tokens":2}');
  });
});

describe('non-streaming wire format', () => {
  it('returns id, request_id, created, model, choices and usage, without an "object" field', async () => {
    mock.queue({ name: 'reply', reasoning: 'Think', content: 'Olá!' });
    const response = await post({ model: 'glm-4.5', messages: [question], request_id: 'my-request' });
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(await response.json()).toEqual({
      id: '202509261105409e3779b100000001',
      request_id: 'my-request',
      created: 1758884740,
      model: 'glm-4.5',
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: 'Olá!', reasoning_content: 'Think' },
        },
      ],
      usage: { prompt_tokens: 6, completion_tokens: 3, total_tokens: 9, prompt_tokens_details: { cached_tokens: 0 } },
    });
  });
});

describe('errors', () => {
  it('a missing Authorization header is 401 with code 1001', async () => {
    const response = await post({ model: 'glm-4.5', messages: [question] }, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: '1001', message: expect.any(String) as unknown } });
  });

  it('the key "invalid-key" and keys without the configured prefix are 401', async () => {
    for (const badKey of ['invalid-key', 'sk-not-test']) {
      const response = await post({ model: 'glm-4.5', messages: [question] }, { Authorization: `Bearer ${badKey}` });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('1002');
    }
  });

  it('error-429 is HTTP 429, code 1302, with Retry-After', async () => {
    mock.queue({ name: 'error-429' });
    const response = await post({ model: 'glm-4.5', stream: true, messages: [question] });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('1302');
  });

  it.each([
    ['error-1113', 429, '1113'],
    ['error-1211', 400, '1211'],
    ['error-1261', 400, '1261'],
    ['error-500', 500, '500'],
    ['error-401', 401, '1000'],
  ])('%s is HTTP %i with code %s in the Z.ai error shape', async (name, status, code) => {
    mock.queue({ name });
    const response = await post({ model: 'glm-4.5', messages: [question] });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('error-1301 carries contentFilter; numericCode sends the code as a number', async () => {
    mock.queue({ name: 'error-1301', numericCode: true });
    const body = (await (await post({ model: 'glm-4.5', messages: [question] })).json()) as {
      error: { code: unknown; contentFilter: unknown };
    };
    expect(body.error.code).toBe(1301);
    expect(body.error.contentFilter).toEqual([{ level: 1, role: 'user' }]);
  });

  it('a [mock:…] directive in the last user message triggers the scenario by hand', async () => {
    const response = await post({
      model: 'glm-4.5',
      messages: [{ role: 'user', content: 'please fail [mock:error-401]' }],
    });
    expect(response.status).toBe(401);
  });

  it('error-midstream sends partial text then a data: {"error":…} payload and no [DONE]', async () => {
    mock.queue({ name: 'error-midstream', code: '1234', message: 'Network error' });
    const text = await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text();
    expect(text).toContain('"content":');
    expect(text.endsWith('data: {"error":{"code":"1234","message":"Network error"}}\n\n')).toBe(true);
    expect(text).not.toContain('[DONE]');
  });

  it('a queued scenario applies to the next n requests only', async () => {
    mock.queue({ name: 'error-500', times: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push((await post({ model: 'glm-4.5', messages: [question] })).status);
    expect(statuses).toEqual([500, 500, 200]);
  });
});

describe('request recording and control API', () => {
  it('records method, path, lower-cased headers, the raw body and the parsed body', async () => {
    const rawBody = '{"model":"glm-4.5",  "messages":[{"role":"user","content":"Hello"}]}';
    await fetch(`${mock.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'X-Custom': 'yes' },
      body: rawBody,
    });
    const [recorded] = mock.requests();
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/api/paas/v4/chat/completions',
      bodyText: rawBody,
      json: JSON.parse(rawBody) as unknown,
    });
    expect(first(mock.requests()).headers).toMatchObject({
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'x-custom': 'yes',
    });
  });

  it('serves the recordings over HTTP, clears them with DELETE and queues scenarios with POST', async () => {
    await post({ model: 'glm-4.5', messages: [question] });
    const listed = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as unknown[];
    expect(listed).toHaveLength(1);
    await fetch(`${mock.url}/__mock/requests`, { method: 'DELETE' });
    expect(mock.requests()).toHaveLength(0);
    const queued = await fetch(`${mock.url}/__mock/scenario`, {
      method: 'POST',
      body: JSON.stringify({ name: 'error-1211', times: 1 }),
    });
    expect(queued.status).toBe(200);
    expect((await post({ model: 'glm-4.5', messages: [question] })).status).toBe(400);
    const unknown = await fetch(`${mock.url}/__mock/scenario`, {
      method: 'POST',
      body: JSON.stringify({ name: 'no-such-thing' }),
    });
    expect(unknown.status).toBe(400);
  });

  it('a scenario with a key is consumed only by requests with that key', async () => {
    mock.queue({ name: 'error-500', key: 'test-other' });
    expect((await post({ model: 'glm-4.5', messages: [question] })).status).toBe(200);
    expect(
      (await post({ model: 'glm-4.5', messages: [question] }, { Authorization: 'Bearer test-other' })).status,
    ).toBe(500);
  });
});

describe('CORS', () => {
  it('answers the preflight and adds Access-Control-* headers to every response', async () => {
    const preflight = await fetch(`${mock.baseUrl}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const response = await post({ model: 'glm-4.5', messages: [question] });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });

  it('with cors off, imitates api.z.ai: preflight 200 without any Access-Control-* header', async () => {
    mock.configure({ cors: false });
    const preflight = await fetch(`${mock.baseUrl}/chat/completions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('stream faults', () => {
  it('cut-mid-answer drops the connection after part of the answer, without [DONE]', async () => {
    mock.queue({ name: 'cut-mid-answer' });
    const { text, dropped } = await readUntilEnd(await post({ model: 'glm-4.5', stream: true, messages: [question] }));
    expect(dropped).toBe(true);
    expect(text).toContain('"content":"##"');
    expect(text).not.toContain('finish_reason');
    expect(text).not.toContain('[DONE]');
  });

  it('cut-mid-reasoning drops the connection before any answer text', async () => {
    mock.queue({ name: 'cut-mid-reasoning' });
    const { text, dropped } = await readUntilEnd(await post({ model: 'glm-4.5', stream: true, messages: [question] }));
    expect(dropped).toBe(true);
    expect(text).toContain('reasoning_content');
    expect(text).not.toMatch(/"content":"[^"\\]/);
  });

  it('eof-without-done ends the body cleanly with neither finish_reason nor [DONE]', async () => {
    mock.queue({ name: 'eof-without-done' });
    const { text, dropped } = await readUntilEnd(await post({ model: 'glm-4.5', stream: true, messages: [question] }));
    expect(dropped).toBe(false);
    expect(text).toContain('"content":"##"');
    expect(text).not.toContain('finish_reason');
    expect(text).not.toContain('[DONE]');
  });

  it('split-writes delivers the same bytes as a normal stream, in small pieces', async () => {
    mock.queue({ name: 'reply', reasoning: 'Denke “nach”', content: 'Grüße 𝄞' });
    const whole = await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text();
    mock.queue({ name: 'split-writes', reasoning: 'Denke “nach”', content: 'Grüße 𝄞', bytes: 3 });
    const split = await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text();
    expect(split.replace(/"id":"\w+"/g, '')).toBe(whole.replace(/"id":"\w+"/g, ''));
  });

  it('crlf, keep-alive, malformed-json and unknown-event alter the stream as named', async () => {
    mock.queue({ name: 'crlf' });
    expect(await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text()).toMatch(
      /^data: .*\r\n\r\n[\s\S]*data: \[DONE\]\r\n\r\n$/,
    );
    mock.queue({ name: 'keep-alive' });
    expect(await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text()).toMatch(
      /^: keep-alive\n\n[\s\S]*\n\n: keep-alive\n\n[\s\S]*data: \[DONE\]\n\n$/,
    );
    mock.queue({ name: 'malformed-json' });
    const malformed = await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text();
    expect(
      malformed.split('\n\n').filter((event) => event.startsWith('data: {') && !isJson(event.slice(6))),
    ).toHaveLength(1);
    expect(malformed.endsWith('data: [DONE]\n\n')).toBe(true);
    mock.queue({ name: 'unknown-event' });
    expect(await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text()).toContain(
      'event: ping\ndata: {"type":"ping"}\n\n',
    );
  });

  it('finish-sensitive stops mid-answer with that finish_reason, then [DONE]', async () => {
    mock.queue({ name: 'finish-sensitive' });
    const text = await (await post({ model: 'glm-4.5', stream: true, messages: [question] })).text();
    expect(text).toContain('"finish_reason":"sensitive"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('long produces the requested amount of Markdown with tables and code blocks', async () => {
    mock.queue({ name: 'long', contentChars: 5000, reasoningChars: 1000 });
    const body = (await (await post({ model: 'glm-4.5', messages: [question] })).json()) as {
      choices: Array<{ message: { content: string; reasoning_content: string } }>;
    };
    const { content, reasoning_content: reasoning } = first(body.choices).message;
    expect(content.length).toBeGreaterThan(4900);
    expect(reasoning.length).toBeGreaterThan(950);
    expect(content).toMatch(/^\| --- \| ---: \| --- \|$/m);
    expect(content).toMatch(/^```ts$/m);
  });

  it('stall sends the headers and then nothing', async () => {
    mock.queue({ name: 'stall' });
    const response = await post({ model: 'glm-4.5', stream: true, messages: [question] });
    expect(response.status).toBe(200);
    const reader = bodyOf(response).getReader();
    const outcome = await Promise.race([
      reader.read().then(() => 'data'),
      new Promise((resolve) => setTimeout(() => resolve('silence'), 300)),
    ]);
    expect(outcome).toBe('silence');
    await reader.cancel();
  });
});

function first<T>(list: readonly T[]): T {
  const [item] = list;
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

function bodyOf(response: Response): ReadableStream<Uint8Array> {
  if (!response.body) throw new Error('expected a response body');
  return response.body;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the Vite same-origin proxy', () => {
  let proxy: http.Server;
  let proxyUrl = '';
  beforeAll(async () => {
    const handler = createProxyMiddleware({ zai: mock.url, down: 'http://127.0.0.1:1' });
    proxy = http.createServer((request, response) => {
      request.url = (request.url ?? '').replace(/^\/proxy/, '');
      handler(request, response);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/proxy`;
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('forwards method, body, Authorization and Content-Type, and streams the reply back unchanged', async () => {
    const body = JSON.stringify({ model: 'glm-4.5', stream: true, messages: [question] });
    mock.queue({ name: 'reply', reasoning: 'Think', content: 'Hi!' });
    const direct = await (await post(JSON.parse(body))).text();
    mock.reset();
    mock.queue({ name: 'reply', reasoning: 'Think', content: 'Hi!' });
    const response = await fetch(`${proxyUrl}/zai/api/paas/v4/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', Cookie: 'session=1' },
      body,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream;charset=UTF-8');
    expect((await response.text()).replace(/"id":"\w+"/g, '')).toBe(direct.replace(/"id":"\w+"/g, ''));
    const [received] = mock.requests();
    expect(received).toMatchObject({ method: 'POST', path: '/api/paas/v4/chat/completions', bodyText: body });
    expect(first(mock.requests()).headers.authorization).toBe(`Bearer ${key}`);
    expect(first(mock.requests()).headers['content-type']).toBe('application/json');
    expect(first(mock.requests()).headers.cookie).toBeUndefined();
  });

  it('passes upstream errors through with their status and Retry-After', async () => {
    mock.queue({ name: 'error-429' });
    const response = await fetch(`${proxyUrl}/zai/api/paas/v4/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'glm-4.5', messages: [question] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('a dropped upstream connection is dropped for the browser too', async () => {
    mock.queue({ name: 'cut-mid-answer' });
    const response = await fetch(`${proxyUrl}/zai/api/paas/v4/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'glm-4.5', stream: true, messages: [question] }),
    });
    const { dropped } = await readUntilEnd(response);
    expect(dropped).toBe(true);
  });

  it('an unreachable upstream is a 502 in the Z.ai error shape, without the key', async () => {
    const response = await fetch(`${proxyUrl}/down/api/paas/v4/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: '{}',
    });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: '502', message: expect.stringContaining('could not reach') as unknown },
    });
    expect(text).not.toContain(key);
  });
});
