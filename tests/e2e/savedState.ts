// The saved playground as the app keeps it: in IndexedDB (database "glm-playground", store "state"), or in
// localStorage where the browser has no database and for a state saved before the app used one. Specs read and
// change it through these functions, wherever it lives.
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
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
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
