import './reply.css';
import { usePlaygroundStore } from '../../store';
import * as actions from '../../store/actions';
import { selectDisplayedReply } from '../../store/selectors';
import type { PlaygroundState } from '../../store/types';
import { ContinueReplyNote } from './ContinueReplyNote';
import { EmptyReplyArea } from './EmptyReplyArea';
import { ReasoningPane } from './ReasoningPane';
import { ReplyErrorNotice } from './ReplyErrorNotice';
import { ReplyMetrics } from './ReplyMetrics';
import { ReplyPane } from './ReplyPane';
import { ToolCallsPanel } from './ToolCallsPanel';

function showsEarlierReply(state: PlaygroundState): boolean {
  const selected = state.ui.selectedReplyId;
  if (selected === null) return false;
  const latest = state.conversation.turns.findLast((turn) => turn.reply !== null);
  return latest !== undefined && latest.id !== selected;
}

/**
 * The right-hand area: the reasoning and reply of the displayed turn (the latest reply unless one was picked in the
 * transcript). It subscribes to the turn id only; each pane selects its own slice, so tokens re-render just the pane
 * they land in. Keyed by turn id so timers, scroll and disclosure state start fresh for another reply.
 */
export function ReplyArea() {
  const turnId = usePlaygroundStore((state) => selectDisplayedReply(state)?.id ?? null);
  const pinned = usePlaygroundStore(showsEarlierReply);

  if (turnId === null) {
    return <EmptyReplyArea />;
  }
  return (
    <section className="reply-area" aria-label="Reasoning and reply">
      {pinned && (
        <p className="reply-area-pinned">
          Showing an earlier reply.{' '}
          <button type="button" className="button-quiet" onClick={() => actions.selectReply(null)}>
            Show latest reply
          </button>
        </p>
      )}
      <ReasoningPane key={`reasoning-${turnId}`} turnId={turnId} />
      <ReplyPane key={`reply-${turnId}`} turnId={turnId} />
      <ToolCallsPanel key={`tools-${turnId}`} turnId={turnId} />
      <ReplyErrorNotice turnId={turnId} />
      <ContinueReplyNote turnId={turnId} />
      <ReplyMetrics turnId={turnId} />
    </section>
  );
}
