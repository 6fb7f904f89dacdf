// The saved playground in IndexedDB (src/store/stateDatabase.ts behind src/store/savedStateStorage.ts), with an
// in-memory IndexedDB: the move from localStorage (both ways), room for a long document, what is typed while the
// state loads, a failing database, and two tabs. Each start-up loads fresh store modules, as a page reload would;
// the database outlives them as the browser's would.
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { persistName, persistVersion } from '../../src/store/persistence';
import { missingTextNote } from '../../src/store/textRecords';
import type { Turn } from '../../src/store/types';
import { savedSettings } from './helpers';

type StoreModule = typeof import('../../src/store');

function turn(id: string, role: Turn['role'], content: string): Turn {
  return { id, role, content, reasoning: '', excluded: false, reply: null };
}

/** A saved state as the app wrote it to localStorage before IndexedDB. */
function localStorageState(turns: Turn[], draft = '') {
  return JSON.stringify({
    state: {
      connection: { rememberKey: true, endpointId: 'demo', baseUrl: 'demo://offline', keyOrigin: null },
      settings: savedSettings,
      conversation: { turns, draft },
    },
    version: persistVersion,
  });
}

interface Tab {
  store: StoreModule;
  actions: typeof import('../../src/store/actions');
  database: typeof import('../../src/store/stateDatabase');
  selectors: typeof import('../../src/store/selectors');
}

/** A page load: fresh modules over the same database and localStorage. */
async function openTab({ waitForLoad = true } = {}): Promise<Tab> {
  vi.resetModules();
  const tab = {
    store: await import('../../src/store'),
    actions: await import('../../src/store/actions'),
    database: await import('../../src/store/stateDatabase'),
    selectors: await import('../../src/store/selectors'),
  };
  if (waitForLoad) await loaded(tab);
  return tab;
}

async function loaded(tab: Tab): Promise<void> {
  await vi.waitFor(() => expect(tab.store.usePlaygroundStore.persist.hasHydrated()).toBe(true));
}

function shown(tab: Tab): string[] {
  return tab.store.usePlaygroundStore.getState().conversation.turns.map((candidate) => candidate.content);
}

async function savedContents(tab: Tab): Promise<string[] | null> {
  const value = (await tab.database.readSavedValue(persistName)) as
    { state: { conversation: { turns: Turn[] } } } | undefined;
  return value ? value.state.conversation.turns.map((candidate) => candidate.content) : null;
}

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('moving the saved state from localStorage to IndexedDB', () => {
  it('opens a state saved in localStorage, moves it into the database and frees localStorage', async () => {
    localStorage.setItem(persistName, localStorageState([turn('t1', 'user', 'Hello'), turn('t2', 'assistant', 'Hi!')]));
    const tab = await openTab();
    expect(shown(tab)).toEqual(['Hello', 'Hi!']);
    await vi.waitFor(async () => expect(await savedContents(tab)).toEqual(['Hello', 'Hi!']));
    await vi.waitFor(() => expect(localStorage.getItem(persistName)).toBeNull());
    const reloaded = await openTab();
    expect(shown(reloaded)).toEqual(['Hello', 'Hi!']);
    expect(reloaded.store.usePlaygroundStore.getState().settings.systemPrompt).toBe('Be brief.');
  });

  it('keeps the localStorage state when the database cannot be written, and goes on saving there with a warning', async () => {
    const text = localStorageState([turn('t1', 'user', 'Keep me')]);
    localStorage.setItem(persistName, text);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The database is broken.', 'UnknownError');
    });
    const tab = await openTab();
    expect(shown(tab)).toEqual(['Keep me']);
    const { databaseFailedText } = await import('../../src/store/savedStateStorage');
    await vi.waitFor(() =>
      expect(tab.store.usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toContain(
        databaseFailedText,
      ),
    );
    expect(await savedContents(tab)).toBeNull();
    expect(localStorage.getItem(persistName)).not.toBeNull();
    tab.actions.addTurn('assistant', 'Saved in localStorage');
    expect(localStorage.getItem(persistName)).toContain('Saved in localStorage');
  });

  it('reads localStorage when the database cannot even be opened', async () => {
    localStorage.setItem(persistName, localStorageState([turn('t1', 'user', 'Private mode')]));
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('No database here.', 'InvalidStateError');
      },
    });
    const tab = await openTab();
    expect(shown(tab)).toEqual(['Private mode']);
    tab.actions.addTurn('assistant', 'Still saved');
    expect(localStorage.getItem(persistName)).toContain('Still saved');
  });
});

describe('room for long documents', () => {
  it('keeps a 4 MB message and its 4 MB reply across a reload, where localStorage has no room for them', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied storage as `this`
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, name: string, value: string) {
      if (value.length > 5_000_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, name, value);
    });
    const tab = await openTab();
    const message = 'm'.repeat(4 * 1024 * 1024);
    const reply = 'r'.repeat(4 * 1024 * 1024);
    tab.actions.addTurn('user', message);
    tab.actions.addTurn('assistant', reply);
    await vi.waitFor(async () =>
      expect((await savedContents(tab))?.map((content) => content.length)).toEqual([message.length, reply.length]),
    );
    expect(tab.store.usePlaygroundStore.getState().ui.notices).toEqual([]);
    const reloaded = await openTab();
    expect(shown(reloaded)).toEqual([message, reply]);
  });

  it('says a reply is not saved when the database is full, and keeps it on screen', async () => {
    const tab = await openTab();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    tab.actions.addTurn('user', 'Question');
    tab.actions.addTurn('assistant', 'A reply that does not fit');
    await vi.waitFor(() =>
      expect(tab.store.usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toEqual([
        tab.store.storageFullText,
      ]),
    );
    expect(shown(tab)).toEqual(['Question', 'A reply that does not fit']);
  });
});

describe('while the saved state loads', () => {
  it('writes nothing: a reload leaves the saved state as it was', async () => {
    localStorage.setItem(persistName, localStorageState([turn('t1', 'user', 'Hello')]));
    const first = await openTab();
    await vi.waitFor(async () => expect(await savedContents(first)).toEqual(['Hello']));
    const writes = vi.spyOn(IDBObjectStore.prototype, 'put');
    const tab = await openTab();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).not.toHaveBeenCalled();
    expect(await savedContents(tab)).toEqual(['Hello']);
  });

  it('Send waits with the reason, and what is typed is kept after the saved draft', async () => {
    localStorage.setItem(persistName, localStorageState([turn('t1', 'user', 'Hello')], 'saved words'));
    await openTab(); // moves it into the database
    const tab = await openTab({ waitForLoad: false });
    expect(tab.selectors.selectCanSend(tab.store.usePlaygroundStore.getState()).reason).toBe(
      'Loading your saved conversations…',
    );
    tab.actions.setDraft('typed meanwhile');
    await loaded(tab);
    const state = tab.store.usePlaygroundStore.getState();
    expect(state.conversation.draft).toBe('saved words\n\ntyped meanwhile');
    expect(shown(tab)).toEqual(['Hello']);
    expect(tab.selectors.selectCanSend(state).reason).not.toBe('Loading your saved conversations…');
    await vi.waitFor(async () => {
      const saved = (await tab.database.readSavedValue(persistName)) as { state: { conversation: { draft: string } } };
      expect(saved.state.conversation.draft).toBe('saved words\n\ntyped meanwhile');
    });
  });
});

describe('two tabs on the database', () => {
  it('a tab adopts the other tab’s saved turn, and a conflicting edit is not written over', async () => {
    localStorage.setItem(persistName, localStorageState([turn('t1', 'user', 'Shared')]));
    const first = await openTab();
    await vi.waitFor(() => expect(localStorage.getItem(persistName)).toBeNull());
    const { installCrossTabGuard, currentCrossTabConflict } = await import('../../src/store/crossTab');
    const { adoptedNoticeText } = await import('../../src/store/crossTabChanges');
    const uninstallFirst = installCrossTabGuard(first.store.usePlaygroundStore);
    const second = await openTab();
    const secondCrossTab = await import('../../src/store/crossTab');
    const uninstallSecond = secondCrossTab.installCrossTabGuard(second.store.usePlaygroundStore);
    try {
      second.actions.addTurn('assistant', 'From the second tab');
      await vi.waitFor(() => expect(shown(first)).toEqual(['Shared', 'From the second tab']));
      expect(first.store.usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toContain(
        adoptedNoticeText,
      );
      // Both edit the same conversation: the first tab's edit reaches the second, which has its own unsaved change.
      second.store.usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
      second.actions.addTurn('user', 'Second tab, not yet saved');
      first.actions.addTurn('user', 'First tab');
      await vi.waitFor(() => expect(secondCrossTab.currentCrossTabConflict()).not.toBeNull());
      expect(currentCrossTabConflict()).toBeNull();
      expect(shown(second)).toEqual(['Shared', 'From the second tab', 'Second tab, not yet saved']);
      expect(await savedContents(first)).toEqual(['Shared', 'From the second tab', 'First tab']);
    } finally {
      uninstallFirst();
      uninstallSecond();
    }
  });
});

describe('long texts as records of their own', () => {
  const long = (letter: string) => letter.repeat(80 * 1024);

  /** Every string the database was given to store, by length (the value's own long strings only). */
  function spyOnLongPuts(): () => number[] {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    return () =>
      put.mock.calls.flatMap(([value]) =>
        typeof value === 'string' ? [value.length] : JSON.stringify(value).length > 80 * 1024 ? [-1] : [],
      );
  }

  it('a save after typing beside a long reply writes the draft, not the reply again', async () => {
    const tab = await openTab();
    tab.actions.addTurn('user', 'Summarise it.');
    tab.actions.addTurn('assistant', long('r'));
    await vi.waitFor(async () => expect((await savedContents(tab))?.[1]?.length).toBe(80 * 1024));
    const longPuts = spyOnLongPuts();
    tab.actions.setDraft('A follow-up question');
    await vi.waitFor(async () => {
      const saved = (await tab.database.readSavedValue(persistName)) as { state: { conversation: { draft: string } } };
      expect(saved.state.conversation.draft).toBe('A follow-up question');
    });
    expect(longPuts()).toEqual([]);
    const reloaded = await openTab();
    expect(shown(reloaded)).toEqual(['Summarise it.', long('r')]);
  });

  it('reads back exactly what was written, objects that look like its references included', async () => {
    const { database } = await openTab();
    const value = {
      text: long('a'),
      list: ['short', long('b')],
      lookalike: { $glmPlaygroundText: 'name:text:1-1-x' },
      wrapped: { $glmPlaygroundObject: { inner: long('c') } },
    };
    await database.writeSavedValue('test-value', value);
    expect(await database.readSavedValue('test-value')).toEqual(value);
  });

  it('writes a stored text again once five minutes have passed, so no tab refers to one old enough to be deleted', async () => {
    const { database } = await openTab();
    const start = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(start);
    const longPuts = spyOnLongPuts();
    const value = { reply: long('r'), draft: '' };
    await database.writeSavedValue('test-value', value);
    now.mockReturnValue(start + 4 * 60_000);
    await database.writeSavedValue('test-value', { ...value, draft: 'typed' });
    expect(longPuts()).toEqual([80 * 1024]);
    now.mockReturnValue(start + 6 * 60_000);
    await database.writeSavedValue('test-value', { ...value, draft: 'typed more' });
    expect(longPuts()).toEqual([80 * 1024, 80 * 1024]);
  });

  it('deletes a text nothing refers to once it is ten minutes old, and keeps younger ones', async () => {
    const { database } = await openTab();
    const { createStore, keys } = await import('idb-keyval');
    const textKeys = async () =>
      (await keys(createStore('glm-playground', 'state'))).filter(
        (key) => typeof key === 'string' && key.startsWith('test-value:text:'),
      );
    await database.writeSavedValue('test-value', { reply: long('r') });
    await database.writeSavedValue('test-value', { reply: 'replaced by a short one' });
    expect(await textKeys()).toHaveLength(1);
    await database.deleteUnreferencedTexts('test-value', Date.now() + 9 * 60_000);
    expect(await textKeys()).toHaveLength(1);
    await database.deleteUnreferencedTexts('test-value', Date.now() + 11 * 60_000);
    expect(await textKeys()).toEqual([]);
    expect(await database.readSavedValue('test-value')).toEqual({ reply: 'replaced by a short one' });
  });

  it('says so when the code that reads long texts back does not arrive, and writes nothing over the state', async () => {
    const first = await openTab();
    first.actions.addTurn('assistant', long('r'));
    await vi.waitFor(async () => expect((await savedContents(first))?.[0]?.length).toBe(80 * 1024));
    vi.doMock('../../src/store/textRecords', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    try {
      const second = await openTab({ waitForLoad: false });
      await vi.waitFor(() =>
        expect(second.store.usePlaygroundStore.getState().ui.notices.map((notice) => notice.text)).toEqual([
          second.store.savedStateLoadFailedText,
        ]),
      );
      second.actions.setDraft('typed afterwards');
      window.dispatchEvent(new Event('pagehide'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const saved = (await first.database.readSavedValue(persistName)) as {
        state: { conversation: { draft: string } };
      };
      expect(saved.state.conversation.draft).toBe('');
    } finally {
      vi.doUnmock('../../src/store/textRecords');
    }
    const third = await openTab();
    expect(shown(third)).toEqual([long('r')]);
  });

  it('opens a state whose text record is missing, with a note in the text’s place', async () => {
    const { database } = await openTab();
    const { createStore, del, keys } = await import('idb-keyval');
    const store = createStore('glm-playground', 'state');
    await database.writeSavedValue('test-value', { reply: long('r'), question: 'Kept' });
    for (const key of await keys(store))
      if (typeof key === 'string' && key.startsWith('test-value:text:')) await del(key, store);
    expect(await database.readSavedValue('test-value')).toEqual({
      reply: missingTextNote,
      question: 'Kept',
    });
  });
});
