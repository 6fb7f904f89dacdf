import { usePlaygroundStore } from '../../store';

// Compare's actions (running columns, keeping one) load with the first click; pointing at the button starts it.
const loadCompareActions = () => import('../../store/compareActions');

/** "Compare" in the app header: runs the conversation in several columns at once instead of one reply. */
export function CompareToggle() {
  const open = usePlaygroundStore((state) => state.compare.open);
  const prefetch = () => void loadCompareActions().catch(() => undefined);
  return (
    <button
      type="button"
      className="compare-toggle"
      aria-pressed={open}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={() =>
        void loadCompareActions().then(
          (compareActions) => compareActions.toggleCompare(),
          () => undefined,
        )
      }
    >
      Compare
    </button>
  );
}
