// Which turns of a conversation become messages, and whether earlier reasoning goes back with them. The body
// builder, the JSON tab's edit mapping, the transcript's "sent back" label and Send's readiness all ask here.
import { modelInfo, supportsThinking } from './models';
import type { ConversationTurn, RequestSettings } from './request';

/** Preserved thinking is on and the model has it: earlier replies' reasoning goes back (clear_thinking: false). */
export function reasoningGoesBack(settings: Pick<RequestSettings, 'model' | 'preserveReasoning'>): boolean {
  const model = modelInfo(settings.model);
  return settings.preserveReasoning && supportsThinking(model) && model.preservedThinking;
}

/** The reasoning a turn carries in the request: only an assistant turn's, and only when reasoning goes back. */
export function reasoningSentWith(turn: ConversationTurn, withReasoning: boolean): string | undefined {
  return withReasoning && turn.role === 'assistant' && turn.reasoning ? turn.reasoning : undefined;
}

/**
 * Whether a turn becomes a message: excluded turns never do, nor empty ones (the API rejects an empty message,
 * 1214) unless it carries images or reasoning that goes back.
 */
export function isSentTurn(turn: ConversationTurn, withReasoning: boolean): boolean {
  if (turn.excluded) return false;
  if (turn.content.trim() !== '' || (turn.imageUrls?.length ?? 0) > 0) return true;
  return reasoningSentWith(turn, withReasoning) !== undefined;
}

/** The turns that become messages, in order. */
export function sentTurns<T extends ConversationTurn>(
  turns: readonly T[],
  settings: Pick<RequestSettings, 'model' | 'preserveReasoning'>,
): T[] {
  const withReasoning = reasoningGoesBack(settings);
  return turns.filter((turn) => isSentTurn(turn, withReasoning));
}
