import { useSyncExternalStore } from 'react';

/** The width at which the app lays out in three columns (src/styles.css): reasoning and reply get their own. */
export const desktopLayoutQuery = '(min-width: 1100px)';

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(desktopLayoutQuery)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const query = mediaQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True while the window is wide enough for the desktop (three-column) layout; follows resizes. */
export function useDesktopLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => mediaQuery()?.matches ?? false,
    () => false,
  );
}
