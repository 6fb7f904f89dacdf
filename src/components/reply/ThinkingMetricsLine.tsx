import './reply.css';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration } from '../../core/metrics';
import { thinkingFigures, type ThinkingFigures } from '../../core/thinkingMetrics';
import { usePlaygroundStore } from '../../store';
import { wholeReplyUsage } from '../../store/continuedReply';
import { isLiveStatus } from '../../store/replyInfo';
import { selectReplyFigures, selectTurn } from '../../store/selectors';
import type { PlaygroundState, ReplyInfo } from '../../store/types';
import { DefinitionList } from '../ui/DefinitionList';
import { formatInteger } from '../../core/numberFormat';

type LineFigures = Pick<ThinkingFigures, 'timeToFirstReasoningMs' | 'timeToFirstAnswerMs'> &
  Partial<ThinkingFigures> & { live: boolean };

interface Counted {
  reasoning: string;
  content: string;
  figures: ThinkingFigures;
}

/**
 * The text is counted once per ended reply, not on every store change (keyed on the reply object, which holds the
 * metrics, usage and finish reason).
 */
const counted = new WeakMap<ReplyInfo, Counted>();

function figuresFor(reply: ReplyInfo, reasoning: string, content: string): ThinkingFigures {
  const cached = counted.get(reply);
  if (cached && cached.reasoning === reasoning && cached.content === content) return cached.figures;
  const figures = thinkingFigures(reply.metrics, wholeReplyUsage(reply), reasoning, content, reply.finishReason);
  counted.set(reply, { reasoning, content, figures });
  return figures;
}

/** While the reply streams only the first-token times are shown: counting the growing text per frame is waste. */
function selectLineFigures(state: PlaygroundState, turnId: string): LineFigures | null {
  const turn = selectTurn(state, turnId);
  const reply = turn?.reply;
  if (!turn || !reply) return null;
  if (isLiveStatus(reply.status)) {
    const { timeToFirstReasoningMs, timeToFirstAnswerMs } = selectReplyFigures(reply);
    return { live: true, timeToFirstReasoningMs, timeToFirstAnswerMs };
  }
  return { live: false, ...figuresFor(reply, turn.reasoning, turn.content) };
}

function duration(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : formatDuration(ms);
}

function tokens(count: number, estimated: boolean): string {
  return `${estimated ? '≈' : ''}${formatInteger(count)} ${count === 1 ? 'token' : 'tokens'}`;
}

function characters(count: number): string {
  return `${formatInteger(count)} ${count === 1 ? 'char' : 'chars'}`;
}

interface ThinkingMetricsLineProps {
  turnId: string;
}

/**
 * One compact line in the reply header: when the reasoning and the answer started, how long the model reasoned
 * (first to last reasoning token), and how the output splits between reasoning and answer. Token counts from the
 * server's usage are exact; estimates carry "≈".
 */
export function ThinkingMetricsLine({ turnId }: ThinkingMetricsLineProps) {
  const figures = usePlaygroundStore(useShallow((state: PlaygroundState) => selectLineFigures(state, turnId)));
  if (!figures) return null;
  const reasoned = figures.timeToFirstReasoningMs !== null || (figures.reasoningCharacters ?? 0) > 0;
  const items: [string, string][] = [];
  if (reasoned) items.push(['First reasoning token', duration(figures.timeToFirstReasoningMs)]);
  if (reasoned && !figures.live) items.push(['Reasoning time', duration(figures.reasoningDurationMs)]);
  items.push(['First answer token', duration(figures.timeToFirstAnswerMs)]);
  if (!figures.live && figures.reasoningTokens !== undefined && figures.answerTokens !== undefined) {
    const estimated = figures.tokensEstimated === true;
    if (reasoned)
      items.push([
        'Reasoning',
        `${tokens(figures.reasoningTokens, estimated)} · ${characters(figures.reasoningCharacters ?? 0)}`,
      ]);
    items.push(['Answer', `${tokens(figures.answerTokens, estimated)} · ${characters(figures.answerCharacters ?? 0)}`]);
  }
  const estimated = !figures.live && figures.tokensEstimated === true;

  return (
    <div className="thinking-metrics">
      <DefinitionList className="thinking-metrics-line" label="Thinking metrics" rows={items} />
      {estimated && (
        <p className="thinking-metrics-note">≈ estimated from the text: the server did not report reasoning tokens.</p>
      )}
    </div>
  );
}
