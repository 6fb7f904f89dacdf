import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { CallOptions, CallOutcome, StreamEvent } from '../../src/core/contracts';
import type { ChatRequestBody } from '../../src/core/request';
import { defaultStallTimeoutMs } from '../../src/core/stallTimeout';
import { sendChatCompletion } from '../../src/core/streaming';

const testKey = 'sk-test-0123456789abcdef.SECRETKEY';
const url = 'https://api.z.ai/api/paas/v4/chat/completions';
const streamingBody: ChatRequestBody = {
  model: 'glm-4.5',
  messages: [{ role: 'user', content: 'Olá' }],
  stream: true,
  thinking: { type: 'enabled' },
};
const jsonBody: ChatRequestBody = {
  model: 'glm-4.5',
  messages: [{ role: 'user', content: 'Olá' }],
  thinking: { type: 'enabled' },
};

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/sse/${name}`, import.meta.url))));
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A deterministic pseudo-random split size in 1..maximum (a small LCG, so failures reproduce). */
function seededSizes(seed: number, maximum: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + (state % maximum);
  };
}

interface BodyPlan {
  /** Size of each network read; default: everything at once. */
  nextSize?: () => number;
  /** After the bytes: close (EOF), error (connection dropped) or hang (no more bytes, never closes). */
  ending?: 'close' | 'error' | 'hang';
}

interface FakeBody {
  stream: ReadableStream<Uint8Array>;
  wasCancelled: () => boolean;
}

function fakeBody(bytes: Uint8Array, plan: BodyPlan = {}): FakeBody {
  let offset = 0;
  let cancelled = false;
  const nextSize = plan.nextSize ?? (() => bytes.length);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset < bytes.length) {
        const size = Math.max(1, nextSize());
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
        return;
      }
      if (plan.ending === 'error') controller.error(new TypeError('network error'));
      else if (plan.ending === 'hang') return new Promise<void>(() => undefined);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, wasCancelled: () => cancelled };
}

function sseResponse(body: FakeBody, status = 200): Response {
  return new Response(body.stream, { status, headers: { 'Content-Type': 'text/event-stream;charset=UTF-8' } });
}

function jsonResponse(payload: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

type FetchArguments = Parameters<CallOptions['fetch']>;

interface Harness {
  events: StreamEvent[];
  calls: FetchArguments[];
  options: CallOptions;
  controller: AbortController;
}

function harness(
  respond: (...args: FetchArguments) => Response | Promise<Response>,
  overrides: Partial<CallOptions> = {},
): Harness {
  const events: StreamEvent[] = [];
  const calls: FetchArguments[] = [];
  const controller = new AbortController();
  const options: CallOptions = {
    url,
    apiKey: testKey,
    body: streamingBody,
    fetch: (...args) => {
      calls.push(args);
      return Promise.resolve(respond(...args));
    },
    signal: controller.signal,
    onEvent: (event) => events.push(event),
    ...overrides,
  };
  return { events, calls, options, controller };
}

function reasoningOf(events: StreamEvent[]): string {
  return events.map((event) => (event.kind === 'delta' ? event.reasoning : '')).join('');
}

function contentOf(events: StreamEvent[]): string {
  return events.map((event) => (event.kind === 'delta' ? event.content : '')).join('');
}

function kindsOf(events: StreamEvent[]): string[] {
  return events.map((event) => event.kind);
}

async function streamFixture(
  name: string,
  plan: BodyPlan = {},
): Promise<{ outcome: CallOutcome; events: StreamEvent[]; body: FakeBody }> {
  const body = fakeBody(fixture(name), plan);
  const { events, options } = harness(() => sseResponse(body));
  const outcome = await sendChatCompletion(options);
  return { outcome, events, body };
}

/** Manual timers on a virtual clock: the test decides when time passes and the stall timeout fires. */
/** A 5 s stall timeout on manual timers, and a stream the test feeds with `send`. */
async function streamFedByHand() {
  const timers = manualTimers();
  let source: ReadableStreamDefaultController<Uint8Array> | null = null;
  const stream = new ReadableStream<Uint8Array>({ start: (controller) => void (source = controller) });
  const { events, options } = harness(() => sseResponse({ stream, wasCancelled: () => false }), {
    stallTimeoutMs: 5_000,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
  });
  const pending = sendChatCompletion(options);
  const send = (text: string) => source?.enqueue(bytesOf(text));
  await vi.waitFor(() => expect(source).not.toBeNull());
  return { timers, events, pending, send };
}

function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number; dueAt: number }>();
  let nextHandle = 1;
  let clock = 0;
  return {
    setTimeout: (callback: () => void, ms: number): unknown => {
      const handle = nextHandle++;
      pending.set(handle, { callback, ms, dueAt: clock + ms });
      return handle;
    },
    advance: (ms: number) => {
      clock += ms;
      for (const [handle, timer] of [...pending]) {
        if (timer.dueAt > clock) continue;
        pending.delete(handle);
        timer.callback();
      }
    },
    clearTimeout: (handle: unknown) => {
      pending.delete(handle as number);
    },
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.callback();
    },
    delays: () => [...pending.values()].map((timer) => timer.ms),
    dueTimes: () => [...pending.values()].map((timer) => timer.dueAt),
  };
}

const thinkingReasoning = 'The user greets me in Portuguese: “Olá”. Reply warmly, add 你好 and 🙂.';
const thinkingContent = '\nOlá! 你好 🙂 How can I help?';

describe('sendChatCompletion: the request', () => {
  it('POSTs the JSON body to the URL with the bearer key and JSON content type', async () => {
    const { calls, options } = harness(() => sseResponse(fakeBody(fixture('thinking-then-answer.sse'))));
    await sendChatCompletion(options);
    expect(calls).toHaveLength(1);
    const [input, init] = calls[0] ?? [];
    expect(input).toBe(url);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ Authorization: `Bearer ${testKey}`, 'Content-Type': 'application/json' });
    expect(init?.body).toBe(JSON.stringify(streamingBody));
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('trims whitespace and newlines around a pasted key before putting it in the header', async () => {
    const { calls, options } = harness(() => sseResponse(fakeBody(fixture('thinking-then-answer.sse'))), {
      apiKey: `  ${testKey}\n`,
    });
    await sendChatCompletion(options);
    expect(calls[0]?.[1].headers.Authorization).toBe(`Bearer ${testKey}`);
  });
});

describe('sendChatCompletion: streaming fixtures', () => {
  it('separates reasoning from the answer, keeping the leading "\\n" content delta', async () => {
    const { outcome, events } = await streamFixture('thinking-then-answer.sse');
    expect(outcome).toEqual({ status: 'complete', receivedAnyByte: true, finishReason: 'stop' });
    expect(reasoningOf(events)).toBe(thinkingReasoning);
    expect(contentOf(events)).toBe(thinkingContent);
  });

  it('emits meta first, deltas in order, then one finish and one usage', async () => {
    const { events } = await streamFixture('thinking-then-answer.sse');
    expect(kindsOf(events)).toEqual([
      'meta',
      'delta',
      'delta',
      'delta',
      'delta',
      'delta',
      'delta',
      'delta',
      'delta',
      'finish',
      'usage',
    ]);
    expect(events[0]).toEqual({
      kind: 'meta',
      id: '20250926190000a1b2c3d4e5f6a7b8c9',
      requestId: null,
      model: 'glm-4.5',
    });
    expect(events.at(-2)).toEqual({ kind: 'finish', reason: 'stop' });
    expect(events.at(-1)).toEqual({
      kind: 'usage',
      usage: {
        prompt_tokens: 18,
        completion_tokens: 202,
        total_tokens: 220,
        prompt_tokens_details: { cached_tokens: 0 },
      },
    });
  });

  it("passes each chunk's server timestamp on its delta", async () => {
    const { events } = await streamFixture('thinking-then-answer.sse');
    const created = events.flatMap((event) => (event.kind === 'delta' ? [event.created] : []));
    expect(created).toEqual([
      1758884739, 1758884739, 1758884740, 1758884741, 1758884742, 1758884742, 1758884743, 1758884743,
    ]);
  });

  for (let size = 1; size <= 7; size++) {
    it(`reassembles text exactly when every read is ${size} byte(s), splitting events and UTF-8 characters`, async () => {
      const { outcome, events } = await streamFixture('thinking-then-answer.sse', { nextSize: () => size });
      expect(outcome.status).toBe('complete');
      expect(reasoningOf(events)).toBe(thinkingReasoning);
      expect(contentOf(events)).toBe(thinkingContent);
      expect(events.filter((event) => event.kind === 'malformed')).toEqual([]);
    });
  }

  it('reassembles text exactly under random read sizes (seeded)', async () => {
    for (const seed of [1, 7, 42, 1234, 99_999]) {
      const { events } = await streamFixture('thinking-then-answer.sse', { nextSize: seededSizes(seed, 40) });
      expect(reasoningOf(events)).toBe(thinkingReasoning);
      expect(contentOf(events)).toBe(thinkingContent);
    }
  });

  it('keeps an emoji whole when the read boundary falls inside its four bytes', async () => {
    const bytes = fixture('thinking-then-answer.sse');
    const emojiStart = Buffer.from(bytes).indexOf(Buffer.from('🙂'));
    const sizes = [emojiStart + 2, bytes.length];
    const body = fakeBody(bytes, { nextSize: () => sizes.shift() ?? bytes.length });
    const { events, options } = harness(() => sseResponse(body));
    await sendChatCompletion(options);
    expect(reasoningOf(events)).toBe(thinkingReasoning);
    expect(reasoningOf(events)).not.toContain('\uFFFD');
  });

  it('reads glm-4.7-flash chunks (object field) with reasoning_tokens in usage', async () => {
    const { outcome, events } = await streamFixture('glm-4.7-flash.sse', { nextSize: () => 3 });
    expect(outcome.status).toBe('complete');
    expect(reasoningOf(events)).toBe('Two plus two is four.');
    expect(contentOf(events)).toBe('2 + 2 = **4**');
    expect(events.at(-1)).toEqual({
      kind: 'usage',
      usage: {
        prompt_tokens: 12,
        completion_tokens: 40,
        total_tokens: 52,
        prompt_tokens_details: { cached_tokens: 2 },
        completion_tokens_details: { reasoning_tokens: 31 },
      },
    });
  });

  it('ignores ": keep-alive" comments', async () => {
    const { outcome, events } = await streamFixture('keep-alive.sse', { nextSize: () => 5 });
    expect(outcome.status).toBe('complete');
    expect(reasoningOf(events)).toBe('Hmm');
    expect(contentOf(events)).toBe('Done ✓');
    expect(events.filter((event) => event.kind === 'malformed' || event.kind === 'unknown-event')).toEqual([]);
  });

  it('reads CRLF line endings, even with \\r and \\n in different reads', async () => {
    const { outcome, events } = await streamFixture('crlf.sse', { nextSize: () => 1 });
    expect(outcome).toEqual({ status: 'complete', receivedAnyByte: true, finishReason: 'stop' });
    expect(reasoningOf(events)).toBe('Line endings… CRLF');
    expect(contentOf(events)).toBe('Ça marche.');
  });

  it('ends with an error event and status error on an {"error":…} payload, keeping the partial text', async () => {
    const { outcome, events } = await streamFixture('error-mid-stream.sse', { nextSize: () => 4 });
    expect(outcome.status).toBe('error');
    expect(outcome.receivedAnyByte).toBe(true);
    expect(outcome.error?.code).toBe('1234');
    expect(outcome.error?.kind).toBe('stream');
    expect(outcome.error?.serverMessage).toContain('Network error');
    expect(events.filter((event) => event.kind === 'error')).toEqual([{ kind: 'error', error: outcome.error }]);
    expect(reasoningOf(events)).toBe('Let me think');
    expect(contentOf(events)).toBe('Partial answer');
  });

  it('stops reading at the error payload and cancels the rest of the body', async () => {
    const { events, body } = await streamFixture('error-mid-stream.sse', { nextSize: () => 64, ending: 'hang' });
    expect(contentOf(events)).not.toContain('never read');
    await vi.waitFor(() => expect(body.wasCancelled()).toBe(true));
  });

  it('maps a known business code inside a stream error payload (1301 content blocked)', async () => {
    const text =
      'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\ndata: {"error":{"code":1301,"message":"unsafe","contentFilter":[{"level":1,"role":"assistant"}]}}\n\n';
    const { options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.error?.kind).toBe('content-blocked');
    expect(outcome.error?.code).toBe('1301');
  });

  it('marks EOF without [DONE] and without finish_reason as interrupted, keeping the partial text', async () => {
    const { outcome, events } = await streamFixture('no-done-eof.sse', { nextSize: () => 6 });
    expect(outcome).toEqual({ status: 'interrupted', receivedAnyByte: true });
    expect(reasoningOf(events)).toBe('Thinking about Zürich');
    expect(contentOf(events)).toBe('The answer is');
    expect(kindsOf(events)).not.toContain('finish');
  });

  it('counts EOF after a finish_reason but without [DONE] as complete, flagged endedWithoutDone', async () => {
    const { outcome, events } = await streamFixture('finish-without-done.sse');
    expect(outcome).toEqual({
      status: 'complete',
      receivedAnyByte: true,
      finishReason: 'stop',
      endedWithoutDone: true,
    });
    expect(contentOf(events)).toBe('Short answer.');
    expect(kindsOf(events).slice(-2)).toEqual(['finish', 'usage']);
  });

  it('only completes on the exact [DONE] payload', async () => {
    const text = 'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: [DONE] \n\ndata: [done]\n\n';
    const { events, options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('interrupted');
    expect(events.filter((event) => event.kind === 'malformed')).toEqual([
      { kind: 'malformed', data: '[DONE] ' },
      { kind: 'malformed', data: '[done]' },
    ]);
  });

  it('does not dispatch a final [DONE] without its blank line, so the stream is interrupted', async () => {
    const text = 'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: [DONE]';
    const { options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    expect((await sendChatCompletion(options)).status).toBe('interrupted');
  });

  it('reports one malformed event and one unknown event type, and carries on', async () => {
    const { outcome, events } = await streamFixture('malformed-and-unknown-event.sse', { nextSize: () => 2 });
    expect(outcome.status).toBe('complete');
    expect(events.filter((event) => event.kind === 'malformed')).toHaveLength(1);
    expect(events.filter((event) => event.kind === 'unknown-event')).toEqual([
      { kind: 'unknown-event', event: 'ping', data: '{"ts":1758886201}' },
    ]);
    expect(reasoningOf(events)).toBe('First');
    expect(contentOf(events)).toBe('Still here');
  });

  it('treats JSON that is not an object (e.g. a bare number) as malformed', async () => {
    const text = 'data: 42\n\ndata: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\n\ndata: [DONE]\n\n';
    const { events, options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    expect((await sendChatCompletion(options)).status).toBe('complete');
    expect(events.filter((event) => event.kind === 'malformed')).toEqual([{ kind: 'malformed', data: '42' }]);
    expect(contentOf(events)).toBe('ok');
  });

  it('reports finish_reason "length" while thinking, with the reasoning kept', async () => {
    const { outcome, events } = await streamFixture('length-during-thinking.sse');
    expect(outcome.finishReason).toBe('length');
    expect(reasoningOf(events)).toBe('A long chain of thought that never ends');
    expect(contentOf(events)).toBe('');
  });

  it('passes tool_calls through on the delta and reports finish_reason tool_calls once', async () => {
    const { outcome, events } = await streamFixture('tool-calls.sse');
    expect(outcome.status).toBe('complete');
    const toolCalls = events.flatMap((event) => (event.kind === 'delta' && event.toolCalls ? event.toolCalls : []));
    expect(toolCalls).toEqual([
      { id: 'call_1', index: 0, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } },
    ]);
    expect(events.filter((event) => event.kind === 'finish')).toEqual([{ kind: 'finish', reason: 'tool_calls' }]);
  });

  it('takes finish_reason from the last chunk that carries one', async () => {
    const text =
      'data: {"choices":[{"index":0,"finish_reason":"tool_calls","delta":{"content":""}}]}\n\n' +
      'data: {"choices":[{"index":0,"finish_reason":"stop","delta":{"content":""}}]}\n\ndata: [DONE]\n\n';
    const { events, options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    const outcome = await sendChatCompletion(options);
    expect(outcome.finishReason).toBe('stop');
    expect(events.filter((event) => event.kind === 'finish')).toEqual([{ kind: 'finish', reason: 'stop' }]);
  });

  it('treats an "event: error" message as an error payload, keeping the partial text', async () => {
    const text =
      'data: {"choices":[{"index":0,"delta":{"content":"Par"}}]}\n\nevent: error\ndata: upstream timeout\n\n';
    const { events, options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatchObject({ kind: 'stream', serverMessage: 'upstream timeout' });
    expect(contentOf(events)).toBe('Par');
  });

  it('reads an explicit "event: message" like an unnamed event', async () => {
    const text = 'event: message\ndata: {"choices":[{"index":0,"delta":{"content":"named"}}]}\n\ndata: [DONE]\n\n';
    const { events, options } = harness(() => sseResponse(fakeBody(bytesOf(text))));
    expect((await sendChatCompletion(options)).status).toBe('complete');
    expect(contentOf(events)).toBe('named');
  });
});

describe('sendChatCompletion: non-streaming', () => {
  const completion = {
    id: '2025092619xyz',
    request_id: '2025092619req',
    created: 1758884739,
    model: 'glm-4.5',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        message: { role: 'assistant', content: 'Olá!', reasoning_content: 'The person is asking…' },
      },
    ],
    usage: {
      prompt_tokens: 18,
      completion_tokens: 100,
      total_tokens: 118,
      prompt_tokens_details: { cached_tokens: 0 },
    },
  };

  it('emits meta, one delta, finish and usage from the JSON body', async () => {
    const { events, options } = harness(() => jsonResponse(completion), { body: jsonBody });
    const outcome = await sendChatCompletion(options);
    expect(outcome).toEqual({ status: 'complete', receivedAnyByte: true, finishReason: 'stop' });
    expect(events).toEqual([
      { kind: 'meta', id: '2025092619xyz', requestId: '2025092619req', model: 'glm-4.5' },
      { kind: 'delta', reasoning: 'The person is asking…', content: 'Olá!', created: 1758884739 },
      { kind: 'finish', reason: 'stop' },
      { kind: 'usage', usage: completion.usage },
    ]);
  });

  it('reads a JSON reply even when streaming was requested (a proxy answered JSON)', async () => {
    const { events, options } = harness(() => jsonResponse(completion));
    expect((await sendChatCompletion(options)).status).toBe('complete');
    expect(contentOf(events)).toBe('Olá!');
  });

  it('reports a 200 body holding {"error":…} as an error', async () => {
    const { events, options } = harness(() => jsonResponse({ error: { code: '1211', message: 'Unknown Model' } }), {
      body: jsonBody,
    });
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.error?.title).toBe('Unknown model');
    expect(kindsOf(events)).toEqual(['error']);
  });

  it('reports a body that is not JSON as an unreadable reply', async () => {
    const { options } = harness(
      () => new Response('<html>gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      { body: jsonBody },
    );
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.error?.kind).toBe('unknown');
  });

  it('does not arm the stall timer while a non-streaming reply is being generated', async () => {
    const timers = manualTimers();
    const { options } = harness(() => jsonResponse(completion), {
      body: jsonBody,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const pending = sendChatCompletion(options);
    expect(timers.delays()).toEqual([]);
    expect((await pending).status).toBe('complete');
  });
});

describe('sendChatCompletion: HTTP errors', () => {
  it('maps a 401 with code 1001 to "Check your API key", without the key anywhere', async () => {
    const { events, options } = harness(() =>
      jsonResponse({ error: { code: '1001', message: 'Header中未收到Authentication参数' } }, 401),
    );
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.receivedAnyByte).toBe(false);
    expect(outcome.error).toMatchObject({
      kind: 'auth',
      status: 401,
      code: '1001',
      title: 'Check your API key',
      retryable: false,
    });
    expect(events).toEqual([]);
    expect(JSON.stringify(outcome)).not.toContain(testKey);
  });

  it('redacts the key when a server echoes it in its error message', async () => {
    const { options } = harness(() =>
      jsonResponse({ error: { code: '1002', message: `Invalid token ${testKey}` } }, 401),
    );
    const outcome = await sendChatCompletion(options);
    expect(JSON.stringify(outcome)).not.toContain(testKey);
    expect(outcome.error?.serverMessage).toBe('Invalid token [redacted key]');
  });

  it('reads Retry-After on a 429 rate limit', async () => {
    const { options } = harness(() =>
      jsonResponse({ error: { code: '1302', message: 'concurrency' } }, 429, { 'Retry-After': '7' }),
    );
    const outcome = await sendChatCompletion(options);
    expect(outcome.error).toMatchObject({ kind: 'rate-limit', retryable: true, retryAfterMs: 7000 });
  });

  it('resolves an HTTP-date Retry-After against the injected clock', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const { options } = harness(
      () => jsonResponse({ error: { code: '1305' } }, 429, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }),
      { now: () => now },
    );
    expect((await sendChatCompletion(options)).error?.retryAfterMs).toBe(5000);
  });

  it('maps a 500 with a non-JSON body to a retryable server error', async () => {
    const { options } = harness(() => new Response('upstream failed', { status: 502 }));
    const outcome = await sendChatCompletion(options);
    expect(outcome.error).toMatchObject({
      kind: 'server',
      status: 502,
      retryable: true,
      serverMessage: 'upstream failed',
    });
  });
});

describe('sendChatCompletion: network failures', () => {
  it('reports fetch throwing a TypeError cross-origin as a network error that is likely CORS', async () => {
    const { options } = harness(async () => Promise.reject(new TypeError('Failed to fetch')), { crossOrigin: true });
    const outcome = await sendChatCompletion(options);
    expect(outcome.status).toBe('error');
    expect(outcome.receivedAnyByte).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'network', likelyCors: true, retryable: true, status: null });
    expect(outcome.error?.advice).toMatch(/CORS/);
    expect(outcome.error?.advice).toMatch(/proxy/i);
  });

  it('reports a same-origin network failure without blaming CORS', async () => {
    const { options } = harness(async () => Promise.reject(new TypeError('Failed to fetch')), { crossOrigin: false });
    const outcome = await sendChatCompletion(options);
    expect(outcome.error).toMatchObject({ kind: 'network', likelyCors: false });
    expect(outcome.error?.advice).not.toMatch(/CORS/);
  });

  it('reports a fetch that throws synchronously as a network error, not a crash', async () => {
    const { options } = harness(() => {
      throw new TypeError('Invalid URL');
    });
    expect((await sendChatCompletion(options)).error?.kind).toBe('network');
  });

  it('marks a connection dropped mid-stream as interrupted, keeping the partial text', async () => {
    const bytes = fixture('thinking-then-answer.sse');
    const cut = Buffer.from(bytes).indexOf(Buffer.from('Olá!'));
    const { events, options } = harness(() =>
      sseResponse(fakeBody(bytes.slice(0, cut + 10), { nextSize: () => 9, ending: 'error' })),
    );
    const outcome = await sendChatCompletion(options);
    expect(outcome).toEqual({ status: 'interrupted', receivedAnyByte: true });
    expect(reasoningOf(events)).toBe(thinkingReasoning);
    expect(contentOf(events)).toBe('\n');
  });
});

describe('sendChatCompletion: stop', () => {
  it('returns stopped without calling fetch when the signal is already aborted', async () => {
    const { calls, controller, options } = harness(() => sseResponse(fakeBody(fixture('thinking-then-answer.sse'))));
    controller.abort();
    expect(await sendChatCompletion(options)).toEqual({ status: 'stopped', receivedAnyByte: false });
    expect(calls).toEqual([]);
  });

  it('stops before the headers arrive, aborting the fetch (never an error)', async () => {
    let fetchSignal: AbortSignal | null = null;
    const { controller, options } = harness(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          fetchSignal = init.signal;
          init.signal.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    const pending = sendChatCompletion(options);
    controller.abort();
    const outcome = await pending;
    expect(outcome).toEqual({ status: 'stopped', receivedAnyByte: false });
    expect(outcome.error).toBeUndefined();
    expect(fetchSignal).not.toBeNull();
    expect((fetchSignal as AbortSignal | null)?.aborted).toBe(true);
  });

  it('stops even if the fetch ignores the abort signal', async () => {
    const { controller, options } = harness(() => new Promise<Response>(() => undefined));
    const pending = sendChatCompletion(options);
    controller.abort();
    expect(await pending).toEqual({ status: 'stopped', receivedAnyByte: false });
  });

  it('stops mid-stream, keeping what arrived and cancelling the body', async () => {
    const bytes = fixture('thinking-then-answer.sse');
    const cut = Buffer.from(bytes).indexOf(Buffer.from('"content":"Olá!"'));
    const body = fakeBody(bytes.slice(0, cut), { nextSize: () => 50, ending: 'hang' });
    const { events, controller, options } = harness(() => sseResponse(body));
    const pending = sendChatCompletion(options);
    await vi.waitFor(() => expect(reasoningOf(events)).toBe(thinkingReasoning));
    controller.abort();
    const outcome = await pending;
    expect(outcome).toEqual({ status: 'stopped', receivedAnyByte: true });
    expect(kindsOf(events)).not.toContain('error');
    await vi.waitFor(() => expect(body.wasCancelled()).toBe(true));
  });

  it('stops while an error body is being read', async () => {
    const { controller, options } = harness(
      () => new Response(fakeBody(bytesOf('{"error":'), { ending: 'hang' }).stream, { status: 500 }),
    );
    const pending = sendChatCompletion(options);
    controller.abort();
    expect((await pending).status).toBe('stopped');
  });
});

describe('sendChatCompletion: stall', () => {
  it('reports stalled when no byte arrives for stallTimeoutMs, keeping the partial text and cancelling the body', async () => {
    const timers = manualTimers();
    const bytes = fixture('no-done-eof.sse');
    const body = fakeBody(bytes, { ending: 'hang' });
    const { events, options } = harness(() => sseResponse(body), {
      stallTimeoutMs: 5_000,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const pending = sendChatCompletion(options);
    await vi.waitFor(() => expect(contentOf(events)).toBe('The answer is'));
    expect(timers.delays()).toEqual([5_000]);
    timers.fireAll();
    expect(await pending).toEqual({ status: 'stalled', receivedAnyByte: true });
    expect(reasoningOf(events)).toBe('Thinking about Zürich');
    await vi.waitFor(() => expect(body.wasCancelled()).toBe(true));
  });

  it('uses a 60 s stall timeout by default', async () => {
    const timers = manualTimers();
    const { options } = harness(() => new Promise<Response>(() => undefined), {
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const pending = sendChatCompletion(options);
    expect(timers.delays()).toEqual([defaultStallTimeoutMs]);
    timers.fireAll();
    expect(await pending).toEqual({ status: 'stalled', receivedAnyByte: false });
  });

  it('restarts the stall timer on every read, so a slow but steady stream completes', async () => {
    const { timers, events, pending, send } = await streamFedByHand();
    for (const word of ['Slow', ' but', ' steady']) {
      timers.advance(4_000);
      send(`data: {"choices":[{"index":0,"delta":{"content":"${word}"}}]}\n\n`);
      await vi.waitFor(() => expect(contentOf(events)).toContain(word));
    }
    timers.advance(4_000);
    send('data: [DONE]\n\n');
    expect(await pending).toEqual({ status: 'complete', receivedAnyByte: true });
    expect(contentOf(events)).toBe('Slow but steady');
    expect(timers.delays()).toEqual([]);
  });

  it('keep-alive-only: comment lines are no sign of life, so a stream of `: keep-alive` alone stalls on time', async () => {
    const { timers, events, pending, send } = await streamFedByHand();
    send('data: {"choices":[{"index":0,"delta":{"content":"Kept"}}]}\n\n');
    await vi.waitFor(() => expect(contentOf(events)).toBe('Kept'));
    const due = timers.dueTimes();
    for (let second = 0; second < 4; second += 1) {
      timers.advance(1_000);
      send(': keep-alive\n\n');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Still due when the last event arrived, not restarted by the comments.
    expect(timers.dueTimes()).toEqual(due);
    timers.advance(1_000);
    expect(await pending).toEqual({ status: 'stalled', receivedAnyByte: true });
    expect(contentOf(events)).toBe('Kept');
  });

  it('lets Stop end a stalled-looking stream before the timeout fires', async () => {
    const timers = manualTimers();
    const { controller, options } = harness(
      () => sseResponse(fakeBody(bytesOf(': keep-alive\n\n'), { ending: 'hang' })),
      {
        setTimeout: timers.setTimeout,
        clearTimeout: timers.clearTimeout,
      },
    );
    const pending = sendChatCompletion(options);
    await vi.waitFor(() => expect(timers.delays()).toEqual([defaultStallTimeoutMs]));
    controller.abort();
    expect((await pending).status).toBe('stopped');
    expect(timers.delays()).toEqual([]);
  });
});
