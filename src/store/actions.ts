// Everything that changes the playground goes through these plain functions: they call core and setState.
// Sending, stopping and retrying live here, so components only render and dispatch.
import { chatCompletionsUrl, proxiedBaseUrl, upstreamBaseUrl, type EndpointPresetId } from '../core/endpoints';
import { modelInfo } from '../core/models';
import {
  buildRequestBody,
  clamp,
  clampMaxTokens,
  clampTemperature,
  clampTopP,
  defaultSettingsFor,
  type ChatRequest,
  type RequestSettings,
  type TunableParameter,
  type TurnRole,
} from '../core/request';
import { presetBaseUrl, presetForBaseUrl, stallTimeoutRange } from './connectionSlice';
import { handWrittenTurn, moveItem } from './conversationSlice';
import { applyDelta, newReplyInfo, settledReply, streamReply } from './replyStream';
import { newId } from './ids';
import { clearKey } from './keyStorage';
import { recordHistory } from './libraryActions';
import { flushSavedState, usePlaygroundStore } from './index';
import { selectCanSend, toConversationTurn } from './selectors';
import type { ConnectionState, ReplyInfo, Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState;

/** The demo endpoint never receives the user's real key. */
export const demoKey = 'offline-demo';

// ---- connection -------------------------------------------------------------------------------------

function patchConnection(patch: Partial<ConnectionState>): void {
  set((state) => ({ connection: { ...state.connection, ...patch } }));
}

/** The origin a base URL really talks to (the proxy and the demo count as their upstream). */
export function upstreamOrigin(baseUrl: string): string | null {
  try {
    return new URL(upstreamBaseUrl(baseUrl), window.location.href).origin;
  } catch {
    return null;
  }
}

export function setApiKey(key: string): void {
  // Pasted keys often carry a newline or spaces; a key never contains white space.
  const apiKey = key.replace(/\s+/g, '');
  const { connection } = get();
  patchConnection({ apiKey, keyOrigin: apiKey === '' ? null : connection.apiKey === '' ? upstreamOrigin(connection.baseUrl) : connection.keyOrigin });
}

/** Seconds without a byte before a stream counts as stalled; returns the clamped value. */
export function setStallTimeout(seconds: number): number {
  const stallTimeoutSeconds = Math.round(clamp(seconds, stallTimeoutRange.min, stallTimeoutRange.max));
  patchConnection({ stallTimeoutSeconds });
  return stallTimeoutSeconds;
}

export function setRememberKey(rememberKey: boolean): void {
  patchConnection({ rememberKey });
}

export function forgetKey(): void {
  clearKey();
  patchConnection({ apiKey: '', keyOrigin: null });
}

export function setEndpoint(endpointId: EndpointPresetId): void {
  const baseUrl = presetBaseUrl(endpointId);
  patchConnection(baseUrl === null ? { endpointId } : { endpointId, baseUrl });
}

export function setBaseUrl(baseUrl: string): void {
  patchConnection({ baseUrl, endpointId: presetForBaseUrl(baseUrl) });
}

/** After a CORS failure: same upstream, through the app's own same-origin proxy. */
export function switchToProxy(): void {
  // A pending automatic retry would go to the blocked URL again: cancel it, so Retry goes through the proxy.
  if (active?.retryTimer) stop();
  const current = get().connection.baseUrl;
  const proxied = proxiedBaseUrl(current) ?? presetBaseUrl('proxy') ?? current;
  setBaseUrl(proxied);
}

let afterKeyConfirmation: (() => void) | null = null;

export function confirmKeyForOrigin(): void {
  const confirmation = get().ui.keyConfirmation;
  if (!confirmation) return;
  patchConnection({ keyOrigin: confirmation.targetOrigin });
  set((state) => ({ ui: { ...state.ui, keyConfirmation: null } }));
  const pending = afterKeyConfirmation;
  afterKeyConfirmation = null;
  pending?.();
}

export function cancelKeyConfirmation(): void {
  afterKeyConfirmation = null;
  set((state) => ({ ui: { ...state.ui, keyConfirmation: null } }));
}

/** True when the key may go to the current base URL; otherwise asks and runs `then` once confirmed. */
export function keyMayGoToBaseUrl(then: () => void): boolean {
  const { connection } = get();
  if (connection.endpointId === 'demo' || connection.apiKey === '') return true;
  const target = upstreamOrigin(connection.baseUrl);
  if (target === null) return true;
  if (connection.keyOrigin === null) {
    patchConnection({ keyOrigin: target });
    return true;
  }
  if (connection.keyOrigin === target) return true;
  afterKeyConfirmation = then;
  set((state) => ({ ui: { ...state.ui, keyConfirmation: { targetOrigin: target } } }));
  return false;
}

// ---- settings ---------------------------------------------------------------------------------------

function patchSettings(patch: Partial<RequestSettings>): void {
  set((state) => ({ settings: { ...state.settings, ...patch } }));
}

export function setModel(id: string): void {
  const { settings } = get();
  set({ settings: defaultSettingsFor(id, settings) });
}

export function setThinking(thinking: boolean): void {
  patchSettings({ thinking });
}

export function setPreserveReasoning(preserveReasoning: boolean): void {
  patchSettings({ preserveReasoning });
}

export function setStream(stream: boolean): void {
  patchSettings({ stream });
}

export function setTemperature(value: number): number {
  const temperature = clampTemperature(value);
  patchSettings({ temperature });
  return temperature;
}

export function setTopP(value: number): number {
  const topP = clampTopP(value);
  patchSettings({ topP });
  return topP;
}

export function setMaxTokens(value: number): number {
  const maxTokens = clampMaxTokens(value, modelInfo(get().settings.model));
  patchSettings({ maxTokens });
  return maxTokens;
}

export function setPinned(parameter: TunableParameter, pinned: boolean): void {
  set((state) => ({ settings: { ...state.settings, pinned: { ...state.settings.pinned, [parameter]: pinned } } }));
}

export function setSystemPrompt(systemPrompt: string): void {
  patchSettings({ systemPrompt });
}

// ---- conversation -----------------------------------------------------------------------------------

export function setDraft(draft: string): void {
  set((state) => ({ conversation: { ...state.conversation, draft } }));
}

function setTurns(update: (turns: Turn[]) => Turn[]): void {
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

export function deleteTurn(id: string): void {
  if (active?.turnId === id) stop();
  setTurns((turns) => turns.filter((turn) => turn.id !== id));
  set((state) => (state.ui.selectedReplyId === id ? { ui: { ...state.ui, selectedReplyId: null } } : state));
}

export function moveTurn(id: string, offset: -1 | 1): void {
  setTurns((turns) => moveItem(turns, turns.findIndex((turn) => turn.id === id), offset));
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

// ---- sending ----------------------------------------------------------------------------------------

interface ActiveCall {
  turnId: string;
  controller: AbortController;
  retryTimer: ReturnType<typeof setTimeout> | null;
}

/** At most one call at a time: two quick Sends never interleave two streams. */
let active: ActiveCall | null = null;

export function send(): void {
  const state = get();
  if (!selectCanSend(state).ok || active) return;
  if (!keyMayGoToBaseUrl(send)) return;
  const { draft } = state.conversation;
  const turns = draft.trim() === '' ? state.conversation.turns : [...state.conversation.turns, handWrittenTurn('user', draft)];
  set((current) => ({ conversation: { ...current.conversation, turns, draft: '' } }));
  startReply(turns);
}

/** Replaces the last reply with a new one for the same conversation. */
export function regenerate(): void {
  const { turns } = get().conversation;
  const last = turns[turns.length - 1];
  if (active || !last || last.role !== 'assistant' || !last.reply) return;
  if (!keyMayGoToBaseUrl(regenerate)) return;
  const remaining = turns.slice(0, -1);
  setTurns(() => remaining);
  startReply(remaining);
}

/** Sends the same request again into the same turn (after interrupted, stalled or error). */
export function retryReply(turnId: string, body?: ChatRequest['body']): void {
  const turn = get().conversation.turns.find((candidate) => candidate.id === turnId);
  if (active || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => retryReply(turnId, body))) return;
  // The same body, to the endpoint chosen now (e.g. the local proxy after a CORS failure; the key check above
  // was made for this URL).
  // `body` replaces the stored body when the retry changes it ("Raise max tokens and retry", thinkingActions.ts).
  const request = { ...turn.reply.request, baseUrl: get().connection.baseUrl, ...(body ? { body } : {}) };
  setTurns((turns) => turns.map((candidate) => (candidate.id === turnId ? { ...candidate, content: '', reasoning: '', reply: newReplyInfo(request) } : candidate)));
  beginCall(turnId, request, 0, false);
}

/** Sends the conversation with the partial answer as the last assistant turn; the reply extends it. */
export function continueReply(turnId: string): void {
  const { turns } = get().conversation;
  const index = turns.findIndex((candidate) => candidate.id === turnId);
  const turn = turns[index];
  if (active || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => continueReply(turnId))) return;
  const request = requestFor(turns.slice(0, index + 1));
  setTurns((current) => current.map((candidate) => (candidate.id === turnId && candidate.reply ? { ...candidate, reply: { ...newReplyInfo(request), metrics: candidate.reply.metrics } } : candidate)));
  beginCall(turnId, request, 0, true);
}

/** Aborts whatever is in flight (before the first byte, while thinking, while answering, while waiting to retry). */
export function stop(): void {
  const call = active;
  if (!call) return;
  if (call.retryTimer !== null) {
    clearTimeout(call.retryTimer);
    patchReply(call.turnId, () => ({ retry: null }));
    finishCall(call);
    return;
  }
  call.controller.abort();
}

function requestFor(turns: readonly Turn[]): ChatRequest {
  const { settings, connection } = get();
  return { baseUrl: connection.baseUrl, body: buildRequestBody(settings, turns.map(toConversationTurn)) };
}


function startReply(turns: readonly Turn[]): void {
  const request = requestFor(turns);
  const turn: Turn = { id: newId('turn'), role: 'assistant', content: '', reasoning: '', excluded: false, reply: newReplyInfo(request) };
  setTurns((current) => [...current, turn]);
  beginCall(turn.id, request, 0, false);
}

function patchReply(turnId: string, patch: (reply: ReplyInfo, turn: Turn) => Partial<ReplyInfo>): void {
  setTurns((turns) => turns.map((turn) => (turn.id === turnId && turn.reply ? { ...turn, reply: { ...turn.reply, ...patch(turn.reply, turn) } } : turn)));
}

function finishCall(call: ActiveCall): void {
  if (active === call) active = null;
  set((state) => ({ ui: { ...state.ui, sending: active !== null } }));
  flushSavedState();
}

export function isCrossOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin !== window.location.origin;
  } catch {
    return false;
  }
}

function beginCall(turnId: string, request: ChatRequest, attempt: number, appending: boolean): void {
  const call: ActiveCall = { turnId, controller: new AbortController(), retryTimer: null };
  active = call;
  set((state) => ({ ui: { ...state.ui, sending: true, selectedReplyId: null } }));
  void runCall(call, request, attempt, appending);
}

async function runCall(call: ActiveCall, request: ChatRequest, attempt: number, appending: boolean): Promise<void> {
  const { connection } = get();
  const url = chatCompletionsUrl(request.baseUrl);
  const previousMetrics = get().conversation.turns.find((turn) => turn.id === call.turnId)?.reply?.metrics;
  const outcome = await streamReply({
    request,
    apiKey: connection.endpointId === 'demo' ? demoKey : connection.apiKey,
    signal: call.controller.signal,
    crossOrigin: isCrossOrigin(url),
    stallTimeoutMs: connection.stallTimeoutSeconds * 1000,
    ...(appending && previousMetrics ? { initialMetrics: previousMetrics } : {}),
    fetch: (input, init) => window.fetch(input, init),
    accepts: () => active === call,
    commit: (delta) => setTurns((turns) => turns.map((turn) => (turn.id === call.turnId && turn.reply ? applyDelta({ ...turn, reply: turn.reply }, delta) : turn))),
  });
  if (active !== call) return;

  const finishedAt = Date.now();
  let retry: ReplyInfo['retry'] = null;
  setTurns((turns) =>
    turns.map((turn) => {
      if (turn.id !== call.turnId || !turn.reply) return turn;
      const reply = settledReply(turn.reply, turn.content, outcome, attempt, finishedAt, Math.random);
      retry = reply.retry;
      return { ...turn, reply };
    }),
  );
  // Every request sent goes into the history, however it ended (each retry attempt is a request of its own).
  recordHistory(call.turnId);
  const retryDelay: number | null = (retry as ReplyInfo['retry'])?.delayMs ?? null;
  if (retryDelay === null) {
    finishCall(call);
    return;
  }
  call.retryTimer = setTimeout(() => {
    if (active !== call) return;
    setTurns((turns) => turns.map((turn) => (turn.id === call.turnId && turn.reply ? { ...turn, content: appending ? turn.content : '', reasoning: appending ? turn.reasoning : '', reply: { ...turn.reply, status: 'waiting', error: null, retry: null } } : turn)));
    const next: ActiveCall = { ...call, controller: new AbortController(), retryTimer: null };
    active = next;
    void runCall(next, request, attempt + 1, appending);
  }, retryDelay);
}

