import { maxRetries } from '../../core/retry';
import type { ReplyStatus } from '../../store/types';

const statusText: Record<ReplyStatus, string> = {
  waiting: 'waiting for the first token…',
  streaming: 'streaming…',
  complete: 'complete',
  stopped: 'stopped — what arrived is kept',
  interrupted: 'interrupted — the connection dropped; what arrived is kept',
  stalled: 'stalled — no data arrived for too long; what arrived is kept',
  error: 'error',
};

interface ReplyStatusLineProps {
  status: ReplyStatus;
  /** An automatic retry is scheduled. */
  retrying: boolean;
  /** Automatic retries made so far: an attempt on its way says which retry it is. */
  retriesMade?: number;
}

/** Where a reply stands ("streaming…", "stopped — what arrived is kept"), announced as it changes. */
export function ReplyStatusLine({ status, retrying, retriesMade = 0 }: ReplyStatusLineProps) {
  const attempt = retriesMade > 0 && (status === 'waiting' || status === 'streaming');
  return (
    <p className={`reply-status status-${status}`} role="status">
      {retrying ? 'error — retrying automatically' : statusText[status]}
      {attempt && ` (retry ${retriesMade} of ${maxRetries})`}
    </p>
  );
}
