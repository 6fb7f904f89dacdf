import { useEffect, useId, useState } from 'react';
import { thinkingElapsedMs } from '../core/metrics';
import { usePlaygroundStore } from '../store';
import type { PlaygroundState, Turn } from '../store/types';
import { CopyReasoningButton } from './CopyReasoningButton';
import { ReasoningContent } from './ReasoningContent';
import { ReasoningSearch } from './ReasoningSearch';
import { ReasoningSummary } from './ReasoningSummary';
import { useFollowStream } from './ReplyPane';

function findTurn(state: PlaygroundState, turnId: string): Turn | undefined {
  return state.conversation.turns.find((turn) => turn.id === turnId);
}

/** A clock that ticks only while `active` (a stopped timer costs no renders). */
export function useNow(active: boolean, intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now;
}

interface ReasoningPaneProps {
  turnId: string;
  /** Keep the text open after thinking whatever the preference (the presenter view). */
  alwaysExpanded?: boolean;
}

/**
 * The model's reasoning: expanded while it thinks (unless the user collapsed it), with a live "Thinking… N s"
 * that freezes at the first answer token into "Thought for N s". Selectors return primitives, so the answer
 * streaming afterwards does not re-render this pane.
 */
export function ReasoningPane({ turnId, alwaysExpanded = false }: ReasoningPaneProps) {
  const reasoning = usePlaygroundStore((state) => findTurn(state, turnId)?.reasoning ?? '');
  const live = usePlaygroundStore((state) => {
    const status = findTurn(state, turnId)?.reply?.status;
    return status === 'waiting' || status === 'streaming';
  });
  const thinking = usePlaygroundStore((state) => live && findTurn(state, turnId)?.reply?.metrics.phase === 'reasoning');
  const answered = usePlaygroundStore((state) => (findTurn(state, turnId)?.content ?? '') !== '');
  // A non-streamed reply arrives in one piece: there is no thinking time to show.
  const streamed = usePlaygroundStore((state) => findTurn(state, turnId)?.reply?.request.body.stream === true);
  const now = useNow(thinking, 250);
  const elapsedMs = usePlaygroundStore((state) => {
    const metrics = findTurn(state, turnId)?.reply?.metrics;
    return metrics ? thinkingElapsedMs(metrics, now) : null;
  });
  const keepExpanded = usePlaygroundStore((state) => alwaysExpanded || state.preferences.reasoningExpansion === 'always-expanded');
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  // Expanded while thinking; afterwards only if thinking is all there is (stopped before any answer), or if the
  // "Always expanded" preference says so.
  const expanded = userExpanded ?? (thinking || (reasoning !== '' && (keepExpanded || (!live && !answered))));
  const { containerRef, following, onScroll, jumpToLatest } = useFollowStream(expanded ? reasoning : null);
  const id = useId();

  const timer = thinking ? `Thinking… ${Math.floor((elapsedMs ?? 0) / 1000)} s` : '';

  return (
    <section className="pane reasoning-pane" aria-labelledby={`${id}-toggle`}>
      <header className="pane-header">
        <h2 className="pane-title">
          <button
            type="button"
            id={`${id}-toggle`}
            className="pane-toggle"
            aria-expanded={expanded}
            aria-controls={`${id}-body`}
            onClick={() => setUserExpanded(!expanded)}
          >
            Reasoning
          </button>
        </h2>
        {timer && <span className="reasoning-timer">{timer}</span>}
        {!thinking && reasoning !== '' && <ReasoningSummary turnId={turnId} thoughtForMs={streamed ? elapsedMs : null} />}
        <CopyReasoningButton turnId={turnId} />
      </header>
      {expanded && reasoning !== '' && <ReasoningSearch containerRef={containerRef} streaming={thinking} />}
      <div
        id={`${id}-body`}
        className="pane-scroll reasoning-scroll"
        hidden={!expanded}
        ref={containerRef}
        onScroll={onScroll}
        tabIndex={expanded ? 0 : -1}
        role="group"
        aria-label="Reasoning text"
      >
        {/* Collapsed, the text is not rendered at all: nothing to lay out while the answer streams. */}
        {expanded &&
          (reasoning === '' ? (
            <p className="muted">{live ? 'Reasoning appears here if the model thinks first.' : 'No reasoning for this reply.'}</p>
          ) : (
            <ReasoningContent text={reasoning} streaming={thinking} />
          ))}
      </div>
      {expanded && live && !following && (
        <button type="button" className="jump-to-latest" onClick={jumpToLatest}>
          Jump to latest reasoning
        </button>
      )}
    </section>
  );
}
