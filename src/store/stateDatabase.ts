// The saved playground in IndexedDB (one record, stored as an object, no JSON text): far more room than
// localStorage, whose ~5 MB a single long document can fill. Other tabs hear of each write on a BroadcastChannel,
// since IndexedDB has no `storage` event. Where IndexedDB is missing (jsdom, some private modes) none of this runs
// and the state stays in localStorage (savedStateStorage.ts).
import { createStore, del, get, promisifyRequest, type UseStore } from 'idb-keyval';

const channelName = 'glm-playground:state';

/** What one tab's write tells the others: the saved value before and after it, as objects. */
export interface SavedStateChange {
  name: string;
  oldValue: unknown;
  newValue: unknown;
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
 * Writes `value` under `name` in one transaction that reads the value it replaces, so that the old value told to
 * the other tabs is exactly the one overwritten. Resolves with that old value (null when there was none).
 * The read and the put are issued together and the transaction committed at once: a write still waiting for its read
 * to come back when the page is left (a reload just after typing) would be abandoned with the page, and so would
 * the last write queued behind it.
 */
export function writeSavedValue(name: string, value: unknown): Promise<unknown> {
  return stateDatabase()('readwrite', (store) => {
    const previous = store.get(name);
    store.put(value, name);
    store.transaction.commit();
    return promisifyRequest(store.transaction).then((): unknown => previous.result ?? null);
  });
}

/**
 * Writes `value` under `name` with a single put, committed at once (issued in the current task once the database is
 * open): for a page being left, where a read-then-write transaction may not get past its read, and one left to
 * commit on its own may not be committed, before the page is gone.
 */
export function writeSavedValueAtOnce(name: string, value: unknown): Promise<void> {
  return stateDatabase()('readwrite', (store) => {
    store.put(value, name);
    store.transaction.commit();
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

export function announceSavedChange(change: SavedStateChange): void {
  try {
    stateChannel()?.postMessage(change);
  } catch {
    // A value the channel cannot clone: the other tabs find out at their next load.
  }
}

/** Calls `listener` for each write another tab makes to the database; returns the unsubscribe. */
export function subscribeToSavedChanges(listener: (change: SavedStateChange) => void): () => void {
  const current = stateChannel();
  if (!current) return () => undefined;
  const onMessage = (event: MessageEvent<SavedStateChange>) => listener(event.data);
  current.addEventListener('message', onMessage);
  return () => current.removeEventListener('message', onMessage);
}

export function deleteSavedValue(name: string): Promise<void> {
  return del(name, stateDatabase());
}
