import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import { maxTokensRaiseFor, raiseMaxTokensAndRetry } from '../../store/thinkingActions';
import { formatInteger } from '../../core/numberFormat';

interface RaiseMaxTokensButtonProps {
  turnId: string;
}

/** For a reply cut by max_tokens while thinking: double the budget (up to the model's maximum) and retry it. */
export function RaiseMaxTokensButton({ turnId }: RaiseMaxTokensButtonProps) {
  const raise = usePlaygroundStore(
    useShallow((state) => maxTokensRaiseFor(state, turnId) ?? { from: 0, to: 0, limit: 0 }),
  );
  const sending = usePlaygroundStore((state) => state.ui.sending);
  if (raise.limit === 0) return null;
  const atLimit = raise.to <= raise.from;

  return (
    <div className="raise-max-tokens">
      <button
        type="button"
        className="button-primary"
        disabled={sending || atLimit}
        onClick={() => raiseMaxTokensAndRetry(turnId)}
      >
        Raise max tokens and retry
      </button>
      <span className="hint">
        {atLimit
          ? `max_tokens is already at this model's maximum (${formatInteger(raise.limit)}).`
          : `max_tokens ${formatInteger(raise.from)} → ${formatInteger(raise.to)}, pinned`}
      </span>
    </div>
  );
}
