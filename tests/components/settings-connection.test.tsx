// The settings sidebar's key, endpoint and key-origin controls, driven as a user would.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyOriginDialog } from '../../src/components/settings/KeyOriginDialog';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { FirstRunCard } from '../../src/components/welcome/FirstRunCard';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';

const testKey = 'a1b2c3d4e5f6a7b8c9d0.SecretTailWXYZ';

function requestHead(): string {
  const region = screen.getByRole('region', { name: 'Request' });
  return within(region).getByLabelText('Request line and headers').textContent;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('API key', () => {
  it('is hidden by default and can be shown and hidden again', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const key = screen.getByLabelText('API key');
    expect(key).toHaveAttribute('type', 'password');
    await user.type(key, testKey);
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(key).toHaveAttribute('type', 'text');
    expect(key).toHaveValue(testKey);
    await user.click(screen.getByRole('button', { name: 'Hide key' }));
    expect(key).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show key' })).toBeInTheDocument();
  });

  it('trims a pasted key and masks it in the request preview', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.click(screen.getByLabelText('API key'));
    await user.paste(`  ${testKey}\n`);
    expect(usePlaygroundStore.getState().connection.apiKey).toBe(testKey);
    expect(requestHead()).toContain('Authorization: Bearer a1…WXYZ');
    expect(document.body.textContent).not.toContain(testKey);
  });

  it('"Forget key" clears the field and both storages, and the first-run card returns', async () => {
    const user = userEvent.setup();
    render(
      <>
        <FirstRunCard />
        <SettingsSidebar />
      </>,
    );
    const key = screen.getByLabelText('API key');
    await user.type(key, testKey);
    expect(localStorage.getItem('glm-playground:api-key')).toBe(testKey);
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Forget key' }));
    expect(key).toHaveValue('');
    expect(usePlaygroundStore.getState().connection.apiKey).toBe('');
    expect(localStorage.getItem('glm-playground:api-key')).toBeNull();
    expect(sessionStorage.getItem('glm-playground:api-key')).toBeNull();
    expect(screen.getByText(/Key forgotten/)).toBeInTheDocument();
    expect(key).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Get started' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Forget key' })).toBeDisabled();
  });

  it('"Remember key" off keeps the key for this tab only', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const remember = screen.getByRole('checkbox', { name: 'Remember key' });
    expect(remember).toBeChecked();
    expect(remember).toHaveAccessibleDescription(/localStorage/);
    await user.type(screen.getByLabelText('API key'), testKey);
    await user.click(remember);
    expect(remember).toHaveAccessibleDescription(/this tab only/);
    expect(localStorage.getItem('glm-playground:api-key')).toBeNull();
    expect(sessionStorage.getItem('glm-playground:api-key')).toBe(testKey);
  });
});

describe('endpoint and base URL', () => {
  it('choosing an endpoint preset shows its base URL and changes where the request goes', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const endpoint = screen.getByRole('combobox', { name: 'Endpoint' });
    expect(
      within(endpoint)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Z.ai (international)',
      'BigModel (mainland)',
      'Z.ai Coding Plan',
      'BigModel Coding Plan',
      'Local proxy (same origin)',
      'Offline demo (mock server)',
      'Custom',
    ]);
    await user.selectOptions(endpoint, 'BigModel (mainland)');
    expect(screen.getByRole('textbox', { name: 'Base URL' })).toHaveValue('https://open.bigmodel.cn/api/paas/v4');
    expect(requestHead()).toContain('POST https://open.bigmodel.cn/api/paas/v4/chat/completions');

    await user.selectOptions(endpoint, 'Local proxy (same origin)');
    expect(screen.getByRole('textbox', { name: 'Base URL' })).toHaveValue('/proxy/zai/api/paas/v4');
    expect(
      screen.getByText(/Forwarded by this app to https:\/\/api\.z\.ai\/api\/paas\/v4\/chat\/completions/),
    ).toBeInTheDocument();
  });

  it('editing the base URL to a preset URL selects that preset; any other valid URL is Custom', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    await user.clear(baseUrl);
    await user.type(baseUrl, 'http://localhost:11434/v1');
    expect(screen.getByRole('combobox', { name: 'Endpoint' })).toHaveValue('custom');
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('http://localhost:11434/v1');
    await user.clear(baseUrl);
    await user.type(baseUrl, '/mock-zai/api/paas/v4');
    expect(screen.getByRole('combobox', { name: 'Endpoint' })).toHaveValue('demo');
  });

  it('rejects a base URL that is not http(s) or a same-origin path, with a clear message, keeping the text', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    await user.clear(baseUrl);
    await user.type(baseUrl, 'ftp://files.example.com/v4');
    await user.tab();
    expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    expect(baseUrl).toHaveAccessibleDescription('The base URL must start with http:// or https://');
    expect(baseUrl).toHaveValue('ftp://files.example.com/v4');
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('https://api.z.ai/api/paas/v4');

    await user.clear(baseUrl);
    await user.type(baseUrl, 'api.example.com');
    expect(baseUrl).toHaveAccessibleDescription(/Not a URL/);

    await user.clear(baseUrl);
    await user.type(baseUrl, 'https://api.example.com/v1');
    expect(baseUrl).toHaveAttribute('aria-invalid', 'false');
    expect(usePlaygroundStore.getState().connection.baseUrl).toBe('https://api.example.com/v1');
  });
});

describe('key origin confirmation', () => {
  /** The dialog lives beside the settings (in the app), so it can ask while the settings sheet is closed. */
  function renderWithKeyDialog() {
    render(
      <>
        <SettingsSidebar />
        <KeyOriginDialog />
      </>,
    );
  }

  function askFor(targetOrigin: string) {
    usePlaygroundStore.setState((state) => ({
      connection: { ...state.connection, apiKey: testKey, keyOrigin: 'https://api.z.ai' },
      ui: { ...state.ui, keyConfirmation: { targetOrigin } },
    }));
  }

  it('names the new origin, traps focus on its buttons, and Esc cancels', async () => {
    const user = userEvent.setup();
    askFor('https://api.example.com');
    renderWithKeyDialog();
    const dialog = screen.getByRole('dialog', { name: 'Send your API key to api.example.com?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent(/entered for api\.z\.ai/);
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Send key to api.example.com' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(usePlaygroundStore.getState().ui.keyConfirmation).toBeNull();
    expect(usePlaygroundStore.getState().connection.keyOrigin).toBe('https://api.z.ai');
  });

  it('confirming lets the key go to the new origin', async () => {
    const user = userEvent.setup();
    askFor('https://api.example.com');
    renderWithKeyDialog();
    await user.click(screen.getByRole('button', { name: 'Send key to api.example.com' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(usePlaygroundStore.getState().connection.keyOrigin).toBe('https://api.example.com');
  });

  it('appears when a send would take the key to a new host, and Cancel sends nothing', async () => {
    const user = userEvent.setup();
    const fetchCalls: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      fetchCalls.push(args);
      return Promise.reject(new TypeError('no network in tests'));
    };
    try {
      renderWithKeyDialog();
      await user.type(screen.getByLabelText('API key'), testKey);
      const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
      await user.clear(baseUrl);
      await user.type(baseUrl, 'https://llm.example.org/v1');
      actions.setDraft('Hello');
      const model = screen.getByRole('combobox', { name: 'Model' });
      model.focus();
      act(() => actions.send());

      const dialog = screen.getByRole('dialog', { name: 'Send your API key to llm.example.org?' });
      expect(dialog).toHaveTextContent(/entered for api\.z\.ai/);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(fetchCalls).toHaveLength(0);
      expect(model).toHaveFocus();
      expect(usePlaygroundStore.getState().conversation.draft).toBe('Hello');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('request preview headers', () => {
  it('never shows more of the key than its first two and last four characters', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    expect(requestHead()).toContain('Authorization: (no API key set)');
    await user.type(screen.getByLabelText('API key'), 'short-key');
    expect(requestHead()).toContain('Authorization: Bearer …');
    expect(requestHead()).not.toContain('short-key');
    expect(requestHead()).not.toContain('sh…');
  });

  it('shows the demo placeholder instead of the real key on the Offline demo endpoint', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.type(screen.getByLabelText('API key'), testKey);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Endpoint' }), 'Offline demo (mock server)');
    expect(requestHead()).toContain('POST /mock-zai/api/paas/v4/chat/completions');
    expect(requestHead()).toContain('Authorization: Bearer offline-demo');
    expect(requestHead()).not.toContain('WXYZ');
  });
});
