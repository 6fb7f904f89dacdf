import { useSyncExternalStore } from 'react';
import {
  currentCrossTabConflict,
  keepThisTabVersion,
  loadOtherTabVersion,
  subscribeToCrossTabConflict,
} from '../store/crossTab';
import { usePlaygroundStore } from '../store';
import { LoadBoundary } from './ui/LoadBoundary';
import { preloadable } from './ui/preloadable';

// Shown only when two tabs disagree: the list of differences loads then (the notice's choice works without it).
const CrossTabDifferences = preloadable(() =>
  import('./CrossTabDifferences').then((module) => module.CrossTabDifferences),
).Component;

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/** Shown when another tab saved a different conversation while this tab had unsaved changes (see store/crossTab.ts). */
export function CrossTabNotice() {
  const conflict = useSyncExternalStore(subscribeToCrossTabConflict, currentCrossTabConflict);
  const ownCount = usePlaygroundStore((state) => state.conversation.turns.length);
  if (!conflict) return null;
  return (
    <div className="notice notice-warning cross-tab-notice" role="alert">
      <span>
        Another tab changed this conversation ({countText(conflict.other.turns.length)} there, {countText(ownCount)}{' '}
        here) while this tab had changes of its own. This tab is not saving until you choose.
      </span>
      <LoadBoundary fallback={null}>
        <CrossTabDifferences conflict={conflict} />
      </LoadBoundary>
      <span className="button-row">
        <button type="button" onClick={loadOtherTabVersion}>
          Load the other tab&apos;s version
        </button>
        <button type="button" onClick={keepThisTabVersion}>
          Keep mine
        </button>
      </span>
    </div>
  );
}
