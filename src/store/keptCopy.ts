// A saved state the app cannot fully read is kept aside, byte for byte, before anything is written over it, so a
// damaged or newer save can always be downloaded and nothing is lost to a recovery.
import { isRecord } from '../core/json';

export const keptCopyName = 'glm-playground:state:kept-copy';

/** Why a saved state was kept aside. */
export type KeptCopyReason = 'unreadable' | 'damaged';

export interface KeptCopy {
  reason: KeptCopyReason;
  keptAt: number;
  /** The saved state exactly as it was found. */
  text: string;
}

/** Keeps `text` aside; false when storage has no room for it (then the original must not be overwritten). */
export function keepCopy(text: string, reason: KeptCopyReason, now = Date.now()): boolean {
  try {
    const copy: KeptCopy = { reason, keptAt: now, text };
    window.localStorage.setItem(keptCopyName, JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function readKeptCopy(): KeptCopy | null {
  try {
    const raw = window.localStorage.getItem(keptCopyName);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || typeof parsed.text !== 'string' || typeof parsed.keptAt !== 'number') return null;
    return {
      reason: parsed.reason === 'unreadable' ? 'unreadable' : 'damaged',
      keptAt: parsed.keptAt,
      text: parsed.text,
    };
  } catch {
    return null;
  }
}

export function deleteKeptCopy(): void {
  try {
    window.localStorage.removeItem(keptCopyName);
  } catch {
    // Nothing to free: storage that cannot be read has nothing of ours in it.
  }
}

/** The file name a kept copy downloads as. */
export function keptCopyFileName(copy: Pick<KeptCopy, 'keptAt'>): string {
  return `glm-playground-saved-state-${new Date(copy.keptAt).toISOString().replace(/[:.]/g, '-')}.json`;
}
