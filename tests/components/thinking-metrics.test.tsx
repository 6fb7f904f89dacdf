// The thinking metrics line in the reply header, and "Raise max tokens and retry" for a reply whose budget ran out
// while the model was still thinking.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import type { StreamEvent, Usage } from '../../src/core/contracts';
import type { ChatRequestBody } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import * as settingsActions from '../../src/store/settingsActions';
import type { ReplyInfo, Turn } from '../../src/store/types';
import {
  delta,
  loadReplyStream,
  resetEverything,
  setReply as setQuestionAndReply,
  setTurns,
  timeline,
} from './helpers';

/** A thinking-enabled reply to "Why?", sent to the current endpoint. */
function setReply(turn: Partial<Turn>, reply: Partial<ReplyInfo>, body: Partial<ChatRequestBody> = {}) {
  const request = {
    baseUrl: usePlaygroundStore.getState().connection.baseUrl,
    body: {
      model: 'glm-4.7',
      messages: [{ role: 'user' as const, content: 'Why?' }],
      stream: true,
      thinking: { type: 'enabled' as const },
      ...body,
    },
  };
  setQuestionAndReply(turn, { request, ...reply });
}

/** The value next to a term in the "Thinking metrics" line. */
function metric(term: string): string {
  const line = screen.getByLabelText('Thinking metrics');
  return within(line).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

beforeAll(loadReplyStream);

beforeEach(() => {
  resetEverything();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('thinking metrics line', () => {
  const usage: Usage = {
    prompt_tokens: 12,
    completion_tokens: 1_900,
    total_tokens: 1_912,
    completion_tokens_details: { reasoning_tokens: 1_830 },
  };
  const events: [number, StreamEvent][] = [
    [400, delta('Let me think', '')],
    [12_800, delta(' some more.', '')],
    [13_000, delta('', 'The answer.')],
    [13_500, { kind: 'usage', usage }],
  ];

  it('shows the times to the first reasoning and answer tokens and the reasoning duration in the reply header', () => {
    setReply(
      { reasoning: 'Let me think some more.', content: 'The answer.' },
      { metrics: timeline(events, 13_600), usage },
    );
    render(<ReplyArea />);
    const header = within(screen.getByRole('region', { name: 'Reply' })).getByLabelText('Thinking metrics');
    expect(header).toBeInTheDocument();
    expect(metric('First reasoning token')).toBe('400 ms');
    expect(metric('Reasoning time')).toBe('12 s');
    expect(metric('First answer token')).toBe('13 s');
  });

  it('splits tokens with the server’s reasoning_tokens, without "≈"', () => {
    setReply(
      { reasoning: 'Let me think some more.', content: 'The answer.' },
      { metrics: timeline(events, 13_600), usage },
    );
    render(<ReplyArea />);
    expect(metric('Reasoning')).toBe('1,830 tokens · 23 chars');
    expect(metric('Answer')).toBe('70 tokens · 11 chars');
    expect(screen.queryByText(/estimated from the text/)).not.toBeInTheDocument();
  });

  it('marks estimated token counts with "≈" and says why when the server sent no usage', () => {
    setReply(
      { reasoning: 'abcdefghabcdefgh', content: 'abcdefgh' },
      {
        metrics: timeline(
          [
            [100, delta('abcdefghabcdefgh', '')],
            [900, delta('', 'abcdefgh')],
          ],
          1_000,
        ),
      },
    );
    render(<ReplyArea />);
    expect(metric('Reasoning')).toBe('≈4 tokens · 16 chars');
    expect(metric('Answer')).toBe('≈2 tokens · 8 chars');
    expect(
      screen.getByText('≈ estimated from the text: the server did not report reasoning tokens.'),
    ).toBeInTheDocument();
  });

  it('keeps the figures with the reply: a saved reply shows them again without any new event', () => {
    setReply(
      { reasoning: 'Let me think some more.', content: 'The answer.' },
      { metrics: timeline(events, 13_600), usage },
    );
    const saved = JSON.parse(JSON.stringify(usePlaygroundStore.getState().conversation.turns)) as Turn[];
    resetPlayground();
    setTurns(saved);
    render(<ReplyArea />);
    expect(metric('Reasoning time')).toBe('12 s');
    expect(metric('Reasoning')).toBe('1,830 tokens · 23 chars');
  });

  it('shows only the answer figures for a reply without reasoning', () => {
    setReply({ content: 'Just this.' }, { metrics: timeline([[300, delta('', 'Just this.')]], 400) });
    render(<ReplyArea />);
    expect(metric('First answer token')).toBe('300 ms');
    expect(within(screen.getByLabelText('Thinking metrics')).queryByText('Reasoning time')).not.toBeInTheDocument();
  });
});

describe('finish_reason "length" during reasoning', () => {
  const cutUsage: Usage = { prompt_tokens: 20, completion_tokens: 64, total_tokens: 84 };

  function setCutReply() {
    const metrics = timeline(
      [
        [800, delta('A long chain of thought', '')],
        [3_900, delta(' that never ends', '')],
        [3_950, { kind: 'finish', reason: 'length' }],
        [3_950, { kind: 'usage', usage: cutUsage }],
      ],
      3_960,
    );
    setReply(
      { reasoning: 'A long chain of thought that never ends' },
      { metrics, usage: cutUsage, finishReason: 'length' },
      { model: 'glm-4.5', max_tokens: 64 },
    );
  }

  it('says the budget ran out during thinking and offers to raise it, showing the new value', () => {
    act(() => settingsActions.setModel('glm-4.5'));
    setCutReply();
    render(<ReplyArea />);
    expect(screen.getByRole('note')).toHaveTextContent('The token budget ran out during thinking — raise Max tokens.');
    expect(screen.getByRole('button', { name: 'Raise max tokens and retry' })).toBeEnabled();
    expect(screen.getByText('max_tokens 64 → 128, pinned')).toBeInTheDocument();
  });

  it('doubles Max tokens, pins it, and retries the same reply with the new max_tokens', async () => {
    act(() => settingsActions.setModel('glm-4.5'));
    act(() => connectionActions.setEndpoint('zai'));
    setCutReply();
    const sse = [
      '{"choices":[{"index":0,"delta":{"reasoning_content":"Thought."}}]}',
      '{"choices":[{"index":0,"delta":{"content":"Done."},"finish_reason":"stop"}]}',
      '[DONE]',
    ]
      .map((data) => `data: ${data}\n\n`)
      .join('');
    const fetch = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response(sse, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })),
    );
    vi.stubGlobal('fetch', fetch);
    render(<ReplyArea />);
    await userEvent.click(screen.getByRole('button', { name: 'Raise max tokens and retry' }));

    expect(fetch).toHaveBeenCalledTimes(1);
    const sent = JSON.parse(fetch.mock.calls[0]?.[1].body as string) as ChatRequestBody;
    expect(sent).toEqual({
      model: 'glm-4.5',
      messages: [{ role: 'user', content: 'Why?' }],
      stream: true,
      thinking: { type: 'enabled' },
      max_tokens: 128,
    });
    expect(usePlaygroundStore.getState().settings.maxTokens).toBe(128);
    expect(usePlaygroundStore.getState().settings.pinned.max_tokens).toBe(true);
    expect(await within(screen.getByRole('region', { name: 'Reply' })).findByText('Done.')).toBeInTheDocument();
    const turns = usePlaygroundStore.getState().conversation.turns;
    expect(turns).toHaveLength(2);
    expect(turns[1]?.reply?.request.body.max_tokens).toBe(128);
  });

  it('cannot raise past the model’s maximum, and says so', () => {
    act(() => settingsActions.setModel('glm-4.5'));
    const metrics = timeline(
      [
        [800, delta('thinking', '')],
        [900, { kind: 'finish', reason: 'length' }],
      ],
      950,
    );
    setReply({ reasoning: 'thinking' }, { metrics, finishReason: 'length' }, { model: 'glm-4.5', max_tokens: 98_304 });
    render(<ReplyArea />);
    expect(screen.getByRole('button', { name: 'Raise max tokens and retry' })).toBeDisabled();
    expect(screen.getByText("max_tokens is already at this model's maximum (98,304).")).toBeInTheDocument();
  });

  it('raises a reply sent with the default max_tokens from the model default, capped at the maximum', () => {
    act(() => settingsActions.setModel('glm-4.5'));
    const metrics = timeline(
      [
        [800, delta('thinking', '')],
        [900, { kind: 'finish', reason: 'length' }],
      ],
      950,
    );
    setReply({ reasoning: 'thinking' }, { metrics, finishReason: 'length' }, { model: 'glm-4.5' });
    render(<ReplyArea />);
    expect(screen.getByText('max_tokens 65,536 → 98,304, pinned')).toBeInTheDocument();
  });

  it('offers nothing when the answer had started (the cut is not during reasoning)', () => {
    const metrics = timeline(
      [
        [800, delta('thinking', '')],
        [900, delta('', 'Partial answer')],
        [950, { kind: 'finish', reason: 'length' }],
      ],
      960,
    );
    setReply(
      { reasoning: 'thinking', content: 'Partial answer' },
      { metrics, finishReason: 'length' },
      { max_tokens: 64 },
    );
    render(<ReplyArea />);
    expect(screen.queryByRole('button', { name: 'Raise max tokens and retry' })).not.toBeInTheDocument();
  });
});
