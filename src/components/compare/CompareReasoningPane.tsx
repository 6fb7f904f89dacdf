import { useId, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import { selectCompareResult } from '../../store/compareSelectors';
import { isLiveResult } from '../../store/compareSlice';
import { LazyReasoningText as ReasoningText } from '../reply/LazyText';
import { ReasoningScroll } from '../reply/ReasoningScroll';
import { useFollowStream } from '../reply/useFollowStream';
import { PaneToggleHeading } from '../reply/PaneToggleHeading';
import { ReasoningSummary } from '../reply/ReasoningSummary';
import { ThinkingTimer, useThinkingElapsedMs } from '../reply/ThinkingTimer';

interface CompareReasoningPaneProps {
  columnId: string;
}

/**
 * A column's reasoning, as the main Reasoning pane shows it: a live "Thinking… N s" that freezes into the summary
 * ("Thought for N s · ≈N tokens"). It stays open after thinking so the columns can be read side by side, until the
 * user folds it.
 */
export function CompareReasoningPane({ columnId }: CompareReasoningPaneProps) {
  const reasoning = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reasoning ?? '');
  const live = usePlaygroundStore((state) => isLiveResult(selectCompareResult(state, columnId)));
  const thinking = usePlaygroundStore(
    (state) => live && selectCompareResult(state, columnId)?.reply.metrics.phase === 'reasoning',
  );
  const streamed = usePlaygroundStore(
    (state) => selectCompareResult(state, columnId)?.reply.request.body.stream === true,
  );
  const elapsedMs = useThinkingElapsedMs(thinking, (state) => selectCompareResult(state, columnId)?.reply.metrics);
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  const expanded = userExpanded ?? (thinking || reasoning !== '');
  const { containerRef, onScroll } = useFollowStream(expanded ? reasoning : null);
  const id = useId();

  return (
    <section className="pane reasoning-pane compare-pane" aria-labelledby={`${id}-toggle`}>
      <header className="pane-header">
        <PaneToggleHeading level="h4" id={id} expanded={expanded} onToggle={() => setUserExpanded(!expanded)}>
          Reasoning
        </PaneToggleHeading>
        <ThinkingTimer thinking={thinking} elapsedMs={elapsedMs} />
        {!thinking && reasoning !== '' && (
          <ReasoningSummary
            source={(state) => selectCompareResult(state, columnId) ?? undefined}
            thoughtForMs={streamed ? elapsedMs : null}
          />
        )}
      </header>
      <ReasoningScroll
        id={`${id}-body`}
        className="compare-scroll"
        expanded={expanded}
        live={live}
        empty={reasoning === ''}
        containerRef={containerRef}
        onScroll={onScroll}
      >
        <ReasoningText text={reasoning} streaming={thinking} />
      </ReasoningScroll>
    </section>
  );
}
