// The conversation's cost so far: the sum of its replies' estimates, computed on demand and never stored.
import { selectReplyFigures } from './selectors';
import type { PlaygroundState } from './types';

/** USD over every reply with an estimate; null when none has one (custom models, no usage yet). */
export function selectConversationCost(state: Pick<PlaygroundState, 'conversation'>): number | null {
  let total: number | null = null;
  for (const turn of state.conversation.turns) {
    const cost = turn.reply ? selectReplyFigures(turn.reply).estimatedCostUsd : null;
    if (cost !== null) total = (total ?? 0) + cost;
  }
  return total;
}
