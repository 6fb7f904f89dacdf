// Reasoning stays readable after thinking: beside the reply in the desktop layout, and in Compare columns; a column
// that asked for no thinking shows no empty reasoning box.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompareView } from '../../src/components/compare/CompareView';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { resetPlayground } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as compareActions from '../../src/store/compareActions';
import * as connectionActions from '../../src/store/connectionActions';
import { delta, setReply, timeline } from './helpers';

/** The window as wide as `width`: matchMedia answers min-width queries as a browser would. */
function setWindowWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => {
    const minimum = /min-width:\s*(\d+)px/.exec(query);
    return {
      matches: minimum ? width >= Number(minimum[1]) : false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    };
  });
}

function reasoningToggle(scope: HTMLElement = document.body) {
  return within(within(scope).getByRole('region', { name: 'Reasoning' })).getByRole('button', { name: 'Reasoning' });
}

/** A finished reply: thought for 1.9 s, then answered. */
function setThoughtThroughReply() {
  const metrics = timeline(
    [
      [100, delta('First, consider the light.', '')],
      [2_000, delta('', 'Blue light scatters most.')],
    ],
    2_200,
  );
  setReply(
    { reasoning: 'First, consider the light.', content: 'Blue light scatters most.' },
    { status: 'complete', metrics, request: { baseUrl: '', body: { model: 'glm-4.7', messages: [], stream: true } } },
  );
}

beforeEach(() => {
  localStorage.clear();
  resetPlayground();
});
afterEach(() => {
  compareActions.stopAllColumns();
  vi.unstubAllGlobals();
});

describe('reasoning after thinking', () => {
  it('stays open beside the reply in the desktop layout, under its summary, until the user folds it', () => {
    setWindowWidth(1280);
    setThoughtThroughReply();
    render(<ReplyArea />);
    const region = screen.getByRole('region', { name: 'Reasoning' });
    expect(reasoningToggle()).toHaveAttribute('aria-expanded', 'true');
    expect(within(region).getByText('First, consider the light.')).toBeVisible();
    expect(within(region).getByText(/^Thought for 1\.9 s/)).toBeInTheDocument();
    fireEvent.click(reasoningToggle());
    expect(reasoningToggle()).toHaveAttribute('aria-expanded', 'false');
    expect(within(region).getByText(/^Thought for 1\.9 s/)).toBeInTheDocument();
  });

  it('collapses to its summary in the one-column layout (the "Collapse after thinking" preference)', () => {
    setWindowWidth(800);
    setThoughtThroughReply();
    render(<ReplyArea />);
    expect(reasoningToggle()).toHaveAttribute('aria-expanded', 'false');
  });
});

const encoder = new TextEncoder();

/** Whole replies: with thinking, reasoning then an answer; without, the answer only. */
function completeFetch(_url: string, init: { body: string }): Promise<Response> {
  const thinks = (JSON.parse(init.body) as { thinking?: { type: string } }).thinking?.type === 'enabled';
  const chunks = thinks
    ? [{ reasoning_content: 'Reasoning first.' }, { content: 'Thought-through answer.' }]
    : [{ content: 'Quick answer.' }];
  const events = [
    ...chunks.map((delta) => ({ id: '1', created: 1, choices: [{ index: 0, delta }] })),
    { id: '1', created: 1, choices: [{ index: 0, finish_reason: 'stop', delta: { content: '' } }] },
  ];
  const text = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n';
  return Promise.resolve(
    new Response(encoder.encode(text), { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
  );
}

describe('reasoning in Compare columns', () => {
  it('stays open after thinking; the column with thinking off has no reasoning box', async () => {
    vi.stubGlobal('fetch', vi.fn(completeFetch));
    act(() => {
      connectionActions.setEndpoint('demo');
      actions.setDraft('Why is the sky blue?');
      compareActions.openCompare();
    });
    render(<CompareView />);
    await userEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    const thinkingColumn = screen.getByRole('region', { name: 'Compare column 1 — glm-4.7, thinking on' });
    const quickColumn = screen.getByRole('region', { name: 'Compare column 2 — glm-4.7, thinking off' });
    await vi.waitFor(() => expect(within(thinkingColumn).getByText('Thought-through answer.')).toBeInTheDocument());
    await vi.waitFor(() => expect(within(quickColumn).getByText('Quick answer.')).toBeInTheDocument());
    await vi.waitFor(() => expect(within(thinkingColumn).getByRole('status')).toHaveTextContent('complete'));
    expect(reasoningToggle(thinkingColumn)).toHaveAttribute('aria-expanded', 'true');
    expect(within(thinkingColumn).getByText('Reasoning first.')).toBeVisible();
    expect(within(thinkingColumn).getByRole('region', { name: 'Reasoning' })).toHaveTextContent(
      /Thought for [\d.]+ (ms|s) · ≈4 tokens/,
    );
    expect(within(quickColumn).queryByRole('region', { name: 'Reasoning' })).not.toBeInTheDocument();
  });
});
