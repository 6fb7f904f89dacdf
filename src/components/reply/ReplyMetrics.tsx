import { useShallow } from 'zustand/react/shallow';
import { describeFinishReason } from '../../core/finishReasons';
import { formatCost, formatDuration } from '../../core/metrics';
import { cachedPromptTokens } from '../../core/models';
import { usePlaygroundStore } from '../../store';
import { selectConversationCost } from '../../store/conversationCost';
import { selectReplyFigures, selectTurn } from '../../store/selectors';
import { RaiseMaxTokensButton } from './RaiseMaxTokensButton';
import { ReplyPartsList } from './ReplyPartsList';
import { DefinitionList } from '../ui/DefinitionList';
import { formatInteger, formatOneDecimal } from '../../core/numberFormat';

function duration(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function cost(usd: number | null): string {
  return usd === null ? '—' : formatCost(usd);
}

function count(value: number | null): string {
  return value === null ? '—' : formatInteger(value);
}

interface ReplyMetricsProps {
  turnId: string;
}

/** Timings, token counts, finish reason and cost of one reply (selectReplyFigures), and the conversation's cost. */
export function ReplyMetrics({ turnId }: ReplyMetricsProps) {
  const figures = usePlaygroundStore(
    useShallow((state) => {
      const reply = selectTurn(state, turnId)?.reply;
      if (!reply) return null;
      const figures = selectReplyFigures(reply);
      return {
        firstReasoning: figures.timeToFirstReasoningMs,
        firstAnswer: figures.timeToFirstAnswerMs,
        total: figures.totalMs,
        tokensPerSecond: figures.tokensPerSecond,
        estimatedRate: figures.tokensPerSecondEstimated,
        promptTokens: figures.promptTokens,
        cachedTokens: reply.usage ? cachedPromptTokens(reply.usage) : 0,
        completionTokens: figures.completionTokens,
        reasoningTokens: figures.reasoningTokens,
        cost: figures.estimatedCostUsd,
        conversationCost: selectConversationCost(state),
        phase: reply.metrics.phase,
        finishReason: reply.finishReason,
      };
    }),
  );
  if (!figures) return null;

  // finish_reason "length" before any answer text: the budget went on thinking.
  const budgetNote =
    figures.finishReason === 'length' && figures.phase !== 'answer'
      ? describeFinishReason('length', 'reasoning')
      : null;
  const rows: [string, string][] = [
    ['First reasoning token', duration(figures.firstReasoning)],
    ['First answer token', duration(figures.firstAnswer)],
    ['Total time', duration(figures.total)],
    [
      'Tokens/s',
      figures.tokensPerSecond === null
        ? '—'
        : `${formatOneDecimal(figures.tokensPerSecond)}${figures.estimatedRate ? ' (est.)' : ''}`,
    ],
    [
      'Prompt tokens',
      figures.cachedTokens > 0
        ? `${count(figures.promptTokens)} (${count(figures.cachedTokens)} cached)`
        : count(figures.promptTokens),
    ],
    [
      'Completion tokens',
      figures.reasoningTokens === null
        ? count(figures.completionTokens)
        : `${count(figures.completionTokens)} (${count(figures.reasoningTokens)} reasoning)`,
    ],
    ['Finish reason', figures.finishReason ?? '—'],
    ['Estimated cost', cost(figures.cost)],
    ['Conversation cost', cost(figures.conversationCost)],
  ];

  return (
    <div className="reply-metrics-block" role="group" aria-label="Reply metrics">
      {budgetNote && (
        <div className="metrics-callout" role="note">
          <p>{budgetNote}</p>
          <RaiseMaxTokensButton turnId={turnId} />
        </div>
      )}
      <DefinitionList className="reply-metrics" rows={rows} />
      <ReplyPartsList turnId={turnId} />
    </div>
  );
}
