import { useSyncExternalStore } from 'react';

// Regions the Message box does not need wait until the frame showing it has painted, so their code is fetched after
// the composer is usable instead of competing with it.
let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

function markPainted(): void {
  painted = true;
  for (const listener of listeners) listener();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A frame, then a task: the paint of that frame has happened by then.
  const afterFrame = () => setTimeout(markPainted, 0);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(afterFrame);
  else afterFrame();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  schedule();
  return () => listeners.delete(listener);
}

/** True once the page's first frame has painted (and from then on). */
export function useFirstPaintDone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => painted,
    () => false,
  );
}
