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

/** Where a reply stands ("streaming…", "stopped — what arrived is kept"), announced as it changes. */
export function ReplyStatusLine({ status, retrying }: { status: ReplyStatus; retrying: boolean }) {
  return (
    <p className={`reply-status status-${status}`} role="status">
      {retrying ? 'error — retrying automatically' : statusText[status]}
    </p>
  );
}
