// Stream and network faults through the real store and components, with a fake fetch and fake timers: the retry
// policy as the user sees it (countdown, how many requests), Stop at every moment, and the 60 s stall timeout.
// Test titles start with the scenario name: `npm run test:faults` prints one line per test.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { StallTimeoutField } from '../../src/components/settings/StallTimeoutField';
import { defaultStallTimeoutSeconds, stallTimeoutRange } from '../../src/core/stallTimeout';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { loadLazyRegions, loadReplyStream, resetEverything } from './helpers';

beforeAll(loadLazyRegions);

type FetchInit = { signal: AbortSignal };
type FakeFetch = (url: string, init: FetchInit) => Promise<Response>;

const encoder = new TextEncoder();

function chunk(delta: { reasoning_content?: string; content?: string }, finishReason?: string): string {
  const choice = finishReason
    ? { index: 0, finish_reason: finishReason, delta: { role: 'assistant', ...delta } }
    : { index: 0, delta: { role: 'assistant', ...delta } };
  return `data: ${JSON.stringify({ id: 'chunk-1', created: 1767268800, model: 'glm-4.7', choices: [choice] })}\n\n`;
}

/**
 * A streaming response that sends `parts` one read at a time, then: 'done' ([DONE]), 'drop' (the connection
 * fails, as a reset socket does) or 'hang' (no more bytes). Aborting the request errors the body, as fetch does.
 */
function streamResponse(parts: string[], ending: 'done' | 'drop' | 'hang', signal: AbortSignal): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener('abort', () => {
        try {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        } catch {
          // already closed
        }
      });
    },
    pull(controller) {
      const part = parts[index];
      index += 1;
      if (part !== undefined) {
        controller.enqueue(encoder.encode(part));
        return;
      }
      if (ending === 'done') {
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
      } else if (ending === 'drop') {
        controller.error(new TypeError('network error'));
      } else {
        return new Promise<void>(() => undefined);
      }
      return undefined;
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function errorResponse(status: number, code: string | null, retryAfter: string | null = null): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  const body =
    code === null
      ? { error: { message: 'Internal server error' } }
      : { error: { code, message: `Mock error ${code}` } };
  return new Response(JSON.stringify(body), { status, headers });
}

/** A fetch that answers each call with the next responder (the last one repeats), counting calls. */
function fakeFetch(...responders: Array<(init: FetchInit) => Response | Promise<Response>>) {
  let calls = 0;
  const fetch = vi.fn<FakeFetch>((_url, init) => {
    calls += 1;
    const responder = responders[Math.min(calls - 1, responders.length - 1)];
    if (!responder) return Promise.reject(new Error('no responder'));
    try {
      return Promise.resolve(responder(init));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const reasoningThenAnswer = [chunk({ reasoning_content: 'Thinking about it. ' }), chunk({ content: 'Partial answer' })];
const wholeReply = [...reasoningThenAnswer, chunk({ content: ' — complete.' }), chunk({ content: '' }, 'stop')];

function renderPlayground() {
  return render(
    <>
      <ConversationPanel />
      <ReplyArea />
    </>,
  );
}

/** Types a message and presses Send, as a user does. */
function sendMessage(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

function replyStatus(): HTMLElement {
  const reply = screen.getByRole('region', { name: 'Reply' });
  const [status] = within(reply).getAllByRole('status');
  if (!status) throw new Error('no Reply status');
  return status;
}

function lastReply() {
  const turns = usePlaygroundStore.getState().conversation.turns;
  return turns[turns.length - 1];
}

/** Lets fake time pass, running timers and the promise work they trigger. */
async function pass(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeAll(loadReplyStream);

beforeEach(() => {
  resetEverything();
  connectionActions.setEndpoint('demo');
  vi.useFakeTimers({ shouldAdvanceTime: false });
  // No jitter: backoff is exactly 1 s, then 2 s.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  act(() => actions.stop());
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('automatic retries', () => {
  const retried: Array<[string, () => Response]> = [
    ['1302', () => errorResponse(429, '1302')],
    ['1303', () => errorResponse(429, '1303')],
    ['1305', () => errorResponse(429, '1305')],
    ['1312', () => errorResponse(429, '1312')],
    ['500', () => errorResponse(500, null)],
    ['502', () => errorResponse(502, null)],
    ['503', () => errorResponse(503, null)],
  ];
  it.each(retried)(
    'retry-%s: retried at most twice with a "Retrying in N s" countdown, then shown with Retry',
    async (_name, respond) => {
      const fetch = fakeFetch(() => respond());
      renderPlayground();
      sendMessage('Hello');
      await pass(0);
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(screen.getByText(/Retrying in 1 s \(retry 1 of 2\)/)).toBeInTheDocument();
      const countdown = screen.getAllByRole('status').find((status) => /Retrying/.test(status.textContent));
      expect(countdown && within(countdown).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
      await pass(1_000);
      expect(fetch).toHaveBeenCalledTimes(2);
      await pass(300);
      expect(screen.getByText('Retried 1 of 2 times; next in 2 s')).toBeInTheDocument();
      await pass(1_600);
      expect(fetch).toHaveBeenCalledTimes(2);
      await pass(100);
      expect(fetch).toHaveBeenCalledTimes(3);
      await pass(60_000);
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
      expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' })).toBeEnabled();
      expect(screen.getByRole('alert')).toHaveTextContent('Retried 2 of 2 times; no retries left.');
      expect(usePlaygroundStore.getState().ui.sending).toBe(false);
    },
  );

  it('retry-network-before-first-byte: a TypeError before any response is retried, and the reply then arrives', async () => {
    const fetch = fakeFetch(
      () => {
        throw new TypeError('Failed to fetch');
      },
      (init) => streamResponse(wholeReply, 'done', init.signal),
    );
    renderPlayground();
    sendMessage('Hello');
    await pass(0);
    expect(screen.getByText(/Retrying in 1 s \(retry 1 of 2\)/)).toBeInTheDocument();
    await pass(1_000);
    await pass(300);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(replyStatus()).toHaveTextContent('complete');
    expect(
      within(screen.getByRole('region', { name: 'Reply' })).getByText(/Partial answer — complete\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('retry-after: Retry-After (seconds) is waited for exactly, and capped at 60 s', async () => {
    const fetch = fakeFetch(
      () => errorResponse(429, '1302', '5'),
      () => errorResponse(429, '1302', '3600'),
      () => errorResponse(429, '1302', '5'),
    );
    renderPlayground();
    sendMessage('Hello');
    await pass(0);
    expect(screen.getByText(/Retrying in 5 s/)).toBeInTheDocument();
    await pass(4_900);
    expect(fetch).toHaveBeenCalledTimes(1);
    await pass(100);
    expect(fetch).toHaveBeenCalledTimes(2);
    // The second attempt failed at 5 s with Retry-After: 3600, capped at 60 s.
    await pass(300);
    expect(screen.getByText('Retried 1 of 2 times; next in 60 s')).toBeInTheDocument();
    await pass(59_500);
    expect(fetch).toHaveBeenCalledTimes(2);
    await pass(200);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  const neverRetried: Array<[string, () => Response, RegExp]> = [
    ['401', () => errorResponse(401, '1000'), /Check your API key/],
    ['1113', () => errorResponse(429, '1113'), /Insufficient balance/],
    ['1211', () => errorResponse(400, '1211'), /Unknown model/i],
    ['1301', () => errorResponse(400, '1301'), /blocked/i],
    ['429-without-code', () => new Response('{}', { status: 429 }), /Too many requests/],
  ];
  it.each(neverRetried)(
    'no-retry-%s: shown at once with a manual Retry, never retried automatically',
    async (_name, respond, title) => {
      const fetch = fakeFetch(() => respond());
      renderPlayground();
      sendMessage('Keep this message');
      await pass(0);
      expect(screen.getByRole('alert')).toHaveTextContent(title);
      expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
      await pass(120_000);
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('article', { name: 'user turn 1' })).toHaveTextContent('Keep this message');
    },
  );

  it('no-retry-after-token: a connection dropped after the first token is interrupted, not retried', async () => {
    const fetch = fakeFetch((init) => streamResponse(reasoningThenAnswer, 'drop', init.signal));
    renderPlayground();
    sendMessage('Hello');
    await pass(300);
    expect(replyStatus()).toHaveTextContent('interrupted');
    expect(lastReply()?.content).toBe('Partial answer');
    expect(lastReply()?.reasoning).toBe('Thinking about it. ');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The connection dropped');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(within(alert).getByRole('button', { name: 'Continue' })).toBeEnabled();
    await pass(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('Stop at any moment', () => {
  const phases: Array<
    [string, (init: FetchInit) => Response | Promise<Response>, { reasoning: string; content: string }]
  > = [
    ['before-first-byte', () => new Promise<Response>(() => undefined), { reasoning: '', content: '' }],
    [
      'mid-reasoning',
      (init) => streamResponse([chunk({ reasoning_content: 'Half a thought' })], 'hang', init.signal),
      { reasoning: 'Half a thought', content: '' },
    ],
    [
      'mid-answer',
      (init) => streamResponse(reasoningThenAnswer, 'hang', init.signal),
      { reasoning: 'Thinking about it. ', content: 'Partial answer' },
    ],
  ];
  it.each(phases)('stop-%s: no error, text kept, "stopped", and Send works at once', async (_name, respond, kept) => {
    const fetch = fakeFetch(respond, (init) => streamResponse(wholeReply, 'done', init.signal));
    renderPlayground();
    sendMessage('First');
    await pass(300);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await pass(0);
    expect(replyStatus()).toHaveTextContent('stopped');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(lastReply()?.reasoning).toBe(kept.reasoning);
    expect(lastReply()?.content).toBe(kept.content);
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();

    sendMessage('Second');
    expect(fetch).toHaveBeenCalledTimes(2);
    await pass(300);
    expect(replyStatus()).toHaveTextContent('complete');
    expect(lastReply()?.content).toBe('Partial answer — complete.');
  });

  it('stop-while-retrying: Stop during the countdown cancels the retry; no request follows', async () => {
    const fetch = fakeFetch(() => errorResponse(503, null));
    renderPlayground();
    sendMessage('Hello');
    await pass(0);
    expect(screen.getByText(/Retrying in 1 s/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await pass(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
  });
});

describe('stall', () => {
  it('stall-default-60s: no byte for 60 s marks the reply stalled, keeps the partial text and offers Retry and Continue', async () => {
    fakeFetch((init) => streamResponse(reasoningThenAnswer, 'hang', init.signal));
    renderPlayground();
    sendMessage('Hello');
    await pass(300);
    await pass(defaultStallTimeoutSeconds * 1000 - 1_000);
    expect(replyStatus()).toHaveTextContent('streaming');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    await pass(1_000);
    expect(replyStatus()).toHaveTextContent('stalled');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The stream stalled');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(within(alert).getByRole('button', { name: 'Continue' })).toBeEnabled();
    expect(lastReply()?.content).toBe('Partial answer');
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('stall-configured-timeout: a "Stall timeout (s)" of 10 reports the stall after 10 s of silence', async () => {
    fakeFetch((init) => streamResponse(reasoningThenAnswer, 'hang', init.signal));
    render(<StallTimeoutField />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Stall timeout (s)' }), { target: { value: '10' } });
    renderPlayground();
    sendMessage('Hello');
    await pass(300);
    await pass(9_000);
    expect(replyStatus()).toHaveTextContent('streaming');
    await pass(1_000);
    expect(replyStatus()).toHaveTextContent('stalled');
    expect(lastReply()?.content).toBe('Partial answer');
  });

  it('stall-timeout-clamped: a stall timeout below 5 s is clamped with a visible note', () => {
    render(<StallTimeoutField />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Stall timeout (s)' }), { target: { value: '1' } });
    expect(screen.getByText(`Clamped to ${stallTimeoutRange.min}`)).toBeInTheDocument();
    expect(usePlaygroundStore.getState().connection.stallTimeoutSeconds).toBe(stallTimeoutRange.min);
  });

  it('stall-steady-trickle: a slow stream that keeps sending bytes never stalls', async () => {
    let sent = 0;
    fakeFetch((init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
        },
        async pull(controller) {
          // One token every 50 s (fake time): slower than nothing, but never 60 s of silence.
          await new Promise((resolve) => setTimeout(resolve, 50_000));
          sent += 1;
          if (sent <= 3) controller.enqueue(encoder.encode(chunk({ content: `t${sent} ` })));
          else {
            controller.enqueue(encoder.encode(chunk({ content: '' }, 'stop') + 'data: [DONE]\n\n'));
            controller.close();
          }
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    renderPlayground();
    sendMessage('Hello');
    for (let step = 0; step < 5; step += 1) await pass(50_000);
    await pass(300);
    expect(replyStatus()).toHaveTextContent('complete');
    expect(lastReply()?.content).toBe('t1 t2 t3 ');
  });
});
