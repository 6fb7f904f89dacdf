// The conversation and its calls: editing turns, and Send, Regenerate, Retry, Continue and Stop. Plain functions
// that read and set the store; components call them from event handlers. The calls themselves run in replyCall.ts.
import type { ChatRequest, TurnRole } from '../core/request';
import { lacksImageData } from '../core/images';
import { buildChatRequest } from '../core/request';
import { maxAlternatives, withNewReply } from './alternatives';
import { switchBaseUrlToProxy, keyMayGoToBaseUrl } from './connectionActions';
import { continuedReplyInfo } from './continuedReply';
import { draftTurn } from './draftTexts';
import { findTurn, handWrittenTurn, moveItem } from './conversationSlice';
import { newId } from './ids';
import { recordHistory } from './historyActions';
import { report, usePlaygroundStore } from './index';
import { newReplyInfo } from './replyInfo';
import {
  activeReplyId,
  isLaneBusy,
  settlePendingReplies,
  startReplyCall,
  stopReplyCall,
  type ReplyHolder,
  type ReplyTarget,
} from './replyCall';
import { selectCanSend, toConversationTurn } from './selectors';
import { rememberDeletedTurn } from './turnUndo';
import type { Turn, TurnFields } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

/** The lane of the transcript's calls: one reply at a time. */
const transcriptLane = 'transcript';

// ---- conversation -----------------------------------------------------------------------------------

export function setDraft(draft: string): void {
  set((state) => ({ conversation: { ...state.conversation, draft } }));
}

export function setTurns(update: (turns: Turn[]) => Turn[]): void {
  set((state) => ({ conversation: { ...state.conversation, turns: update(state.conversation.turns) } }));
}

export function addTurn(role: TurnRole, content: string): string {
  const turn = handWrittenTurn(role, content);
  setTurns((turns) => [...turns, turn]);
  return turn.id;
}

export function updateTurn(id: string, patch: Partial<Pick<Turn, 'content' | 'role' | 'reasoning'>>): void {
  setTurns((turns) => turns.map((turn) => (turn.id === id ? { ...turn, ...patch } : turn)));
}

/** Deletes a turn; "Undo" brings it back for a few seconds (turnUndo.ts). */
export function deleteTurn(id: string): void {
  if (activeReplyId(transcriptLane) === id) stop();
  const { turns } = get().conversation;
  const index = turns.findIndex((turn) => turn.id === id);
  const deleted = turns[index];
  if (!deleted) return;
  setTurns((current) => current.filter((turn) => turn.id !== id));
  set((state) => (state.ui.selectedReplyId === id ? { ui: { ...state.ui, selectedReplyId: null } } : state));
  rememberDeletedTurn(deleted, index);
}

export function moveTurn(id: string, offset: -1 | 1): void {
  setTurns((turns) =>
    moveItem(
      turns,
      turns.findIndex((turn) => turn.id === id),
      offset,
    ),
  );
}

export function setExcluded(id: string, excluded: boolean): void {
  setTurns((turns) => turns.map((turn) => (turn.id === id ? { ...turn, excluded } : turn)));
}

export function selectReply(turnId: string | null): void {
  set((state) => ({ ui: { ...state.ui, selectedReplyId: turnId } }));
}

export function dismissNotice(id: string): void {
  set((state) => ({ ui: { ...state.ui, notices: state.ui.notices.filter((notice) => notice.id !== id) } }));
}

/** "Discard JSON edits": back to what the form says. (Here, not in importActions, which loads with the JSON tab.) */
export function discardRequestJsonEdit(): void {
  set((state) => ({ ui: { ...state.ui, requestJsonDraft: null } }));
}

// ---- sending ----------------------------------------------------------------------------------------

/** After a CORS failure: same upstream, through the app's own same-origin proxy. */
export function switchToProxy(): void {
  // A pending automatic retry would go to the blocked URL again: cancel it, so Retry goes through the proxy.
  const turnId = activeReplyId(transcriptLane);
  if (turnId !== null && findTurn(get().conversation.turns, turnId)?.reply?.retry) stop();
  switchBaseUrlToProxy();
}

/** The transcript turn a call writes its reply into. */
function turnTarget(turnId: string): ReplyTarget {
  const holderOf = (turn: Turn | undefined): ReplyHolder | null =>
    turn?.reply
      ? { content: turn.content, reasoning: turn.reasoning, reply: turn.reply, toolCalls: turn.toolCalls }
      : null;
  return {
    lane: transcriptLane,
    replyId: turnId,
    read: () => holderOf(findTurn(get().conversation.turns, turnId)),
    write: (update) =>
      setTurns((turns) =>
        turns.map((turn) => {
          const holder = turn.id === turnId ? holderOf(turn) : null;
          return holder ? { ...turn, ...update(holder) } : turn;
        }),
      ),
    // Every request sent goes into the history, however it ended (each retry attempt is a request of its own).
    attemptSettled: recordHistory,
    finished: () => set((state) => ({ ui: { ...state.ui, sending: false } })),
  };
}

function beginCall(turnId: string, request: ChatRequest, appending: boolean): void {
  if (!startReplyCall(turnTarget(turnId), request, appending)) return;
  set((state) => ({ ui: { ...state.ui, sending: true, selectedReplyId: null } }));
}

export function send(): void {
  settlePendingReplies();
  const state = get();
  if (!selectCanSend(state).ok || isLaneBusy(transcriptLane)) return;
  if (!keyMayGoToBaseUrl(send)) return;
  const newTurn = draftTurn(state.conversation);
  const turns = newTurn ? [...state.conversation.turns, newTurn] : state.conversation.turns;
  set((current) => ({ conversation: { ...current.conversation, turns, draft: '', draftImages: [], draftTexts: [] } }));
  startReply(turns);
}

/** A new reply to the last turn's conversation; the one it replaces stays as an alternative. */
export function regenerate(): void {
  const last = get().conversation.turns.at(-1);
  if (last?.role === 'assistant' && last.reply) replyAgain(last.id);
}

/**
 * A new reply in this assistant turn, sent with the turns before it; the reply it replaces becomes an alternative,
 * together with `followingTurns` (the branch that went on from it, for "Save & resend").
 */
export function replyAgain(turnId: string, followingTurns: readonly Turn[] = []): void {
  settlePendingReplies();
  const { turns } = get().conversation;
  const index = turns.findIndex((candidate) => candidate.id === turnId);
  const turn = turns[index];
  if (isLaneBusy(transcriptLane) || turn?.role !== 'assistant') return;
  if (!keyMayGoToBaseUrl(() => replyAgain(turnId, followingTurns))) return;
  const request = requestFor(turns.slice(0, index));
  const fresh: TurnFields = {
    role: 'assistant',
    content: '',
    reasoning: '',
    excluded: false,
    reply: newReplyInfo(request),
  };
  const { turn: replaced, dropped } = withNewReply(turn, fresh, followingTurns);
  setTurns((current) => current.map((candidate) => (candidate.id === turnId ? replaced : candidate)));
  if (dropped > 0) reportDroppedAlternatives();
  beginCall(turnId, request, false);
}

function reportDroppedAlternatives(): void {
  report('info', `A reply keeps at most ${maxAlternatives} alternatives: the oldest one was dropped.`);
}

/** Sends the same request again into the same turn (after interrupted, stalled or error). */
export function retryReply(turnId: string, body?: ChatRequest['body']): void {
  settlePendingReplies();
  const turn = findTurn(get().conversation.turns, turnId);
  if (isLaneBusy(transcriptLane) || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => retryReply(turnId, body))) return;
  // The same body, to the endpoint chosen now (e.g. the local proxy after a CORS failure; the key check above
  // was made for this URL). `body` replaces the stored body when the retry changes it ("Raise max tokens and
  // retry", thinkingActions.ts).
  const resentBody = resendableBody(turnId, body ?? turn.reply.request.body);
  const request = { ...turn.reply.request, baseUrl: get().connection.baseUrl, body: resentBody };
  setTurns((turns) =>
    turns.map((candidate) =>
      candidate.id === turnId
        ? { ...candidate, content: '', reasoning: '', toolCalls: undefined, reply: newReplyInfo(request) }
        : candidate,
    ),
  );
  beginCall(turnId, request, false);
}

/** A reply restored after a reload lost its image bytes (persistence.ts): its body is rebuilt from the turns before it. */
function resendableBody(turnId: string, body: ChatRequest['body']): ChatRequest['body'] {
  if (!lacksImageData(body)) return body;
  const { turns } = get().conversation;
  const index = turns.findIndex((turn) => turn.id === turnId);
  return requestFor(turns.slice(0, index)).body;
}

/** Sends the conversation with the partial answer as the last assistant turn; the reply extends it. */
export function continueReply(turnId: string): void {
  settlePendingReplies();
  const { turns } = get().conversation;
  const index = turns.findIndex((candidate) => candidate.id === turnId);
  const turn = turns[index];
  if (isLaneBusy(transcriptLane) || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => continueReply(turnId))) return;
  const request = requestFor(turns.slice(0, index + 1));
  setTurns((current) =>
    current.map((candidate) =>
      candidate.id === turnId && candidate.reply
        ? { ...candidate, reply: continuedReplyInfo(candidate.reply, request) }
        : candidate,
    ),
  );
  beginCall(turnId, request, true);
}

/** Aborts whatever is in flight (before the first byte, while thinking, while answering, while waiting to retry). */
export function stop(): void {
  stopReplyCall(transcriptLane);
}

function requestFor(turns: readonly Turn[]): ChatRequest {
  const state = get();
  const conversationTurns = turns.map((turn) => toConversationTurn(turn, state));
  return buildChatRequest(state.connection.baseUrl, state.settings, conversationTurns);
}

/** Appends a new assistant turn and streams the reply to `turns` into it (Send, Regenerate, Send tool results). */
export function startReply(turns: readonly Turn[]): void {
  const request = requestFor(turns);
  const turn: Turn = {
    id: newId('turn'),
    role: 'assistant',
    content: '',
    reasoning: '',
    excluded: false,
    reply: newReplyInfo(request),
  };
  setTurns((current) => [...current, turn]);
  beginCall(turn.id, request, false);
}
