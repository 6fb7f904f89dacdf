import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { describeFinishReason } from '../../core/finishReasons';
import { usePlaygroundStore } from '../../store';
import { isLiveStatus } from '../../store/replyInfo';
import { selectTurn } from '../../store/selectors';
import { JsonAnswerCheck } from '../jsonMode/JsonAnswerCheck';
import { ReplyScroll } from './ReplyScroll';
import { ReplySources } from './ReplySources';
import { ReplyStatusLine } from './ReplyStatusLine';
import { ThinkingMetricsLine } from './ThinkingMetricsLine';
import { ReplyWarnings } from './ReplyWarnings';

/** How far from the bottom still counts as "at the bottom" (px). */
const bottomSlack = 32;

/**
 * Keeps a scroll container pinned to the bottom while `growth` changes, until the user scrolls up.
 * The store commits at most once per frame, so the single layout read per commit happens where the browser
 * lays out for the paint anyway — never per token. Scrolling up stops following; reaching the bottom resumes.
 */
export function useFollowStream(growth: unknown) {
  const containerRef = useRef<HTMLDivElement>(null);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowingState] = useState(true);

  const setFollowing = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowingState(value);
  }, []);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element || !followingRef.current) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  }, [growth]);

  const onScroll = useCallback(() => {
    const element = containerRef.current;
    if (!element) return;
    const top = element.scrollTop;
    // Only the user moves the view up: our own scrolls only ever go down.
    if (top < lastTop.current - 1) {
      if (followingRef.current) setFollowing(false);
    } else if (!followingRef.current && element.scrollHeight - top - element.clientHeight <= bottomSlack) {
      setFollowing(true);
    }
    lastTop.current = top;
  }, [setFollowing]);

  const jumpToLatest = useCallback(() => {
    const element = containerRef.current;
    setFollowing(true);
    if (element) {
      element.scrollTop = element.scrollHeight;
      lastTop.current = element.scrollTop;
    }
  }, [setFollowing]);

  return { containerRef, following, onScroll, jumpToLatest };
}

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
