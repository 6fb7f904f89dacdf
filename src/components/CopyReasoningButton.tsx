import { useEffect, useState } from 'react';
import { usePlaygroundStore } from '../store';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyReasoningButtonProps {
  turnId: string;
}

/** Copies the whole reasoning of a reply. The text is read on click, so the button does not re-render per token. */
export function CopyReasoningButton({ turnId }: CopyReasoningButtonProps) {
  const hasReasoning = usePlaygroundStore((state) => (state.conversation.turns.find((turn) => turn.id === turnId)?.reasoning ?? '') !== '');
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    const text = usePlaygroundStore.getState().conversation.turns.find((turn) => turn.id === turnId)?.reasoning ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <span className="copy-reasoning">
      <button type="button" className="button-quiet" disabled={!hasReasoning} onClick={() => void copy()}>
        Copy reasoning
      </button>
      <span role="status" className="copy-reasoning-status">
        {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed — select the text and copy it instead' : ''}
      </span>
    </span>
  );
}
