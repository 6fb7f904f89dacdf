import type { Usage } from '../../core/contracts';
import { formatDuration } from '../../core/metrics';
import { reasoningTokenCount } from '../../core/thinkingMetrics';
import { usePlaygroundStore } from '../../store';
import type { PlaygroundState } from '../../store/types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Counted once per text and usage (not on every store change while the answer streams). */
let lastCount: { usage: Usage | null; reasoning: string; answer: string; text: string } | null = null;

function tokenText(state: PlaygroundState, turnId: string): string {
  const turn = state.conversation.turns.find((candidate) => candidate.id === turnId);
  const reply = turn?.reply;
  if (!turn || !reply || turn.reasoning === '') return '';
  // The answer only matters once usage arrived (the end of the reply): the server total is then split by it.
  const answer = reply.usage ? turn.content : '';
  if (
    lastCount &&
    lastCount.usage === reply.usage &&
    lastCount.reasoning === turn.reasoning &&
    lastCount.answer === answer
  )
    return lastCount.text;
  const { tokens, estimated } = reasoningTokenCount(reply.usage, turn.reasoning, answer);
  const text = `${estimated ? '≈' : ''}${integer.format(tokens)} ${tokens === 1 ? 'token' : 'tokens'}`;
  lastCount = { usage: reply.usage, reasoning: turn.reasoning, answer, text };
  return text;
}

interface ReasoningSummaryProps {
  turnId: string;
  /** Thinking time to show ("Thought for …"); null when unknown (a reply that arrived in one piece). */
  thoughtForMs: number | null;
}

/** The one line a finished reasoning collapses to: "Thought for 12.4 s · 1,830 tokens" (≈ when estimated). */
export function ReasoningSummary({ turnId, thoughtForMs }: ReasoningSummaryProps) {
  const tokens = usePlaygroundStore((state) => tokenText(state, turnId));
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
