// Saving and restoring the playground (src/store/persistence.ts, savedStateRestore.ts and their use in
// src/store/index.ts), in jsdom so that localStorage and pagehide are the browser's. Each start-up test loads a fresh
// copy of the store module after seeding localStorage, as a page reload would.
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { persistName, persistVersion } from '../../src/store/persistence';
import { createPlaygroundStorage } from '../../src/store/savedStateStorage';
import { keptCopyName, readKeptCopy } from '../../src/store/keptCopy';
import { keptCopyText } from '../../src/store';
import { newerVersionText } from '../../src/store/persistence';
import userEvent from '@testing-library/user-event';
import type { PlaygroundState, Turn } from '../../src/store/types';
import { savedSettings, savedStateLoaded } from './helpers';

type StoreModule = typeof import('../../src/store');

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

function turn(id: string, role: Turn['role'], content: string): Turn {
  return { id, role, content, reasoning: '', excluded: false, reply: null };
}

/** A valid saved state of the current version, as the app writes it. */
function savedState(turns: Turn[] = [turn('t1', 'user', 'Hello'), turn('t2', 'assistant', 'Hi!')]) {
  return {
    connection: {
      rememberKey: true,
      endpointId: 'bigmodel',
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
      keyOrigin: null,
    },
    settings: savedSettings,
    conversation: { turns, draft: 'unsent words' },
  };
}

async function startApp(saved: string | null): Promise<StoreModule> {
  if (saved !== null) localStorage.setItem(persistName, saved);
  vi.resetModules();
  const store = await import('../../src/store');
  await savedStateLoaded(store);
  return store;
}

function contents(state: PlaygroundState): string[] {
  return state.conversation.turns.map((candidate) => candidate.content);
}

function noticeTexts(state: PlaygroundState): string[] {
  return state.ui.notices.map((notice) => notice.text);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('start-up from what was saved', () => {
  it('restores the conversation, settings and endpoint of the current version without any notice', async () => {
    const { usePlaygroundStore } = await startApp(JSON.stringify({ state: savedState(), version: persistVersion }));
    const state = usePlaygroundStore.getState();
    expect(contents(state)).toEqual(['Hello', 'Hi!']);
    expect(state.conversation.draft).toBe('unsent words');
    expect(state.settings.systemPrompt).toBe('Be brief.');
    expect(state.connection.endpointId).toBe('bigmodel');
    expect(state.ui.notices).toEqual([]);
  });

  it('migrates a version 0 state (top_p / max_tokens names, messages) and says so once', async () => {
    const versionZero = {
      settings: { model: 'glm-4.6', top_p: 0.5, max_tokens: 2048 },
      messages: [
        { role: 'user', content: 'Hello from version 0' },
        { role: 'assistant', content: 'Old reply' },
      ],
    };
    const { usePlaygroundStore } = await startApp(JSON.stringify({ state: versionZero, version: 0 }));
    const state = usePlaygroundStore.getState();
    expect(state.settings.topP).toBe(0.5);
    expect(state.settings.maxTokens).toBe(2048);
    expect(contents(state)).toEqual(['Hello from version 0', 'Old reply']);
    expect(state.ui.notices).toHaveLength(1);
  });

  it('opens a version 2 reply whose metrics carry derived figures: the same figures shown, saved without them', async () => {
    const usage = { prompt_tokens: 1_200, completion_tokens: 2_500, total_tokens: 3_700 };
    const measurements = {
      startedAtMs: 0,
      firstReasoningAtMs: null,
      lastReasoningAtMs: null,
      firstAnswerAtMs: 2_000,
      firstTokenAtMs: 2_000,
      lastTokenAtMs: 5_800,
      finishedAtMs: 6_000,
      firstCreated: null,
      lastCreated: null,
      firstReasoningCreated: null,
      lastReasoningCreated: null,
      firstAnswerCreated: null,
      estimatedTokens: 3,
      phase: 'answer',
    };
    const derived = {
      timeToFirstReasoningMs: null,
      timeToFirstAnswerMs: 2_000,
      totalMs: 6_000,
      reasoningMs: null,
      serverReasoningMs: null,
      thinkingMs: null,
      tokensPerSecond: 2_500 / 3.8,
      tokensPerSecondEstimated: false,
      promptTokens: 1_200,
      completionTokens: 2_500,
      reasoningTokens: null,
      estimatedCostUsd: (1_200 * 0.6 + 2_500 * 2.2) / 1_000_000,
    };
    const reply = {
      status: 'complete',
      request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
      error: null,
      // Version 2 could leave these on the metrics only.
      finishReason: null,
      usage: null,
      metrics: { ...measurements, finishReason: 'stop', usage, ...derived },
      warnings: [],
    };
    const saved = savedState([turn('t1', 'user', 'Hello'), { ...turn('t2', 'assistant', 'Yes'), reply } as never]);
    const store = await startApp(JSON.stringify({ state: saved, version: 2 }));
    const { ReplyMetrics } = await import('../../src/components/reply/ReplyMetrics');
    render(<ReplyMetrics turnId="t2" />);
    const metric = (term: string) =>
      within(screen.getByRole('group', { name: 'Reply metrics' })).getByText(term).nextElementSibling?.textContent;
    expect(metric('First answer token')).toBe('2.0 s');
    expect(metric('Total time')).toBe('6.0 s');
    expect(metric('Tokens/s')).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(2_500 / 3.8));
    expect(metric('Prompt tokens')).toBe(new Intl.NumberFormat().format(1_200));
    expect(metric('Finish reason')).toBe('stop');
    expect(metric('Estimated cost')).toBe('$0.0062');

    store.flushSavedState();
    const written = JSON.parse(localStorage.getItem(persistName) ?? '{}') as {
      version: number;
      state: { conversation: { turns: Turn[] } };
    };
    expect(written.version).toBe(persistVersion);
    const writtenReply = written.state.conversation.turns[1]?.reply;
    expect(writtenReply).toMatchObject({ finishReason: 'stop', usage });
    expect(writtenReply?.metrics).toEqual(measurements);
  });

  it('loads a state saved without a version number, and says so once', async () => {
    const { usePlaygroundStore } = await startApp(JSON.stringify({ state: savedState() }));
    expect(contents(usePlaygroundStore.getState())).toEqual(['Hello', 'Hi!']);
    expect(usePlaygroundStore.getState().settings.systemPrompt).toBe('Be brief.');
    expect(usePlaygroundStore.getState().ui.notices).toHaveLength(1);
  });

  it('starts fresh from unparseable JSON, says so once, and saves again afterwards', async () => {
    const { usePlaygroundStore } = await startApp('{"state": {"conversation": ');
    const actions = await import('../../src/store/actions');
    const state = usePlaygroundStore.getState();
    expect(state.conversation.turns).toEqual([]);
    expect(noticeTexts(state)).toEqual([
      'Your saved playground could not be read (it was not valid JSON), so it started fresh.',
      keptCopyText,
    ]);
    actions.addTurn('user', 'A new start');
    actions.addTurn('user', 'and more');
    expect(usePlaygroundStore.getState().ui.notices).toHaveLength(2);
    expect(JSON.parse(localStorage.getItem(persistName) ?? 'null')).toMatchObject({
      version: persistVersion,
      state: { conversation: { turns: [{ content: 'A new start' }, { content: 'and more' }] } },
    });
  });

  it('salvages part by part: bad settings and one bad turn are dropped, everything else is kept, said once', async () => {
    const saved = savedState([
      turn('t1', 'user', 'Keep me'),
      { ...turn('t2', 'user', 'x'), role: 'robot' } as unknown as Turn,
      turn('t3', 'assistant', 'Keep me too'),
    ]);
    const damaged = { ...saved, settings: { ...saved.settings, temperature: 'hot' } };
    const { usePlaygroundStore } = await startApp(JSON.stringify({ state: damaged, version: persistVersion }));
    const state = usePlaygroundStore.getState();
    expect(contents(state)).toEqual(['Keep me', 'Keep me too']);
    expect(state.conversation.draft).toBe('unsent words');
    expect(state.connection.endpointId).toBe('bigmodel');
    expect(state.settings.temperature).toBeTypeOf('number');
    expect(state.settings.systemPrompt).toBe('Be brief.');
    expect(state.settings.model).toBe('glm-4.6');
    expect(noticeTexts(state)).toEqual([
      'Part of your saved playground was damaged; 2 items were dropped and the rest restored.',
      keptCopyText,
    ]);
  });

  it('says so when a saved history of 2,000 entries is cut to the limit of 500', async () => {
    const entry = (index: number) => ({
      id: `request-${index}`,
      sentAt: index,
      request: {
        baseUrl: 'https://api.z.ai/api/paas/v4',
        body: { model: 'glm-4.7', messages: [{ role: 'user', content: `Question ${index}` }] },
      },
      status: 'complete',
      finishReason: 'stop',
      usage: null,
      latencyMs: 10,
      errorTitle: null,
    });
    const history = { limit: 2_000, entries: Array.from({ length: 2_000 }, (_, index) => entry(index)) };
    const saved = { ...savedState(), history };
    const { usePlaygroundStore } = await startApp(JSON.stringify({ state: saved, version: persistVersion }));
    const state = usePlaygroundStore.getState();
    expect(state.history.entries).toHaveLength(500);
    expect(state.history.entries[0]?.id).toBe('request-0');
    expect(noticeTexts(state)).toEqual([
      'Your saved request history held 2,000 entries, more than its limit of 500: only the newest 500 were kept.',
    ]);
  });

  it('loads a state whose parts are all of the wrong type into a working, fresh playground', async () => {
    const { usePlaygroundStore } = await startApp(
      JSON.stringify({
        state: { connection: 5, settings: [], conversation: { turns: 'none', draft: 7 } },
        version: persistVersion,
      }),
    );
    const actions = await import('../../src/store/actions');
    const state = usePlaygroundStore.getState();
    expect(state.conversation.turns).toEqual([]);
    expect(state.conversation.draft).toBe('');
    expect(state.ui.notices).toHaveLength(2);
    actions.addTurn('user', 'Still works');
    expect(contents(usePlaygroundStore.getState())).toEqual(['Still works']);
  });

  it('keeps what is typed while the saved state is read back, and writes nothing over it before', async () => {
    const saved = JSON.stringify({ state: savedState(), version: persistVersion });
    localStorage.setItem(persistName, saved);
    vi.resetModules();
    // The code arrives when the test says (a slow network).
    let arrive: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.doMock('../../src/store/savedStateRestore', async () => {
      await arrived;
      return vi.importActual('../../src/store/savedStateRestore');
    });
    try {
      const store = await import('../../src/store');
      const actions = await import('../../src/store/actions');
      expect(store.usePlaygroundStore.getState().ui.savedStateLoading).toBe(true);
      actions.setDraft('typed meanwhile');
      expect(localStorage.getItem(persistName)).toBe(saved);
      arrive();
      await savedStateLoaded(store);
      const state = store.usePlaygroundStore.getState();
      expect(contents(state)).toEqual(['Hello', 'Hi!']);
      expect(state.conversation.draft).toBe('unsent words\n\ntyped meanwhile');
      expect(JSON.parse(localStorage.getItem(persistName) ?? '{}')).toMatchObject({
        state: { conversation: { draft: 'unsent words\n\ntyped meanwhile' } },
      });
    } finally {
      vi.doUnmock('../../src/store/savedStateRestore');
    }
  });

  it('says so when the code that reads the saved state back does not arrive, and writes nothing over the state', async () => {
    const saved = JSON.stringify({ state: savedState(), version: persistVersion });
    localStorage.setItem(persistName, saved);
    vi.resetModules();
    vi.doMock('../../src/store/savedStateRestore', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    try {
      const { usePlaygroundStore, savedStateLoadFailedText } = await import('../../src/store');
      await vi.waitFor(() => expect(noticeTexts(usePlaygroundStore.getState())).toEqual([savedStateLoadFailedText]));
      const actions = await import('../../src/store/actions');
      actions.setDraft('typed afterwards');
      window.dispatchEvent(new Event('pagehide'));
      expect(localStorage.getItem(persistName)).toBe(saved);
    } finally {
      vi.doUnmock('../../src/store/savedStateRestore');
    }
  });
});

describe('a saved state that cannot be fully read is kept aside before anything overwrites it', () => {
  it('keeps unreadable JSON byte for byte, and offers it for download and deletion', async () => {
    const damaged = '{"state": {"conversation": ';
    const { usePlaygroundStore } = await startApp(damaged);
    const actions = await import('../../src/store/actions');
    actions.addTurn('user', 'A new start');
    expect(readKeptCopy()).toMatchObject({ reason: 'unreadable', text: damaged });
    const { NoticeBar } = await import('../../src/components/NoticeBar');
    const user = userEvent.setup();
    render(<NoticeBar />);
    expect(await screen.findByRole('button', { name: 'Download saved copy' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete saved copy' }));
    expect(readKeptCopy()).toBeNull();
    expect(contents(usePlaygroundStore.getState())).toEqual(['A new start']);
  });

  it('keeps a conversation whose one turn is damaged, minus that turn, and keeps the original aside', async () => {
    const other = {
      id: 'other',
      title: 'Other',
      createdAt: 1,
      updatedAt: 2,
      settings: savedState().settings,
      turns: [
        turn('o1', 'user', 'Question'),
        { ...turn('o2', 'user', 'x'), role: 'robot' },
        turn('o3', 'assistant', 'Answer'),
      ],
      draft: '',
    };
    const text = JSON.stringify({
      state: {
        ...savedState(),
        library: { activeId: 'active', conversations: [{ ...other, id: 'active', turns: [] }, other] },
      },
      version: persistVersion,
    });
    const { usePlaygroundStore } = await startApp(text);
    const saved = usePlaygroundStore.getState().library.conversations.find((entry) => entry.id === 'other');
    expect(saved?.turns.map((candidate) => candidate.content)).toEqual(['Question', 'Answer']);
    expect(readKeptCopy()?.text).toBe(text);
  });

  it('never saves over a state written by a newer version of the app', async () => {
    const text = JSON.stringify({
      state: { ...savedState(), futureField: { kept: true } },
      version: persistVersion + 1,
    });
    const { usePlaygroundStore, flushSavedState } = await startApp(text);
    const actions = await import('../../src/store/actions');
    expect(contents(usePlaygroundStore.getState())).toEqual(['Hello', 'Hi!']);
    expect(noticeTexts(usePlaygroundStore.getState())).toEqual([newerVersionText]);
    actions.addTurn('user', 'Typed in the older tab');
    flushSavedState();
    expect(localStorage.getItem(persistName)).toBe(text);
  });

  it('saves nothing until the user downloads a damaged state there is no room to keep', async () => {
    const damaged = '{"state": {"conversation": ';
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied storage as `this`
    const original = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, name: string, value: string) {
      if (name === keptCopyName) throw quotaError();
      original.call(this, name, value);
    });
    const { usePlaygroundStore, keptCopyHeldText } = await startApp(damaged);
    const actions = await import('../../src/store/actions');
    actions.addTurn('user', 'Not yet saved');
    expect(localStorage.getItem(persistName)).toBe(damaged);
    expect(noticeTexts(usePlaygroundStore.getState())).toContain(keptCopyHeldText);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:kept-copy');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { NoticeBar } = await import('../../src/components/NoticeBar');
    const user = userEvent.setup();
    render(<NoticeBar />);
    await user.click(await screen.findByRole('button', { name: 'Download saved copy' }));
    expect(JSON.parse(localStorage.getItem(persistName) ?? 'null')).toMatchObject({
      state: { conversation: { turns: [{ content: 'Not yet saved' }] } },
    });
  });
});

describe('a full storage (QuotaExceededError)', () => {
  it('keeps the app working with the conversation intact, and shows the storage-full notice once', async () => {
    const { usePlaygroundStore, storageFullText } = await startApp(null);
    const actions = await import('../../src/store/actions');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied storage as `this`
    const original = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, name: string, value: string) {
      if (name === persistName) throw quotaError();
      original.call(this, name, value);
    });
    actions.addTurn('user', 'First');
    actions.addTurn('assistant', 'Second');
    actions.setDraft('typing on');
    const state = usePlaygroundStore.getState();
    expect(contents(state)).toEqual(['First', 'Second']);
    expect(state.conversation.draft).toBe('typing on');
    expect(noticeTexts(state)).toEqual([storageFullText]);
  });

  it('reports a run of failed writes once, and again only after a write succeeded in between', () => {
    const onQuotaExceeded = vi.fn();
    const { storage } = createPlaygroundStorage({ onRecovered: vi.fn(), onQuotaExceeded }, () => false);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    const value = (draft: string) =>
      ({ state: { ...savedState(), conversation: { turns: [], draft } }, version: 1 }) as never;
    void storage.setItem(persistName, value('a'));
    void storage.setItem(persistName, value('ab'));
    void storage.setItem(persistName, value('abc'));
    expect(onQuotaExceeded).toHaveBeenCalledTimes(1);
    setItem.mockRestore();
    void storage.setItem(persistName, value('saved'));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quotaError();
    });
    void storage.setItem(persistName, value('full again'));
    expect(onQuotaExceeded).toHaveBeenCalledTimes(2);
  });
});

describe('throttled writes', () => {
  function value(draft: string) {
    return { state: { ...savedState(), conversation: { turns: [], draft } }, version: 1 } as never;
  }
  function savedDraft(): unknown {
    return (
      JSON.parse(localStorage.getItem(persistName) ?? 'null') as {
        state?: { conversation?: { draft?: unknown } };
      } | null
    )?.state?.conversation?.draft;
  }

  it('writes at once while idle', () => {
    const { storage } = createPlaygroundStorage({ onRecovered: vi.fn(), onQuotaExceeded: vi.fn() }, () => false);
    void storage.setItem(persistName, value('idle'));
    expect(savedDraft()).toBe('idle');
  });

  it('while busy, holds writes back to one per interval with the latest value, and flush() writes at once', () => {
    vi.useFakeTimers();
    const writes = vi.spyOn(Storage.prototype, 'setItem');
    const { storage, flush } = createPlaygroundStorage(
      { onRecovered: vi.fn(), onQuotaExceeded: vi.fn() },
      () => true,
      1000,
    );
    for (let index = 0; index < 50; index += 1) void storage.setItem(persistName, value(`token ${index}`));
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(savedDraft()).toBe('token 49');
    void storage.setItem(persistName, value('the end'));
    flush();
    expect(writes).toHaveBeenCalledTimes(2);
    expect(savedDraft()).toBe('the end');
  });

  it('a streaming store writes a few times, not once per token, and the final state is saved on pagehide', async () => {
    const { usePlaygroundStore } = await startApp(null);
    const actions = await import('../../src/store/actions');
    const writes = vi.spyOn(Storage.prototype, 'setItem');
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    for (let index = 0; index < 200; index += 1) actions.setDraft(`token ${index}`);
    const stateWrites = () => writes.mock.calls.filter(([name]) => name === persistName).length;
    expect(stateWrites()).toBeLessThanOrEqual(1);
    window.dispatchEvent(new Event('pagehide'));
    expect(savedDraft()).toBe('token 199');
  });
});
