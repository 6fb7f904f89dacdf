// Which turns of a conversation become messages, and whether earlier reasoning goes back with them. The body
// builder, the JSON tab's edit mapping, the transcript's "sent back" label and Send's readiness all ask here.
import { endpointKeepsReasoning } from './endpoints';
import { modelInfo, supportsThinking } from './models';
import type { ConversationTurn, RequestSettings } from './request';
import { hasVisibleText } from './visibleText';

/** The settings that decide whether reasoning goes back. */
export type ReasoningSettings = Pick<RequestSettings, 'model' | 'preserveReasoning'>;

/**
 * Does earlier reasoning go back with a request to baseUrl (clear_thinking: false)? Only on models with preserved
 * thinking; then the user's choice, or the endpoint's default when they made none (on for Coding Plan endpoints, off
 * elsewhere). Custom model ids never have preserved thinking, so their limits play no part.
 */
export function reasoningGoesBack(settings: ReasoningSettings, baseUrl: string): boolean {
  const model = modelInfo(settings.model);
  if (!supportsThinking(model) || !model.preservedThinking) return false;
  return settings.preserveReasoning ?? endpointKeepsReasoning(baseUrl);
}

/**
 * Interleaved thinking (docs/wire-format.md#interleaved-thinking): while tool results go back, the assistant
 * messages that asked for the tools carry their reasoning unchanged, whatever preserved thinking says. The round in
 * progress is everything after the last user turn; this is the index where it starts.
 */
export function toolRoundStart(turns: readonly Pick<ConversationTurn, 'role' | 'excluded'>[]): number {
  return turns.findLastIndex((turn) => turn.role === 'user' && !turn.excluded) + 1;
}

/** Does this turn's reasoning go back: with preserved thinking, or as a tool-call turn of the round in progress. */
export function turnReasoningGoesBack(
  turns: readonly ConversationTurn[],
  index: number,
  settings: ReasoningSettings,
  baseUrl: string,
): boolean {
  if (reasoningGoesBack(settings, baseUrl)) return true;
  const turn = turns[index];
  if (!turn?.toolCalls?.length || !supportsThinking(modelInfo(settings.model))) return false;
  return index >= toolRoundStart(turns);
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
  // A tool call and its result always go together, whatever their text (docs/wire-format.md#tools).
  if (turn.role === 'tool' || (turn.toolCalls?.length ?? 0) > 0) return true;
  if (hasVisibleText(turn.content) || (turn.imageUrls?.length ?? 0) > 0) return true;
  return reasoningSentWith(turn, withReasoning) !== undefined;
}

/** The turns that become messages to baseUrl, in order. */
export function sentTurns<T extends ConversationTurn>(
  turns: readonly T[],
  settings: ReasoningSettings,
  baseUrl: string,
): T[] {
  const withReasoning = reasoningGoesBack(settings, baseUrl);
  return turns.filter((turn) => isSentTurn(turn, withReasoning));
}
