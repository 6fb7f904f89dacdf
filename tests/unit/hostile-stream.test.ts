// Hostile server replies, read by the streaming client: an HTML page where the API should be, an event too large
// to hold, thousands of broken events, fields of the wrong type, and huge error bodies. Titles start with the
// mock scenario they stand for: `npm run test:faults` prints one line per test.
import { describe, expect, it } from 'vitest';
import type { CallOptions, StreamEvent } from '../../src/core/contracts';
import { maxServerMessageChars } from '../../src/core/errorDetails';
import { sendChatCompletion } from '../../src/core/streaming';
import { maxEventChars } from '../../src/core/sseWatch';

const encoder = new TextEncoder();
const delta = (content: string) => `data: {"choices":[{"index":0,"delta":{"content":"${content}"}}]}\n\n`;

/** A body sent in reads of `chunkSize` characters, then closed. */
function body(text: string, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= text.length) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(text.slice(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

async function call(response: () => Response, stream = true) {
  const events: StreamEvent[] = [];
  const options: CallOptions = {
    url: 'https://api.z.ai/api/paas/v4/chat/completions',
    apiKey: 'sk-test',
    body: { model: 'glm-4.7', messages: [{ role: 'user', content: 'Hi' }], stream },
    fetch: () => Promise.resolve(response()),
    signal: new AbortController().signal,
    onEvent: (event) => events.push(event),
  };
  const outcome = await sendChatCompletion(options);
  const content = events.map((event) => (event.kind === 'delta' ? event.content : '')).join('');
  return { outcome, events, content };
}

const page =
  '<!doctype html><html><head><title>Sign in to the Wi-Fi</title></head><body>Accept the terms</body></html>';

describe('hostile replies', () => {
  it('html-200: an HTML page with status 200 is reported as an HTML page, with its start, not as a dropped stream', async () => {
    const { outcome } = await call(
      () => new Response(page, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    );
    expect(outcome.status).toBe('error');
    expect(outcome.error?.title).toBe('The server answered with an HTML page, not the API');
    expect(outcome.error?.advice).toContain('base URL');
    expect(outcome.error?.serverMessage).toContain('<title>Sign in to the Wi-Fi</title>');
  });

  it('html-200: an HTML page sent without a content type (read as a stream) is recognised too', async () => {
    const { outcome } = await call(() => new Response(body(page), { status: 200 }));
    expect(outcome.status).toBe('error');
    expect(outcome.error?.title).toBe('The server answered with an HTML page, not the API');
  });

  it('html-200: a non-streaming request answered with an HTML page says so', async () => {
    const { outcome } = await call(() => new Response(page, { status: 200 }), false);
    expect(outcome.error?.title).toBe('The server answered with an HTML page, not the API');
  });

  it('huge-event: one 10 MB event ends the call with an error naming its size; what came before it is kept', async () => {
    const huge = `data: {"choices":[{"index":0,"delta":{"content":"${'x'.repeat(10 * 1024 * 1024)}"}}]}\n\n`;
    const text = delta('Before ') + delta('the flood.') + huge + delta('After') + 'data: [DONE]\n\n';
    const { outcome, content } = await call(
      () => new Response(body(text), { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    expect(outcome.status).toBe('error');
    expect(outcome.error?.title).toBe('The server sent an event too large to handle: 10.0 MB');
    expect(content).toBe('Before the flood.');
  });

  it('huge-event: an event just under the limit is read as usual', async () => {
    const large = 'y'.repeat(maxEventChars - 200);
    const { outcome, content } = await call(
      () => new Response(body(delta(large) + 'data: [DONE]\n\n'), { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    expect(outcome.status).toBe('complete');
    expect(content.length).toBe(large.length);
  });

  it('junk-events: 50,000 broken events are each reported as malformed and the reply still completes', async () => {
    const junk = 'data: {not json\n\n'.repeat(50_000);
    const { outcome, events, content } = await call(
      () =>
        new Response(body(delta('Start ') + junk + delta('end.') + 'data: [DONE]\n\n'), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
    );
    expect(outcome.status).toBe('complete');
    expect(events.filter((event) => event.kind === 'malformed')).toHaveLength(50_000);
    expect(content).toBe('Start end.');
  });

  it('junk-events: a field of the wrong type ("content": 5) is reported as malformed with its path', async () => {
    const text = 'data: {"choices":[{"index":0,"delta":{"content":5}}]}\n\n' + delta('Fine.') + 'data: [DONE]\n\n';
    const { events, content } = await call(
      () => new Response(body(text), { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    expect(events.filter((event) => event.kind === 'malformed')).toEqual([
      expect.objectContaining({ kind: 'malformed', field: 'choices[0].delta.content' }),
    ]);
    expect(content).toBe('Fine.');
  });

  it('junk-events: an event nested 100,000 levels deep is malformed, not a stack overflow', async () => {
    const deep = `data: {"choices":[{"index":0,"delta":{"content":"a"}}],"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n\n`;
    const { outcome, events } = await call(
      () =>
        new Response(body(deep + delta('b') + 'data: [DONE]\n\n'), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
    );
    expect(outcome.status).toBe('complete');
    expect(events.filter((event) => event.kind === 'malformed')).toHaveLength(1);
  });

  it('huge-error-body: a 2 MB error message is kept cut short, stating the size of the whole body', async () => {
    const message = 'Overloaded. '.repeat(180_000);
    const { outcome } = await call(
      () =>
        new Response(JSON.stringify({ error: { code: '1305', message } }), {
          status: 503,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const serverMessage = outcome.error?.serverMessage ?? '';
    expect(serverMessage.length).toBeLessThan(maxServerMessageChars + 100);
    expect(serverMessage).toMatch(/^Overloaded\. Overloaded\./);
    expect(serverMessage).toContain('[cut short: the server sent 2.1 MB in all]');
  });
});
