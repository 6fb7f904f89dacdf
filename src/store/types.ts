import type { EndpointPresetId } from '../core/endpoints';
import type { ApiError, CallStatus, Usage, WebSearchSource } from '../core/contracts';
import type { TurnImage } from '../core/images';
import type { AttachedText } from '../core/messageContent';
import type { ClampNotes } from '../core/modelSwitch';
import type { ChatRequest, RequestSettings, TurnRole } from '../core/request';
import type { ReplyMetrics } from '../core/metrics';
import type { ToolCall } from '../core/toolCalls';
import type { RequestJsonProblem } from '../core/requestJson';
import type { JsonSchemaChecker } from '../core/jsonSchema/validation';
import type { HistoryState } from './historySlice';
import type { LibraryState } from './librarySlice';
import type { PresetsState } from './presetsSlice';
import type { PreferencesState } from './preferencesSlice';
import type { CompareState } from './compareSlice';

export interface ConnectionState {
  /** Trimmed; stored apart from the rest (see keyStorage.ts). */
  apiKey: string;
  rememberKey: boolean;
  endpointId: EndpointPresetId;
  baseUrl: string;
  /** The upstream origin the key was entered for; the key goes nowhere else without asking. */
  keyOrigin: string | null;
  /** A stream with no byte for this long is reported as stalled. */
  stallTimeoutSeconds: number;
}

export type ReplyStatus = 'waiting' | 'streaming' | Exclude<CallStatus, never>;

export interface ReplyInfo {
  status: ReplyStatus;
  /** Exactly what was sent, for "View code" and history. */
  request: ChatRequest;
  error: ApiError | null;
  finishReason: string | null;
  usage: Usage | null;
  metrics: ReplyMetrics;
  warnings: string[];
  retry: { attempt: number; delayMs: number; at: number } | null;
  /** Web search results the reply carried (docs/wire-format.md#web-search); missing means none. */
  webSearchSources?: WebSearchSource[];
  /** The attempts before "Continue" extended this reply, oldest first (each measured on its own); missing means none. */
  earlierParts?: ReplyPart[];
  /** Automatic retries made so far for this send (missing: none). */
  retriesMade?: number;
}

/** A tool call on an assistant turn, with the result the user is writing for it (kept across reloads until sent). */
export interface TurnToolCall extends ToolCall {
  resultDraft?: string;
}

/** One attempt of a continued reply: how that request ended and what it measured. */
export type ReplyPart = Pick<ReplyInfo, 'status' | 'finishReason' | 'usage' | 'metrics'>;

export interface Turn {
  id: string;
  role: TurnRole;
  content: string;
  reasoning: string;
  excluded: boolean;
  reply: ReplyInfo | null;
  /** Images of a user turn (their bytes are in IndexedDB, see imageDatabase.ts); missing means none. */
  images?: TurnImage[];
  /** An assistant turn's tool calls, as received or as edited before answering; missing means none. */
  toolCalls?: TurnToolCall[];
  /** A tool turn: the id of the call it answers. */
  toolCallId?: string;
  /** Other replies in this place (Regenerate, or a branch kept by "Save & resend"); missing means none. */
  alternatives?: TurnAlternative[];
  /** Where this turn's own reply sits among its alternatives (0-based); missing means after them all. */
  alternativeIndex?: number;
  /** An earlier turn was edited after this reply came, so it answers a conversation that no longer exists. */
  stale?: boolean;
}

/** A whole snapshot of a turn's fields (whatever fields turns carry), without its identity and alternatives. */
export type TurnFields = Omit<Turn, 'id' | 'alternatives' | 'alternativeIndex'>;

/** An alternative reply, with the turns that followed it when it was shown (its branch of the conversation). */
export type TurnAlternative = TurnFields & { followingTurns?: Turn[] };

export interface ConversationState {
  turns: Turn[];
  draft: string;
  /** Images attached to the draft, sent with it; missing means none. */
  draftImages?: TurnImage[];
  /** Long pasted texts attached to the draft, sent before the typed text (core/messageContent.ts); missing means none. */
  draftTexts?: AttachedText[];
}

export interface Notice {
  id: string;
  level: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

export interface UiState {
  selectedReplyId: string | null;
  keyConfirmation: { targetOrigin: string } | null;
  notices: Notice[];
  sending: boolean;
  /** The JSON tab's text while it has problems (then Send is blocked with the reason); null when it matches the form. */
  requestJsonDraft: { text: string; problems: RequestJsonProblem[] } | null;
  /** Image bytes (base64) by image id as read from IndexedDB; null when this browser has none. Never persisted. */
  imageBytes: Record<string, string | null>;
  /** The JSON Schema checker once loaded (store/index.ts loads it when there are tools); never persisted. */
  schemaChecker: JsonSchemaChecker | null;
  /** The last deleted turn, for Undo while its notice shows (turnUndo.ts); missing means none. Never persisted. */
  deletedTurn?: DeletedTurn | null;
  /** What the last model switch changed in a pinned value, shown by its control until the next change. */
  clampNotes: ClampNotes;
  /** The saved state is still being read (from IndexedDB): nothing is sent or saved until it is in. Missing: false. */
  savedStateLoading?: boolean;
}

export interface DeletedTurn {
  turn: Turn;
  /** Where it was in the transcript. */
  index: number;
  /** The conversation it belonged to: Undo puts it back only there. */
  conversationId: string;
}

export interface PlaygroundState {
  connection: ConnectionState;
  settings: RequestSettings;
  conversation: ConversationState;
  ui: UiState;
  /** Saved conversations (librarySlice.ts); the working copy above belongs to library.activeId. */
  library: LibraryState;
  /** Requests sent, newest first (historySlice.ts). */
  history: HistoryState;
  /** The user's own presets (presetsSlice.ts). */
  presets: PresetsState;
  /** Reasoning display choices and the presenter view (preferencesSlice.ts). */
  preferences: PreferencesState;
  /** Compare mode (compareSlice.ts); saved with its columns and last replies (compareSaving.ts). */
  compare: CompareState;
}
