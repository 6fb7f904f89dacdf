// Replies saved before persisted version 3 (and conversation files exported then) kept derived figures in their
// metrics, and copies of the reply's finish reason and usage. The figures are now derived where they are read
// (core/metricFigures.ts) and the reply holds the only finish reason and usage, so those fields are stripped when an
// old state is loaded (savedStateRestore.ts) or an old file imported (conversationFile.ts). Nothing else is changed.
import { isRecord } from '../core/json';

/** What ReplyMetrics used to carry besides its measurements. */
const derivedMetricFields: readonly string[] = [
  'timeToFirstReasoningMs',
  'timeToFirstAnswerMs',
  'totalMs',
  'reasoningMs',
  'serverReasoningMs',
  'thinkingMs',
  'tokensPerSecond',
  'tokensPerSecondEstimated',
  'promptTokens',
  'completionTokens',
  'reasoningTokens',
  'estimatedCostUsd',
];

/** Only a copy the reply's own schema would accept is taken: a damaged copy must not make the reply unreadable. */
function isUsage(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.prompt_tokens === 'number' &&
    typeof value.completion_tokens === 'number' &&
    typeof value.total_tokens === 'number'
  );
}

/**
 * The reply with measurements only in its metrics. A finish reason or usage the reply lacks (null) is taken from
 * the metrics' copy; otherwise the reply's own is kept.
 */
export function replyWithMeasuredMetrics(reply: unknown): unknown {
  if (!isRecord(reply) || !isRecord(reply.metrics)) return reply;
  const { finishReason, usage, ...rest } = reply.metrics;
  const metrics = Object.fromEntries(Object.entries(rest).filter(([field]) => !derivedMetricFields.includes(field)));
  const moved: Record<string, unknown> = {};
  if ((reply.finishReason ?? null) === null && typeof finishReason === 'string') moved.finishReason = finishReason;
  if ((reply.usage ?? null) === null && isUsage(usage)) moved.usage = usage;
  return { ...reply, ...moved, metrics };
}

/** The same for every reply in a list of saved turns (anything that is not such a list is left as it is). */
export function turnsWithMeasuredMetrics(turns: unknown): unknown {
  if (!Array.isArray(turns)) return turns;
  return turns.map((turn: unknown) =>
    isRecord(turn) && 'reply' in turn ? { ...turn, reply: replyWithMeasuredMetrics(turn.reply) } : turn,
  );
}

function conversationWithMeasuredMetrics(conversation: unknown): unknown {
  return isRecord(conversation) && 'turns' in conversation
    ? { ...conversation, turns: turnsWithMeasuredMetrics(conversation.turns) }
    : conversation;
}

/**
 * Persisted version 2 → 3: the working copy's and every saved conversation's replies; history entries lose the cost
 * they stored (it is computed from their usage and model where shown).
 */
export function stateWithMeasuredMetrics(persisted: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...persisted };
  const { conversation, library, history } = persisted;
  if (isRecord(conversation)) next.conversation = conversationWithMeasuredMetrics(conversation);
  if (isRecord(library) && Array.isArray(library.conversations))
    next.library = { ...library, conversations: library.conversations.map(conversationWithMeasuredMetrics) };
  if (isRecord(history) && Array.isArray(history.entries))
    next.history = {
      ...history,
      entries: history.entries.map((entry: unknown) => {
        if (!isRecord(entry)) return entry;
        const { costUsd: _costUsd, ...kept } = entry;
        return kept;
      }),
    };
  return next;
}
