// What the tool calls of a turn allow: answering them (Send tool results) and what was answered already.
import { isRecord } from '../core/json';
import { findTurn } from './conversationSlice';
import { isLiveStatus } from './replyInfo';
import { selectCanCall, selectRequestBody, type SendReadiness } from './selectors';
import type { PlaygroundState, Turn, TurnToolCall } from './types';

const noCalls: TurnToolCall[] = [];

/** The calls of a turn that asked for tools (one shared empty list for any other turn, so selectors stay stable). */
export function turnToolCalls(turn: Turn | undefined): TurnToolCall[] {
  return (turn?.role === 'assistant' ? turn.toolCalls : undefined) ?? noCalls;
}

/**
 * Calls of a reply that ended before they were whole: stopped, cut off, or out of tokens. They stay, marked, and
 * can still be edited and answered.
 */
export function toolCallsIncomplete(turn: Turn | undefined): boolean {
  const reply = turn?.reply;
  if (!reply || isLiveStatus(reply.status)) return false;
  return reply.status !== 'complete' || reply.finishReason === 'length';
}

/** The turn's calls wait for results: it is the last turn, asked for tools, and its reply is over. */
export function awaitsToolResults(turns: readonly Turn[], turnId: string): boolean {
  const last = turns[turns.length - 1];
  return last?.id === turnId && turnToolCalls(last).length > 0 && !isLiveStatus(last.reply?.status);
}

/** The result sent for a call: the tool turn answering its id among the turns that follow, if there is one. */
export function sentToolResult(turns: readonly Turn[], turnId: string, callId: string): string | null {
  const start = turns.findIndex((turn) => turn.id === turnId);
  for (const turn of turns.slice(start + 1)) {
    if (turn.role !== 'tool') break;
    if (turn.toolCallId === callId) return turn.content;
  }
  return null;
}

/** Why Send tool results cannot go yet (a result missing, nothing to answer), or null. */
export function toolResultsProblem(turns: readonly Turn[], turnId: string): string | null {
  if (!awaitsToolResults(turns, turnId)) return 'These tool calls are not the last turn, so they cannot be answered.';
  const calls = turnToolCalls(findTurn(turns, turnId));
  const missing = calls.findIndex((call) => (call.resultDraft ?? '').trim() === '');
  if (missing === -1) return null;
  const name = calls[missing]?.name || 'the call';
  return calls.length > 1
    ? `Write a tool result for ${name} (call ${missing + 1}) first.`
    : `Write a tool result for ${name} first.`;
}

export function selectCanSendToolResults(state: PlaygroundState, turnId: string): SendReadiness {
  const problem = toolResultsProblem(state.conversation.turns, turnId);
  if (problem) return { ok: false, reason: problem };
  return selectCanCall(state);
}

/** The tools the call was offered with: those of the request that produced it, else of the request Send would make. */
export function selectOfferedTools(state: PlaygroundState, turnId: string): Record<string, unknown> {
  const body = findTurn(state.conversation.turns, turnId)?.reply?.request.body ?? selectRequestBody(state);
  return isRecord(body) ? body : {};
}
