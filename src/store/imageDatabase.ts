// Image bytes (base64) in IndexedDB, keyed by image id: far more room than localStorage, which keeps only each
// image's description. Where IndexedDB is missing (tests, some private modes) images live for the session only.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

let database: UseStore | null | undefined;

function imageDatabase(): UseStore | null {
  if (database === undefined)
    database = typeof indexedDB === 'undefined' ? null : createStore('glm-playground-images', 'images');
  return database;
}

export async function saveImageBytes(id: string, base64: string): Promise<void> {
  const store = imageDatabase();
  if (store) await set(id, base64, store).catch(() => undefined);
}

/** The bytes kept for this id, or null when this browser has none. */
export async function loadImageBytes(id: string): Promise<string | null> {
  const store = imageDatabase();
  if (!store) return null;
  const value: unknown = await get(id, store).catch(() => undefined);
  return typeof value === 'string' ? value : null;
}

export async function deleteImageBytes(id: string): Promise<void> {
  const store = imageDatabase();
  if (store) await del(id, store).catch(() => undefined);
}
