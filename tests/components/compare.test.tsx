// Compare mode as a user drives it: the header toggle, columns found by their names, per-column settings, Stop,
// "Keep this one", the summary table, "View code" per column, and the key-origin question before anything is sent.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { CompareView } from '../../src/components/compare/CompareView';
import { KeyOriginDialog } from '../../src/components/settings/KeyOriginDialog';
import { defaultModelId } from '../../src/core/models';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import * as compareActions from '../../src/store/compareActions';
import { loadLazyRegions } from './helpers';

beforeAll(loadLazyRegions);

const encoder = new TextEncoder();

interface SentBody {
  thinking?: { type: string };
  messages: Array<{ role: string; content: string }>;
}

/** Streams that send one piece of text and then wait until aborted (to look at columns mid-stream). */
function hangingFetch(_url: string, init: { body: string; signal: AbortSignal }): Promise<Response> {
  const thinks = (JSON.parse(init.body) as SentBody).thinking?.type === 'enabled';
  const delta = thinks ? { reasoning_content: 'Let me think' } : { content: 'Straight answer' };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(`data: ${JSON.stringify({ id: '1', created: 1, choices: [{ index: 0, delta }] })}\n\n`),
      );
      init.signal.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
    },
  });
  return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
}

/** Whole replies: with thinking, reasoning then "Thought-through answer."; without, "Quick answer.". */
function completeFetch(_url: string, init: { body: string }): Promise<Response> {
  const thinks = (JSON.parse(init.body) as SentBody).thinking?.type === 'enabled';
  const chunks = thinks
    ? [{ delta: { reasoning_content: 'Reasoning first.' } }, { delta: { content: 'Thought-through answer.' } }]
    : [{ delta: { content: 'Quick answer.' } }];
  const usage = { prompt_tokens: 1_000, completion_tokens: thinks ? 500 : 3, total_tokens: thinks ? 1_500 : 1_003 };
  const events = [
    ...chunks.map((chunk) => ({ id: '1', created: 1, choices: [{ index: 0, ...chunk }] })),
    { id: '1', created: 1, choices: [{ index: 0, finish_reason: 'stop', delta: { content: '' } }], usage },
  ];
  const text = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n';
  return Promise.resolve(new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
}

const column = (name: string) => screen.getByRole('region', { name });

function openCompareWith(draft: string) {
  act(() => {
    connectionActions.setEndpoint('demo');
    actions.setDraft(draft);
    compareActions.openCompare();
  });
  return render(<CompareView />);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

afterEach(() => {
  compareActions.stopAllColumns();
  vi.unstubAllGlobals();
});

describe('Compare mode', () => {
  it('the header toggle swaps the reply area for two columns: Thinking on and off', async () => {
    const user = userEvent.setup();
    render(<App />);
    const toggle = screen.getByRole('button', { name: 'Compare' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // Compare's actions load with the first click.
    await user.click(toggle);
    expect(await screen.findByRole('region', { name: 'Compare column 1 — glm-4.7, thinking on' })).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('region', { name: 'Compare column 2 — glm-4.7, thinking off' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Reasoning and reply' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(await screen.findByRole('region', { name: 'Reasoning and reply' })).toBeInTheDocument();
    // The whole app renders and Compare's chunk loads on first use: slow on a busy machine.
  }, 15_000);

  it('adds columns up to four and removes them down to two, renumbering the rest', async () => {
    const user = userEvent.setup();
    openCompareWith('Hi');
    expect(screen.queryByRole('button', { name: /Remove column/ })).not.toBeInTheDocument();
    const add = screen.getByRole('button', { name: 'Add column' });
    await user.click(add);
    await user.click(add);
    expect(screen.getAllByRole('region', { name: /^Compare column/ })).toHaveLength(4);
    expect(add).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove column 2' }));
    expect(
      screen.getAllByRole('region', { name: /^Compare column/ }).map((region) => region.getAttribute('aria-label')),
    ).toEqual([
      'Compare column 1 — glm-4.7, thinking on',
      'Compare column 2 — glm-4.7, thinking off',
      'Compare column 3 — glm-4.7, thinking off',
    ]);
    expect(add).toBeEnabled();
  });

  it('each column has its own model and Thinking switch; its name follows them', async () => {
    const user = userEvent.setup();
    openCompareWith('Hi');
    const second = column('Compare column 2 — glm-4.7, thinking off');
    await user.click(within(second).getByRole('switch', { name: 'Thinking' }));
    expect(column('Compare column 2 — glm-4.7, thinking on')).toBe(second);
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Model' }), 'glm-4.5');
    expect(column('Compare column 2 — glm-4.5, thinking on')).toBe(second);
    expect(within(second).getByRole('spinbutton', { name: 'Temperature' })).toHaveValue(0.6);
    expect(usePlaygroundStore.getState().settings.model).toBe(defaultModelId);
  });

  it('both columns stream at once, each with its own Stop; stopping one leaves the other running', async () => {
    vi.stubGlobal('fetch', vi.fn(hangingFetch));
    const user = userEvent.setup();
    openCompareWith('Why is the sky blue?');
    await user.click(screen.getByRole('button', { name: 'Run comparison' }));
    const first = column('Compare column 1 — glm-4.7, thinking on');
    const second = column('Compare column 2 — glm-4.7, thinking off');
    // Queried afresh until found: the plain text shown while the Markdown renderer loads is then replaced by it.
    await waitFor(() => expect(within(first).getByText('Let me think')).toBeInTheDocument());
    await waitFor(() => expect(within(second).getByText('Straight answer')).toBeInTheDocument());
    expect(within(second).getByRole('status')).toHaveTextContent('streaming…');

    await user.click(within(first).getByRole('button', { name: 'Stop column 1' }));
    expect(await within(first).findByText('stopped — what arrived is kept')).toBeInTheDocument();
    expect(within(first).queryByRole('button', { name: 'Stop column 1' })).not.toBeInTheDocument();
    expect(within(second).getByRole('button', { name: 'Stop column 2' })).toBeInTheDocument();
    expect(within(second).getByRole('status')).toHaveTextContent('streaming…');
    expect(screen.queryByRole('button', { name: 'Stop column 1' })).not.toBeInTheDocument();
  });

  it('the summary compares the columns: reasoning vs answer tokens, timings and cost', async () => {
    vi.stubGlobal('fetch', vi.fn(completeFetch));
    const user = userEvent.setup();
    openCompareWith('Why is the sky blue?');
    await user.click(screen.getByRole('button', { name: 'Run comparison' }));
    const table = screen.getByRole('table', { name: 'Summary' });
    const rowOf = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    await vi.waitFor(() =>
      expect(
        within(rowOf('Column 2 — glm-4.7, thinking off'))
          .getAllByRole('cell')
          .map((cell) => cell.textContent)
          .slice(3, 5),
      ).toEqual(['0', '3']),
    );
    await vi.waitFor(() =>
      expect(within(column('Compare column 1 — glm-4.7, thinking on')).getByRole('status')).toHaveTextContent(
        'complete',
      ),
    );
    const first = within(rowOf('Column 1 — glm-4.7, thinking on'))
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    // Reasoning "Reasoning first." ≈ 4 tokens, answer "Thought-through answer." ≈ 6: estimates, marked.
    expect(first.slice(3, 5)).toEqual(['≈ 4', '≈ 6']);
    expect(first[2]).not.toBe('—');
    expect(first[6]).toBe('$0.0017');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Column',
      'First token',
      'First answer token',
      'Total time',
      'Reasoning tokens',
      'Answer tokens',
      'Tokens/s',
      'Cost',
    ]);
  });

  it('"Keep this one" continues the conversation with that column’s reply and says the sidebar settings stay', async () => {
    vi.stubGlobal('fetch', vi.fn(completeFetch));
    const user = userEvent.setup();
    openCompareWith('Why is the sky blue?');
    await user.click(screen.getByRole('button', { name: 'Run comparison' }));
    const second = column('Compare column 2 — glm-4.7, thinking off');
    const keep = await within(second).findByRole('button', { name: 'Keep this one' });
    await vi.waitFor(() => expect(keep).toBeEnabled());
    await user.click(keep);
    const turns = usePlaygroundStore.getState().conversation.turns;
    expect(turns.map((turn) => [turn.role, turn.content])).toEqual([
      ['user', 'Why is the sky blue?'],
      ['assistant', 'Quick answer.'],
    ]);
    expect(turns[1]?.reply?.status).toBe('complete');
    expect(screen.getByText(/Kept column 2 \(glm-4\.7, thinking off\)/)).toHaveTextContent(
      'The sidebar settings are unchanged',
    );
    expect(usePlaygroundStore.getState().conversation.draft).toBe('');
  });

  it('"View code" in a column opens the code for that column’s request', async () => {
    const user = userEvent.setup();
    openCompareWith('Hi');
    await user.click(
      within(column('Compare column 2 — glm-4.7, thinking off')).getByRole('button', { name: 'View code' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Code for column 2' });
    expect(await within(dialog).findByRole('tablist', { name: 'Code language' })).toBeInTheDocument();
    await vi.waitFor(() => expect(dialog.querySelector('pre code')?.textContent).toContain('"type": "disabled"'));
  });

  it('asks before the key goes to another server, and runs the columns once confirmed', async () => {
    const fetch = vi.fn(completeFetch);
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    act(() => {
      connectionActions.setApiKey('sk-test-0123456789');
      usePlaygroundStore.setState((state) => ({
        connection: { ...state.connection, keyOrigin: 'https://open.bigmodel.cn' },
      }));
      actions.setDraft('Hi');
      compareActions.openCompare();
    });
    render(
      <>
        <CompareView />
        <KeyOriginDialog />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Run comparison' }));
    const dialog = screen.getByRole('dialog', { name: 'Send your API key to api.z.ai?' });
    expect(fetch).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Send key to api.z.ai' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });
});
