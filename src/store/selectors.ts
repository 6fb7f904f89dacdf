import { toolsSendProblem } from '../core/toolValidation';
import { takesWebSearch } from '../core/toolBody';
import { selectToolProblems } from './toolDefinitionSelectors';
import { metricFigures, type MetricFigures } from '../core/metricFigures';
import { hasMessageText, messageContent } from '../core/messageContent';
import { modelInfo } from '../core/models';
import {
  buildRequestBody,
  settingsModel,
  type ChatRequest,
  type ChatRequestBody,
  type ConversationTurn,
} from '../core/request';
import { reasoningGoesBack, sentTurns } from '../core/sentTurns';
import { isDemoEndpoint } from './connectionSlice';
import { findTurn } from './conversationSlice';
import { imagesSendProblem, sentImageUrls } from './imageSelectors';
import { isLiveStatus } from './replyInfo';
import { onRuntimeReset } from './runtime';
import type { ToolCall } from '../core/toolCalls';
import { hasVisibleText } from '../core/visibleText';
import type {
  ConnectionState,
  ConversationState,
  PlaygroundState,
  ReplyInfo,
  Turn,
  TurnToolCall,
  UiState,
} from './types';

// Per turns array, where each turn is: the transcript runs several selectors per turn on every store change (a
// keystroke), and searching 500 turns from each of them would make typing slower the longer the conversation.
const turnPositions = new WeakMap<readonly Turn[], Map<string, number>>();

/** Where the turn with this id is in the working conversation; -1 when it is not there. */
export function selectTurnIndex(state: PlaygroundState, turnId: string): number {
  const { turns } = state.conversation;
  let positions = turnPositions.get(turns);
  if (!positions) {
    positions = new Map(turns.map((turn, index) => [turn.id, index]));
    turnPositions.set(turns, positions);
  }
  const index = positions.get(turnId);
  // Checked, so that an array changed in place after it was indexed is searched instead of misread.
  if (index !== undefined && turns[index]?.id === turnId) return index;
  return turns.findIndex((turn) => turn.id === turnId);
}

/** The turn with this id in the working conversation, if it is still there. */
export function selectTurn(state: PlaygroundState, turnId: string): Turn | undefined {
  return state.conversation.turns[selectTurnIndex(state, turnId)];
}

/** What the turns Send would send are made of. */
export interface PendingTurnsSource {
  conversation: Pick<ConversationState, 'turns' | 'draft' | 'draftImages' | 'draftTexts'>;
  connection: Pick<ConnectionState, 'baseUrl'>;
  ui: Pick<UiState, 'imageBytes'>;
}

/** The turns Send would send: the transcript plus the draft (its attached texts and images) as a new user turn. */
export function pendingTurns(state: PendingTurnsSource): ConversationTurn[] {
  const turns: ConversationTurn[] = state.conversation.turns.map((turn) => toConversationTurn(turn, state));
  const { draft, draftImages = [], draftTexts = [] } = state.conversation;
  if (hasMessageText(draft, draftTexts) || draftImages.length > 0) {
    const content = messageContent(draft, draftTexts);
    turns.push(withImageUrls({ role: 'user', content }, sentImageUrls(draftImages, state)));
  }
  return turns;
}

export function toConversationTurn(turn: Turn, source: Omit<PendingTurnsSource, 'conversation'>): ConversationTurn {
  const conversationTurn: ConversationTurn = {
    role: turn.role,
    content: turn.content,
    reasoning: turn.reasoning,
    excluded: turn.excluded,
  };
  if (turn.toolCalls?.length) conversationTurn.toolCalls = turn.toolCalls.map(sentToolCall);
  if (turn.toolCallId !== undefined) conversationTurn.toolCallId = turn.toolCallId;
  return withImageUrls(conversationTurn, sentImageUrls(turn.images, source));
}

/** The call as it goes back: without the result being written for it. */
function sentToolCall({ id, type, name, arguments: text }: TurnToolCall): ToolCall {
  return { id, type, name, arguments: text };
}

function withImageUrls(turn: ConversationTurn, imageUrls: string[]): ConversationTurn {
  return imageUrls.length > 0 ? { ...turn, imageUrls } : turn;
}

// Memoised on the inputs so that the Request preview does not re-render on unrelated changes.
let lastBody: { inputs: unknown[]; body: ChatRequestBody } | null = null;
onRuntimeReset(() => {
  lastBody = null;
});
export function selectRequestBody(state: PlaygroundState): ChatRequestBody {
  const { settings, conversation, connection, ui } = state;
  const { turns, draft, draftImages, draftTexts } = conversation;
  const inputs: unknown[] = [settings, turns, draft, draftImages, draftTexts];
  // The endpoint decides which reasoning goes back and the form images are sent in (from the bytes in memory).
  inputs.push(connection.baseUrl, ui.imageBytes);
  if (lastBody && lastBody.inputs.every((input, index) => input === inputs[index])) return lastBody.body;
  const body = buildRequestBody(settings, pendingTurns(state), connection.baseUrl);
  lastBody = { inputs, body };
  return body;
}

export function selectPendingRequest(state: PlaygroundState): ChatRequest {
  return { baseUrl: state.connection.baseUrl, body: selectRequestBody(state) };
}

// Per reply object: every update replaces the reply, so an unchanged reply keeps its figures across renders.
const replyFigures = new WeakMap<ReplyInfo, MetricFigures>();

/** The figures shown for a reply: its metrics with its usage, priced by the model it was sent to. */
export function selectReplyFigures(reply: ReplyInfo): MetricFigures {
  let figures = replyFigures.get(reply);
  if (!figures) {
    figures = metricFigures(reply.metrics, reply.usage, modelInfo(reply.request.body.model));
    replyFigures.set(reply, figures);
  }
  return figures;
}

export function selectDisplayedReply(state: PlaygroundState): Turn | null {
  const { turns } = state.conversation;
  const selected = state.ui.selectedReplyId;
  if (selected) {
    const turn = findTurn(turns, selected);
    if (turn?.reply) return turn;
  }
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    if (turn?.reply) return turn;
  }
  return null;
}

export const savedStateLoadingText = 'Loading your saved conversations…';

export interface SendReadiness {
  ok: boolean;
  reason: string | null;
}

export function selectCanSend(state: PlaygroundState): SendReadiness {
  const callReadiness = selectCanCall(state);
  if (!callReadiness.ok) return callReadiness;
  const { draft, draftImages = [], draftTexts } = state.conversation;
  const draftHasText = hasMessageText(draft, draftTexts);
  const hasDraft = draftHasText || draftImages.length > 0;
  // Judged on the messages that would go out: excluded and empty turns are not sent. A draft with text is a user
  // message that goes out last, so the transcript needs looking at only without one.
  const turns = draftHasText ? [] : sentTurns(pendingTurns(state), state.settings, state.connection.baseUrl);
  const last = turns[turns.length - 1];
  // A tool result (written by hand) is answered by the model like a user message.
  if (!hasDraft && (!last || last.role === 'assistant')) return { ok: false, reason: 'Type a message first.' };
  if (!draftHasText && !turns.some((turn) => turn.role === 'user'))
    return { ok: false, reason: 'The conversation needs at least one user message.' };
  // Images are never dropped silently: a text-only model or missing bytes stop Send with the reason.
  const imageProblem = imagesSendProblem(state);
  if (imageProblem) return { ok: false, reason: imageProblem };
  return { ok: true, reason: null };
}

/** Whether any request can go out now (Send, Send tool results): nothing in flight, the JSON tab, endpoint, key, model. */
export function selectCanCall(state: PlaygroundState): SendReadiness {
  if (state.ui.savedStateLoading) return { ok: false, reason: savedStateLoadingText };
  if (state.ui.sending) return { ok: false, reason: 'A reply is on its way — Stop it first.' };
  const jsonProblem = state.ui.requestJsonDraft?.problems[0];
  if (jsonProblem)
    return {
      ok: false,
      reason: `Fix the request JSON first: ${jsonProblem.line === undefined ? '' : `line ${jsonProblem.line}: `}${jsonProblem.message}`,
    };
  const toolsProblem = toolsSendProblem(
    state.settings.tools,
    selectToolProblems(state),
    takesWebSearch(settingsModel(state.settings)),
  );
  if (toolsProblem) return { ok: false, reason: toolsProblem };
  if (state.connection.baseUrl.trim() === '') return { ok: false, reason: 'Choose an endpoint or enter a Base URL.' };
  if (state.connection.apiKey === '' && !isDemoEndpoint(state.connection))
    return { ok: false, reason: 'Add your API key first (or pick the Offline demo endpoint).' };
  if (state.settings.model.trim() === '') return { ok: false, reason: 'Choose a model.' };
  return { ok: true, reason: null };
}

/** Is this the id of the last turn and a model reply (what Regenerate replaces)? */
export function selectCanRegenerate(state: PlaygroundState): boolean {
  const last = state.conversation.turns[state.conversation.turns.length - 1];
  return !state.ui.sending && last?.role === 'assistant' && last.reply !== null;
}

/**
 * Can "Continue" carry this reply on? Only when there is something to go on from in the request: answer text, or
 * reasoning that goes back (without either, Continue would send the very request Retry sends).
 */
export function selectCanContinue(state: PlaygroundState, turnId: string): boolean {
  const turn = selectTurn(state, turnId);
  // Only an ended reply can be continued; a live one is not read (its text grows on every frame).
  if (!turn?.reply || isLiveStatus(turn.reply.status)) return false;
  if (hasVisibleText(turn.content)) return true;
  return turn.reasoning !== '' && reasoningGoesBack(state.settings, state.connection.baseUrl);
}
