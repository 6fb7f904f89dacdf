// "Export conversation" / "Import conversation" as a user drives them, and the storage-full notice's export.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationFileMenu } from '../../src/components/conversation/ConversationFileMenu';
import { StorageFullNotice } from '../../src/components/StorageFullNotice';
import { addNotice, resetPlayground, storageFullText, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import * as settingsActions from '../../src/store/settingsActions';

const testKey = 'sk-test-LEAK-0123456789abcdef';

// jsdom's Blob has no text() (every browser the app supports has); read it the older way.
beforeAll(() => {
  if (typeof Blob.prototype.text === 'function') return;
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob): Promise<string> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
        reader.readAsText(this);
      });
    },
  });
});

interface Download {
  fileName: string;
  text: string;
}

/** Captures what a click on a download link would save. */
function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let counter = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
    counter += 1;
    const url = `blob:test/${counter}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) throw new Error('download link without a captured blob');
    // Blob.text() is asynchronous; tests await readDownloads().
    downloads.push({ fileName: this.download, text: '' });
    const entry = downloads[downloads.length - 1];
    void blob.text().then((text) => {
      if (entry) entry.text = text;
    });
  });
  return downloads;
}

async function readDownloads(downloads: Download[]): Promise<Download[]> {
  await vi.waitFor(() => expect(downloads.every((download) => download.text !== '')).toBe(true));
  return downloads;
}

function conversationFile(
  turns: Array<{ role: string; content: string }>,
  settings: Record<string, unknown> = {},
): File {
  const text = JSON.stringify({ format: 'glm-playground-conversation', version: 1, settings, turns });
  return new File([text], 'saved.json', { type: 'application/json' });
}

function shown(): string[] {
  return usePlaygroundStore.getState().conversation.turns.map((turn) => `${turn.role}: ${turn.content}`);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Export conversation', () => {
  it('downloads glm-conversation-<date>.json with the settings and messages, never the key', async () => {
    const downloads = captureDownloads();
    const user = userEvent.setup();
    connectionActions.setApiKey(testKey);
    settingsActions.setSystemPrompt('Answer in French.');
    actions.addTurn('user', 'Bonjour');
    actions.addTurn('assistant', 'Salut !');
    render(<ConversationFileMenu />);
    await user.click(screen.getByRole('button', { name: 'Export conversation' }));
    // The export module loads on first use.
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const [download] = await readDownloads(downloads);
    expect(download?.fileName).toMatch(/^glm-conversation-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(download?.text ?? '') as {
      settings: { systemPrompt: string };
      turns: Array<{ content: string }>;
    };
    expect(file.settings.systemPrompt).toBe('Answer in French.');
    expect(file.turns.map((turn) => turn.content)).toEqual(['Bonjour', 'Salut !']);
    expect(download?.text).not.toContain(testKey);
  });
});

describe('Import conversation', () => {
  it('has a visible label that names the file input', () => {
    render(<ConversationFileMenu />);
    const input = screen.getByLabelText('Import conversation');
    expect(input).toHaveAttribute('type', 'file');
    expect(screen.getByText('Import conversation')).toBeVisible();
  });

  it('loads a valid file into an empty playground and says what it imported', async () => {
    const user = userEvent.setup();
    render(<ConversationFileMenu />);
    await user.upload(
      screen.getByLabelText('Import conversation'),
      conversationFile(
        [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
        ],
        { temperature: 0.2 },
      ),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Imported 2 messages and the settings from saved.json.',
    );
    expect(shown()).toEqual(['user: Hi', 'assistant: Hello!']);
    expect(usePlaygroundStore.getState().settings.temperature).toBe(0.2);
  });

  it('refuses a bad file with a clear message in an alert and changes nothing', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Keep this');
    settingsActions.setTemperature(0.42);
    const before = usePlaygroundStore.getState();
    render(<ConversationFileMenu />);
    const bad = new File(
      ['{"format": "glm-playground-conversation", "version": 1, "turns": [{"role": "robot", "content": 1}]}'],
      'broken.json',
      { type: 'application/json' },
    );
    await user.upload(screen.getByLabelText('Import conversation'), bad);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^broken\.json: The conversation file is damaged — Message 1, role: .+ Nothing was imported\.$/,
    );
    const after = usePlaygroundStore.getState();
    expect(after.conversation).toBe(before.conversation);
    expect(after.settings).toBe(before.settings);
    expect(screen.getByLabelText('Import conversation')).toHaveAccessibleDescription(alert.textContent);
  });

  it('refuses a file that is not JSON', async () => {
    const user = userEvent.setup();
    render(<ConversationFileMenu />);
    await user.upload(
      screen.getByLabelText('Import conversation'),
      new File(['hello'], 'notes.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'notes.json: This file is not valid JSON, so it cannot be a conversation export.',
    );
  });

  it('asks before replacing a conversation that has messages; Cancel keeps it', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Mine');
    render(<ConversationFileMenu />);
    await user.upload(
      screen.getByLabelText('Import conversation'),
      conversationFile([{ role: 'user', content: 'From file' }]),
    );
    const question = await screen.findByRole('group');
    expect(question).toHaveTextContent(
      'Replace the current conversation (1 message) and settings with the 1 message from saved.json?',
    );
    await user.click(within(question).getByRole('button', { name: 'Cancel import' }));
    expect(shown()).toEqual(['user: Mine']);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('replaces the conversation once the user confirms', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'Mine');
    render(<ConversationFileMenu />);
    await user.upload(
      screen.getByLabelText('Import conversation'),
      conversationFile([{ role: 'user', content: 'From file' }]),
    );
    await user.click(await screen.findByRole('button', { name: 'Replace conversation' }));
    expect(shown()).toEqual(['user: From file']);
    expect(screen.getByRole('status')).toHaveTextContent('Imported 1 message');
  });

  it('is not possible while a reply is on its way', () => {
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    render(<ConversationFileMenu />);
    expect(screen.getByLabelText('Import conversation')).toBeDisabled();
  });
});

describe('storage-full notice', () => {
  it('offers "Export conversation" beside the warning, and Dismiss removes it', async () => {
    const downloads = captureDownloads();
    const user = userEvent.setup();
    actions.addTurn('user', 'A long conversation');
    addNotice('warning', storageFullText);
    const notice = usePlaygroundStore.getState().ui.notices[0];
    if (!notice) throw new Error('notice expected');
    render(<StorageFullNotice notice={notice} />);
    expect(screen.getByRole('alert')).toHaveTextContent(storageFullText);
    await user.click(screen.getByRole('button', { name: 'Export conversation' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const [download] = await readDownloads(downloads);
    expect(download?.text).toContain('A long conversation');
    await user.click(screen.getByRole('button', { name: `Dismiss: ${storageFullText}` }));
    expect(usePlaygroundStore.getState().ui.notices).toEqual([]);
  });
});
