import { usePlaygroundStore } from '../../store';
import { alternativeCount, shownIndex } from '../../store/alternatives';
import { showAlternative } from '../../store/iterationActions';
import { selectTurn } from '../../store/selectors';

/** "‹ 2 / 3 ›": the replies this turn has had; the one shown is the one the next request sends. */
export function AlternativeSwitcher({ turnId, disabled }: { turnId: string; disabled: boolean }) {
  const count = usePlaygroundStore((state) => {
    const turn = selectTurn(state, turnId);
    return turn ? alternativeCount(turn) : 1;
  });
  const index = usePlaygroundStore((state) => {
    const turn = selectTurn(state, turnId);
    return turn ? shownIndex(turn) : 0;
  });
  const sending = usePlaygroundStore((state) => state.ui.sending);
  if (count < 2) return null;
  const locked = disabled || sending;
  return (
    <div className="alternative-switcher" role="group" aria-label="Alternatives">
      <button
        type="button"
        className="button-quiet"
        aria-label="Previous alternative"
        title="Previous alternative"
        disabled={locked || index === 0}
        onClick={() => showAlternative(turnId, index - 1)}
      >
        ‹
      </button>
      <span role="status">
        <span aria-hidden="true">
          {index + 1} / {count}
        </span>
        <span className="visually-hidden">
          Alternative {index + 1} of {count}
        </span>
      </span>
      <button
        type="button"
        className="button-quiet"
        aria-label="Next alternative"
        title="Next alternative"
        disabled={locked || index === count - 1}
        onClick={() => showAlternative(turnId, index + 1)}
      >
        ›
      </button>
    </div>
  );
}
