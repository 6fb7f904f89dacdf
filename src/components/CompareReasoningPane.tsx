import { useId, useState } from 'react';
import { formatDuration, thinkingElapsedMs } from '../core/metrics';
import { usePlaygroundStore } from '../store';
import { selectCompareResult } from '../store/compareSelectors';
import { isLiveResult } from '../store/compareSlice';
import { LazyReasoningText as ReasoningText } from './LazyText';
import { useNow } from './ReasoningPane';
import { useFollowStream } from './ReplyPane';

interface CompareReasoningPaneProps {
  columnId: string;
}

/**
 * A column's reasoning, as the main Reasoning pane shows it: expanded while the model thinks, with a live
 * "Thinking… N s" that freezes into "Thought for N s", then collapsed once the answer starts (a click reopens it).
 */
export function CompareReasoningPane({ columnId }: CompareReasoningPaneProps) {
  const reasoning = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reasoning ?? '');
  const live = usePlaygroundStore((state) => isLiveResult(selectCompareResult(state, columnId)));
  const thinking = usePlaygroundStore((state) => live && selectCompareResult(state, columnId)?.reply.metrics.phase === 'reasoning');
  const answered = usePlaygroundStore((state) => (selectCompareResult(state, columnId)?.content ?? '') !== '');
  const streamed = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.request.body.stream === true);
  const now = useNow(thinking, 250);
  const elapsedMs = usePlaygroundStore((state) => {
    const metrics = selectCompareResult(state, columnId)?.reply.metrics;
    return metrics ? thinkingElapsedMs(metrics, now) : null;
  });
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  const expanded = userExpanded ?? (thinking || (!live && reasoning !== '' && !answered));
  const { containerRef, onScroll } = useFollowStream(expanded ? reasoning : null);
  const id = useId();

  let timer = '';
  if (thinking) timer = `Thinking… ${Math.floor((elapsedMs ?? 0) / 1000)} s`;
  else if (reasoning !== '' && streamed && elapsedMs !== null) timer = `Thought for ${formatDuration(elapsedMs)}`;

  return (
    <section className="pane reasoning-pane compare-pane" aria-labelledby={`${id}-toggle`}>
      <header className="pane-header">
        <h4 className="pane-title">
          <button type="button" id={`${id}-toggle`} className="pane-toggle" aria-expanded={expanded} aria-controls={`${id}-body`} onClick={() => setUserExpanded(!expanded)}>
            Reasoning
          </button>
        </h4>
        {timer && <span className="reasoning-timer">{timer}</span>}
      </header>
      <div
        id={`${id}-body`}
        className="pane-scroll reasoning-scroll compare-scroll"
        hidden={!expanded}
        ref={containerRef}
        onScroll={onScroll}
        tabIndex={expanded ? 0 : -1}
        role="group"
        aria-label="Reasoning text"
      >
        {expanded &&
          (reasoning === '' ? (
            <p className="muted">{live ? 'Reasoning appears here if the model thinks first.' : 'No reasoning for this reply.'}</p>
          ) : (
            <ReasoningText text={reasoning} streaming={thinking} />
          ))}
      </div>
    </section>
  );
}
