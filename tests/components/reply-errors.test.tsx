// Errors and stream faults next to the reply: plain-words title, the code and the server's message, advice, and
// the one-click ways out (local proxy, Retry, Continue, cancel an automatic retry).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import type { ApiError } from '../../src/core/contracts';
import { apiErrorFromResponse, networkError } from '../../src/core/errors';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import type { ReplyInfo, Turn } from '../../src/store/types';
import { loadReplyStream, resetEverything, setReply as setQuestionAndReply, t0 as now } from './helpers';

/** A failed reply to "Hi", sent to the current endpoint. */
function setReply(turn: Partial<Turn>, reply: Partial<ReplyInfo>) {
  const request = {
    baseUrl: usePlaygroundStore.getState().connection.baseUrl,
    body: { model: 'glm-4.7', messages: [{ role: 'user' as const, content: 'Hi' }], stream: true },
  };
  setQuestionAndReply(turn, { status: 'error', request, finishReason: null, ...reply }, 'Hi');
}

function httpError(status: number, code: string, message: string, retryAfter: string | null = null): ApiError {
  return apiErrorFromResponse(status, JSON.stringify({ error: { code, message } }), retryAfter, now);
}

beforeAll(loadReplyStream);

beforeEach(() => {
  resetEverything();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('error notice', () => {
  it('401: says to check the API key, with the status, code and server message', () => {
    setReply({}, { error: httpError(401, '1002', 'Authorization Token非法，请确认Authorization Token正确传递。') });
    render(<ReplyArea />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Check your API key');
    expect(alert).toHaveTextContent('HTTP 401 · code 1002');
    expect(alert).toHaveTextContent('Authorization Token非法');
    expect(alert).toHaveTextContent(/Paste a valid key/);
    expect(within(alert).queryByRole('button', { name: 'Use local proxy' })).not.toBeInTheDocument();
  });

  it('1113: insufficient balance, with what to do', () => {
    setReply({}, { error: httpError(429, '1113', '余额不足或无可用资源包,请充值。') });
    render(<ReplyArea />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Insufficient balance');
    expect(alert).toHaveTextContent('code 1113');
    expect(alert).toHaveTextContent('余额不足');
    expect(alert).toHaveTextContent(/Top up your account/);
  });

  it('1302: a rate limit says when to try again (Retry-After)', () => {
    setReply({}, { error: httpError(429, '1302', 'High concurrency usage of this API', '30') });
    render(<ReplyArea />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Too many requests at once');
    expect(alert).toHaveTextContent('code 1302');
    expect(alert).toHaveTextContent('Try again in 30 s.');
  });

  it('a likely CORS failure offers the local proxy in one click', async () => {
    const user = userEvent.setup();
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('https://api.z.ai/api/paas/v4');
    setReply({}, { error: networkError(true) });
    render(<ReplyArea />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This is most likely CORS');
    await user.click(within(alert).getByRole('button', { name: 'Use local proxy' }));
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('/proxy/zai/api/paas/v4');
  });

  it('a network error on a same-origin call does not blame CORS', () => {
    setReply({}, { error: networkError(false) });
    render(<ReplyArea />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('CORS');
    expect(screen.queryByRole('button', { name: 'Use local proxy' })).not.toBeInTheDocument();
  });

  it('a complete reply shows no error notice', () => {
    setReply({ content: 'Fine.' }, { status: 'complete' });
    render(<ReplyArea />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('stream faults', () => {
  it.each(['interrupted', 'stalled'] as const)(
    '%s: keeps the partial text and offers Retry and Continue',
    async (status) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(() => new Promise<Response>(() => {})),
      );
      connectionActions.setEndpoint('demo');
      const user = userEvent.setup();
      setReply({ content: 'Half an ans' }, { status });
      render(<ReplyArea />);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(status === 'interrupted' ? 'The connection dropped' : 'The stream stalled');
      expect(within(screen.getByRole('region', { name: 'Reply' })).getByText('Half an ans')).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();

      await user.click(within(alert).getByRole('button', { name: 'Continue' }));
      const turn = usePlaygroundStore.getState().conversation.turns[1];
      expect(turn?.content).toBe('Half an ans');
      expect(turn?.reply?.status).toBe('waiting');
      expect(turn?.reply?.request.body.messages.at(-1)).toEqual({ role: 'assistant', content: 'Half an ans' });
      act(() => actions.stop());
    },
  );

  it('Retry sends the same request again into the same turn', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    connectionActions.setEndpoint('demo');
    const user = userEvent.setup();
    setReply({ content: 'Half' }, { status: 'interrupted' });
    render(<ReplyArea />);
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(usePlaygroundStore.getState().conversation.turns[1]?.reply?.status).toBe('waiting');
    expect(usePlaygroundStore.getState().ui.sending).toBe(true);
    act(() => actions.stop());
  });

  it('an automatic retry counts down and can be cancelled', () => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
    setReply(
      {},
      { error: httpError(503, '', 'Service Unavailable'), retry: { attempt: 1, delayMs: 3_000, at: now + 3_000 } },
    );
    render(<ReplyArea />);
    const retrying = screen.getByText(/Retrying in/);
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(retrying).toHaveTextContent('Retrying in 3 s');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(retrying).toHaveTextContent('Retrying in 2 s');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Reply' })).getByRole('status')).toHaveTextContent(
      'retrying automatically',
    );
  });

  it('while an automatic retry is scheduled, the reply text says the answer is still to come', () => {
    setReply(
      {},
      { error: httpError(503, '', 'Service Unavailable'), retry: { attempt: 1, delayMs: 3_000, at: now + 3_000 } },
    );
    render(<ReplyArea />);
    expect(screen.getByTestId('reply-scroll')).toHaveTextContent('The answer appears here as it arrives.');
  });

  it('Cancel stops an automatic retry of a real 503', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(new Response('{"error":{"message":"Service Unavailable"}}', { status: 503 })),
    );
    vi.stubGlobal('fetch', fetch);
    connectionActions.setEndpoint('demo');
    actions.setDraft('Hi');
    act(() => actions.send());
    render(<ReplyArea />);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.getByText(/Retrying in \d s/)).toBeInTheDocument();
    act(() => cancel.click());
    expect(screen.queryByText(/Retrying in/)).not.toBeInTheDocument();
    expect(usePlaygroundStore.getState().ui.sending).toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent('The server had a problem');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
