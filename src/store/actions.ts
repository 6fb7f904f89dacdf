// Everything that changes the playground goes through these plain functions: they call core and setState.
// Sending, stopping and retrying live here, so components only render and dispatch.
import type { ApiError, CallOutcome } from '../core/contracts';
import { stallTimeoutRange } from '../core/stallTimeout';
import { chatCompletionsUrl, proxiedBaseUrl, upstreamBaseUrl, type EndpointPresetId } from '../core/endpoints';
import { modelInfo } from '../core/models';
import {
  buildChatRequest,
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
import { outgoingApiKey, presetBaseUrl, presetForBaseUrl } from './connectionSlice';
import { handWrittenTurn, moveItem } from './conversationSlice';
import { afterNextPaint, framesAreRunning } from './frameScheduler';
import { applyDelta, newReplyInfo } from './replyInfo';
import type * as ReplyStreamModule from './replyStream';
import { newId } from './ids';
import { clearKey } from './keyStorage';
import { recordHistory } from './libraryActions';
import { flushSavedState, usePlaygroundStore } from './index';
import { selectCanSend, toConversationTurn } from './selectors';
import type { ConnectionState, ReplyInfo, Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState;

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
  patchConnection({
    apiKey,
    keyOrigin:
      apiKey === '' ? null : connection.apiKey === '' ? upstreamOrigin(connection.baseUrl) : connection.keyOrigin,
  });
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

interface ActiveCall {
  turnId: string;
  controller: AbortController;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** The stream has ended and the reply settles once its final text has painted; `run` settles it now. */
  settling: { run(): void } | null;
}

/** At most one call at a time: two quick Sends never interleave two streams. */
let active: ActiveCall | null = null;

/** A reply that finished but waits for the next paint to settle, settled now: whatever comes next sees it done. */
function settleNow(): void {
  active?.settling?.run();
}

export function send(): void {
  settleNow();
  const state = get();
  if (!selectCanSend(state).ok || active) return;
  if (!keyMayGoToBaseUrl(send)) return;
  const { draft } = state.conversation;
  const turns =
    draft.trim() === '' ? state.conversation.turns : [...state.conversation.turns, handWrittenTurn('user', draft)];
  set((current) => ({ conversation: { ...current.conversation, turns, draft: '' } }));
  startReply(turns);
}

/** Replaces the last reply with a new one for the same conversation. */
export function regenerate(): void {
  settleNow();
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
  settleNow();
  const turn = get().conversation.turns.find((candidate) => candidate.id === turnId);
  if (active || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => retryReply(turnId, body))) return;
  // The same body, to the endpoint chosen now (e.g. the local proxy after a CORS failure; the key check above
  // was made for this URL).
  // `body` replaces the stored body when the retry changes it ("Raise max tokens and retry", thinkingActions.ts).
  const request = { ...turn.reply.request, baseUrl: get().connection.baseUrl, ...(body ? { body } : {}) };
  setTurns((turns) =>
    turns.map((candidate) =>
      candidate.id === turnId ? { ...candidate, content: '', reasoning: '', reply: newReplyInfo(request) } : candidate,
    ),
  );
  beginCall(turnId, request, 0, false);
}

/** Sends the conversation with the partial answer as the last assistant turn; the reply extends it. */
export function continueReply(turnId: string): void {
  settleNow();
  const { turns } = get().conversation;
  const index = turns.findIndex((candidate) => candidate.id === turnId);
  const turn = turns[index];
  if (active || !turn?.reply) return;
  if (!keyMayGoToBaseUrl(() => continueReply(turnId))) return;
  const request = requestFor(turns.slice(0, index + 1));
  setTurns((current) =>
    current.map((candidate) =>
      candidate.id === turnId && candidate.reply
        ? { ...candidate, reply: { ...newReplyInfo(request), metrics: candidate.reply.metrics } }
        : candidate,
    ),
  );
  beginCall(turnId, request, 0, true);
}

/** Aborts whatever is in flight (before the first byte, while thinking, while answering, while waiting to retry). */
export function stop(): void {
  settleNow();
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
  return buildChatRequest(connection.baseUrl, settings, turns.map(toConversationTurn));
}

function startReply(turns: readonly Turn[]): void {
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
  beginCall(turn.id, request, 0, false);
}

function patchReply(turnId: string, patch: (reply: ReplyInfo, turn: Turn) => Partial<ReplyInfo>): void {
  setTurns((turns) =>
    turns.map((turn) =>
      turn.id === turnId && turn.reply ? { ...turn, reply: { ...turn.reply, ...patch(turn.reply, turn) } } : turn,
    ),
  );
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
  const call: ActiveCall = { turnId, controller: new AbortController(), retryTimer: null, settling: null };
  active = call;
  set((state) => ({ ui: { ...state.ui, sending: true, selectedReplyId: null } }));
  void runCall(call, request, attempt, appending);
}

/** Set once the streaming call's module has loaded: from then on a send starts without waiting a tick. */
let replyStreamModule: typeof ReplyStreamModule | null = null;

/** The streaming call and its error handling load on first use (prefetched once the page is idle). */
export async function loadReplyStream(): Promise<typeof ReplyStreamModule> {
  replyStreamModule ??= await import('./replyStream');
  return replyStreamModule;
}

/** The streaming module, at once when it is loaded, else once it arrives (null: it could not be loaded). */
export function replyStreamWhenReady(): typeof ReplyStreamModule | Promise<typeof ReplyStreamModule | null> {
  return replyStreamModule ?? loadReplyStream().catch(() => null);
}

/** The reply could not start because its code did not arrive (offline after the page loaded, a new deploy). */
export const streamLoadError: ApiError = {
  kind: 'network',
  status: null,
  code: null,
  serverMessage: null,
  title: 'Part of the app failed to load',
  advice: 'Nothing was sent. Check your connection and reload the page, then send again.',
  retryable: false,
  retryAfterMs: null,
};

async function runCall(call: ActiveCall, request: ChatRequest, attempt: number, appending: boolean): Promise<void> {
  const ready = replyStreamWhenReady();
  const replyStream = ready instanceof Promise ? await ready : ready;
  if (active !== call) return;
  if (!replyStream) {
    patchReply(call.turnId, () => ({ status: 'error', error: streamLoadError, retry: null }));
    finishCall(call);
    return;
  }
  const { settledReply, streamReply } = replyStream;
  const { connection } = get();
  const url = chatCompletionsUrl(request.baseUrl);
  const previousMetrics = get().conversation.turns.find((turn) => turn.id === call.turnId)?.reply?.metrics;
  const outcome = await streamReply({
    request,
    apiKey: outgoingApiKey(connection),
    signal: call.controller.signal,
    crossOrigin: isCrossOrigin(url),
    stallTimeoutMs: connection.stallTimeoutSeconds * 1000,
    ...(appending && previousMetrics ? { initialMetrics: previousMetrics } : {}),
    fetch: (input, init) => window.fetch(input, init),
    accepts: () => active === call,
    commit: (delta) =>
      setTurns((turns) =>
        turns.map((turn) =>
          turn.id === call.turnId && turn.reply ? applyDelta({ ...turn, reply: turn.reply }, delta) : turn,
        ),
      ),
  });
  if (active !== call) return;
  const ended: EndedCall = { request, attempt, appending, outcome, finishedAt: Date.now(), settledReply };
  // A reply that completed: its final text paints first, then the reply settles (status, metrics, history, save —
  // work that re-renders the transcript). `active` stays set until then, so a Send in that frame settles it first.
  // Where no frames run (a background or frozen tab) nothing is painted to wait for: it settles at once.
  if (outcome.status === 'complete' && framesAreRunning()) {
    call.settling = afterNextPaint(() => {
      call.settling = null;
      if (active === call) settleCall(call, ended);
    });
    return;
  }
  settleCall(call, ended);
}

interface EndedCall {
  request: ChatRequest;
  attempt: number;
  appending: boolean;
  outcome: CallOutcome;
  finishedAt: number;
  settledReply: typeof ReplyStreamModule.settledReply;
}

/** The reply's final status, metrics and retry; into the history; then done, or the automatic retry. */
function settleCall(
  call: ActiveCall,
  { request, attempt, appending, outcome, finishedAt, settledReply }: EndedCall,
): void {
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
    setTurns((turns) =>
      turns.map((turn) =>
        turn.id === call.turnId && turn.reply
          ? {
              ...turn,
              content: appending ? turn.content : '',
              reasoning: appending ? turn.reasoning : '',
              reply: { ...turn.reply, status: 'waiting', error: null, retry: null },
            }
          : turn,
      ),
    );
    const next: ActiveCall = { ...call, controller: new AbortController(), retryTimer: null, settling: null };
    active = next;
    void runCall(next, request, attempt + 1, appending);
  }, retryDelay);
}
