import { useId, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import { isLiveStatus } from '../../store/replyInfo';
import { selectTurn } from '../../store/selectors';
import { CopyReasoningButton } from './CopyReasoningButton';
import { ReasoningContent } from './ReasoningContent';
import { ReasoningScroll } from './ReasoningScroll';
import { ReasoningSearch } from './ReasoningSearch';
import { ReasoningSummary } from './ReasoningSummary';
import { useFollowStream } from './useFollowStream';
import { PaneToggleHeading } from './PaneToggleHeading';
import { ThinkingTimer, useThinkingElapsedMs } from './ThinkingTimer';
import { useDesktopLayout } from '../ui/useDesktopLayout';

interface ReasoningPaneProps {
  turnId: string;
  /** Keep the text open after thinking whatever the preference (the presenter view). */
  alwaysExpanded?: boolean;
}

/**
 * The model's reasoning: expanded while it thinks (unless the user collapsed it) and, in the desktop layout, after it,
 * with a live "Thinking… N s" that freezes at the first answer token into "Thought for N s". Selectors return
 * primitives, so the answer streaming afterwards does not re-render this pane.
 */
export function ReasoningPane({ turnId, alwaysExpanded = false }: ReasoningPaneProps) {
  const reasoning = usePlaygroundStore((state) => selectTurn(state, turnId)?.reasoning ?? '');
  const live = usePlaygroundStore((state) => isLiveStatus(selectTurn(state, turnId)?.reply?.status));
  const thinking = usePlaygroundStore(
    (state) => live && selectTurn(state, turnId)?.reply?.metrics.phase === 'reasoning',
  );
  const answered = usePlaygroundStore((state) => (selectTurn(state, turnId)?.content ?? '') !== '');
  // A non-streamed reply arrives in one piece: there is no thinking time to show.
  const streamed = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.request.body.stream === true);
  const elapsedMs = useThinkingElapsedMs(thinking, (state) => selectTurn(state, turnId)?.reply?.metrics);
  // In the desktop layout the reasoning has room of its own beside the reply: it stays open to be read.
  const desktop = useDesktopLayout();
  const keepExpanded = usePlaygroundStore(
    (state) => alwaysExpanded || desktop || state.preferences.reasoningExpansion === 'always-expanded',
  );
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  // Expanded while thinking; afterwards only if thinking is all there is (stopped before any answer), or if the
  // layout or the "Always expanded" preference keeps it open. A fold or unfold by the user always wins.
  const expanded = userExpanded ?? (thinking || (reasoning !== '' && (keepExpanded || (!live && !answered))));
  const { containerRef, following, onScroll, jumpToLatest } = useFollowStream(expanded ? reasoning : null);
  const id = useId();

  return (
    <section className="pane reasoning-pane" aria-labelledby={`${id}-toggle`}>
      <header className="pane-header">
        <PaneToggleHeading level="h2" id={id} expanded={expanded} onToggle={() => setUserExpanded(!expanded)}>
          Reasoning
        </PaneToggleHeading>
        <ThinkingTimer thinking={thinking} elapsedMs={elapsedMs} />
        {!thinking && reasoning !== '' && (
          <ReasoningSummary turnId={turnId} thoughtForMs={streamed ? elapsedMs : null} />
        )}
        <CopyReasoningButton turnId={turnId} />
      </header>
      {expanded && reasoning !== '' && <ReasoningSearch containerRef={containerRef} streaming={thinking} />}
      <ReasoningScroll
        id={`${id}-body`}
        expanded={expanded}
        live={live}
        empty={reasoning === ''}
        containerRef={containerRef}
        onScroll={onScroll}
      >
        <ReasoningContent text={reasoning} streaming={thinking} />
      </ReasoningScroll>
      {expanded && live && !following && (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          Jump to latest reasoning
        </button>
      )}
    </section>
  );
}
