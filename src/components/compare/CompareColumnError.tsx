import { describeRetriesSpent, describeRetryCountdown } from '../../core/retry';
import { usePlaygroundStore } from '../../store';
import { selectCompareResult } from '../../store/compareSelectors';
import { useNow } from '../ui/useNow';

const faultTitle = {
  interrupted: 'The connection dropped before the reply finished',
  stalled: 'The stream stalled — no data arrived for too long',
} as const;

interface CompareColumnErrorProps {
  columnId: string;
}

/** What went wrong in this column, in plain words (the other columns are not affected), and any automatic retry. */
export function CompareColumnError({ columnId }: CompareColumnErrorProps) {
  const status = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.status ?? null);
  const error = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.error ?? null);
  const retry = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.retry ?? null);
  const retriesMade = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.retriesMade ?? 0);
  const now = useNow(retry !== null, 250);

  const fault = status === 'interrupted' || status === 'stalled' ? status : null;
  if (status !== 'error' && fault === null) return null;
  const codeParts = [error?.status ? `HTTP ${error.status}` : null, error?.code ? `code ${error.code}` : null].filter(
    Boolean,
  );

  return (
    <div className={`error-notice${fault ? ' error-notice-fault' : ''}`} role="alert">
      <p className="error-title">{error?.title ?? (fault ? faultTitle[fault] : 'The request failed')}</p>
      {codeParts.length > 0 && <p className="error-code">{codeParts.join(' · ')}</p>}
      {retry === null && status === 'error' && retriesMade > 0 && (
        <p className="error-retries">{describeRetriesSpent(retriesMade, error)}</p>
      )}
      {error?.serverMessage && (
        <p className="error-server-message">
          Server says: <q>{error.serverMessage}</q>
        </p>
      )}
      {error?.advice && <p className="error-advice">{error.advice}</p>}
      {fault && <p className="error-advice">What arrived is kept. Run the comparison again to retry.</p>}
      {retry !== null && (
        <p>
          <span aria-hidden="true">{describeRetryCountdown(retry.attempt - 1, retry.at - now)}</span>
          <span className="visually-hidden">
            Retrying automatically in {Math.max(1, Math.ceil(retry.delayMs / 1000))} s. Stop cancels it.
          </span>
        </p>
      )}
    </div>
  );
}
