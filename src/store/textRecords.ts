// Long texts of the saved state (a pasted document, a reply of megabytes) as records of their own, which the state
// refers to: a save copies only the texts that changed, instead of every megabyte the state holds on every save.
// The rules that keep this safe with several tabs are in docs/storage.md. Loaded with the saved state's first read
// (stateDatabase.ts), not before the Message box.
import { isRecord } from '../core/json';

/** Strings at least this long are stored as text records of their own. */
const textRecordMinimumCharacters = 64 * 1024;
/**
 * A text record written less than this long ago is referred to again without being written again (by any tab that
 * knows it). Older, it is written afresh under a new key.
 */
const textReuseMs = 5 * 60_000;
/** A text record no longer referred to is deleted once this old: older than any tab would still refer to. */
const textDeleteAfterMs = 2 * textReuseMs;
/** How often a tab looks for text records to delete, at most. */
const collectEveryMs = 60_000;

/** Marks the place of a text record in a saved state: `{ [textReferenceField]: key }`. */
const textReferenceField = '$glmPlaygroundText';
/** Wraps an object of the state that itself has the field above, so it is not read as a reference. */
const escapedObjectField = '$glmPlaygroundObject';

interface KnownText {
  key: string;
  writtenAt: number;
}

/** Per saved state: its long texts this tab knows are stored, and under which key. */
const knownTexts = new Map<string, Map<string, KnownText>>();
let lastCollectedAt = -Infinity;
let keysMade = 0;

const textKeyPrefix = (name: string) => `${name}:text:`;

function newTextKey(name: string, writtenAt: number): string {
  keysMade++;
  return `${textKeyPrefix(name)}${writtenAt}-${keysMade}-${Math.random().toString(36).slice(2, 10)}`;
}

/** When a text record was written, from its key; NaN for a key this code did not make. */
function writtenAtOf(key: string, name: string): number {
  return Number.parseInt(key.slice(textKeyPrefix(name).length), 10);
}

/** A record made of fields (not a Date, a Blob or the like, which are stored as they are). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
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

/** Reads the value under `name` in `store`'s transaction, its long texts put back; undefined when there is none. */
export function readValue(store: IDBObjectStore, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
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
  });
}

/**
 * Issues the writes of `value` under `name` in `store`'s transaction: its long texts not stored yet (or stored too
 * long ago) as text records, then the value referring to them. Returns what to run once the transaction has
 * committed: it remembers the texts stored, and says whether to look for text records to delete now.
 */
export function writeValue(store: IDBObjectStore, name: string, value: unknown): () => boolean {
  const now = Date.now();
  const known = knownTexts.get(name) ?? new Map<string, KnownText>();
  const referenced = new Map<string, unknown>();
  const stored = setTextsAside(value, (text) => {
    let record = known.get(text);
    if (record === undefined || now - record.writtenAt >= textReuseMs) {
      record = { key: newTextKey(name, now), writtenAt: now };
      store.put(text, record.key);
    }
    referenced.set(record.key, text);
    return { [textReferenceField]: record.key };
  });
  store.put(stored, name);
  return () => {
    rememberTexts(name, referenced);
    if (now - lastCollectedAt < collectEveryMs) return false;
    lastCollectedAt = now;
    return true;
  };
}

/**
 * Deletes, in `store`'s transaction, the text records of `name` that its saved value no longer refers to and that
 * are old enough that no tab would refer to them again without writing them afresh (see textReuseMs).
 */
export function deleteUnreferencedTexts(store: IDBObjectStore, name: string, now: number): void {
  const request = store.get(name);
  request.addEventListener('success', () => {
    const referenced = new Set(referencedKeys(request.result));
    deleteTextRecords(store, name, (key) => {
      if (referenced.has(key)) return false;
      const writtenAt = writtenAtOf(key, name);
      return !Number.isFinite(writtenAt) || now - writtenAt > textDeleteAfterMs;
    });
  });
}

/** Deletes, in `store`'s transaction, the text records of `name` that `chosen` picks (all of them without it). */
export function deleteTextRecords(store: IDBObjectStore, name: string, chosen?: (key: string) => boolean): void {
  if (chosen === undefined) knownTexts.delete(name);
  // All keys (the store holds a few states and their texts): IDBKeyRange is a global the page may lack.
  const keys = store.getAllKeys();
  keys.addEventListener('success', () => {
    for (const key of keys.result)
      if (typeof key === 'string' && key.startsWith(textKeyPrefix(name)) && (chosen?.(key) ?? true)) store.delete(key);
  });
}
