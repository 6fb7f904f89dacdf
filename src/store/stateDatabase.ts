// The saved playground in IndexedDB (stored as objects, no JSON text): far more room than localStorage, whose ~5 MB a
// single long document can fill. Other tabs hear of each write on a BroadcastChannel, since IndexedDB has no
// `storage` event; the message names the record only, and a tab that wants the value reads it (sending the state
// along would copy a conversation of megabytes twice on every save, in every tab). Where IndexedDB is missing (jsdom,
// some private modes) none of this runs and the state stays in localStorage (savedStateStorage.ts).
// Long texts (a pasted document, a reply of megabytes) are records of their own, which the state refers to
// (textRecords.ts).
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { firstScreen } from './firstScreenGate';

const channelName = 'glm-playground:state';

/** What one tab's write tells the others: which record changed. */
export interface SavedStateChange {
  name: string;
}

type TextRecords = typeof import('./textRecords');

let database: UseStore | null | undefined;
let textRecords: TextRecords | null = null;

export function isStateDatabaseAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function stateDatabase(): UseStore {
  database ??= createStore('glm-playground', 'state');
  return database;
}

/**
 * Starts opening the database, so that the work waiting for the text-record code finds it open instead of opening
 * it only then. A failure to open is left to that work, which reports it.
 */
function openStateDatabase(): void {
  // Inside a promise: where the browser refuses outright, `indexedDB.open` throws instead of rejecting.
  Promise.resolve()
    .then(() => stateDatabase()('readonly', () => undefined))
    .catch(() => undefined);
}

/**
 * The code that keeps long texts as records of their own (textRecords.ts): loaded with the first read, which in the
 * app waits for the first screen as the rest of the code that restores the saved state does (firstScreenGate.ts).
 * The database opens meanwhile.
 */
export async function loadTextRecords(): Promise<TextRecords> {
  if (textRecords) return textRecords;
  openStateDatabase();
  await firstScreen();
  textRecords ??= await import('./textRecords');
  return textRecords;
}

/** The saved value under `name`, its long texts put back; undefined when there is none. Rejects when the database cannot be opened. */
export async function readSavedValue(name: string): Promise<unknown> {
  const records = await loadTextRecords();
  return stateDatabase()('readonly', (store) => records.readValue(store, name));
}

/**
 * Writes `value` under `name` (its long texts as records of their own) and tells the other tabs: one transaction,
 * its puts issued and committed at once, so a write in progress when the page is left (a reload just after typing)
 * is not abandoned with it. The other tabs are told as soon as the writes are issued: a read they start then comes
 * after this write, so it finds the new value.
 */
export function writeSavedValue(name: string, value: unknown): Promise<void> {
  return stateDatabase()('readwrite', (store) => {
    // Before any read the text-record code may not be in (the app always reads first): long texts then stay in the
    // value, which reads back the same.
    const afterCommit = textRecords?.writeValue(store, name, value) ?? null;
    if (afterCommit === null) store.put(value, name);
    store.transaction.commit();
    announceSavedChange({ name });
    return promisifyRequest(store.transaction).then(() => {
      const collectNow = afterCommit?.() ?? false;
      if (collectNow) void deleteUnreferencedTexts(name).catch(() => undefined);
    });
  });
}

/** Deletes the text records of `name` no longer needed (see textRecords.ts); `now` for tests. */
export async function deleteUnreferencedTexts(name: string, now = Date.now()): Promise<void> {
  const records = await loadTextRecords();
  return stateDatabase()('readwrite', (store) => {
    records.deleteUnreferencedTexts(store, name, now);
    return promisifyRequest(store.transaction);
  });
}

let channel: BroadcastChannel | null | undefined;

function stateChannel(): BroadcastChannel | null {
  if (channel === undefined)
    channel =
      isStateDatabaseAvailable() && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(channelName) : null;
  return channel;
}

function announceSavedChange(change: SavedStateChange): void {
  stateChannel()?.postMessage(change);
}

/** Calls `listener` with the name of each record another tab writes to the database; returns the unsubscribe. */
export function subscribeToSavedChanges(listener: (name: string) => void): () => void {
  const current = stateChannel();
  if (!current) return () => undefined;
  const onMessage = (event: MessageEvent<SavedStateChange>) => listener(event.data.name);
  current.addEventListener('message', onMessage);
  return () => current.removeEventListener('message', onMessage);
}

/** Deletes the saved value under `name` and all its text records. */
export async function deleteSavedValue(name: string): Promise<void> {
  const records = await loadTextRecords();
  return stateDatabase()('readwrite', (store) => {
    store.delete(name);
    records.deleteTextRecords(store, name);
    return promisifyRequest(store.transaction);
  });
}
