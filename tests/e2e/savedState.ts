// The saved playground as the app keeps it: in IndexedDB (database "glm-playground", store "state"; long texts as
// records of their own, see docs/storage.md), or in localStorage where the browser has no database and for a state
// saved before the app used one. Specs read and change it through these functions, wherever it lives.
import type { Page } from '@playwright/test';

export const stateName = 'glm-playground:state';

type Operation = { kind: 'read' } | { kind: 'write'; value: unknown } | { kind: 'text'; text: string };

/** One operation on the saved state, in the page (the database opened as idb-keyval opens it). */
function onSavedState(page: Page, operation: Operation): Promise<unknown> {
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
      const result = await new Promise<unknown>((resolve, reject) => {
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          // Long texts are records of their own, referred to as { $glmPlaygroundText: key }: read them back in the
          // same transaction and put them in place, as the app does.
          const texts = new Map<string, unknown>();
          const findReferences = (value: unknown): void => {
            if (Array.isArray(value)) value.forEach(findReferences);
            else if (typeof value === 'object' && value !== null) {
              const key = (value as Record<string, unknown>).$glmPlaygroundText;
              if (typeof key === 'string' && Object.keys(value).length === 1) {
                const textRequest = store.get(key);
                textRequest.onsuccess = () => texts.set(key, textRequest.result);
              } else Object.values(value).forEach(findReferences);
            }
          };
          const putBack = (value: unknown): unknown => {
            if (Array.isArray(value)) return value.map(putBack);
            if (typeof value !== 'object' || value === null) return value;
            const fields = value as Record<string, unknown>;
            const key = fields.$glmPlaygroundText;
            if (typeof key === 'string' && Object.keys(fields).length === 1) return texts.get(key);
            const escaped = fields.$glmPlaygroundObject;
            const own = Object.keys(fields).length === 1 && typeof escaped === 'object' && escaped !== null;
            return Object.fromEntries(
              Object.entries(own ? (escaped as Record<string, unknown>) : fields).map(([field, item]) => [
                field,
                putBack(item),
              ]),
            );
          };
          findReferences(request.result);
          store.transaction.oncomplete = () => resolve(putBack(request.result));
        };
      });
      database.close();
      if (operation.kind === 'text') window.localStorage.setItem(name, operation.text);
      if (kind !== 'read' || result !== undefined) return result;
      const text = window.localStorage.getItem(name);
      return text === null ? null : (JSON.parse(text) as unknown);
    },
    { name: stateName, operation },
  );
}

/** The saved state (the object persist wrote: { state, version }), or null when nothing is saved. */
export function readSavedState<T = unknown>(page: Page): Promise<T> {
  return onSavedState(page, { kind: 'read' }) as Promise<T>;
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
