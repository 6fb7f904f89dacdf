import { usePlaygroundStore } from '../../store';
import * as actions from '../../store/actions';
import { selectCanContinue, selectTurn } from '../../store/selectors';

/**
 * For an answer that ended before its end without a fault — stopped by the user or cut at max_tokens — "Continue"
 * asks the model to go on from it (the faults offer it in ReplyErrorNotice).
 */
export function ContinueReplyNote({ turnId }: { turnId: string }) {
  const reason = usePlaygroundStore((state) => {
    const reply = selectTurn(state, turnId)?.reply;
    if (reply?.status === 'stopped') return 'You stopped this reply.';
    if (reply?.status === 'complete' && reply.finishReason === 'length') return 'The reply reached Max tokens.';
    return null;
  });
  const canContinue = usePlaygroundStore((state) => selectCanContinue(state, turnId));
  const sending = usePlaygroundStore((state) => state.ui.sending);
  if (reason === null || !canContinue) return null;
  return (
    <p className="continue-note">
      {reason} Continue asks the model to go on from where it stopped.{' '}
      <button type="button" disabled={sending} onClick={() => actions.continueReply(turnId)}>
        Continue
      </button>
    </p>
  );
}
