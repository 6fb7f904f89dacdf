// The saved playground in IndexedDB (one record, stored as an object, no JSON text): far more room than
// localStorage, whose ~5 MB a single long document can fill. Other tabs hear of each write on a BroadcastChannel,
// since IndexedDB has no `storage` event; the message names the record only, and a tab that wants the value reads
// it (sending the state along would copy a conversation of megabytes twice on every save, in every tab). Where
// IndexedDB is missing (jsdom, some private modes) none of this runs and the state stays in localStorage
// (savedStateStorage.ts).
import { createStore, del, get, promisifyRequest, type UseStore } from 'idb-keyval';

const channelName = 'glm-playground:state';

/** What one tab's write tells the others: which record changed. */
export interface SavedStateChange {
  name: string;
}

let database: UseStore | null | undefined;

export function isStateDatabaseAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function stateDatabase(): UseStore {
  database ??= createStore('glm-playground', 'state');
  return database;
}

/** The saved value under `name`; undefined when there is none. Rejects when the database cannot be opened. */
export function readSavedValue(name: string): Promise<unknown> {
  return get<unknown>(name, stateDatabase());
}

/**
 * Writes `value` under `name` with a single put, committed at once, and tells the other tabs. The put is issued in
 * the current task once the database is open, so a write in progress when the page is left (a reload just after
 * typing) is not abandoned with it. The other tabs are told as soon as the put is issued: a read they start then
 * comes after this write, so it finds the new value.
 */
export function writeSavedValue(name: string, value: unknown): Promise<void> {
  return stateDatabase()('readwrite', (store) => {
    store.put(value, name);
    store.transaction.commit();
    announceSavedChange({ name });
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

export function deleteSavedValue(name: string): Promise<void> {
  return del(name, stateDatabase());
}
