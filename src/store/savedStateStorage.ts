// localStorage behind zustand's persist: throttled while streaming, tolerant of a full or broken storage, and never
// writing over a saved state it could not fully read before that state is kept aside (keptCopy.ts).
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { isRecord } from '../core/json';
import { withoutImageBytes } from '../core/images';
import { keepCopy, type KeptCopyReason } from './keptCopy';
import { persistVersion, type PersistedState, type PersistenceEvents } from './persistence';

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/**
 * localStorage behind zustand's persist: unreadable JSON is reported and treated as "nothing saved";
 * writes are held back to one per `throttleMs` while `isBusy()` (streaming), wait for a pause of `throttleMs`
 * while `isTyping()` (a long draft would be serialised on every keystroke), and flush() writes now.
 */
export function createPlaygroundStorage(
  events: PersistenceEvents,
  isBusy: () => boolean,
  throttleMs = 1000,
  isTyping: () => boolean = () => false,
) {
  // The value, not its JSON: while a reply streams the store changes ~20 times a second and only the last change
  // before a write needs serialising (a long reply makes each JSON.stringify costly).
  let pending: { name: string; value: StorageValue<PersistedState> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let full = false;
  // The saved text as last read, kept aside if recovery has to drop part of it.
  let lastRead: string | null = null;
  // Writes are held while a saved state that could not be kept aside, or a newer one, would be overwritten.
  let held = false;

  /** Keeps what was read aside before anything is written over it; holds writes when there is no room. */
  function keepLastReadAside(reason: KeptCopyReason): void {
    if (lastRead === null) return;
    const kept = keepCopy(lastRead, reason);
    if (!kept) held = true;
    events.onKeptCopy?.(reason, kept);
  }

  function write(name: string, text: string): void {
    try {
      window.localStorage.setItem(name, text);
      full = false;
    } catch (error) {
      // Once per run of failures: a notice on every keystroke would be noise.
      if (isQuotaError(error) && !full) events.onQuotaExceeded();
      if (isQuotaError(error)) full = true;
    }
  }

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (held) return;
    if (pending) write(pending.name, JSON.stringify(pending.value, withoutImageBytes));
    pending = null;
  }

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      let text: string | null;
      try {
        text = window.localStorage.getItem(name);
      } catch {
        return null;
      }
      if (text === null) return null;
      lastRead = text;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isRecord(parsed) && typeof parsed.version === 'number' && 'state' in parsed) {
          if (parsed.version > persistVersion) {
            held = true;
            events.onNewerVersion?.();
          }
          return parsed as unknown as StorageValue<PersistedState>;
        }
        // No version: an older or foreign format; migrate from 0.
        return { state: (isRecord(parsed) && 'state' in parsed ? parsed.state : parsed) as PersistedState, version: 0 };
      } catch {
        events.onRecovered('Your saved playground could not be read (it was not valid JSON), so it started fresh.');
        keepLastReadAside('unreadable');
        return null;
      }
    },
    setItem(name, value) {
      pending = { name, value };
      if (isTyping()) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(flush, throttleMs);
        return;
      }
      if (!isBusy()) {
        flush();
        return;
      }
      timer ??= setTimeout(flush, throttleMs);
    },
    removeItem(name) {
      pending = null;
      window.localStorage.removeItem(name);
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
    keepLastReadAside,
    releaseHeldWrites,
    lastReadText: () => lastRead,
  };
}
