// "Manage storage" in a notice opens the Storage section wherever it is: a count of requests the section follows.
import { rememberSectionOpen } from '../ui/sectionOpen';

export const storageSectionKey = 'storage';
let requests = 0;
const listeners = new Set<() => void>();

export function openStorageSection(): void {
  rememberSectionOpen(storageSectionKey, true);
  requests += 1;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore. */
export function subscribeToStorageSectionRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function storageSectionRequests(): number {
  return requests;
}
