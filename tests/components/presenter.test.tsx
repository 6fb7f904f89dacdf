// Presenter view: the reasoning and the reply side by side, large, with the parameters as a caption; the header
// toggle or Esc leaves it.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenterToggle } from '../../src/components/presenter/PresenterToggle';
import { PresenterView, describeParameters } from '../../src/components/presenter/PresenterView';
import type { ChatRequestBody } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import * as settingsActions from '../../src/store/settingsActions';
import { delta, setReply as setQuestionAndReply, timeline } from './helpers';

/** "A or B?" answered "Option B." after thinking, for a request with this body. */
function setReply(body: ChatRequestBody) {
  const metrics = timeline(
    [
      [300, delta('Weighing both options.', '')],
      [2_000, delta('', 'Option B.')],
    ],
    2_100,
  );
  setQuestionAndReply(
    { content: 'Option B.', reasoning: 'Weighing both options.' },
    { request: { baseUrl: 'https://api.z.ai/api/paas/v4', body }, metrics },
    'A or B?',
  );
}

function Header() {
  return (
    <header>
      <PresenterToggle />
      <PresenterView />
    </header>
  );
}

beforeEach(() => {
  localStorage.clear();
  resetPlayground();
});

describe('presenter view', () => {
  it('opens from the header toggle with both panes side by side and the parameters as a caption', async () => {
    setReply({
      model: 'glm-4.7',
      messages: [],
      stream: true,
      thinking: { type: 'enabled' },
      temperature: 0.3,
      max_tokens: 4096,
    });
    render(<Header />);
    const toggle = screen.getByRole('button', { name: 'Presenter view' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);

    const view = screen.getByRole('dialog', { name: 'Presenter view' });
    expect(
      within(view).getByText('glm-4.7 · thinking on · temperature 0.3 · top_p 0.95 (default) · max_tokens 4,096'),
    ).toBeInTheDocument();
    expect(within(view).getByRole('region', { name: 'Reasoning' })).toBeInTheDocument();
    expect(within(view).getByRole('region', { name: 'Reply' })).toBeInTheDocument();
    // The reasoning stays open next to the answer, whatever the collapse preference.
    expect(within(view).getByRole('button', { name: 'Reasoning' })).toHaveAttribute('aria-expanded', 'true');
    expect(await within(view).findByText('Option B.')).toBeInTheDocument();
    expect(within(view).getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('leaves on Esc and gives the focus back to the toggle', async () => {
    setReply({ model: 'glm-4.7', messages: [], stream: true, thinking: { type: 'enabled' } });
    render(<Header />);
    await userEvent.click(screen.getByRole('button', { name: 'Presenter view' }));
    expect(screen.getByRole('dialog', { name: 'Presenter view' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Presenter view' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Presenter view' })).toHaveFocus();
  });

  it('leaves with the toggle inside the view', async () => {
    render(<Header />);
    await userEvent.click(screen.getByRole('button', { name: 'Presenter view' }));
    const view = screen.getByRole('dialog', { name: 'Presenter view' });
    await userEvent.click(within(view).getByRole('button', { name: 'Presenter view' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the next request’s parameters before any reply, and follows the settings', async () => {
    render(<Header />);
    await userEvent.click(screen.getByRole('button', { name: 'Presenter view' }));
    const view = screen.getByRole('dialog', { name: 'Presenter view' });
    expect(
      within(view).getByText(
        'glm-4.7 · thinking on · temperature 1 (default) · top_p 0.95 (default) · max_tokens 65,536 (default)',
      ),
    ).toBeInTheDocument();
    act(() => settingsActions.setThinking(false));
    expect(within(view).getByText(/^glm-4.7 · thinking off ·/)).toBeInTheDocument();
    expect(within(view).getByText(/reasoning and the reply appear here/)).toBeInTheDocument();
  });

  it('is not saved: a reload starts in the normal view', async () => {
    render(<Header />);
    await userEvent.click(screen.getByRole('button', { name: 'Presenter view' }));
    const saved = localStorage.getItem('glm-playground:state') ?? '';
    expect(saved).toContain('"preferences"');
    expect(saved).not.toContain('presenterView');
  });
});

/** A stream that sends some reasoning and then waits until it is aborted. */
function thinkingThenHanging(_url: string, init: { signal: AbortSignal }): Promise<Response> {
  const event = { id: '1', created: 1, choices: [{ index: 0, delta: { reasoning_content: 'Pondering.' } }] };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(event)}\n\n`));
      init.signal.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
    },
  });
  return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
}

describe('running the demo from the presenter view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends with Ctrl+Enter from its Message box, shows the thinking timer, and Esc stops without leaving', async () => {
    vi.stubGlobal('fetch', vi.fn(thinkingThenHanging));
    act(() => connectionActions.setEndpoint('demo'));
    const user = userEvent.setup();
    render(<Header />);
    await user.click(screen.getByRole('button', { name: 'Presenter view' }));
    const view = screen.getByRole('dialog', { name: 'Presenter view' });
    const message = within(view).getByRole('textbox', { name: 'Message' });
    expect(message).toHaveFocus();
    await user.type(message, 'Why is the sky blue?');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const reasoning = await within(view).findByRole('region', { name: 'Reasoning' });
    expect(await within(reasoning).findByText('Pondering.')).toBeInTheDocument();
    expect(within(reasoning).getByText(/^Thinking… \d+ s$/)).toBeInTheDocument();
    expect(within(view).getByRole('button', { name: 'Stop' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
    expect(screen.getByRole('dialog', { name: 'Presenter view' })).toBeInTheDocument();
    expect(within(view).getByRole('region', { name: 'Reply' })).toHaveTextContent(/stopped/);
    expect(within(view).getByRole('button', { name: 'Reasoning' })).toHaveAttribute('aria-expanded', 'true');
    // Nothing on its way: Esc now leaves.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Presenter view' })).not.toBeInTheDocument();
  });

  it('Send and Stop are buttons too', async () => {
    vi.stubGlobal('fetch', vi.fn(thinkingThenHanging));
    act(() => connectionActions.setEndpoint('demo'));
    const user = userEvent.setup();
    render(<Header />);
    await user.click(screen.getByRole('button', { name: 'Presenter view' }));
    const view = screen.getByRole('dialog', { name: 'Presenter view' });
    const send = within(view).getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    await user.type(within(view).getByRole('textbox', { name: 'Message' }), 'Hello');
    await user.click(send);
    await user.click(await within(view).findByRole('button', { name: 'Stop' }));
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
    expect(within(view).queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });
});

describe('describeParameters', () => {
  it('names a model without thinking mode as such', () => {
    expect(describeParameters({ model: 'glm-4-32b-0414-128k', messages: [] })).toBe(
      'glm-4-32b-0414-128k · no thinking mode · temperature 0.75 (default) · top_p 0.9 (default) · max_tokens 16,384 (default)',
    );
  });

  it('says when reasoning is preserved', () => {
    expect(
      describeParameters({
        model: 'glm-5',
        messages: [],
        thinking: { type: 'enabled', clear_thinking: false },
        top_p: 0.5,
      }),
    ).toBe(
      'glm-5 · thinking on (reasoning preserved) · temperature 1 (default) · top_p 0.5 · max_tokens 65,536 (default)',
    );
  });
});
