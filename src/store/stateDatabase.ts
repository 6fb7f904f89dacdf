// The saved playground in IndexedDB (stored as objects, no JSON text): far more room than localStorage, whose ~5 MB a
// single long document can fill. Other tabs hear of each write on a BroadcastChannel, since IndexedDB has no
// `storage` event; the message names the record only, and a tab that wants the value reads it (sending the state
// along would copy a conversation of megabytes twice on every save, in every tab). Where IndexedDB is missing (jsdom,
// some private modes) none of this runs and the state stays in localStorage (savedStateStorage.ts).
//
// Long texts (a pasted document, a reply of megabytes) are records of their own, and the state refers to them: a
// save copies only the texts that changed, instead of every megabyte the state holds on every keystroke's save.
// How the records are kept safe across tabs is in docs/storage.md.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

const channelName = 'glm-playground:state';

/** What one tab's write tells the others: which record changed. */
export interface SavedStateChange {
  name: string;
}

/** Strings at least this long are stored as text records of their own. */
export const textRecordMinimumCharacters = 64 * 1024;
/**
 * A text record written less than this long ago is referred to again without being written again (by any tab that
 * knows it). Older, it is written afresh under a new key.
 */
const textReuseMs = 5 * 60_000;
/** A text record no longer referred to is deleted once this old: older than any tab would still refer to. */
const textDeleteAfterMs = 2 * textReuseMs;
/** How often a tab looks for text records to delete, at most. */
const collectEveryMs = 60_000;

/** Marks the place of a text record in a saved state; the number says how long the text is. */
const textReferenceField = '$glmPlaygroundText';
/** Wraps an object of the state that itself has the field above, so it is not read as a reference. */
const escapedObjectField = '$glmPlaygroundObject';

interface KnownText {
  key: string;
  writtenAt: number;
}

let database: UseStore | null | undefined;
/** Per saved state: its long texts this tab knows are stored, and under which key. */
const knownTexts = new Map<string, Map<string, KnownText>>();
let lastCollectedAt = -Infinity;
let keysMade = 0;

export function isStateDatabaseAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function stateDatabase(): UseStore {
  database ??= createStore('glm-playground', 'state');
  return database;
}

const textKeyPrefix = (name: string) => `${name}:text:`;

function newTextKey(name: string, writtenAt: number): string {
  keysMade++;
  return `${textKeyPrefix(name)}${writtenAt}-${keysMade}-${Math.random().toString(36).slice(2, 10)}`;
}

/** When a text record was written, from its key; NaN for a key this code did not make. */
function writtenAtOf(key: string, name: string): number {
  return Number.parseInt(key.slice(textKeyPrefix(name).length), 10);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A copy of `value` with each long string replaced by what `refer` returns for it. */
function setTextsAside(value: unknown, refer: (text: string) => Record<string, unknown>): unknown {
  if (typeof value === 'string') return value.length >= textRecordMinimumCharacters ? refer(value) : value;
  if (Array.isArray(value)) return value.map((item) => setTextsAside(item, refer));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value)) copy[field] = setTextsAside(item, refer);
  return Object.hasOwn(value, textReferenceField) || Object.hasOwn(value, escapedObjectField)
    ? { [escapedObjectField]: copy }
    : copy;
}

/** The text record key a reference names; null for any other object. */
function referenceKey(value: Record<string, unknown>): string | null {
  const key = value[textReferenceField];
  return typeof key === 'string' && Object.keys(value).length === 1 ? key : null;
}

/** The fields of an object of a saved value: those of the object it wraps, for a wrapped one (see setTextsAside). */
function fieldsOf(value: Record<string, unknown>): Record<string, unknown> {
  const escaped = value[escapedObjectField];
  return Object.keys(value).length === 1 && isPlainObject(escaped) ? escaped : value;
}

/** The keys of the text records a saved value refers to. */
function referencedKeys(value: unknown, keys: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencedKeys(item, keys);
  else if (isPlainObject(value)) {
    const key = referenceKey(value);
    if (key !== null) keys.push(key);
    else for (const item of Object.values(fieldsOf(value))) referencedKeys(item, keys);
  }
  return keys;
}

/** A text record that could not be read back stands as this note, so the rest of the state still opens. */
export const missingTextNote = '[This text could not be read back from the browser’s storage.]';

/** `value` with its references replaced by the texts read for them. */
function putTextsBack(value: unknown, texts: ReadonlyMap<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => putTextsBack(item, texts));
  if (!isPlainObject(value)) return value;
  const key = referenceKey(value);
  if (key !== null) {
    const text = texts.get(key);
    return typeof text === 'string' ? text : missingTextNote;
  }
  const copy: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(fieldsOf(value))) copy[field] = putTextsBack(item, texts);
  return copy;
}

/** Remembers which texts are stored under which keys (written or read): a later save may refer to them. */
function rememberTexts(name: string, texts: ReadonlyMap<string, unknown>): void {
  const known = new Map<string, KnownText>();
  for (const [key, text] of texts) {
    const writtenAt = writtenAtOf(key, name);
    if (typeof text === 'string' && Number.isFinite(writtenAt)) known.set(text, { key, writtenAt });
  }
  knownTexts.set(name, known);
}

/** The saved value under `name`, its long texts put back; undefined when there is none. Rejects when the database cannot be opened. */
export function readSavedValue(name: string): Promise<unknown> {
  return stateDatabase()(
    'readonly',
    (store) =>
      new Promise((resolve, reject) => {
        store.transaction.addEventListener('abort', () => reject(store.transaction.error ?? new Error('Read aborted')));
        const request = store.get(name);
        request.addEventListener('success', () => {
          const value: unknown = request.result;
          const keys = referencedKeys(value);
          const texts = new Map<string, unknown>();
          const done = () => {
            rememberTexts(name, texts);
            resolve(value === undefined ? undefined : putTextsBack(value, texts));
          };
          if (keys.length === 0) {
            done();
            return;
          }
          let waiting = keys.length;
          for (const key of keys) {
            // Issued inside the first request's success: the same transaction, so no write comes in between.
            const textRequest = store.get(key);
            textRequest.addEventListener('success', () => {
              texts.set(key, textRequest.result);
              if (--waiting === 0) done();
            });
          }
        });
      }),
  );
}

/**
 * Writes `value` under `name` and tells the other tabs: its long texts not stored yet (or stored too long ago) as
 * text records first, then the value referring to them, in one transaction issued and committed at once, so a write
 * in progress when the page is left (a reload just after typing) is not abandoned with it. The other tabs are told
 * as soon as the writes are issued: a read they start then comes after this write, so it finds the new value.
 */
export function writeSavedValue(name: string, value: unknown): Promise<void> {
  const now = Date.now();
  const known = knownTexts.get(name) ?? new Map<string, KnownText>();
  const written = new Map<string, string>();
  const referenced = new Map<string, unknown>();
  const stored = setTextsAside(value, (text) => {
    let record = known.get(text);
    if (record === undefined || now - record.writtenAt >= textReuseMs) {
      record = { key: newTextKey(name, now), writtenAt: now };
      written.set(record.key, text);
    }
    referenced.set(record.key, text);
    return { [textReferenceField]: record.key };
  });
  return stateDatabase()('readwrite', (store) => {
    for (const [key, text] of written) store.put(text, key);
    store.put(stored, name);
    store.transaction.commit();
    announceSavedChange({ name });
    return promisifyRequest(store.transaction).then(() => {
      rememberTexts(name, referenced);
      if (now - lastCollectedAt >= collectEveryMs) {
        lastCollectedAt = now;
        void deleteUnreferencedTexts(name).catch(() => undefined);
      }
    });
  });
}

/**
 * Deletes the text records of `name` that its saved value no longer refers to and that are old enough that no tab
 * would refer to them again without writing them afresh (see textReuseMs).
 */
export function deleteUnreferencedTexts(name: string, now = Date.now()): Promise<void> {
  return stateDatabase()('readwrite', (store) => {
    const request = store.get(name);
    request.addEventListener('success', () => {
      const referenced = new Set(referencedKeys(request.result));
      // All keys (the store holds a few states and their texts): IDBKeyRange is a global the page may lack.
      const keys = store.getAllKeys();
      keys.addEventListener('success', () => {
        for (const key of keys.result) {
          if (typeof key !== 'string' || !key.startsWith(textKeyPrefix(name)) || referenced.has(key)) continue;
          const writtenAt = writtenAtOf(key, name);
          if (!Number.isFinite(writtenAt) || now - writtenAt > textDeleteAfterMs) store.delete(key);
        }
      });
    });
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
export function deleteSavedValue(name: string): Promise<void> {
  knownTexts.delete(name);
  return stateDatabase()('readwrite', (store) => {
    store.delete(name);
    const keys = store.getAllKeys();
    keys.addEventListener('success', () => {
      for (const key of keys.result)
        if (typeof key === 'string' && key.startsWith(textKeyPrefix(name))) store.delete(key);
    });
    return promisifyRequest(store.transaction);
  });
}
