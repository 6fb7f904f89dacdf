import { selectTurn } from '../../store/selectors';
import { usePlaygroundStore } from '../../store';
import { useCopyFeedback } from '../ui/clipboard';

interface CopyReasoningButtonProps {
  turnId: string;
}

/** Copies the whole reasoning of a reply. The text is read on click, so the button does not re-render per token. */
export function CopyReasoningButton({ turnId }: CopyReasoningButtonProps) {
  const hasReasoning = usePlaygroundStore((state) => (selectTurn(state, turnId)?.reasoning ?? '') !== '');
  const { state: copyState, copy } = useCopyFeedback({ showFor: 2500 });

  function copyReasoning() {
    void copy(selectTurn(usePlaygroundStore.getState(), turnId)?.reasoning ?? '');
  }

  return (
    <span className="copy-reasoning">
      <button type="button" className="button-quiet" disabled={!hasReasoning} onClick={copyReasoning}>
        Copy reasoning
      </button>
      <span role="status" className="copy-reasoning-status">
        {copyState === 'copied'
          ? 'Copied'
          : copyState === 'failed'
            ? 'Copy failed — select the text and copy it instead'
            : ''}
      </span>
    </span>
  );
}
