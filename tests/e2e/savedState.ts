// The saved playground as the app keeps it: in IndexedDB (database "glm-playground", store "state"; long texts as
// records of their own, see docs/storage.md), or in localStorage where the browser has no database and for a state
// saved before the app used one. Specs read and change it through these functions, wherever it lives.
import type { Page } from '@playwright/test';

export const stateName = 'glm-playground:state';

type Operation = { kind: 'read' } | { kind: 'write'; value: unknown } | { kind: 'text'; text: string };

/** A saved value as read: the state, and the long texts stored as records of their own, by key. */
interface StoredValue {
  value: unknown;
  texts: Record<string, unknown>;
}

/**
 * One operation on the saved state, in the page (the database opened as idb-keyval opens it). The function runs in
 * the page as written: no named inner functions, which the bench's TypeScript loader would wrap in a helper the
 * page does not have.
 */
function onSavedState(page: Page, operation: Operation): Promise<StoredValue | null> {
  return page.evaluate(
    async ({ name, operation }) => {
      const { kind } = operation;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('glm-playground');
        request.onupgradeneeded = () => request.result.createObjectStore('state');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => resolve(request.result);
      });
      const store = database.transaction('state', kind === 'read' ? 'readonly' : 'readwrite').objectStore('state');
      const request =
        operation.kind === 'read'
          ? store.get(name)
          : operation.kind === 'write'
            ? store.put(operation.value, name)
            : store.delete(name);
      const texts: Record<string, unknown> = {};
      // The long texts of this state, read in the same transaction (their keys start with the state's name).
      if (kind === 'read') {
        const keys = store.getAllKeys();
        keys.onsuccess = () => {
          for (const key of keys.result) {
            if (typeof key !== 'string' || !key.startsWith(`${name}:text:`)) continue;
            const textRequest = store.get(key);
            textRequest.onsuccess = () => {
              texts[key] = textRequest.result;
            };
          }
        };
      }
      const result = await new Promise<unknown>((resolve, reject) => {
        request.onerror = () => reject(new Error(String(request.error)));
        store.transaction.onabort = () => reject(new Error(String(store.transaction.error)));
        store.transaction.oncomplete = () => resolve(request.result);
      });
      database.close();
      if (operation.kind === 'text') window.localStorage.setItem(name, operation.text);
      if (kind !== 'read' || result !== undefined) return { value: result, texts };
      const text = window.localStorage.getItem(name);
      return text === null ? null : { value: JSON.parse(text) as unknown, texts };
    },
    { name: stateName, operation },
  );
}

/** `value` with its references to text records ({ $glmPlaygroundText: key }) replaced by the texts, as the app reads it. */
function withTextsPutBack(value: unknown, texts: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => withTextsPutBack(item, texts));
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  const key = fields.$glmPlaygroundText;
  const only = Object.keys(fields).length === 1;
  if (typeof key === 'string' && only) return texts[key];
  const escaped = fields.$glmPlaygroundObject;
  const own = only && typeof escaped === 'object' && escaped !== null ? (escaped as Record<string, unknown>) : fields;
  return Object.fromEntries(Object.entries(own).map(([field, item]) => [field, withTextsPutBack(item, texts)]));
}

/** The saved state (the object persist wrote: { state, version }), or null when nothing is saved. */
export async function readSavedState<T = unknown>(page: Page): Promise<T> {
  const stored = await onSavedState(page, { kind: 'read' });
  return (stored === null ? null : withTextsPutBack(stored.value, stored.texts)) as T;
}

/** Replaces the saved state with `value` (an object, as the app would have saved it); takes effect at reload. */
export async function writeSavedState(page: Page, value: unknown): Promise<void> {
  await onSavedState(page, { kind: 'write', value });
}

/**
 * Leaves `text` in localStorage as the only saved state, as a save from before the database (or a damaged one)
 * would be found; takes effect at reload.
 */
export async function writeSavedStateText(page: Page, text: string): Promise<void> {
  await onSavedState(page, { kind: 'text', text });
}
