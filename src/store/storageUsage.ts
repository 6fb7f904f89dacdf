// Room in this browser's storage: how much the playground takes, whether the browser keeps it under pressure
// (persistent storage), and a warning before the quota is reached.
const persistentAnswerKey = 'glm-playground:persistent-storage';
/** Past this share of the quota the user is warned, while there is still room to delete. */
export const nearlyFullShare = 0.8;
const checkEveryMs = 30_000;

export interface StorageRoom {
  usage: number;
  quota: number;
  /** Whether the browser keeps this site's data when space runs low; null where it cannot say. */
  persisted: boolean | null;
}

function storageManager(): StorageManager | null {
  // Missing outside secure contexts and in older browsers, though the DOM types always declare it.
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
}

/** Usage and quota as the browser estimates them; null where it cannot. */
export async function storageRoom(): Promise<StorageRoom | null> {
  const manager = storageManager();
  if (typeof manager?.estimate !== 'function') return null;
  try {
    const [estimate, persisted] = await Promise.all([
      manager.estimate(),
      typeof manager.persisted === 'function' ? manager.persisted().catch(() => null) : null,
    ]);
    if (estimate.usage === undefined || estimate.quota === undefined) return null;
    return { usage: estimate.usage, quota: estimate.quota, persisted };
  } catch {
    return null;
  }
}

/**
 * Asks the browser once (ever, in this profile) to keep the playground's data under storage pressure; the answer
 * is remembered. Called when the first conversation is saved, not at start-up, so the question comes with a reason.
 */
export function requestPersistentStorage(): void {
  const manager = storageManager();
  if (typeof manager?.persist !== 'function') return;
  try {
    if (window.localStorage.getItem(persistentAnswerKey) !== null) return;
    window.localStorage.setItem(persistentAnswerKey, 'asked');
  } catch {
    return; // No memory of the answer: better not to ask on every save.
  }
  manager.persist().then(
    (granted) => {
      try {
        window.localStorage.setItem(persistentAnswerKey, granted ? 'granted' : 'denied');
      } catch {
        // The question is not asked again either way ('asked' is kept).
      }
    },
    () => undefined,
  );
}

let lastCheckedAt = Number.NEGATIVE_INFINITY;

/** Calls `warn` when usage has passed `nearlyFullShare` of the quota; looks at most every 30 seconds. */
export function checkStorageRoom(warn: () => void, now = Date.now()): void {
  if (now - lastCheckedAt < checkEveryMs) return;
  lastCheckedAt = now;
  void storageRoom().then((room) => {
    if (room && room.quota > 0 && room.usage / room.quota >= nearlyFullShare) warn();
  });
}
