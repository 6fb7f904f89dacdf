import { usePlaygroundStore } from '../../store';
import { resendReply } from '../../store/iterationActions';
import { selectTurn } from '../../store/selectors';

/** A reply that answers an earlier version of the conversation, with Resend to answer the current one. */
export function StaleReplyNote({ turnId }: { turnId: string }) {
  const stale = usePlaygroundStore((state) => selectTurn(state, turnId)?.stale === true);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  if (!stale) return null;
  return (
    <p className="stale-note">
      <span>Stale: an earlier turn changed.</span>{' '}
      <button type="button" disabled={sending} onClick={() => resendReply(turnId)}>
        Resend
      </button>
    </p>
  );
}
