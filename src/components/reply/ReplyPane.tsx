import { useId } from 'react';
import { describeFinishReason } from '../../core/finishReasons';
import { usePlaygroundStore } from '../../store';
import { isLiveStatus } from '../../store/replyInfo';
import { selectTurn } from '../../store/selectors';
import { JsonAnswerCheck } from '../jsonMode/JsonAnswerCheck';
import { ReplyScroll } from './ReplyScroll';
import { ReplySources } from './ReplySources';
import { ReplyStatusLine } from './ReplyStatusLine';
import { ThinkingMetricsLine } from './ThinkingMetricsLine';
import { useFollowStream } from './useFollowStream';
import { ReplyWarnings } from './ReplyWarnings';

const thinkingBudgetNote = describeFinishReason('length', 'reasoning');

interface ReplyPaneProps {
  turnId: string;
}

/** The answer, rendered as Markdown while it streams, with its status line. */
export function ReplyPane({ turnId }: ReplyPaneProps) {
  const content = usePlaygroundStore((state) => selectTurn(state, turnId)?.content ?? '');
  const status = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.status ?? 'complete');
  const allWarnings = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.warnings);
  // The budget-spent-on-thinking note is a call-out next to the metrics; do not say it twice.
  const warnings = allWarnings?.filter((warning) => warning !== thinkingBudgetNote);
  const retrying = usePlaygroundStore((state) => Boolean(selectTurn(state, turnId)?.reply?.retry));
  const retriesMade = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.retriesMade);
  // A scheduled retry is still to come, as in a compare column.
  const live = isLiveStatus(status) || retrying;
  const { containerRef, following, onScroll, jumpToLatest } = useFollowStream(content);
  const headingId = useId();

  return (
    <section className="pane reply-pane" aria-labelledby={headingId}>
      <header className="pane-header">
        <h2 id={headingId} className="pane-title">
          Reply
        </h2>
        <ReplyStatusLine status={status} retrying={retrying} retriesMade={retriesMade} />
        <ThinkingMetricsLine turnId={turnId} />
      </header>
      <ReplyWarnings warnings={warnings} />
      <ReplyScroll
        content={content}
        live={live}
        containerRef={containerRef}
        onScroll={onScroll}
        testId="reply-scroll"
      />
      <JsonAnswerCheck turnId={turnId} />
      <ReplySources turnId={turnId} />
      {live && !following && (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          Jump to latest
        </button>
      )}
    </section>
  );
}
