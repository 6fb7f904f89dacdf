// The Code panel, driven as a user would: tabs and libraries by role and name, the key toggle, Copy and Download.
// jsdom cannot run Monaco, so the panel shows the code in its plain <pre> (the same text Monaco would show).
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeExportPanel } from '../../src/components/code/CodeExportPanel';
import { PendingRequestCode } from '../../src/components/code/PendingRequestCode';
import { ViewCodeButton } from '../../src/components/code/ViewCodeButton';
import { codeLanguage, generateCode, type CodeLanguage, type CodeLibrary } from '../../src/core/codegen';
import type { ChatRequest } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { selectPendingRequest } from '../../src/store/selectors';

const testKey = 'sk-test-KEY-1234567890';

const request: ChatRequest = {
  baseUrl: 'https://api.z.ai/api/paas/v4',
  body: {
    model: 'glm-4.6',
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'it\'s "quoted" and $HOME' },
    ],
    stream: true,
    thinking: { type: 'enabled' },
    temperature: 0.3,
  },
};

function expected(library: CodeLibrary, apiKey?: string): string {
  return generateCode(request, { library, includeKey: apiKey !== undefined, apiKey });
}

/** The code the selected tab shows (the <pre> fallback in jsdom). */
/** jsdom's Blob has no text(); FileReader reads it as a browser would. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

function shownCode(): string {
  const panel = screen.getByRole('tabpanel');
  const code = panel.querySelector('pre code');
  if (!code) throw new Error('No code is shown');
  return code.textContent;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  connectionActions.setApiKey(testKey);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('tabs and libraries', () => {
  it('starts on cURL and switches language by clicking a tab', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    expect(screen.getByRole('tab', { name: 'cURL' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'cURL' })).toBeInTheDocument();
    expect(shownCode()).toBe(expected('curl'));

    await user.click(screen.getByRole('tab', { name: 'Java' }));
    expect(screen.getByRole('tab', { name: 'Java' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'cURL' })).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByRole('tabpanel', { name: 'Java' })).toBeInTheDocument();
    expect(shownCode()).toBe(expected('java-httpclient'));
  });

  it('moves between tabs with the arrow keys, Home and End, keeping one tab stop', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    await user.tab();
    expect(screen.getByRole('tab', { name: 'cURL' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Python' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
    expect(shownCode()).toBe(expected('python-requests'));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'cURL' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Java' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'cURL' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Java' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tab').filter((tab) => tab.tabIndex === 0)).toHaveLength(1);
  });

  it('offers each language its own libraries and remembers the choice per language', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    const library = screen.getByRole('combobox', { name: 'Library' });
    const pythonOptions = within(library)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(pythonOptions).toEqual(codeLanguage('python').targets.map((target) => target.label));

    await user.selectOptions(library, 'openai');
    expect(shownCode()).toBe(expected('python-openai'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Library' }), 'zai-sdk (official)');
    expect(shownCode()).toBe(expected('python-zai-sdk'));

    await user.click(screen.getByRole('tab', { name: 'Java' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Library' }), 'zai-sdk (official)');
    expect(shownCode()).toBe(expected('java-zai-sdk'));

    await user.click(screen.getByRole('tab', { name: 'Python' }));
    expect(screen.getByRole('combobox', { name: 'Library' })).toHaveDisplayValue('zai-sdk (official)');
    expect(shownCode()).toBe(expected('python-zai-sdk'));
  });
});

describe('Minimal', () => {
  it('switches every language between the complete code and the short quick-start', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    const toggle = screen.getByRole('checkbox', { name: 'Minimal' });
    expect(toggle).not.toBeChecked();
    expect(shownCode()).toBe(expected('curl'));
    await user.click(toggle);
    expect(shownCode()).toBe(generateCode(request, { library: 'curl', includeKey: false, minimal: true }));
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    expect(shownCode()).toBe(generateCode(request, { library: 'python-requests', includeKey: false, minimal: true }));
    await user.click(toggle);
    expect(shownCode()).toBe(expected('python-requests'));
  });
});

describe('Include my key', () => {
  it('leaves the key out by default and puts it in, with a warning, only while checked', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    const toggle = screen.getByRole('checkbox', { name: 'Include my key' });
    expect(toggle).not.toBeChecked();
    for (const tab of ['cURL', 'Python', 'Java']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      expect(shownCode()).not.toContain(testKey);
      expect(shownCode()).toContain('ZAI_API_KEY');
    }
    expect(screen.queryByText(/this code now contains your API key/i)).not.toBeInTheDocument();

    await user.click(toggle);
    expect(shownCode()).toContain(testKey);
    expect(shownCode()).toBe(expected('java-httpclient', testKey));
    expect(screen.getByText(/this code now contains your API key/i)).toBeVisible();
    expect(toggle).toHaveAccessibleDescription(/never share it/i);

    await user.click(screen.getByRole('tab', { name: 'cURL' }));
    expect(shownCode()).toContain(testKey);

    await user.click(toggle);
    expect(shownCode()).not.toContain(testKey);
    expect(screen.queryByText(/this code now contains your API key/i)).not.toBeInTheDocument();
  });

  it('says the code still reads the environment when no key is entered', async () => {
    connectionActions.setApiKey('');
    const user = userEvent.setup();
    render(<CodeExportPanel request={request} />);
    await user.click(screen.getByRole('checkbox', { name: 'Include my key' }));
    expect(screen.getByText(/No API key is entered/)).toBeVisible();
    expect(shownCode()).toBe(expected('curl'));
  });
});

describe('Copy', () => {
  it('copies exactly the shown code and says "Copied"', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<CodeExportPanel request={request} />);
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(shownCode());
    expect(await navigator.clipboard.readText()).toBe(expected('python-requests'));
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Code copied to the clipboard.');
  });

  it('falls back to the copy command when the Clipboard API is denied', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    const copied: string[] = [];
    // jsdom has no execCommand: stand in for the browser's, copying the selected textarea's text.
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        const active = document.activeElement;
        if (command !== 'copy' || !(active instanceof HTMLTextAreaElement)) return false;
        copied.push(active.value);
        return true;
      },
    });
    try {
      render(<CodeExportPanel request={request} />);
      await user.click(screen.getByRole('button', { name: 'Copy' }));
      expect(copied).toEqual([expected('curl')]);
      expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Copied' })).toHaveFocus();
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('explains how to copy by hand when the browser denies the clipboard', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    render(<CodeExportPanel request={request} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status')).toHaveTextContent(/blocked the clipboard.*Ctrl\+C.*Download/);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(shownCode()).toBe(expected('curl'));
  });
});

describe('Download', () => {
  it('saves the shown code under the file name of each language', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    const saved: { fileName: string; href: string }[] = [];
    // jsdom has no object URLs: stand in for them, and restore the (missing) originals afterwards.
    vi.stubGlobal(
      'URL',
      Object.assign(class extends URL {}, {
        createObjectURL: (blob: Blob) => {
          blobs.push(blob);
          return `blob:test/${blobs.length}`;
        },
        revokeObjectURL: () => undefined,
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ fileName: this.download, href: this.href });
    });
    render(<CodeExportPanel request={request} />);

    const cases: [string, string, CodeLanguage, CodeLibrary][] = [
      ['cURL', 'glm-request.sh', 'curl', 'curl'],
      ['Python', 'glm_request.py', 'python', 'python-requests'],
      ['Java', 'GlmRequest.java', 'java', 'java-httpclient'],
    ];
    for (const [tab, fileName, language, library] of cases) {
      await user.click(screen.getByRole('tab', { name: tab }));
      await user.click(screen.getByRole('button', { name: 'Download' }));
      const blob = blobs.at(-1);
      if (!blob) throw new Error('No file was created');
      expect(saved.at(-1)).toEqual({ fileName, href: `blob:test/${blobs.length}` });
      expect(blob.type).toBe(`${codeLanguage(language).mimeType};charset=utf-8`);
      expect(await readBlob(blob)).toBe(expected(library));
      expect(await readBlob(blob)).toBe(shownCode());
    }
  });
});

describe('dialogs', () => {
  it('"View code" opens the panel for that request and Close returns focus to the button', async () => {
    const user = userEvent.setup();
    render(<ViewCodeButton request={request} />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const open = screen.getByRole('button', { name: 'View code' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Code for this request' });
    // The panel and the generators load on first use.
    expect(await within(dialog).findByRole('tablist', { name: 'Code language' })).toBeInTheDocument();
    expect(shownCode()).toBe(expected('curl'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('Esc closes the dialog and returns focus to the button that opened it', async () => {
    const user = userEvent.setup();
    render(<PendingRequestCode />);
    const open = screen.getByRole('button', { name: 'Code' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Code for the next request' });
    await within(dialog).findByRole('tablist', { name: 'Code language' });
    await user.click(within(dialog).getByRole('tab', { name: 'Python' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('"Code" shows what Send would send now, and follows the draft', async () => {
    const user = userEvent.setup();
    actions.setDraft('First draft');
    render(<PendingRequestCode />);
    await user.click(screen.getByRole('button', { name: 'Code' }));
    await screen.findByRole('tabpanel', { name: 'cURL' });
    const pending = () => selectPendingRequest(usePlaygroundStore.getState());
    expect(shownCode()).toBe(generateCode(pending(), { library: 'curl', includeKey: false }));
    expect(shownCode()).toContain('First draft');

    act(() => actions.setDraft('Second draft'));
    expect(shownCode()).toContain('Second draft');
    expect(shownCode()).toBe(generateCode(pending(), { library: 'curl', includeKey: false }));
    expect(shownCode()).not.toContain(testKey);
  });
});

describe('an API key inside the messages', () => {
  const leaky: ChatRequest = {
    ...request,
    body: { ...request.body, messages: [{ role: 'user', content: `my key is ${testKey}, keep it safe` }] },
  };

  it('is replaced in the code by default, with a note, and kept only when the user opts in', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={leaky} />);
    for (const tab of ['cURL', 'Python', 'Java']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      expect(shownCode()).not.toContain(testKey);
      expect(shownCode()).toContain('my key is [redacted key], keep it safe');
    }
    expect(screen.getByText('An API key in your messages was replaced by “[redacted key]”.')).toBeVisible();
    const keep = screen.getByRole('checkbox', { name: 'Keep the key in the messages' });
    expect(keep).not.toBeChecked();
    await user.click(keep);
    expect(shownCode()).toContain(`my key is ${testKey}, keep it safe`);
    expect(screen.getByText(/appears in your messages and is kept in this code/)).toBeVisible();
  });

  it('shows no note when the messages do not contain the key', () => {
    render(<CodeExportPanel request={request} />);
    expect(screen.queryByRole('checkbox', { name: 'Keep the key in the messages' })).not.toBeInTheDocument();
    expect(screen.queryByText(/An API key in your messages/)).not.toBeInTheDocument();
  });
});

describe('Tool loop example', () => {
  const withTools: ChatRequest = {
    ...request,
    body: {
      ...request.body,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
    },
  };

  it('is offered only for a request with function tools', () => {
    render(<CodeExportPanel request={request} />);
    expect(screen.queryByRole('checkbox', { name: 'Tool loop example' })).toBeNull();
  });

  it('switches Python requests to the loop with a stub per tool; cURL keeps the single request', async () => {
    const user = userEvent.setup();
    render(<CodeExportPanel request={withTools} />);
    const toggle = screen.getByRole('checkbox', { name: 'Tool loop example' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Available with Python (requests) and Java (HttpClient).');
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    expect(toggle).toBeEnabled();
    expect(toggle).not.toBeChecked();
    expect(shownCode()).not.toContain('Replace with your function');
    await user.click(toggle);
    expect(shownCode()).toBe(
      generateCode(withTools, { library: 'python-requests', includeKey: false, toolLoop: true }),
    );
    expect(shownCode()).toContain('Replace with your function: the get_weather tool.');
    await user.click(screen.getByRole('tab', { name: 'cURL' }));
    expect(shownCode()).toBe(generateCode(withTools, { library: 'curl', includeKey: false }));
  });
});
