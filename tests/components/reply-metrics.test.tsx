// Metrics under the reply: timings, token counts from usage, finish reason, cost, and the "budget ran out during
// thinking" call-out; plus which reply the area shows.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import type { Usage } from '../../src/core/contracts';
import { completeMetrics, recordEvent, startMetrics } from '../../src/core/metrics';
import { resetPlayground } from '../../src/store';
import * as actions from '../../src/store/actions';
import type { ReplyInfo, Turn } from '../../src/store/types';
import { assistantTurn, delta, setTurns, t0 } from './helpers';

function modelTurn(id: string, content: string, reasoning: string, reply: Partial<ReplyInfo>): Turn {
  return assistantTurn({ id, content, reasoning }, reply);
}

function metric(term: string): string {
  const list = screen.getByRole('group', { name: 'Reply metrics' });
  const label = within(list).getByText(term);
  return label.nextElementSibling?.textContent ?? '';
}

beforeEach(() => {
  resetPlayground();
});

describe('reply metrics', () => {
  it('shows times to first reasoning and answer token, total, tokens/s, usage, finish reason and cost', () => {
    const usage: Usage = {
      prompt_tokens: 1_200,
      completion_tokens: 2_500,
      total_tokens: 3_700,
      completion_tokens_details: { reasoning_tokens: 1_000 },
    };
    let metrics = recordEvent(startMetrics(t0), delta('hmm', ''), t0 + 800);
    metrics = recordEvent(metrics, delta('', 'Yes'), t0 + 2_000);
    metrics = recordEvent(metrics, delta('', ' indeed'), t0 + 5_800);
    metrics = recordEvent(metrics, { kind: 'usage', usage }, t0 + 5_800);
    metrics = completeMetrics(metrics, t0 + 6_000);
    setTurns([modelTurn('r1', 'Yes indeed', 'hmm', { usage, metrics, finishReason: 'stop' })]);
    render(<ReplyArea />);

    expect(metric('First reasoning token')).toBe('800 ms');
    expect(metric('First answer token')).toBe('2.0 s');
    expect(metric('Total time')).toBe('6.0 s');
    expect(metric('Tokens/s')).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(2_500 / 5));
    expect(metric('Prompt tokens')).toBe(new Intl.NumberFormat().format(1_200));
    const format = new Intl.NumberFormat();
    expect(metric('Completion tokens')).toBe(`${format.format(2_500)} (${format.format(1_000)} reasoning)`);
    expect(metric('Finish reason')).toBe('stop');
    // glm-4.7: $0.6 / M input, $2.2 / M output.
    expect(metric('Estimated cost')).toBe('$0.0062');
  });

  it('shows the cached share of the prompt, prices it as billed, and totals the conversation', () => {
    const usage: Usage = {
      prompt_tokens: 1_200,
      completion_tokens: 2_500,
      total_tokens: 3_700,
      prompt_tokens_details: { cached_tokens: 800 },
    };
    const metrics = completeMetrics(startMetrics(t0), t0 + 6_000);
    setTurns([
      modelTurn('r1', 'First', '', { usage, metrics, finishReason: 'stop' }),
      modelTurn('r2', 'Second', '', { usage, metrics, finishReason: 'stop' }),
    ]);
    render(<ReplyArea />);
    const format = new Intl.NumberFormat();
    expect(metric('Prompt tokens')).toBe(`${format.format(1_200)} (${format.format(800)} cached)`);
    // glm-4.7: 400 uncached at $0.6 / M, 800 cached at $0.11 / M, 2,500 out at $2.2 / M.
    expect(metric('Estimated cost')).toBe('$0.0058');
    expect(metric('Conversation cost')).toBe('$0.012');
  });

  it('calls out a token budget spent on thinking (finish_reason length, no answer yet)', () => {
    const metrics = completeMetrics(recordEvent(startMetrics(t0), delta('long thought', ''), t0 + 100), t0 + 900);
    setTurns([
      modelTurn('r1', '', 'long thought', {
        metrics,
        finishReason: 'length',
        warnings: ['The token budget ran out during thinking — raise Max tokens.'],
      }),
    ]);
    render(<ReplyArea />);
    expect(screen.getByRole('note')).toHaveTextContent('The token budget ran out during thinking — raise Max tokens.');
    expect(screen.getAllByText(/token budget ran out during thinking/)).toHaveLength(1);
    expect(metric('Finish reason')).toBe('length');
  });

  it('does not call out a length finish that happened during the answer', () => {
    let metrics = recordEvent(startMetrics(t0), delta('t', ''), t0 + 100);
    metrics = completeMetrics(recordEvent(metrics, delta('', 'cut off'), t0 + 200), t0 + 300);
    setTurns([modelTurn('r1', 'cut off', 't', { metrics, finishReason: 'length' })]);
    render(<ReplyArea />);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('shows dashes, not zeros, for what is not known yet', () => {
    setTurns([modelTurn('r1', '', '', { status: 'waiting', finishReason: null })]);
    render(<ReplyArea />);
    expect(metric('First answer token')).toBe('—');
    expect(metric('Prompt tokens')).toBe('—');
    expect(metric('Estimated cost')).toBe('—');
  });
});

describe('which reply is shown', () => {
  it('shows the latest reply, an earlier one on request, and goes back', async () => {
    const user = userEvent.setup();
    setTurns([modelTurn('r1', 'Older answer', '', {}), modelTurn('r2', 'Newer answer', '', {})]);
    render(<ReplyArea />);
    const reply = () => screen.getByRole('region', { name: 'Reply' });
    expect(within(reply()).getByText('Newer answer')).toBeInTheDocument();

    act(() => actions.selectReply('r1'));
    expect(within(reply()).getByText('Older answer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show latest reply' }));
    expect(within(reply()).getByText('Newer answer')).toBeInTheDocument();
  });

  it('before any reply, explains what will appear', () => {
    render(<ReplyArea />);
    expect(screen.queryByRole('region', { name: 'Reply' })).not.toBeInTheDocument();
    expect(screen.getByText(/reasoning and its reply stream in here/)).toBeInTheDocument();
  });
});
