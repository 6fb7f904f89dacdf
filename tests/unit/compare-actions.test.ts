// Compare mode against the real store with a fake fetch (src/store/compareActions.ts): the columns stream at the
// same time, each with its own settings, controller and metrics; Stop in one leaves the others running; "Keep this
// one" continues the conversation with that column's reply.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultModelId, modelInfo } from '../../src/core/models';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import * as compareActions from '../../src/store/compareActions';
import { selectCanKeepColumn, selectCompareRunning } from '../../src/store/compareSelectors';
import { describeColumnSettings, type CompareColumn } from '../../src/store/compareSlice';
import { selectReplyFigures } from '../../src/store/selectors';

const state = () => usePlaygroundStore.getState();
const columns = () => state().compare.columns;
const column = (index: number): CompareColumn => {
  const found = columns()[index];
  if (!found) throw new Error(`no column ${index + 1}`);
  return found;
};
const result = (index: number) => column(index).result;

interface WireBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  thinking?: { type: string };
  temperature?: number;
  max_tokens?: number;
}

/** One fake streaming response the test writes into, chunk by chunk. */
interface FakeStream {
  body: WireBody;
  signal: AbortSignal;
  delta(part: { reasoning?: string; content?: string }): void;
  finish(usage: { prompt_tokens: number; completion_tokens: number; reasoning_tokens?: number }): void;
}

let streams: FakeStream[] = [];
const startedAt = 1_000_000;
let clock = startedAt;
const encoder = new TextEncoder();

function fakeFetch(_url: string, init: { body: string; signal: AbortSignal }): Promise<Response> {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
  });
  const write = (payload: unknown) => controller?.enqueue(encoder.encode(`data: ${JSON.stringify(payload)}\n\n`));
  init.signal.addEventListener('abort', () => controller?.error(new DOMException('Aborted', 'AbortError')));
  streams.push({
    body: JSON.parse(init.body) as WireBody,
    signal: init.signal,
    delta: ({ reasoning, content }) =>
      write({
        id: 'x',
        created: 1,
        choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: reasoning, content } }],
      }),
    finish: ({ prompt_tokens, completion_tokens, reasoning_tokens }) => {
      const usage: Record<string, unknown> = {
        prompt_tokens,
        completion_tokens,
        total_tokens: prompt_tokens + completion_tokens,
      };
      if (reasoning_tokens !== undefined) usage.completion_tokens_details = { reasoning_tokens };
      write({
        id: 'x',
        created: 2,
        choices: [{ index: 0, finish_reason: 'stop', delta: { role: 'assistant', content: '' } }],
        usage,
      });
      controller?.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller?.close();
    },
  });
  return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
}

/** The stream a column's request went out on (the columns differ by thinking in these tests). */
function streamFor(thinking: 'enabled' | 'disabled'): FakeStream {
  const found = streams.find((stream) => stream.body.thinking?.type === thinking);
  if (!found) throw new Error(`no request with thinking ${thinking}`);
  return found;
}

/** Delivers a chunk `ms` after the comparison started and waits until the store shows it. */
async function at(ms: number, deliver: () => void, shown: () => boolean): Promise<void> {
  clock = startedAt + ms;
  deliver();
  await vi.waitFor(() => expect(shown()).toBe(true));
}

function startComparison(draft = 'Why is the sky blue?'): void {
  connectionActions.setEndpoint('demo');
  actions.setDraft(draft);
  compareActions.openCompare();
  compareActions.runCompare();
}

beforeEach(() => {
  resetPlayground();
  streams = [];
  clock = startedAt;
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  // One commit per "frame", without waiting for the 250 ms background-tab fallback.
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle));
});

afterEach(() => {
  compareActions.stopAllColumns();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('columns', () => {
  it('opens with two columns: the sidebar model with Thinking on, then off', () => {
    compareActions.openCompare();
    expect(columns().map((entry) => describeColumnSettings(entry.settings))).toEqual([
      'glm-4.7, thinking on',
      'glm-4.7, thinking off',
    ]);
  });

  it('adds columns up to four and removes them down to two', () => {
    compareActions.openCompare();
    compareActions.addCompareColumn();
    compareActions.addCompareColumn();
    compareActions.addCompareColumn();
    expect(columns()).toHaveLength(4);
    compareActions.removeCompareColumn(column(1).id);
    compareActions.removeCompareColumn(column(1).id);
    compareActions.removeCompareColumn(column(1).id);
    expect(columns()).toHaveLength(2);
  });

  it('a model switch in a column applies that model’s defaults and limits, and leaves the sidebar alone', () => {
    compareActions.openCompare();
    compareActions.setColumnModel(column(1).id, 'glm-4-32b-0414-128k');
    expect(column(1).settings).toMatchObject({
      model: 'glm-4-32b-0414-128k',
      temperature: 0.75,
      topP: 0.9,
      maxTokens: 16_384,
    });
    expect(compareActions.setColumnMaxTokens(column(1).id, 1_000_000)).toBe(16_384);
    expect(describeColumnSettings(column(1).settings)).toBe('glm-4-32b-0414-128k, no thinking mode');
    expect(state().settings.model).toBe(defaultModelId);
  });
});

describe('running', () => {
  it('sends the transcript plus the draft once per column, each with its own settings, without waiting for the other', async () => {
    actions.addTurn('user', 'Earlier question');
    actions.addTurn('assistant', 'Earlier answer');
    compareActions.openCompare();
    compareActions.setColumnTemperature(column(1).id, 0.2);
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    const messages = [
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier answer' },
      { role: 'user', content: 'Why is the sky blue?' },
    ];
    expect(streamFor('enabled').body).toEqual({
      model: 'glm-4.7',
      messages,
      stream: true,
      thinking: { type: 'enabled' },
    });
    expect(streamFor('disabled').body).toEqual({
      model: 'glm-4.7',
      messages,
      stream: true,
      thinking: { type: 'disabled' },
      temperature: 0.2,
    });
    // The draft stays in the Message box and the transcript is untouched until a column is kept.
    expect(state().conversation.draft).toBe('Why is the sky blue?');
    expect(state().conversation.turns).toHaveLength(2);
  });

  it('two columns stream concurrently: both show partial text before either completes', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    await at(
      100,
      () => streamFor('enabled').delta({ reasoning: 'Light scatters' }),
      () => result(0)?.reasoning === 'Light scatters',
    );
    await at(
      200,
      () => streamFor('disabled').delta({ content: 'Rayleigh' }),
      () => result(1)?.content === 'Rayleigh',
    );
    expect(result(0)?.reply.status).toBe('streaming');
    expect(result(1)?.reply.status).toBe('streaming');
    expect(selectCompareRunning(state())).toBe(true);

    await at(
      300,
      () => streamFor('disabled').delta({ content: ' scattering.' }),
      () => result(1)?.content === 'Rayleigh scattering.',
    );
    await at(
      400,
      () => streamFor('enabled').delta({ content: 'Blue light scatters most.' }),
      () => result(0)?.content === 'Blue light scatters most.',
    );
    await at(
      500,
      () => streamFor('disabled').finish({ prompt_tokens: 10, completion_tokens: 4 }),
      () => result(1)?.reply.status === 'complete',
    );
    expect(result(0)?.reply.status).toBe('streaming');
    await at(
      800,
      () => streamFor('enabled').finish({ prompt_tokens: 10, completion_tokens: 20 }),
      () => result(0)?.reply.status === 'complete',
    );
    expect(selectCompareRunning(state())).toBe(false);
  });

  it('stopping one column keeps its text and leaves the other running to completion', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    await at(
      100,
      () => streamFor('enabled').delta({ reasoning: 'Thinking' }),
      () => result(0)?.reasoning === 'Thinking',
    );
    await at(
      150,
      () => streamFor('disabled').delta({ content: 'Half an' }),
      () => result(1)?.content === 'Half an',
    );

    compareActions.stopColumn(column(0).id);
    await vi.waitFor(() => expect(result(0)?.reply.status).toBe('stopped'));
    expect(streamFor('enabled').signal.aborted).toBe(true);
    expect(streamFor('disabled').signal.aborted).toBe(false);
    expect(result(0)?.reasoning).toBe('Thinking');
    expect(result(1)?.reply.status).toBe('streaming');

    await at(
      300,
      () => streamFor('disabled').delta({ content: ' answer.' }),
      () => result(1)?.content === 'Half an answer.',
    );
    await at(
      400,
      () => streamFor('disabled').finish({ prompt_tokens: 10, completion_tokens: 3 }),
      () => result(1)?.reply.status === 'complete',
    );
  });

  it('measures each column on its own: first token, first answer token, total time, tokens and cost', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    // Column 1 thinks for 2 s before answering; column 2 answers after 300 ms.
    await at(
      500,
      () => streamFor('enabled').delta({ reasoning: 'Let me think about scattering.' }),
      () => result(0)?.reasoning !== '',
    );
    await at(
      300,
      () => streamFor('disabled').delta({ content: 'Because of Rayleigh scattering.' }),
      () => result(1)?.content !== '',
    );
    await at(
      1_000,
      () => streamFor('disabled').finish({ prompt_tokens: 12, completion_tokens: 6 }),
      () => result(1)?.reply.status === 'complete',
    );
    await at(
      2_500,
      () => streamFor('enabled').delta({ content: 'Blue light scatters most.' }),
      () => result(0)?.content !== '',
    );
    await at(
      4_000,
      () => streamFor('enabled').finish({ prompt_tokens: 12, completion_tokens: 900, reasoning_tokens: 800 }),
      () => result(0)?.reply.status === 'complete',
    );

    const thinkingReply = result(0)?.reply;
    const directReply = result(1)?.reply;
    const thinking = thinkingReply && selectReplyFigures(thinkingReply);
    const direct = directReply && selectReplyFigures(directReply);
    expect(thinking?.timeToFirstReasoningMs).toBe(500);
    expect(thinking?.timeToFirstAnswerMs).toBe(2_500);
    expect(thinking?.totalMs).toBe(4_000);
    expect(thinking?.reasoningTokens).toBe(800);
    expect(thinking?.estimatedCostUsd).toBeCloseTo((12 * 0.6 + 900 * 2.2) / 1_000_000, 12);
    expect(direct?.timeToFirstReasoningMs).toBeNull();
    expect(direct?.timeToFirstAnswerMs).toBe(300);
    expect(direct?.totalMs).toBe(1_000);
    expect(direct?.completionTokens).toBe(6);
    expect(direct?.estimatedCostUsd).toBeCloseTo((12 * 0.6 + 6 * 2.2) / 1_000_000, 12);
    expect(modelInfo(result(0)?.reply.request.body.model ?? '').id).toBe('glm-4.7');
  });

  it('closing Compare stops every running column', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    compareActions.closeCompare();
    await vi.waitFor(() =>
      expect(columns().map((entry) => entry.result?.reply.status)).toEqual(['stopped', 'stopped']),
    );
    expect(streams.every((stream) => stream.signal.aborted)).toBe(true);
  });

  it('records every column’s request in the request history, as a sent reply is', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    streamFor('enabled').finish({ prompt_tokens: 5, completion_tokens: 3 });
    streamFor('disabled').finish({ prompt_tokens: 5, completion_tokens: 4 });
    await vi.waitFor(() => expect(state().history.entries).toHaveLength(2));
    const sent = state()
      .history.entries.map((entry) => entry.request.body.thinking?.type)
      .sort();
    expect(sent).toEqual(['disabled', 'enabled']);
  });

  it('a reset while columns stream aborts them, and the next comparison runs', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    resetPlayground();
    expect(streams.every((stream) => stream.signal.aborted)).toBe(true);
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(4));
  });

  it('does not start while a single reply is being sent', () => {
    usePlaygroundStore.setState((current) => ({ ui: { ...current.ui, sending: true } }));
    startComparison();
    expect(streams).toHaveLength(0);
    expect(columns().every((entry) => entry.result === null)).toBe(true);
  });
});

describe('keeping a column', () => {
  async function finishedComparison(): Promise<void> {
    startComparison('What is 2 + 2?');
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    await at(
      100,
      () => streamFor('enabled').delta({ reasoning: 'Two and two.', content: 'It is **4**.' }),
      () => result(0)?.content !== '',
    );
    await at(
      200,
      () => streamFor('enabled').finish({ prompt_tokens: 8, completion_tokens: 9 }),
      () => result(0)?.reply.status === 'complete',
    );
    await at(
      300,
      () => streamFor('disabled').delta({ content: 'Four.' }),
      () => result(1)?.content !== '',
    );
    await at(
      400,
      () => streamFor('disabled').finish({ prompt_tokens: 8, completion_tokens: 2 }),
      () => result(1)?.reply.status === 'complete',
    );
  }

  it('appends the draft and that column’s reply (with its request and metrics) and keeps the sidebar settings', async () => {
    await finishedComparison();
    const kept = result(0);
    compareActions.keepColumn(column(0).id);
    const turns = state().conversation.turns;
    expect(turns.map((turn) => [turn.role, turn.content, turn.reasoning])).toEqual([
      ['user', 'What is 2 + 2?', ''],
      ['assistant', 'It is **4**.', 'Two and two.'],
    ]);
    expect(turns[1]?.reply).toEqual(kept?.reply);
    expect(turns[1]?.reply?.request.body.thinking).toEqual({ type: 'enabled' });
    expect(state().conversation.draft).toBe('');
    expect(state().settings.thinking).toBe(true);
    expect(state().compare.kept).toEqual({ columnNumber: 1, description: 'glm-4.7, thinking on' });
    expect(columns().every((entry) => entry.result === null)).toBe(true);
  });

  it('refuses when the conversation changed after the comparison ran', async () => {
    await finishedComparison();
    actions.addTurn('user', 'Something else');
    expect(selectCanKeepColumn(state(), column(1).id)).toEqual({
      ok: false,
      reason: 'The conversation changed since this comparison ran — run it again.',
    });
    compareActions.keepColumn(column(1).id);
    expect(state().conversation.turns.map((turn) => turn.content)).toEqual(['Something else']);
  });

  it('is not offered while the column still runs', async () => {
    startComparison();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    expect(selectCanKeepColumn(state(), column(0).id).ok).toBe(false);
  });
});
