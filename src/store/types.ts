import type { EndpointPresetId } from '../core/endpoints';
import type { ApiError, CallStatus, Usage } from '../core/contracts';
import type { TurnImage } from '../core/images';
import type { ClampNotes } from '../core/modelSwitch';
import type { ChatRequest, RequestSettings, TurnRole } from '../core/request';
import type { ReplyMetrics } from '../core/metrics';
import type { RequestJsonProblem } from '../core/requestJson';
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
  /** Automatic retries made so far for this send (missing: none). */
  retriesMade?: number;
}

export interface Turn {
  id: string;
  role: TurnRole;
  content: string;
  reasoning: string;
  excluded: boolean;
  reply: ReplyInfo | null;
  /** Images of a user turn (their bytes are in IndexedDB, see imageDatabase.ts); missing means none. */
  images?: TurnImage[];
}

export interface ConversationState {
  turns: Turn[];
  draft: string;
  /** Images attached to the draft, sent with it; missing means none. */
  draftImages?: TurnImage[];
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
  /** What the last model switch changed in a pinned value, shown by its control until the next change. */
  clampNotes: ClampNotes;
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
