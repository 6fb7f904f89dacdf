// Requests that come in as a whole: the JSON tab's edited body, a share link and a pasted cURL command. Parsing
// is in core (requestJson, shareLink, curlImport); this module applies the result to the store.
import { hasMessageText, messageContent, type AttachedText } from '../core/messageContent';
import { settingsFromParsed } from '../core/bodySettings';
import { parseRequestJson, type ParsedRequest, type RequestJsonResult } from '../core/requestJson';
import type { ConversationTurn } from '../core/request';
import { reasoningGoesBack, sentTurns } from '../core/sentTurns';
import { encodeShareFragment, type EncodeResult, type SharedRequest } from '../core/shareLink';
import { setApiKey, setBaseUrl, setEndpoint, upstreamOrigin } from './connectionActions';
import { findTurn, handWrittenTurn } from './conversationSlice';
import { usePlaygroundStore } from './index';
import { newConversation } from './libraryActions';
import { selectRequestBody } from './selectors';
import { imagesForUrls, imagesFromUrls } from './turnImages';
import type { Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

/** A new turn for a message read from a request, its images kept (see turnImages.ts). */
function turnFromParsed(parsed: ConversationTurn): Turn {
  const turn = { ...handWrittenTurn(parsed.role, parsed.content), reasoning: parsed.reasoning ?? '' };
  return {
    ...withToolParts(turn, parsed),
    ...(parsed.imageUrls?.length ? { images: imagesFromUrls(parsed.imageUrls) } : {}),
  };
}

/** The turn with the message's tool calls or the call id it answers (the results being typed are kept). */
function withToolParts(turn: Turn, parsed: ConversationTurn): Turn {
  const { toolCalls: _shown, toolCallId: _answered, ...rest } = turn;
  const drafts = turn.toolCalls ?? [];
  return {
    ...rest,
    ...(parsed.toolCalls?.length
      ? { toolCalls: parsed.toolCalls.map((call, index) => ({ ...call, resultDraft: drafts[index]?.resultDraft })) }
      : {}),
    ...(parsed.toolCallId === undefined ? {} : { toolCallId: parsed.toolCallId }),
  };
}

function sameToolParts(turn: Turn, parsed: ConversationTurn): boolean {
  const shown = (turn.toolCalls ?? []).map(({ id, type, name, arguments: text }) => ({
    id,
    type,
    name,
    arguments: text,
  }));
  return JSON.stringify(shown) === JSON.stringify(parsed.toolCalls ?? []) && turn.toolCallId === parsed.toolCallId;
}

// ---- the JSON tab -----------------------------------------------------------------------------------

/**
 * Applies the JSON tab's text. Valid text updates the form and the conversation in place: message N edits the
 * N-th sent turn (keeping its id and reply), extra messages become new turns, missing ones are removed; excluded
 * turns stay. A last user message stands for the Message box when it has text. Invalid text is kept as a draft
 * with its problems, which blocks Send (selectCanSend) until it is fixed or discarded.
 */
export function editRequestJson(text: string): RequestJsonResult {
  const result = parseRequestJson(text);
  const state = get();
  if (state.ui.sending) return result;
  if (!result.ok) {
    set({ ui: { ...state.ui, requestJsonDraft: { text, problems: result.problems } } });
    return result;
  }
  const settings = settingsFromParsed(result, state.settings);
  const baseUrl = state.connection.baseUrl;
  // Reasoning the tab did not show (preserved thinking was off) is kept unless the text now gives one.
  const reasoningShown = reasoningGoesBack(state.settings, baseUrl) && reasoningGoesBack(settings, baseUrl);
  const parsedTurns = [...result.turns];
  // The tab showed buildRequestBody's choice of turns as messages.
  const sentIds = sentTurns(state.conversation.turns, state.settings, baseUrl).map((turn) => turn.id);
  // The tab showed the Message box's text as one more user message after the sent turns.
  let draft = '';
  let draftImages: Turn['images'] = [];
  let keptTexts: AttachedText[] = [];
  const lastParsed = parsedTurns[parsedTurns.length - 1];
  const { draftImages: shownImages = [], draftTexts = [] } = state.conversation;
  const hadDraft = hasMessageText(state.conversation.draft, draftTexts) || shownImages.length > 0;
  if (hadDraft && parsedTurns.length > sentIds.length && lastParsed?.role === 'user') {
    // The message as shown, unchanged: its attached texts stay attached (not megabytes in the box).
    const unchanged = lastParsed.content === messageContent(state.conversation.draft, draftTexts);
    draft = unchanged ? state.conversation.draft : lastParsed.content;
    keptTexts = unchanged ? draftTexts : [];
    draftImages = imagesForUrls(lastParsed.imageUrls, shownImages, state) ?? [];
    parsedTurns.pop();
  }
  const updates = new Map<string, Turn | null>();
  sentIds.forEach((id, index) => {
    const turn = findTurn(state.conversation.turns, id) as Turn;
    const parsed = parsedTurns[index];
    if (!parsed) {
      updates.set(id, null);
      return;
    }
    const reasoning = parsed.reasoning ?? (reasoningShown ? '' : turn.reasoning);
    const images = imagesForUrls(parsed.imageUrls, turn.images, state);
    const changed = parsed.role !== turn.role || parsed.content !== turn.content || reasoning !== turn.reasoning;
    if (changed || images !== turn.images || !sameToolParts(turn, parsed)) {
      const updated = { ...turn, role: parsed.role, content: parsed.content, reasoning, images };
      updates.set(id, withToolParts(updated, parsed));
    }
  });
  const added = parsedTurns.slice(sentIds.length).map(turnFromParsed);
  const turns =
    updates.size === 0 && added.length === 0
      ? state.conversation.turns
      : [
          ...state.conversation.turns.flatMap((turn) =>
            updates.has(turn.id) ? (updates.get(turn.id) ? [updates.get(turn.id) as Turn] : []) : [turn],
          ),
          ...added,
        ];
  set({
    settings,
    conversation: { ...state.conversation, turns, draft, draftImages, draftTexts: keptTexts },
    ui: { ...get().ui, requestJsonDraft: null }, // get(): imported images were just kept there
  });
  return result;
}

export { discardRequestJsonEdit } from './actions';

// ---- share links ------------------------------------------------------------------------------------

/** The current request as a link fragment (or why it cannot be one). Never carries the key or a base URL. */
export function currentShareFragment(): EncodeResult {
  const state = get();
  return encodeShareFragment({
    body: selectRequestBody(state),
    endpointId: state.connection.endpointId,
    apiKey: state.connection.apiKey,
  });
}

// ---- opening a whole request (share link, cURL) --------------------------------------------------------

/**
 * The request goes into the composer: settings, system prompt, turns, and a last user message into the Message
 * box. A working copy with content is kept: the request opens as a new conversation (the old one stays in the
 * list). Refused (false) while a reply streams.
 */
export function openRequest(request: ParsedRequest): boolean {
  if (get().ui.sending) return false;
  const current = get().conversation;
  const hasDraft = hasMessageText(current.draft, current.draftTexts);
  if ((current.turns.length > 0 || hasDraft) && newConversation() === null) return false;
  const state = get();
  const settings = settingsFromParsed(request, state.settings);
  const parsedTurns = [...request.turns];
  const last = parsedTurns[parsedTurns.length - 1];
  const draft = last?.role === 'user' ? last.content : '';
  const draftImages = last?.role === 'user' ? imagesFromUrls(last.imageUrls ?? []) : [];
  if (last?.role === 'user') parsedTurns.pop();
  const turns = parsedTurns.map(turnFromParsed);
  set({
    settings,
    conversation: { ...state.conversation, turns, draft, draftImages, draftTexts: [] },
    ui: { ...get().ui, selectedReplyId: null, requestJsonDraft: null }, // get(): with the images just kept
  });
  return true;
}

/** A shared request; its endpoint preset only when the user chose to switch (a link never sets a base URL). */
export function openSharedRequest(shared: SharedRequest, switchEndpoint: boolean): boolean {
  if (!openRequest(shared)) return false;
  if (switchEndpoint && shared.endpointId) setEndpoint(shared.endpointId);
  return true;
}

export interface CurlChoices {
  /** The endpoint from the command, when the user agreed to use it. */
  baseUrl: string | null;
  /** The key from the command, when the user agreed to use it. */
  apiKey: string | null;
  /** Where the command sent the key: the key is recorded as entered for that server. */
  commandBaseUrl: string | null;
}

export function openCurlRequest(request: ParsedRequest, choices: CurlChoices): boolean {
  if (!openRequest(request)) return false;
  if (choices.baseUrl !== null) setBaseUrl(choices.baseUrl);
  if (choices.apiKey !== null) {
    setApiKey(choices.apiKey);
    const origin = upstreamOrigin(choices.commandBaseUrl ?? get().connection.baseUrl);
    set((state) => ({ connection: { ...state.connection, keyOrigin: origin } }));
  }
  return true;
}
