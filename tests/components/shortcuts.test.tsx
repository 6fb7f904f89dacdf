// Global keyboard shortcuts: `?` lists them (never while typing), Ctrl/Cmd+K and `/` go to the Message box,
// Ctrl/Cmd+Shift+C copies the next request as cURL, Esc stops a reply from anywhere.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../src/components/conversation/Composer';
import { KeyboardShortcuts } from '../../src/components/KeyboardShortcuts';
import { SystemPromptField } from '../../src/components/conversation/SystemPromptField';
import { generateCode } from '../../src/core/codegen';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { selectPendingRequest } from '../../src/store/selectors';

const testKey = 'sk-test-SHORTCUT-0123456789';

function renderPage() {
  return render(
    <>
      <KeyboardShortcuts />
      <SystemPromptField />
      <Composer />
      <button type="button">Elsewhere</button>
    </>,
  );
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  connectionActions.setApiKey(testKey);
});
afterEach(() => vi.restoreAllMocks());

describe('"?" shows the list', () => {
  it('opens "Keyboard shortcuts" from the page and Esc closes it', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const keys of ['Ctrl/Cmd + Enter', 'Esc', 'Ctrl/Cmd + K', '/', 'Ctrl/Cmd + Shift + C', '?'])
      expect(within(dialog).getByText(keys)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus());
  });

  it('types a "?" into the Message box and the system prompt instead of opening the list', async () => {
    const user = userEvent.setup();
    renderPage();
    const message = screen.getByRole('textbox', { name: 'Message' });
    await user.type(message, 'Why?');
    expect(message).toHaveValue('Why?');
    await user.type(screen.getByRole('textbox', { name: /System prompt/ }), 'Really?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('ignores "?" in text inputs, search boxes and editable content', async () => {
    const user = userEvent.setup();
    render(
      <>
        <KeyboardShortcuts />
        <input type="text" aria-label="Name" />
        <input type="search" aria-label="Find" />
        <div contentEditable suppressContentEditableWarning aria-label="Notes" role="textbox" tabIndex={0} />
      </>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'who?');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('who?');
    await user.type(screen.getByRole('searchbox', { name: 'Find' }), '?');
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('also opens from the "Keyboard shortcuts" button', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});

describe('modifier shortcuts', () => {
  it('Ctrl+K and Cmd+K go to the Message box, even from another field', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByRole('textbox', { name: /System prompt/ }));
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await user.keyboard('{Meta>}k{/Meta}');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('"/" goes to the Message box from the page, but types a "/" in a field', async () => {
    const user = userEvent.setup();
    renderPage();
    const systemPrompt = screen.getByRole('textbox', { name: /System prompt/ });
    await user.type(systemPrompt, 'a/b');
    expect(systemPrompt).toHaveValue('a/b');
    expect(systemPrompt).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await user.keyboard('/');
    const message = screen.getByRole('textbox', { name: 'Message' });
    expect(message).toHaveFocus();
    expect(message).toHaveValue('');
  });

  it('Ctrl+Shift+C copies the next request as cURL, without the key', async () => {
    const user = userEvent.setup();
    renderPage();
    actions.setDraft('Copy this request');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await user.keyboard('{Control>}{Shift>}C{/Shift}{/Control}');
    const expected = generateCode(selectPendingRequest(usePlaygroundStore.getState()), {
      library: 'curl',
      includeKey: false,
    });
    await vi.waitFor(async () => expect(await navigator.clipboard.readText()).toBe(expected));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Copy this request');
    expect(copied).not.toContain(testKey);
    expect(await screen.findByText('Copied the next request as cURL (without your key).')).toBeInTheDocument();
  });

  it('Esc stops a reply from outside the composer, and does nothing when no reply is on its way', async () => {
    const user = userEvent.setup();
    const stop = vi.spyOn(actions, 'stop');
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await user.keyboard('{Escape}');
    expect(stop).not.toHaveBeenCalled();
    act(() => {
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    });
    await user.keyboard('{Escape}');
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
