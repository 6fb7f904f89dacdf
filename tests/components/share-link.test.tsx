// Share links from the user's side: "Copy link" and opening a link (asks first, damaged links change nothing).
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareLinkButton } from '../../src/components/request/ShareLinkButton';
import { SharedLinkWatcher } from '../../src/components/request/SharedLinkWatcher';
import { SharedRequestDialog } from '../../src/components/request/SharedRequestDialog';
import { buildRequestBody, defaultSettingsFor } from '../../src/core/request';
import { encodeShareFragment } from '../../src/core/shareLink';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';

const testKey = 'sk-share-test-key-0123456789';

function sharedFragment(): string {
  const settings = {
    ...defaultSettingsFor('glm-4.5'),
    systemPrompt: 'Answer in French.',
    temperature: 0.2,
    extraFields: { stop: ['FIN'] },
  };
  const body = buildRequestBody(settings, [
    { role: 'user', content: 'Bonjour, how are you today?' },
    { role: 'assistant', content: 'Très bien.' },
    { role: 'user', content: 'And tomorrow?' },
  ]);
  const result = encodeShareFragment({ body, endpointId: 'bigmodel', apiKey: '' });
  if (!result.ok) throw new Error(result.message);
  return result.fragment;
}

function visit(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
}

/** A link pasted into the address bar of the open tab: the hash changes, and the page is told. */
function pasteIntoOpenTab(hash: string) {
  act(() => {
    visit(hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  visit('');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Copy link', () => {
  it('copies a link with the request in the fragment and never the key', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    connectionActions.setApiKey(testKey);
    actions.setDraft(`Please use ${testKey} for me`);
    render(<ShareLinkButton />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    // The encoder loads on first use.
    const field = await screen.findByRole('textbox', { name: 'Share link' });
    const link = writeText.mock.calls[0]?.[0] ?? '';
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/#share=/);
    expect(decodeURIComponent(link)).not.toContain(testKey);
    expect(field).toHaveValue(link);
    expect(screen.getByRole('status')).toHaveTextContent(/not your API key.*replaced by “\[redacted key\]”/);
  });

  it('refuses a request over the size limit and suggests the JSON export', async () => {
    const user = userEvent.setup();
    let seed = 11;
    actions.setDraft(
      Array.from({ length: 20_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join(
        '',
      ),
    );
    render(<ShareLinkButton />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/too large for a link.*Export conversation/);
  });
});

describe('Opening a shared link', () => {
  it('asks about a link the page is given while open, loading the dialog only then', async () => {
    render(<SharedLinkWatcher />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    pasteIntoOpenTab(sharedFragment());
    expect(await screen.findByRole('dialog', { name: 'Open a shared request?' })).toHaveTextContent('glm-4.5');
  });

  it('asks about the link a page is opened with', async () => {
    visit(sharedFragment());
    render(<SharedLinkWatcher />);
    expect(await screen.findByRole('dialog', { name: 'Open a shared request?' })).toHaveTextContent(
      'Bonjour, how are you today?',
    );
  });

  it('shows what the link contains and removes it from the address bar', async () => {
    visit(sharedFragment());
    render(<SharedRequestDialog />);
    // The decoder loads when a link is opened.
    const dialog = await screen.findByRole('dialog', { name: 'Open a shared request?' });
    expect(dialog).toHaveTextContent('glm-4.5');
    expect(dialog).toHaveTextContent('3 messages, and a system prompt');
    expect(dialog).toHaveTextContent('Bonjour, how are you today?');
    expect(dialog).toHaveTextContent('stop');
    expect(window.location.hash).toBe('');
  });

  it('"Keep current" changes nothing', async () => {
    const user = userEvent.setup();
    actions.setDraft('my own draft');
    const before = usePlaygroundStore.getState();
    visit(sharedFragment());
    render(<SharedRequestDialog />);
    await user.click(await screen.findByRole('button', { name: 'Keep current' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const after = usePlaygroundStore.getState();
    expect([after.settings, after.conversation]).toEqual([before.settings, before.conversation]);
  });

  it('"Open shared request" fills the form and the composer, and keeps the endpoint unless asked', async () => {
    const user = userEvent.setup();
    visit(sharedFragment());
    render(<SharedRequestDialog />);
    await user.click(await screen.findByRole('button', { name: 'Open shared request' }));
    const state = usePlaygroundStore.getState();
    expect(state.settings).toMatchObject({
      model: 'glm-4.5',
      temperature: 0.2,
      systemPrompt: 'Answer in French.',
      extraFields: { stop: ['FIN'] },
    });
    expect(state.conversation.turns.map((turn) => turn.content)).toEqual(['Bonjour, how are you today?', 'Très bien.']);
    expect(state.conversation.draft).toBe('And tomorrow?');
    expect(state.connection.endpointId).toBe('zai');
  });

  it('switches to the link’s endpoint preset only when the user ticks it', async () => {
    const user = userEvent.setup();
    visit(sharedFragment());
    render(<SharedRequestDialog />);
    await user.click(await screen.findByRole('checkbox', { name: /Also switch the endpoint to BigModel/ }));
    await user.click(screen.getByRole('button', { name: 'Open shared request' }));
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('https://open.bigmodel.cn/api/paas/v4');
  });

  it('a damaged link shows a clear error and changes nothing', async () => {
    const user = userEvent.setup();
    const before = usePlaygroundStore.getState();
    visit('#share=' + compressToEncodedURIComponent('{"v":1,"body":{"model":"glm-4.7"}}'));
    render(<SharedRequestDialog />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/damaged or incomplete.*Nothing was changed/);
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(usePlaygroundStore.getState().settings).toBe(before.settings);
    expect(window.location.hash).toBe('');
  });

  it('a link pasted into the open tab (hash change) asks too', async () => {
    render(<SharedRequestDialog />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    pasteIntoOpenTab(sharedFragment());
    expect(await screen.findByRole('dialog', { name: 'Open a shared request?' })).toBeInTheDocument();
  });

  it('ignores fragments that are not share links', () => {
    visit('#section');
    render(<SharedRequestDialog />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#section');
  });
});
