// The streaming worker's protocol (src/core/streamHost.ts on the worker side, src/store/streamWorkerClient.ts on
// the page side), run in-process: a fake worker passes structured clones of the messages both ways. The recorded
// SSE fixtures are the same ones the page-thread client is tested with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOptions, CallOutcome, StreamEvent } from '../../src/core/contracts';
import { createStreamHost, type StreamRequest, type StreamResponse } from '../../src/core/streamHost';
import { sendChatCompletion } from '../../src/core/streaming';
import { resetRuntime } from '../../src/store/runtime';
import { sendInWorker, setStreamWorkerFactory, type StreamWorker } from '../../src/store/streamWorkerClient';

const url = 'https://api.z.ai/api/paas/v4/chat/completions';
const body = { model: 'glm-4.7', messages: [{ role: 'user' as const, content: 'Hi' }], stream: true };

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/sse/${name}`, import.meta.url))));
}

/** A response whose body arrives in small reads and then closes, errors or hangs. */
function sseResponse(bytes: Uint8Array, ending: 'close' | 'error' | 'hang' = 'close', readSize = 7): Response {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset < bytes.length) {
        controller.enqueue(bytes.slice(offset, offset + readSize));
        offset += readSize;
        return;
      }
      if (ending === 'error') controller.error(new TypeError('network error'));
      else if (ending === 'hang') return new Promise<void>(() => undefined);
      else controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}

/** A fake worker running the host in-process; frames are flushed on a timer like the real worker's fallback. */
function fakeWorker(respond: () => Response, sent: StreamRequest[] = []): StreamWorker {
  const listeners: ((event: MessageEvent<StreamResponse>) => void)[] = [];
  const handle = createStreamHost({
    post: (message) => {
      const copy = structuredClone(message);
      for (const listener of listeners) listener({ data: copy } as MessageEvent<StreamResponse>);
    },
    fetch: () => Promise.resolve(respond()),
    now: () => Date.now(),
    scheduleFlush: (flush) => setTimeout(flush, 1),
  });
  return {
    postMessage: (message) => {
      sent.push(message);
      handle(structuredClone(message));
    },
    addEventListener: (type: string, listener: (event: MessageEvent<StreamResponse>) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    terminate: () => undefined,
  };
}

async function viaWorker(
  worker: StreamWorker,
  signal = new AbortController().signal,
): Promise<{ outcome: CallOutcome | null; events: StreamEvent[]; messages: number }> {
  setStreamWorkerFactory(() => worker);
  const events: StreamEvent[] = [];
  let messages = 0;
  const outcome = await sendInWorker({ url, apiKey: 'test-key', body, signal }, (batch) => {
    messages += 1;
    events.push(...batch.map((timed) => timed.event));
  });
  return { outcome, events, messages };
}

async function onThePage(response: Response): Promise<{ outcome: CallOutcome; events: StreamEvent[] }> {
  const events: StreamEvent[] = [];
  const options: CallOptions = {
    url,
    apiKey: 'test-key',
    body,
    fetch: () => Promise.resolve(response),
    signal: new AbortController().signal,
    onEvent: (event) => events.push(event),
  };
  return { outcome: await sendChatCompletion(options), events };
}

function textOf(events: StreamEvent[], part: 'reasoning' | 'content'): string {
  return events.map((event) => (event.kind === 'delta' ? event[part] : '')).join('');
}

afterEach(() => {
  resetRuntime();
  setStreamWorkerFactory(null);
});

describe('streaming in a worker', () => {
  for (const name of ['thinking-then-answer.sse', 'tool-calls.sse', 'malformed-and-unknown-event.sse']) {
    it(`gives the same text, events and outcome as the page for ${name}`, async () => {
      const worker = await viaWorker(fakeWorker(() => sseResponse(fixture(name))));
      const page = await onThePage(sseResponse(fixture(name)));
      expect(worker.outcome).toEqual(page.outcome);
      expect(textOf(worker.events, 'reasoning')).toBe(textOf(page.events, 'reasoning'));
      expect(textOf(worker.events, 'content')).toBe(textOf(page.events, 'content'));
      expect(worker.events.filter((event) => event.kind !== 'delta')).toEqual(
        page.events.filter((event) => event.kind !== 'delta'),
      );
      const pieces = (events: StreamEvent[]) =>
        events.flatMap((event) => (event.kind === 'delta' ? (event.toolCalls ?? []) : []));
      expect(pieces(worker.events)).toEqual(pieces(page.events));
    });
  }

  it('keeps the partial reply of a dropped connection, marked interrupted', async () => {
    const bytes = fixture('thinking-then-answer.sse').slice(0, 400);
    const { outcome, events } = await viaWorker(fakeWorker(() => sseResponse(bytes, 'error')));
    expect(outcome?.status).toBe('interrupted');
    expect(textOf(events, 'reasoning').length).toBeGreaterThan(0);
  });

  it('passes an error payload in the stream through with its partial text', async () => {
    const { outcome, events } = await viaWorker(fakeWorker(() => sseResponse(fixture('error-mid-stream.sse'))));
    expect(outcome?.status).toBe('error');
    expect(events.some((event) => event.kind === 'error')).toBe(true);
  });

  it('stops the call in the worker when the page aborts, keeping what arrived', async () => {
    const controller = new AbortController();
    const sent: StreamRequest[] = [];
    const bytes = fixture('thinking-then-answer.sse').slice(0, 300);
    const worker = fakeWorker(() => sseResponse(bytes, 'hang'), sent);
    setTimeout(() => controller.abort(), 30);
    const { outcome, events } = await viaWorker(worker, controller.signal);
    expect(sent.map((message) => message.type)).toEqual(['start', 'stop']);
    expect(outcome?.status).toBe('stopped');
    expect(events.length).toBeGreaterThan(0);
  });

  it('sends fewer messages than there are events', async () => {
    const worker = await viaWorker(fakeWorker(() => sseResponse(fixture('thinking-then-answer.sse'), 'close', 1000)));
    const page = await onThePage(sseResponse(fixture('thinking-then-answer.sse')));
    expect(worker.messages).toBeLessThan(page.events.length);
  });

  it('keeps two calls at once apart (compare columns share one worker)', async () => {
    let served = 0;
    const names = ['thinking-then-answer.sse', 'tool-calls.sse'];
    const worker = fakeWorker(() => sseResponse(fixture(names[served++ % 2] ?? '')));
    setStreamWorkerFactory(() => worker);
    const first: StreamEvent[] = [];
    const second: StreamEvent[] = [];
    const signal = new AbortController().signal;
    const outcomes = await Promise.all([
      sendInWorker({ url, apiKey: 'k', body, signal }, (batch) => first.push(...batch.map((timed) => timed.event))),
      sendInWorker({ url, apiKey: 'k', body, signal }, (batch) => second.push(...batch.map((timed) => timed.event))),
    ]);
    expect(outcomes.map((outcome) => outcome?.status)).toEqual(['complete', 'complete']);
    expect(textOf(first, 'content')).toBe(
      textOf((await onThePage(sseResponse(fixture(names[0] ?? '')))).events, 'content'),
    );
    expect(second.some((event) => event.kind === 'delta' && event.toolCalls !== undefined)).toBe(true);
  });

  it('falls back to the page when the worker cannot start', async () => {
    setStreamWorkerFactory(() => {
      throw new Error('workers are blocked');
    });
    const outcome = await sendInWorker(
      { url, apiKey: 'k', body, signal: new AbortController().signal },
      () => undefined,
    );
    expect(outcome).toBeNull();
  });
});

describe('a reply streamed through the worker', () => {
  it('commits the whole reply without the page calling fetch', async () => {
    const { streamReply } = await import('../../src/store/replyStream');
    setStreamWorkerFactory(() => fakeWorker(() => sseResponse(fixture('thinking-then-answer.sse'))));
    let content = '';
    let reasoning = '';
    const outcome = await streamReply({
      request: { baseUrl: 'https://api.z.ai/api/paas/v4', body },
      apiKey: 'test-key',
      signal: new AbortController().signal,
      crossOrigin: false,
      fetch: () => Promise.reject(new Error('the page must not fetch')),
      accepts: () => true,
      commit: (delta) => {
        content += delta.content;
        reasoning += delta.reasoning;
      },
    });
    const page = await onThePage(sseResponse(fixture('thinking-then-answer.sse')));
    expect(outcome.status).toBe('complete');
    expect(content).toBe(textOf(page.events, 'content'));
    expect(reasoning).toBe(textOf(page.events, 'reasoning'));
  });
});
