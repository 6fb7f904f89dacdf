import { describeRetriesSpent, describeRetryCountdown } from '../../core/retry';
import { usePlaygroundStore } from '../../store';
import { selectCanContinue, selectTurn } from '../../store/selectors';
import * as actions from '../../store/actions';
import { useNow } from '../ui/useNow';

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** Plain words for the two faults that are not API errors. */
const faultText = {
  interrupted: {
    title: 'The connection dropped before the reply finished',
    advice:
      'What arrived is kept. Retry asks again from scratch; Continue asks the model to carry on from the partial answer.',
  },
  stalled: {
    title: 'The stream stalled — no data arrived for too long',
    advice:
      'What arrived is kept. Retry asks again from scratch; Continue asks the model to carry on from the partial answer.',
  },
} as const;

interface ReplyErrorNoticeProps {
  turnId: string;
}

/** What went wrong with this reply, in plain words, with the code, the server's message and what to do next. */
export function ReplyErrorNotice({ turnId }: ReplyErrorNoticeProps) {
  const status = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.status ?? null);
  const error = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.error ?? null);
  const retry = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.retry ?? null);
  const canContinue = usePlaygroundStore((state) => selectCanContinue(state, turnId));
  const retriesMade = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.retriesMade ?? 0);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const now = useNow(retry !== null, 250);

  const fault = status === 'interrupted' || status === 'stalled' ? status : null;
  if (status !== 'error' && fault === null && retry === null) return null;

  const title = error?.title ?? (fault ? faultText[fault].title : 'The request failed');
  const advice = error?.advice ?? (fault ? faultText[fault].advice : null);
  const codeParts = [error?.status ? `HTTP ${error.status}` : null, error?.code ? `code ${error.code}` : null].filter(
    Boolean,
  );

  return (
    <div className="reply-error-notice">
      {retry !== null && (
        <div className="retry-notice" role="status">
          {/* The ticking countdown is hidden from screen readers; they hear the fixed sentence once. */}
          <span aria-hidden="true">{describeRetryCountdown(retry.attempt - 1, retry.at - now)}</span>
          <span className="visually-hidden">Retrying automatically in {seconds(retry.delayMs)} s.</span>
          <button type="button" onClick={() => actions.stop()}>
            Cancel
          </button>
        </div>
      )}
      {(status === 'error' || fault !== null) && (
        <div className={`error-notice${fault ? ' error-notice-fault' : ''}`} role="alert">
          <p className="error-title">{title}</p>
          {codeParts.length > 0 && <p className="error-code">{codeParts.join(' · ')}</p>}
          {retry === null && status === 'error' && retriesMade > 0 && (
            <p className="error-retries">{describeRetriesSpent(retriesMade, error)}</p>
          )}
          {error?.serverMessage && (
            <p className="error-server-message">
              Server says: <q>{error.serverMessage}</q>
            </p>
          )}
          {/* The advice carries the wait for rate limits ("Try again in 30 s."), from Retry-After. */}
          {advice && <p className="error-advice">{advice}</p>}
          {error?.likelyCors && (
            <p className="error-cors">
              This is most likely CORS: the browser blocked a direct call to this endpoint. The local proxy of this app
              forwards the same request from the same origin.
            </p>
          )}
          <div className="button-row">
            {error?.likelyCors && (
              <button type="button" className="button-primary" onClick={() => actions.switchToProxy()}>
                Use local proxy
              </button>
            )}
            {retry === null && (
              <button type="button" disabled={sending} onClick={() => actions.retryReply(turnId)}>
                Retry
              </button>
            )}
            {fault !== null && canContinue && (
              <button type="button" disabled={sending} onClick={() => actions.continueReply(turnId)}>
                Continue
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
