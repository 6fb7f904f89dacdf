// The Reasoning and Reply panes while a reply streams, with the store set directly to each moment of a stream.
import { Profiler } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ReasoningPane } from '../../src/components/reply/ReasoningPane';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { completeMetrics, recordEvent, startMetrics, type ReplyMetrics } from '../../src/core/metrics';
import { resetPlayground } from '../../src/store';
import type { ReplyInfo, Turn } from '../../src/store/types';
import { delta, setReply as setQuestionAndReply, t0 as startedAt } from './helpers';

/** A reply still streaming (unless `reply` says otherwise). */
function setReply(turn: Partial<Turn>, reply: Partial<ReplyInfo>) {
  setQuestionAndReply(turn, { status: 'streaming', finishReason: null, ...reply });
}

function toggle() {
  return within(screen.getByRole('region', { name: 'Reasoning' })).getByRole('button', { name: 'Reasoning' });
}

beforeEach(() => {
  resetPlayground();
  vi.useFakeTimers();
  vi.setSystemTime(startedAt);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reasoning pane', () => {
  it('is expanded with a live "Thinking… N s" timer that stops at the first answer token', () => {
    let metrics: ReplyMetrics = recordEvent(startMetrics(startedAt), delta('Let me think', ''), startedAt + 400);
    vi.setSystemTime(startedAt + 400);
    setReply({ reasoning: 'Let me think' }, { metrics });
    render(<ReplyArea />);

    const reasoning = screen.getByRole('region', { name: 'Reasoning' });
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(within(reasoning).getByText('Let me think')).toBeVisible();
    expect(within(reasoning).getByText('Thinking… 0 s')).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(2_600);
    });
    expect(within(reasoning).getByText('Thinking… 2 s')).toBeInTheDocument();

    metrics = recordEvent(metrics, delta('', 'The answer'), startedAt + 3_900);
    setReply({ reasoning: 'Let me think', content: 'The answer' }, { metrics });
    expect(within(reasoning).getByText('Thought for 3.5 s')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(within(reasoning).getByText('Thought for 3.5 s')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Reply' })).getByText('The answer')).toBeInTheDocument();
  });

  it('collapses when the answer starts, and the user can open it again', () => {
    const metrics = recordEvent(
      recordEvent(startMetrics(startedAt), delta('step 1', ''), startedAt + 100),
      delta('', 'Answer'),
      startedAt + 1_200,
    );
    setReply({ reasoning: 'step 1', content: 'Answer' }, { metrics });
    render(<ReplyArea />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('step 1')).not.toBeInTheDocument();

    fireEvent.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('step 1')).toBeVisible();
    fireEvent.click(toggle());
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
  });

  it('a reply stopped while thinking keeps its reasoning open and its time', () => {
    let metrics = recordEvent(startMetrics(startedAt), delta('half a thought', ''), startedAt + 200);
    metrics = recordEvent(metrics, delta(' and more', ''), startedAt + 2_200);
    metrics = completeMetrics(metrics, startedAt + 2_500);
    setReply({ reasoning: 'half a thought and more' }, { metrics, status: 'stopped' });
    render(<ReplyArea />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Thought for 2.0 s')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Reply' })).getByRole('status')).toHaveTextContent('stopped');
  });

  it('does not re-render while the answer streams after thinking', () => {
    let metrics = recordEvent(
      recordEvent(startMetrics(startedAt), delta('thought', ''), startedAt + 100),
      delta('', 'A'),
      startedAt + 900,
    );
    setReply({ reasoning: 'thought', content: 'A' }, { metrics });
    let commits = 0;
    render(
      <Profiler id="reasoning" onRender={() => (commits += 1)}>
        <ReasoningPane turnId="reply-1" />
      </Profiler>,
    );
    commits = 0;
    let content = 'A';
    for (let frame = 1; frame <= 10; frame += 1) {
      content += ` word${frame}`;
      metrics = recordEvent(metrics, delta('', ` word${frame}`), startedAt + 900 + frame * 16);
      setReply({ reasoning: 'thought', content }, { metrics });
      act(() => {
        vi.advanceTimersByTime(16);
      });
    }
    expect(commits).toBe(0);
    expect(screen.getByText('Thought for 800 ms')).toBeInTheDocument();
  });

  it('says when a reply has no reasoning', () => {
    const metrics = recordEvent(startMetrics(startedAt), delta('', 'Just the answer'), startedAt + 300);
    setReply(
      { content: 'Just the answer' },
      { metrics: completeMetrics(metrics, startedAt + 400), status: 'complete' },
    );
    render(<ReplyArea />);
    fireEvent.click(toggle());
    expect(screen.getByText('No reasoning for this reply.')).toBeInTheDocument();
  });
});

describe('reply pane', () => {
  it('shows the status of the reply as it changes', () => {
    setReply({}, { status: 'waiting' });
    render(<ReplyArea />);
    const status = within(screen.getByRole('region', { name: 'Reply' })).getByRole('status');
    expect(status).toHaveTextContent('waiting for the first token');
    for (const [replyStatus, text] of [
      ['streaming', 'streaming'],
      ['stopped', 'stopped'],
      ['interrupted', 'interrupted'],
      ['stalled', 'stalled'],
      ['error', 'error'],
    ] as const) {
      setReply({ content: 'partial' }, { status: replyStatus });
      expect(status).toHaveTextContent(text);
    }
  });

  it('renders the answer as Markdown', async () => {
    setReply({ content: '# Title\n\n- one\n- two' }, { status: 'complete' });
    render(<ReplyArea />);
    const reply = screen.getByRole('region', { name: 'Reply' });
    // The Markdown renderer is loaded on demand; the heading appears once it has arrived (on real timers).
    vi.useRealTimers();
    expect(await within(reply).findByRole('heading', { name: 'Title' })).toBeInTheDocument();
    expect(within(reply).getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps following when the reply gets shorter and the browser moves the view up to its new end', () => {
    setReply({ content: 'first' }, { status: 'streaming' });
    render(<ReplyArea />);
    const scroller = screen.getByRole('group', { name: 'Reply text' });
    // A browser's scroll box: the view cannot go past the end of the content.
    let scrollHeight = 1_500;
    let top = 0;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 200 });
    Object.defineProperty(scroller, 'scrollTop', {
      configurable: true,
      get: () => top,
      set: (value: number) => {
        top = Math.max(0, Math.min(value, scrollHeight - 200));
      },
    });
    setReply({ content: 'first [1' }, { status: 'streaming' });
    expect(scroller.scrollTop).toBe(1_300);

    // "[1" turned out to start a link definition, which shows nothing: the content is shorter, the view moves up.
    scrollHeight = 1_476;
    scroller.scrollTop = top;
    fireEvent.scroll(scroller);

    expect(screen.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();
    scrollHeight = 1_800;
    setReply({ content: 'first [1]: https://example.com more' }, { status: 'streaming' });
    expect(scroller.scrollTop).toBe(1_600);
  });

  it('follows the stream until the user scrolls up, then offers "Jump to latest"', () => {
    setReply({ content: 'first' }, { status: 'streaming' });
    render(<ReplyArea />);
    const scroller = screen.getByRole('group', { name: 'Reply text' });
    let scrollHeight = 1_000;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => 200 });

    scrollHeight = 1_500;
    setReply({ content: 'first second' }, { status: 'streaming' });
    expect(scroller.scrollTop).toBe(1_500);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();

    scroller.scrollTop = 600;
    fireEvent.scroll(scroller);
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    scrollHeight = 2_000;
    setReply({ content: 'first second third' }, { status: 'streaming' });
    expect(scroller.scrollTop).toBe(600);

    fireEvent.click(jump);
    expect(scroller.scrollTop).toBe(2_000);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).not.toBeInTheDocument();
    scrollHeight = 2_400;
    setReply({ content: 'first second third fourth' }, { status: 'streaming' });
    expect(scroller.scrollTop).toBe(2_400);
  });
});
