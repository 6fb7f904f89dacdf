import { usePlaygroundStore } from '../store';
import * as compareActions from '../store/compareActions';

/** "Compare" in the app header: runs the conversation in several columns at once instead of one reply. */
export function CompareToggle() {
  const open = usePlaygroundStore((state) => state.compare.open);
  return (
    <button type="button" className="compare-toggle" aria-pressed={open} onClick={() => compareActions.toggleCompare()}>
      Compare
    </button>
  );
}
