import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import { selectCompareResult } from '../../store/compareSelectors';
import { isLiveStatus } from '../../store/replyInfo';
import { useFollowStream } from '../reply/useFollowStream';
import { ReplyScroll } from '../reply/ReplyScroll';
import { ReplyStatusLine } from '../reply/ReplyStatusLine';
import { ReplyWarnings } from '../reply/ReplyWarnings';

interface CompareReplyPaneProps {
  columnId: string;
}

/** A column's answer, rendered as Markdown while it streams, with its status line and warnings. */
export function CompareReplyPane({ columnId }: CompareReplyPaneProps) {
  const content = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.content ?? '');
  const status = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.status ?? 'waiting');
  const retrying = usePlaygroundStore((state) => Boolean(selectCompareResult(state, columnId)?.reply.retry));
  const retriesMade = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.retriesMade);
  const warnings = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.warnings);
  const live = isLiveStatus(status) || retrying;
  const { containerRef, onScroll } = useFollowStream(content);
  const headingId = useId();

  return (
    <section className="pane reply-pane compare-pane" aria-labelledby={headingId}>
      <header className="pane-header">
        <h4 id={headingId} className="pane-title">
          Reply
        </h4>
        <ReplyStatusLine status={status} retrying={retrying} retriesMade={retriesMade} />
      </header>
      <ReplyWarnings warnings={warnings} />
      <ReplyScroll
        content={content}
        live={live}
        containerRef={containerRef}
        onScroll={onScroll}
        className="compare-scroll"
      />
    </section>
  );
}
