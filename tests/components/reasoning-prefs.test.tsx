// Reasoning pane preferences: collapse to a one-line summary after thinking or stay expanded, plain text or
// Markdown (both saved), copy the reasoning, and search inside it.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReasoningPreferences } from '../../src/components/settings/ReasoningPreferences';
import { ReasoningSummary } from '../../src/components/reply/ReasoningSummary';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import type { Usage } from '../../src/core/contracts';
import { usePlaygroundStore } from '../../src/store';
import { persistName } from '../../src/store/persistence';
import { assistantTurn, delta, resetEverything, setReply, setTurns, timeline } from './helpers';

const usage: Usage = {
  prompt_tokens: 10,
  completion_tokens: 1_900,
  total_tokens: 1_910,
  completion_tokens_details: { reasoning_tokens: 1_830 },
};
const thoughtThenAnswered = timeline(
  [
    [300, delta('First I think. ', '')],
    [4_000, delta('Then I think again.', '')],
    [4_500, delta('', 'Answer.')],
    [4_600, { kind: 'usage', usage }],
  ],
  4_700,
);

function reasoningRegion() {
  return screen.getByRole('region', { name: 'Reasoning' });
}

function toggle() {
  return within(reasoningRegion()).getByRole('button', { name: 'Reasoning' });
}

/** The reasoning preferences as last saved. */
function savedPreferences(): unknown {
  return (JSON.parse(localStorage.getItem(persistName) ?? '{}') as { state: { preferences: unknown } }).state
    .preferences;
}

beforeEach(() => {
  resetEverything();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('collapse after thinking (the default)', () => {
  it('collapses to one line: "Thought for 4.2 s · 1,830 tokens"', () => {
    setReply(
      { reasoning: 'First I think. Then I think again.', content: 'Answer.' },
      { metrics: thoughtThenAnswered, usage },
    );
    render(<ReplyArea />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(within(reasoningRegion()).getByText('Thought for 4.2 s')).toBeInTheDocument();
    expect(within(reasoningRegion()).getByText('1,830 tokens')).toBeInTheDocument();
    expect(screen.queryByText(/Then I think again/)).not.toBeInTheDocument();
  });

  it('marks the token count with "≈" when it is an estimate', () => {
    const metrics = timeline(
      [
        [300, delta('abcdefgh', '')],
        [800, delta('', 'Answer.')],
      ],
      900,
    );
    setReply({ reasoning: 'abcdefgh', content: 'Answer.' }, { metrics });
    render(<ReplyArea />);
    expect(within(reasoningRegion()).getByText('≈2 tokens')).toBeInTheDocument();
  });

  it('is expanded while the model thinks', () => {
    setReply(
      { reasoning: 'Still thinking' },
      { status: 'streaming', metrics: timeline([[300, delta('Still thinking', '')]], null) },
    );
    render(<ReplyArea />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('the summary line', () => {
  it('counts each mounted summary on its own, and follows its reply’s usage', () => {
    setTurns([
      assistantTurn({ id: 'first', reasoning: 'abcdefgh', content: 'A.' }),
      assistantTurn({ id: 'second', reasoning: 'abcdefghabcdefgh', content: 'B.' }),
    ]);
    render(
      <>
        <ReasoningSummary turnId="first" thoughtForMs={null} />
        <ReasoningSummary turnId="second" thoughtForMs={null} />
      </>,
    );
    expect(screen.getByText('≈2 tokens')).toBeInTheDocument();
    expect(screen.getByText('≈4 tokens')).toBeInTheDocument();

    setTurns([
      assistantTurn({ id: 'first', reasoning: 'abcdefgh', content: 'A.' }, { usage }),
      assistantTurn({ id: 'second', reasoning: 'abcdefghabcdefgh', content: 'B.' }),
    ]);
    expect(screen.getByText('1,830 tokens')).toBeInTheDocument();
    expect(screen.getByText('≈4 tokens')).toBeInTheDocument();
    expect(screen.queryByText('≈2 tokens')).not.toBeInTheDocument();
  });
});

describe('"Always expanded"', () => {
  it('keeps the reasoning open after the answer starts, and the choice is saved', async () => {
    render(<ReasoningPreferences />);
    await userEvent.click(screen.getByRole('radio', { name: 'Always expanded' }));
    expect(savedPreferences()).toEqual({
      reasoningExpansion: 'always-expanded',
      reasoningFormat: 'plain',
    });

    setReply(
      { reasoning: 'First I think. Then I think again.', content: 'Answer.' },
      { metrics: thoughtThenAnswered, usage },
    );
    render(<ReplyArea />);
    expect(toggle()).toHaveAttribute('aria-expanded', 'true');
    expect(within(reasoningRegion()).getByText('Thought for 4.2 s')).toBeInTheDocument();
  });

  it('is restored from a saved state, and an unknown saved value falls back to the default', async () => {
    const { salvage } = await import('../../src/store/savedStateRestore');
    const saved = salvage(
      { preferences: { reasoningExpansion: 'always-expanded', reasoningFormat: 'html' } },
      usePlaygroundStore.getState(),
    );
    expect(saved.state.preferences).toEqual({ reasoningExpansion: 'always-expanded', reasoningFormat: 'plain' });
  });
});

describe('plain text or Markdown', () => {
  const markdownReasoning = '## Plan\n\n- **first** step\n- second step';

  it('shows the reasoning as plain text by default (the Markdown characters as written)', async () => {
    setReply(
      { reasoning: markdownReasoning },
      { status: 'stopped', metrics: timeline([[300, delta(markdownReasoning, '')]], 400) },
    );
    render(<ReplyArea />);
    expect(await within(reasoningRegion()).findByText(/## Plan/)).toBeInTheDocument();
    expect(within(reasoningRegion()).queryByRole('heading', { name: 'Plan' })).not.toBeInTheDocument();
  });

  it('renders it as Markdown when chosen, and saves the choice', async () => {
    render(<ReasoningPreferences />);
    await userEvent.click(screen.getByRole('radio', { name: 'Render reasoning as Markdown' }));
    expect(savedPreferences()).toMatchObject({ reasoningFormat: 'markdown' });

    setReply(
      { reasoning: markdownReasoning },
      { status: 'stopped', metrics: timeline([[300, delta(markdownReasoning, '')]], 400) },
    );
    render(<ReplyArea />);
    expect(await within(reasoningRegion()).findByRole('heading', { name: 'Plan' })).toBeInTheDocument();
    expect(within(reasoningRegion()).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('copy reasoning', () => {
  it('copies the whole reasoning, even while the pane is collapsed', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    setReply(
      { reasoning: 'First I think. Then I think again.', content: 'Answer.' },
      { metrics: thoughtThenAnswered, usage },
    );
    render(<ReplyArea />);
    await userEvent.click(within(reasoningRegion()).getByRole('button', { name: 'Copy reasoning' }));
    expect(writeText).toHaveBeenCalledWith('First I think. Then I think again.');
    expect(await within(reasoningRegion()).findByText('Copied')).toBeInTheDocument();
  });

  it('says so when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    setReply({ reasoning: 'Some thoughts', content: 'Answer.' }, { metrics: thoughtThenAnswered });
    render(<ReplyArea />);
    await userEvent.click(within(reasoningRegion()).getByRole('button', { name: 'Copy reasoning' }));
    expect(
      await within(reasoningRegion()).findByText('Copy failed — select the text and copy it instead'),
    ).toBeInTheDocument();
  });
});

describe('search in reasoning', () => {
  const reasoning = 'The cat sat.\n\nA second cat, and a CAT in capitals.\n\nNo match here.';

  function showStoppedReasoning(text = reasoning) {
    setReply({ reasoning: text }, { status: 'stopped', metrics: timeline([[300, delta(text, '')]], 400) });
    render(<ReplyArea />);
  }

  it('counts case-insensitive matches and marks the blocks that hold them (no Custom Highlight API here)', async () => {
    showStoppedReasoning();
    await within(reasoningRegion()).findByText('The cat sat.');
    await userEvent.type(within(reasoningRegion()).getByRole('searchbox', { name: 'Search in reasoning' }), 'cat');
    expect(await within(reasoningRegion()).findByText('3 matches')).toBeInTheDocument();
    expect(within(reasoningRegion()).getByText('1 of 3')).toBeInTheDocument();
    expect(within(reasoningRegion()).getByText('The cat sat.')).toHaveAttribute('data-search-hit', 'current');
    expect(within(reasoningRegion()).getByText('A second cat, and a CAT in capitals.')).toHaveAttribute(
      'data-search-hit',
      'match',
    );
    expect(within(reasoningRegion()).getByText('No match here.')).not.toHaveAttribute('data-search-hit');
  });

  it('moves through the matches with Next and Previous, wrapping around', async () => {
    showStoppedReasoning();
    await within(reasoningRegion()).findByText('The cat sat.');
    await userEvent.type(within(reasoningRegion()).getByRole('searchbox', { name: 'Search in reasoning' }), 'cat');
    await within(reasoningRegion()).findByText('3 matches');
    const next = within(reasoningRegion()).getByRole('button', { name: 'Next match' });
    await userEvent.click(next);
    expect(within(reasoningRegion()).getByText('2 of 3')).toBeInTheDocument();
    expect(within(reasoningRegion()).getByText('A second cat, and a CAT in capitals.')).toHaveAttribute(
      'data-search-hit',
      'current',
    );
    await userEvent.click(within(reasoningRegion()).getByRole('button', { name: 'Previous match' }));
    await userEvent.click(within(reasoningRegion()).getByRole('button', { name: 'Previous match' }));
    expect(within(reasoningRegion()).getByText('3 of 3')).toBeInTheDocument();
  });

  it('says "No matches" and disables Next/Previous for text that is not there', async () => {
    showStoppedReasoning();
    await within(reasoningRegion()).findByText('The cat sat.');
    await userEvent.type(within(reasoningRegion()).getByRole('searchbox', { name: 'Search in reasoning' }), 'dog');
    expect(await within(reasoningRegion()).findByText('No matches')).toBeInTheDocument();
    expect(within(reasoningRegion()).getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('highlights with CSS.highlights where the browser has the Custom Highlight API', async () => {
    const highlights = new Map<string, { ranges: Range[] }>();
    vi.stubGlobal('CSS', { highlights });
    vi.stubGlobal(
      'Highlight',
      class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    );
    showStoppedReasoning();
    await within(reasoningRegion()).findByText('The cat sat.');
    await userEvent.type(within(reasoningRegion()).getByRole('searchbox', { name: 'Search in reasoning' }), 'cat');
    await within(reasoningRegion()).findByText('3 matches');
    const all = highlights.get('reasoning-search')?.ranges ?? [];
    expect(all.map((range) => range.toString())).toEqual(['cat', 'cat', 'CAT']);
    expect(highlights.get('reasoning-search-current')?.ranges.map((range) => range.toString())).toEqual(['cat']);
    expect(within(reasoningRegion()).getByText('The cat sat.')).not.toHaveAttribute('data-search-hit');
  });

  it('does not search again on every streamed frame, only when the user types or the thinking ends', async () => {
    const first = 'a cat';
    setReply({ reasoning: first }, { status: 'streaming', metrics: timeline([[300, delta(first, '')]], null) });
    render(<ReplyArea />);
    await within(reasoningRegion()).findByText('a cat');
    await userEvent.type(within(reasoningRegion()).getByRole('searchbox', { name: 'Search in reasoning' }), 'cat');
    await within(reasoningRegion()).findByText('1 match');

    let text = first;
    for (let frame = 0; frame < 5; frame += 1) {
      text += ' cat';
      setReply({ reasoning: text }, { status: 'streaming', metrics: timeline([[300, delta(text, '')]], null) });
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    }
    expect(within(reasoningRegion()).getByText('1 match')).toBeInTheDocument();

    setReply({ reasoning: text }, { status: 'stopped', metrics: timeline([[300, delta(text, '')]], 400) });
    expect(await within(reasoningRegion()).findByText('6 matches')).toBeInTheDocument();
  });
});
