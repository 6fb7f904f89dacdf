// The "History" panel driven as a user would: what each entry shows, Open, Diff, View code and the size.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { HistoryPanel } from '../../src/components/library/HistoryPanel';
import { completeMetrics, startMetrics } from '../../src/core/metrics';
import type { ChatRequestBody } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore, type Turn } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as settingsActions from '../../src/store/settingsActions';
import { recordHistory } from '../../src/store/historyActions';
import { selectRequestBody } from '../../src/store/selectors';

const sentBody: ChatRequestBody = {
  model: 'glm-4.6',
  messages: [
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'Name a prime.' },
  ],
  stream: true,
  thinking: { type: 'disabled' },
  temperature: 0.2,
  max_tokens: 500,
};

/** A reply as the store leaves it when a call ends, then recorded as actions.ts does. */
function finishReply(
  id: string,
  body: ChatRequestBody = sentBody,
  status: NonNullable<Turn['reply']>['status'] = 'complete',
) {
  const usage = { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 };
  const started = Date.UTC(2026, 0, 2, 3, 4, 5);
  const metrics = completeMetrics(startMetrics(started), started + 2_400);
  const turn: Turn = {
    id,
    role: 'assistant',
    content: 'Seven.',
    reasoning: '',
    excluded: false,
    reply: {
      status,
      request: { baseUrl: 'https://api.z.ai/api/paas/v4', body },
      error: null,
      finishReason: 'stop',
      usage,
      metrics,
      warnings: [],
      retry: null,
    },
  };
  usePlaygroundStore.setState((state) => ({
    conversation: { ...state.conversation, turns: [...state.conversation.turns, turn] },
  }));
  recordHistory(turn);
}

function entries() {
  return within(screen.getByRole('list', { name: 'Sent requests' })).getAllByRole('article');
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('an entry', () => {
  it('shows model, thinking, parameters, status, finish reason, tokens, latency and cost', () => {
    finishReply('r1');
    render(<HistoryPanel />);
    const [entry] = entries();
    if (!entry) throw new Error('no entry');
    expect(entry).toHaveAccessibleName(/^Request at .+ to glm-4\.6$/);
    expect(entry).toHaveTextContent('glm-4.6 · thinking off');
    expect(entry).toHaveTextContent('temperature 0.2 · max_tokens 500 · stream');
    expect(entry).toHaveTextContent('complete · finish: stop · 1500 tokens · 2.4 s · $0.0014');
  });

  it('lists the newest first and keeps only as many as "History size" says', async () => {
    const user = userEvent.setup();
    render(<HistoryPanel />);
    expect(screen.getByText('Requests you send are listed here, newest first.')).toBeInTheDocument();
    const size = screen.getByRole('spinbutton', { name: 'History size' });
    expect(size).toHaveValue(50);
    await user.clear(size);
    await user.type(size, '2{Enter}');
    act(() => {
      for (const [index, model] of ['glm-4.5', 'glm-4.6', 'glm-4.7'].entries())
        finishReply(`r${index}`, { ...sentBody, model });
    });
    expect(entries().map((entry) => entry.getAttribute('aria-label')?.split(' to ')[1])).toEqual([
      'glm-4.7',
      'glm-4.6',
    ]);
    await user.clear(size);
    await user.type(size, '0');
    await user.tab();
    expect(size).toHaveValue(1);
    expect(entries()).toHaveLength(1);
  });
});

describe('actions', () => {
  it('Open puts exactly that request back into the composer (in a new conversation when the current one has turns)', async () => {
    const user = userEvent.setup();
    finishReply('r1');
    settingsActions.setModel('glm-4.7');
    settingsActions.setSystemPrompt('Something else');
    render(<HistoryPanel />);
    await user.click(within(entries()[0] as HTMLElement).getByRole('button', { name: 'Open' }));
    expect(selectRequestBody(usePlaygroundStore.getState())).toEqual(sentBody);
    expect(screen.getByRole('status')).toHaveTextContent(/Opened the request from .+ in a new conversation/);
    expect(usePlaygroundStore.getState().library.conversations).toHaveLength(2);
  });

  it('Diff lists what changed against the current request', async () => {
    const user = userEvent.setup();
    finishReply('r1');
    // The current request: same conversation minus nothing, another temperature, no max_tokens, one more message.
    usePlaygroundStore.setState((state) => ({ conversation: { ...state.conversation, turns: [] } }));
    settingsActions.setModel('glm-4.6');
    settingsActions.setSystemPrompt('Be terse.');
    settingsActions.setThinking(false);
    settingsActions.setTemperature(0.7);
    actions.addTurn('user', 'Name a prime.');
    actions.setDraft('And another?');
    render(<HistoryPanel />);
    await user.click(within(entries()[0] as HTMLElement).getByRole('button', { name: 'Diff' }));
    const dialog = screen.getByRole('dialog', { name: /^Changes since the request at / });
    // The diff loads when first asked for.
    const lines = within(await within(dialog).findByRole('list', { name: 'Differences' }))
      .getAllByRole('listitem')
      .map((line) => line.textContent);
    // In the order of the sent body's fields.
    expect(lines).toEqual([
      'Added messages[2]: {"role":"user","content":"And another?"}',
      'Changed temperature: 0.2 → 0.7',
      'Removed max_tokens: 500',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Diff says so when nothing changed', async () => {
    const user = userEvent.setup();
    finishReply('r1');
    usePlaygroundStore.setState((state) => ({ conversation: { ...state.conversation, turns: [] } }));
    render(<HistoryPanel />);
    await user.click(within(entries()[0] as HTMLElement).getByRole('button', { name: 'Open' }));
    await user.click(within(entries()[0] as HTMLElement).getByRole('button', { name: 'Diff' }));
    expect(
      await within(screen.getByRole('dialog')).findByText(
        'No differences: the current request is the same as this one.',
      ),
    ).toBeInTheDocument();
  });

  it('View code opens the Code panel for that request', async () => {
    const user = userEvent.setup();
    finishReply('r1');
    render(<HistoryPanel />);
    await user.click(within(entries()[0] as HTMLElement).getByRole('button', { name: 'View code' }));
    const dialog = screen.getByRole('dialog', { name: 'Code for this request' });
    expect(await within(dialog).findByRole('tablist', { name: 'Code language' })).toBeInTheDocument();
    expect(dialog.querySelector('pre code')?.textContent).toContain('Name a prime.');
  });

  it('Open is disabled while a reply streams', () => {
    finishReply('r1');
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    render(<HistoryPanel />);
    expect(within(entries()[0] as HTMLElement).getByRole('button', { name: 'Open' })).toBeDisabled();
  });
});
