// The end of a stream (src/store/actions.ts): once the last byte is in, the final text is committed at once and the
// reply settles (status, metrics, history, save) after the next paint, so a long reply's final text is not held up
// by the work that follows it. Between the two the call stays active, and a Send in that frame settles it first.
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { loadLazyRegions, loadReplyStream, resetEverything } from './helpers';

beforeAll(loadLazyRegions);

const encoder = new TextEncoder();

function chunk(delta: { content?: string }, finishReason?: string): string {
  const choice = finishReason
    ? { index: 0, finish_reason: finishReason, delta: { role: 'assistant', ...delta } }
    : { index: 0, delta: { role: 'assistant', ...delta } };
  return `data: ${JSON.stringify({ id: 'chunk-1', created: 1767268800, model: 'glm-4.7', choices: [choice] })}\n\n`;
}

/** A reply the test releases in two halves: `finish()` sends the rest and [DONE]. */
function controlledReply() {
  let source: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      source = controller;
      controller.enqueue(encoder.encode(chunk({ content: 'The first half' })));
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    finish() {
      source?.enqueue(
        encoder.encode(chunk({ content: ', then the rest.' }) + chunk({ content: '' }, 'stop') + 'data: [DONE]\n\n'),
      );
      source?.close();
    },
  };
}

/** Animation frames run by hand: `frame()` is the browser rendering the next frame. */
function manualFrames() {
  let callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  return {
    frame() {
      const due = callbacks;
      callbacks = [];
      act(() => due.forEach((callback) => callback(performance.now())));
    },
  };
}

/** Lets the stream's promise work run, without letting time pass. */
async function settleMicrotasks() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

const turns = () => usePlaygroundStore.getState().conversation.turns;
const replyStatus = () => within(screen.getByRole('region', { name: 'Reply' })).getAllByRole('status')[0];

beforeAll(async () => {
  await loadReplyStream();
});

beforeEach(() => {
  resetEverything();
  connectionActions.setEndpoint('demo');
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  act(() => actions.stop());
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Sends "Hello" and streams the whole reply; frames run while it streams, as in a visible tab. */
async function streamToTheEnd(frames: ReturnType<typeof manualFrames>) {
  const reply = controlledReply();
  const fetch = vi.fn((_url: string, _init: unknown) => Promise.resolve(reply.response));
  vi.stubGlobal('fetch', fetch);
  render(
    <>
      <ConversationPanel />
      <ReplyArea />
    </>,
  );
  actions.setDraft('Hello');
  act(() => actions.send());
  await settleMicrotasks();
  frames.frame();
  expect(turns()[1]?.content).toBe('The first half');
  reply.finish();
  await settleMicrotasks();
  return fetch;
}

describe('the end of a stream', () => {
  it('shows the final text at once and settles the reply after the next frame has painted', async () => {
    const frames = manualFrames();
    await streamToTheEnd(frames);
    expect(turns()[1]?.content).toBe('The first half, then the rest.');
    expect(replyStatus()).toHaveTextContent('streaming');
    expect(usePlaygroundStore.getState().ui.sending).toBe(true);

    frames.frame();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(replyStatus()).toHaveTextContent('complete');
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
  });

  it('settles through the timer fallback when frames stop right at the end (the tab went to the background)', async () => {
    const frames = manualFrames();
    await streamToTheEnd(frames);
    expect(replyStatus()).toHaveTextContent('streaming');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(100);
    });
    expect(replyStatus()).toHaveTextContent('complete');
  });

  it('a Send before that frame settles the finished reply first, then starts the next one: no interleaving', async () => {
    const frames = manualFrames();
    const fetch = await streamToTheEnd(frames);
    fetch.mockImplementation(() => new Promise<Response>(() => undefined));
    actions.setDraft('And then?');
    act(() => actions.send());
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(turns().map((turn) => [turn.role, turn.reply?.status ?? null])).toEqual([
      ['user', null],
      ['assistant', 'complete'],
      ['user', null],
      ['assistant', 'waiting'],
    ]);
    expect(turns()[1]?.content).toBe('The first half, then the rest.');
    expect(usePlaygroundStore.getState().ui.sending).toBe(true);
  });
});
