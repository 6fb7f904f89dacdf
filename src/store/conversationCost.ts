// The conversation's cost so far: the sum of its replies' estimates, computed on demand and never stored.
import { usageCostUsd } from '../core/metricFigures';
import { modelInfo } from '../core/models';
import { selectReplyFigures } from './selectors';
import type { PlaygroundState, ReplyInfo } from './types';

/** Each attempt of a continued reply was a request of its own, paid on its own. */
function replyCost(reply: ReplyInfo): number | null {
  let total = selectReplyFigures(reply).estimatedCostUsd;
  for (const part of reply.earlierParts ?? []) {
    const cost = usageCostUsd(part.usage, modelInfo(reply.request.body.model));
    if (cost !== null) total = (total ?? 0) + cost;
  }
  return total;
}

/** USD over every reply with an estimate; null when none has one (custom models, no usage yet). */
export function selectConversationCost(state: Pick<PlaygroundState, 'conversation'>): number | null {
  let total: number | null = null;
  for (const turn of state.conversation.turns) {
    const cost = turn.reply ? replyCost(turn.reply) : null;
    if (cost !== null) total = (total ?? 0) + cost;
  }
  return total;
}
