// The first minutes and the layout, driven as a user would: the first-run card (offline demo in one click, Dismiss,
// gone after a reply), the "Skip to message" link, the settings sheet of a narrow window and the History drawer.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { addNotice, resetPlayground, storageNearlyFullText, usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import type { HistoryEntry } from '../../src/store/historySlice';
import { loadLazyRegions, loadReplyStream } from './helpers';

function card() {
  return screen.queryByRole('region', { name: 'Get started' });
}

function messageBox() {
  return screen.getByRole('textbox', { name: 'Message' });
}

/** A finished request in the history, as a complete reply leaves it. */
function completeEntry(): HistoryEntry {
  return {
    id: 'entry-1',
    sentAt: Date.UTC(2026, 0, 2),
    request: { baseUrl: '/mock-zai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
    status: 'complete',
    finishReason: 'stop',
    usage: null,
    latencyMs: 900,
    errorTitle: null,
  };
}

/** Makes the window narrow (phone or tablet) for the media queries the app asks. */
function narrowWindow() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeAll(() => Promise.all([loadLazyRegions(), loadReplyStream()]));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  // A send starts a real call: keep it pending (nothing leaves the test).
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise<Response>(() => undefined)),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('first-run card', () => {
  it('says where to get a key and that it stays in this browser', () => {
    render(<App />);
    const region = card();
    expect(region).not.toBeNull();
    const links = within(region as HTMLElement).getAllByRole('link');
    expect(links.map((link) => new URL(link.getAttribute('href') ?? '').hostname)).toEqual(['z.ai', 'bigmodel.cn']);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    expect(region).toHaveTextContent(/stays in this browser/);
    expect(region).toHaveTextContent('Press / or Ctrl/Cmd + K to jump to the Message box.');
  });

  it('"Try the offline demo" switches to the demo endpoint and sends a sample question', async () => {
    const user = userEvent.setup();
    render(<App />);
    // The settings load once the Message box has painted.
    const endpoint = await screen.findByRole('combobox', { name: 'Endpoint' });
    await user.click(screen.getByRole('button', { name: 'Try the offline demo' }));
    expect(endpoint).toHaveValue('demo');
    expect(screen.getByRole('article', { name: 'user turn 1' })).toHaveTextContent(/What can the GLM models do/);
    await vi.waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        expect.stringMatching(/^\/mock-zai\/api\/paas\/v4\/chat\/completions$/),
        expect.anything(),
      ),
    );
    expect(messageBox()).toHaveFocus();
  });

  it('"Try the offline demo" clicked while the saved state still loads sends the question once it is in', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('combobox', { name: 'Endpoint' });
    act(() => {
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, savedStateLoading: true } }));
    });
    await user.click(screen.getByRole('button', { name: 'Try the offline demo' }));
    expect(messageBox()).toHaveValue('What can the GLM models do? Answer in three short points.');
    expect(screen.queryByRole('article', { name: 'user turn 1' })).toBeNull();
    act(() => {
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, savedStateLoading: false } }));
    });
    expect(screen.getByRole('article', { name: 'user turn 1' })).toHaveTextContent(/What can the GLM models do/);
    await vi.waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        expect.stringMatching(/^\/mock-zai\/api\/paas\/v4\/chat\/completions$/),
        expect.anything(),
      ),
    );
  });

  it('sends what the user typed rather than the sample', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(messageBox(), 'My own question');
    await user.click(screen.getByRole('button', { name: 'Try the offline demo' }));
    expect(screen.getByRole('article', { name: 'user turn 1' })).toHaveTextContent('My own question');
  });

  it('"Dismiss" puts it away, also after a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<App />);
    await user.click(within(card() as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    expect(card()).toBeNull();
    unmount();
    render(<App />);
    expect(card()).toBeNull();
  });

  it('goes away once a reply arrived, and is not shown with a key', () => {
    const { unmount } = render(<App />);
    expect(card()).not.toBeNull();
    act(() => {
      usePlaygroundStore.setState((state) => ({ history: { ...state.history, entries: [completeEntry()] } }));
    });
    expect(card()).toBeNull();
    unmount();
    resetPlayground();
    connectionActions.setApiKey('sk-first-minutes-0123456789');
    render(<App />);
    expect(card()).toBeNull();
  });
});

describe('skip link', () => {
  it('is the first stop for the keyboard and puts the caret in the Message box', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.tab();
    const link = screen.getByRole('link', { name: 'Skip to message' });
    expect(link).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(messageBox()).toHaveFocus();
  });
});

describe('narrow window', () => {
  it('puts the settings in a sheet: "Settings" opens it, Esc closes it and focus returns', async () => {
    narrowWindow();
    const user = userEvent.setup();
    render(<App />);
    expect(screen.queryByRole('complementary', { name: 'Settings' })).not.toBeInTheDocument();
    expect(messageBox()).toBeInTheDocument();
    const opener = screen.getByRole('button', { name: 'Settings' });
    await user.click(opener);
    const sheet = await screen.findByRole('dialog', { name: 'Settings' });
    expect(within(sheet).getByRole('combobox', { name: 'Model' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('"Manage storage" in a storage notice opens the sheet at the Storage section', async () => {
    narrowWindow();
    const user = userEvent.setup();
    render(<App />);
    act(() => addNotice('warning', storageNearlyFullText));
    await user.click(await screen.findByRole('button', { name: 'Manage storage' }));
    const sheet = await screen.findByRole('dialog', { name: 'Settings' });
    const toggle = await within(sheet).findByRole('button', { name: 'Storage' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('has a "Close" button in the sheet', async () => {
    narrowWindow();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const sheet = await screen.findByRole('dialog', { name: 'Settings' });
    await user.click(within(sheet).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument();
  });
});

describe('drawers', () => {
  it('"Open history" opens the History drawer; Tab stays inside, Esc closes it and focus returns', async () => {
    const user = userEvent.setup();
    render(<App />);
    const opener = await screen.findByRole('button', { name: 'Open history' });
    await user.click(opener);
    const drawer = screen.getByRole('dialog', { name: 'History' });
    const close = within(drawer).getByRole('button', { name: 'Close' });
    const size = within(drawer).getByRole('spinbutton', { name: 'History size' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(size).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'History' })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('"Edit request JSON" opens the editor in a drawer and Esc brings focus back', async () => {
    const user = userEvent.setup();
    render(<App />);
    const opener = await screen.findByRole('button', { name: 'Edit request JSON' });
    await user.click(opener);
    const drawer = screen.getByRole('dialog', { name: 'Request JSON' });
    expect(await within(drawer).findByRole('textbox', { name: 'Request body (JSON)' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Request JSON' })).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
