import { useMemo } from 'react';
import type { Usage } from '../../core/contracts';
import { formatDuration } from '../../core/metrics';
import { reasoningTokenCount } from '../../core/thinkingMetrics';
import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import type { PlaygroundState, ReplyInfo } from '../../store/types';
import { formatInteger } from '../../core/numberFormat';

/** "1,830 tokens", "≈12 tokens"; empty without reasoning. */
function tokenText(usage: Usage | null, reasoning: string, answer: string): string {
  if (reasoning === '') return '';
  const { tokens, estimated } = reasoningTokenCount(usage, reasoning, answer);
  return `${estimated ? '≈' : ''}${formatInteger(tokens)} ${tokens === 1 ? 'token' : 'tokens'}`;
}

/** The reply a summary is about: a transcript turn, or a compare column's result. */
export type SummarySource = (
  state: PlaygroundState,
) => { content: string; reasoning: string; reply: ReplyInfo | null } | undefined;

interface ReasoningSummaryProps {
  /** A transcript turn's reply, or `source` for any other. */
  turnId?: string;
  source?: SummarySource;
  /** Thinking time to show ("Thought for …"); null when unknown (a reply that arrived in one piece). */
  thoughtForMs: number | null;
}

/** The one line a finished reasoning collapses to: "Thought for 12.4 s · 1,830 tokens" (≈ when estimated). */
export function ReasoningSummary({ turnId = '', source, thoughtForMs }: ReasoningSummaryProps) {
  const select: SummarySource = source ?? ((state) => selectTurn(state, turnId));
  // Counted per mounted summary, only when one of these three changes.
  const reasoning = usePlaygroundStore((state) => {
    const holder = select(state);
    return holder?.reply ? holder.reasoning : '';
  });
  const usage = usePlaygroundStore((state) => select(state)?.reply?.usage ?? null);
  // The answer only matters once usage arrived (the end of the reply): with no answer text the server total is all
  // reasoning. Before that it is not selected, so the growing answer does not re-render the summary.
  const answer = usePlaygroundStore((state) => {
    const holder = select(state);
    return holder?.reply?.usage ? holder.content : '';
  });
  const tokens = useMemo(() => tokenText(usage, reasoning, answer), [usage, reasoning, answer]);
  if (thoughtForMs === null && tokens === '') return null;
  return (
    <span className="reasoning-timer reasoning-summary">
      {thoughtForMs !== null && <span>Thought for {formatDuration(thoughtForMs)}</span>}
      {thoughtForMs !== null && tokens !== '' && ' · '}
      {tokens !== '' && (
        <span
          title={
            tokens.startsWith('≈')
              ? 'Estimated from the text: the server did not report reasoning tokens'
              : 'Reasoning tokens reported by the server'
          }
        >
          {tokens}
        </span>
      )}
    </span>
  );
}
