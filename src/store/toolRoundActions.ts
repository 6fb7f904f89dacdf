// Tool rounds: answering a reply's tool calls (Send tool results), editing a call before answering, mock results,
// and tool calls and results written by hand. The next request runs through the one call runner (actions.ts).
import { newId } from './ids';
import { usePlaygroundStore } from './index';
import { keyMayGoToBaseUrl } from './connectionActions';
import { handWrittenTurn } from './conversationSlice';
import { startReply } from './actions';
import { settlePendingReplies } from './replyCall';
import { selectCanSendToolResults, turnToolCalls } from './toolRoundSelectors';
import type { Turn, TurnToolCall } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function updateCall(turnId: string, index: number, update: (call: TurnToolCall) => TurnToolCall): void {
  set((state) => ({
    conversation: {
      ...state.conversation,
      turns: state.conversation.turns.map((turn) =>
        turn.id === turnId && turn.toolCalls
          ? { ...turn, toolCalls: turn.toolCalls.map((call, at) => (at === index ? update(call) : call)) }
          : turn,
      ),
    },
  }));
}

/** The result typed for a call; kept with the turn (and saved) until it is sent. */
export function setToolResultDraft(turnId: string, index: number, resultDraft: string): void {
  updateCall(turnId, index, (call) => ({ ...call, resultDraft }));
}

/** A received call edited before answering: what goes back is what is shown. */
export function editToolCall(turnId: string, index: number, patch: Partial<Pick<TurnToolCall, 'name' | 'arguments'>>) {
  updateCall(turnId, index, (call) => ({ ...call, ...patch }));
}

/** Answers every call of the turn with its typed result (one tool turn each) and asks the model again. */
export function sendToolResults(turnId: string): void {
  settlePendingReplies();
  if (!selectCanSendToolResults(get(), turnId).ok) return;
  if (!keyMayGoToBaseUrl(() => sendToolResults(turnId))) return;
  const { turns } = get().conversation;
  const results: Turn[] = [];
  const answered = turns.map((turn) => {
    if (turn.id !== turnId) return turn;
    const calls = turnToolCalls(turn);
    for (const call of calls) results.push(toolResultTurn(call.id, call.resultDraft ?? ''));
    return { ...turn, toolCalls: calls.map(({ resultDraft: _sent, ...call }) => call) };
  });
  const next = [...answered, ...results];
  set((state) => ({ conversation: { ...state.conversation, turns: next } }));
  startReply(next);
}

function toolResultTurn(toolCallId: string, content: string): Turn {
  return { ...handWrittenTurn('tool', content), toolCallId };
}

/** The prepared result that answers every call of a function (saved; "Use mock results"). */
export function setMockToolResult(name: string, result: string): void {
  set((state) => ({
    preferences: {
      ...state.preferences,
      toolMockResults: { ...state.preferences.toolMockResults, [name]: result },
    },
  }));
}

/** Fills the result of each call whose function has a mock result; the others are left as they are. */
export function fillMockToolResults(turnId: string): void {
  const mocks = get().preferences.toolMockResults;
  const turn = get().conversation.turns.find((candidate) => candidate.id === turnId);
  turnToolCalls(turn).forEach((call, index) => {
    const mock = mocks[call.name];
    if (mock !== undefined) setToolResultDraft(turnId, index, mock);
  });
}

/** A hand-written assistant turn asking for one function call (an agent trace reproduced by hand). */
export function addToolCallTurn(call: { id: string; name: string; arguments: string }): string {
  const id = call.id.trim() || newId('call');
  const turn: Turn = {
    ...handWrittenTurn('assistant', ''),
    toolCalls: [{ id, type: 'function', name: call.name.trim(), arguments: call.arguments }],
  };
  set((state) => ({ conversation: { ...state.conversation, turns: [...state.conversation.turns, turn] } }));
  return id;
}

/** A hand-written tool turn: the result of the call with this id. */
export function addToolResultTurn(toolCallId: string, content: string): void {
  const turn = toolResultTurn(toolCallId.trim(), content);
  set((state) => ({ conversation: { ...state.conversation, turns: [...state.conversation.turns, turn] } }));
}
