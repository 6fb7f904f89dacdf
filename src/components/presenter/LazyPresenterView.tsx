import { usePlaygroundStore } from '../../store';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';

// The presenter view (and its styles) load the first time it is turned on.
const PresenterView = preloadable(() => import('./PresenterView').then((module) => module.PresenterView)).Component;

/** PresenterView, loaded on first use. */
export function LazyPresenterView() {
  const on = usePlaygroundStore((state) => state.preferences.presenterView);
  if (!on) return null;
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="notice">
          The presenter view could not be loaded. Check your connection and reload the page.
        </p>
      }
    >
      <PresenterView />
    </LoadBoundary>
  );
}
