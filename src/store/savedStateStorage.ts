// The saved playground behind zustand's persist: in IndexedDB where the browser has it (stateDatabase.ts), else in
// localStorage; throttled while streaming, tolerant of a full or broken storage, and never writing over a saved
// state it could not fully read before that state is kept aside (keptCopy.ts).
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { isRecord } from '../core/json';
import { copyWithoutImageBytes, withoutImageBytes } from '../core/images';
import { keepCopy, type KeptCopyReason } from './keptCopy';
import { persistVersion, restoreNeededBeforeReading, type PersistedState, type PersistenceEvents } from './persistence';
import {
  deleteSavedValue,
  loadTextRecords,
  isStateDatabaseAvailable,
  readSavedValue,
  subscribeToSavedChanges,
  writeSavedValue,
} from './stateDatabase';

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

export const databaseFailedText =
  'Your browser’s database could not save the playground, so it is saved in the smaller local storage instead (about 5 MB).';

/**
 * The saved state behind zustand's persist: unreadable JSON is reported and treated as "nothing saved";
 * writes are held back to one per `throttleMs` while `isBusy()` (streaming), wait for a pause of `throttleMs`
 * while `isTyping()` (a long draft would be serialised on every keystroke), and flush() writes now.
 *
 * With `useDatabase`, reading is asynchronous and nothing is written before it finished (a write before would replace
 * the saved state with the defaults). A state found only in localStorage (saved before the database was used) is
 * read from there; the first database write, once read back, frees its localStorage key. Should the database fail,
 * saving goes on in localStorage.
 */
export function createPlaygroundStorage(
  events: PersistenceEvents,
  isBusy: () => boolean,
  throttleMs = 1000,
  isTyping: () => boolean = () => false,
  useDatabase = isStateDatabaseAvailable(),
) {
  // The value, not its JSON: while a reply streams the store changes ~20 times a second and only the last change
  // before a write needs serialising (a long reply makes each JSON.stringify costly).
  let pending: { name: string; value: StorageValue<PersistedState> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let full = false;
  // The saved text as last read, kept aside if recovery has to drop part of it (made from the object on demand).
  let lastRead: (() => string) | null = null;
  // Writes are held while a saved state that could not be kept aside, or a newer one, would be overwritten.
  let held = false;
  let inDatabase = useDatabase;
  // While the read is asynchronous (the database, or the code that restores the state still loading): 'reading' until
  // the saved value is in, 'merging' until the store holds it; writes wait for 'loaded'.
  let phase: 'reading' | 'merging' | 'loaded' = useDatabase ? 'reading' : 'loaded';
  // A write asked for while merging (a migration, a recovery notice): made once loading finishes.
  let writeAfterLoad = false;
  // localStorage still holds the state the database takes over: freed after the first confirmed database write.
  let migrating = false;
  // The value this tab last read from the database or wrote there, and the other tabs' saves in the order heard.
  let lastKnown: unknown = null;
  let savesElsewhere: Promise<void> = Promise.resolve();

  /** Keeps what was read aside before anything is written over it; holds writes when there is no room. */
  function keepLastReadAside(reason: KeptCopyReason): void {
    if (lastRead === null) return;
    const kept = keepCopy(lastRead(), reason);
    if (!kept) held = true;
    events.onKeptCopy?.(reason, kept);
  }

  function failedWrite(error: unknown): void {
    // Once per run of failures: a notice on every keystroke would be noise.
    if (isQuotaError(error) && !full) events.onQuotaExceeded();
    if (isQuotaError(error)) full = true;
  }

  function writeToLocalStorage(name: string, value: StorageValue<PersistedState>): void {
    try {
      window.localStorage.setItem(name, JSON.stringify(value, withoutImageBytes));
      full = false;
    } catch (error) {
      failedWrite(error);
    }
  }

  async function writeToDatabase(name: string, value: StorageValue<PersistedState>): Promise<void> {
    const saved = copyWithoutImageBytes(value);
    lastKnown = saved;
    try {
      await writeSavedValue(name, saved);
      full = false;
      if (migrating && (await readSavedValue(name)) !== undefined) {
        migrating = false;
        window.localStorage.removeItem(name);
      }
      events.onSaved?.(value.state);
    } catch (error) {
      if (isQuotaError(error)) {
        failedWrite(error);
        return;
      }
      // The database is there but does not work (a private mode, a broken profile): localStorage as before.
      inDatabase = false;
      events.onRecovered(databaseFailedText);
      writeToLocalStorage(name, value);
    }
  }

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (held || !pending) return;
    const { name, value } = pending;
    pending = null;
    if (!inDatabase) {
      writeToLocalStorage(name, value);
      return;
    }
    // The put goes out in this task (the database orders the writes): a page being left keeps it (pagehide).
    void writeToDatabase(name, value);
  }

  /**
   * Calls `listener` with the saved value before and after each save another tab makes to the database under
   * `name`, in the order they come: before is what this tab last read or wrote there, after is read back (the
   * other tabs say only that they saved). Returns the unsubscribe.
   */
  function onSavedElsewhere(name: string, listener: (before: unknown, after: unknown) => void): () => void {
    return subscribeToSavedChanges((changed) => {
      if (changed !== name) return;
      savesElsewhere = savesElsewhere.then(async () => {
        const after = await readSavedValue(name).catch(() => undefined);
        if (after === undefined) return;
        const before = lastKnown;
        lastKnown = after;
        listener(before, after);
      });
    });
  }

  /** A saved value as read (parsed JSON or the database's object), in the shape persist expects. */
  function savedValue(parsed: unknown): StorageValue<PersistedState> {
    if (isRecord(parsed) && typeof parsed.version === 'number' && 'state' in parsed) {
      if (parsed.version > persistVersion) {
        held = true;
        events.onNewerVersion?.();
      }
      return parsed as unknown as StorageValue<PersistedState>;
    }
    // No version: an older or foreign format; migrate from 0.
    return { state: (isRecord(parsed) && 'state' in parsed ? parsed.state : parsed) as PersistedState, version: 0 };
  }

  function readLocalStorage(name: string): StorageValue<PersistedState> | null {
    let text: string | null;
    try {
      text = window.localStorage.getItem(name);
    } catch {
      return null;
    }
    if (text === null) return null;
    const readText = text;
    lastRead = () => readText;
    try {
      return savedValue(JSON.parse(text));
    } catch {
      events.onRecovered('Your saved playground could not be read (it was not valid JSON), so it started fresh.');
      keepLastReadAside('unreadable');
      return null;
    }
  }

  async function readDatabase(name: string): Promise<StorageValue<PersistedState> | null> {
    // Part of reading a saved state back: should it fail to download, the read fails as a whole (nothing is written
    // over the saved state) instead of being taken for a database that does not work.
    await loadTextRecords();
    let value: unknown;
    try {
      value = await readSavedValue(name);
    } catch {
      inDatabase = false;
      phase = 'merging';
      return readLocalStorage(name);
    }
    phase = 'merging';
    if (value === undefined) {
      const fromLocalStorage = readLocalStorage(name);
      migrating = lastRead !== null;
      return fromLocalStorage;
    }
    lastKnown = value;
    let text: string | null = null;
    lastRead = () => (text ??= JSON.stringify(value));
    return savedValue(value);
  }

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      // The code that migrates and salvages what is read (persistence.ts) loads alongside the read.
      const restoring = restoreNeededBeforeReading();
      if (inDatabase)
        return restoring ? Promise.all([readDatabase(name), restoring]).then(([value]) => value) : readDatabase(name);
      if (!restoring) return readLocalStorage(name);
      phase = 'reading';
      return restoring.then(() => {
        phase = 'merging';
        return readLocalStorage(name);
      });
    },
    setItem(name, value) {
      if (phase !== 'loaded') {
        writeAfterLoad ||= phase === 'merging';
        return;
      }
      pending = { name, value };
      if (isTyping()) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(flush, throttleMs);
        return;
      }
      if (!isBusy()) {
        // The database's copy of a large state takes a while: it is made in a task of its own, after the action.
        if (inDatabase) timer ??= setTimeout(flush, 0);
        else flush();
        return;
      }
      timer ??= setTimeout(flush, throttleMs);
    },
    removeItem(name) {
      pending = null;
      window.localStorage.removeItem(name);
      if (inDatabase) return deleteSavedValue(name).catch(() => undefined);
    },
  };
  /** After the user has their own copy (downloaded), writes may go ahead; a newer version's save stays held. */
  function releaseHeldWrites(): void {
    held = false;
    flush();
  }
  return {
    storage,
    flush,
    onSavedElsewhere,
    keepLastReadAside,
    releaseHeldWrites,
    lastReadText: () => lastRead?.() ?? null,
    /**
     * The store holds the saved state: writes may go ahead. True when one should be made now (the state came from
     * localStorage into an empty database, or was migrated or recovered while loading).
     */
    finishLoading(): boolean {
      phase = 'loaded';
      return writeAfterLoad || migrating;
    },
  };
}
