// Shared shapes between the streaming client, error mapping, the store and codegen.
// Implementations live in streaming.ts and errors.ts; this file is types only.

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
}

export type FinishReason =
  'stop' | 'length' | 'tool_calls' | 'sensitive' | 'network_error' | 'model_context_window_exceeded' | (string & {});

/**
 * One web search result from a reply's top-level `web_search` array (docs/wire-format.md#web-search), read
 * loosely: only the fields that arrived as non-empty strings.
 */
export interface WebSearchSource {
  title?: string;
  /** The page's address, as sent (the view links to it only when it is http or https). */
  link?: string;
  /** A summary of the page. */
  content?: string;
  /** The site's name. */
  media?: string;
  /** The site's icon address: never loaded without a click (it would tell that site the page was read). */
  icon?: string;
  /** The reference number the answer may cite. */
  refer?: string;
  publishDate?: string;
}

/** A typed event from the response, in arrival order. Non-streaming responses produce the same events. */
export type StreamEvent =
  /** Text deltas; either may be ''. `created` is the chunk's server timestamp (seconds), when present. */
  | { kind: 'delta'; reasoning: string; content: string; created: number | null; toolCalls?: unknown[] }
  | { kind: 'finish'; reason: FinishReason }
  | { kind: 'usage'; usage: Usage }
  /** The response's id / request_id, from the first chunk or the JSON body. */
  | { kind: 'meta'; id: string | null; requestId: string | null; model: string | null }
  /** Web search results carried by a chunk or the JSON body (any chunk may carry them). */
  | { kind: 'web-search'; sources: WebSearchSource[] }
  /** An `{"error":…}` payload inside the stream: the stream is over, partial text stays. */
  | { kind: 'error'; error: ApiError }
  /**
   * One event whose data was not JSON (skipped), or, with `field`, whose field had the wrong type (that field
   * skipped). Repeats are counted in one note to the user.
   */
  | { kind: 'malformed'; data: string; field?: string }
  /** An SSE event with a non-default `event:` name (ignored, reported). */
  | { kind: 'unknown-event'; event: string; data: string };

/**
 * How a call ended:
 * - complete: `[DONE]` (streaming) or a parsed JSON body (non-streaming);
 * - interrupted: EOF or a dropped connection after the response started, without `[DONE]` (partial kept);
 * - stopped: the caller aborted;
 * - stalled: no byte for stallTimeoutMs;
 * - error: HTTP/business error, network error before any byte, or an error payload mid-stream.
 */
export type CallStatus = 'complete' | 'interrupted' | 'stopped' | 'stalled' | 'error';

export interface CallOutcome {
  status: CallStatus;
  error?: ApiError;
  /** True once any byte of a successful (2xx) response body arrived (retries are never made after that). */
  receivedAnyByte: boolean;
  /** The last finish_reason received, when one arrived. */
  finishReason?: FinishReason;
  /**
   * True when a stream ended at EOF without `[DONE]` but after a finish_reason: the reply is whole (status
   * 'complete'), only the terminator was missing. Without a finish_reason such a stream is 'interrupted'.
   */
  endedWithoutDone?: boolean;
}

export type ApiErrorKind =
  | 'auth' // 401, 1000–1004
  | 'account' // 1110–1121 (1113 balance)
  | 'parameters' // 400, 1210–1215
  | 'model' // 1211
  | 'permission' // 1220–1222
  | 'too-long' // 1261
  | 'content-blocked' // 1301
  | 'rate-limit' // 1302/1303/1305, 429 without a known code
  | 'quota' // 1304, 1308, 1310
  | 'plan' // 1309, 1311–1313
  | 'server' // 5xx
  | 'not-found' // 404
  | 'network' // fetch threw before any response (most likely CORS for a direct cross-origin call)
  | 'stream' // error payload mid-stream
  | 'unknown';

export interface ApiError {
  kind: ApiErrorKind;
  /** HTTP status, when there was a response. */
  status: number | null;
  /** Z.ai business code as a string ("1113"), when the body had one. */
  code: string | null;
  /** The server's own message, verbatim (never containing the key). */
  serverMessage: string | null;
  /** Plain-words headline, e.g. "Check your API key". */
  title: string;
  /** What to do next, one sentence. */
  advice: string;
  retryable: boolean;
  /** From Retry-After (seconds or HTTP date), capped; null when absent. */
  retryAfterMs: number | null;
  /** For kind 'network': true when the call was cross-origin, so CORS is the likely cause and the proxy helps. */
  likelyCors?: boolean;
  /** For kind 'parameters': the parameter the server named in its message, when recognisable. */
  parameter?: string;
  /** For code 1301: which side was flagged, from the error's `contentFilter`. */
  contentFilter?: ContentFilterEntry[];
  /** For quota errors: the reset time as the server's message states it, when it states one. */
  resetsAt?: string;
}

export interface ContentFilterEntry {
  /** 0 (most severe) … 3. */
  level: number | null;
  role: string | null;
}

/** Everything the streaming client needs; fetch and the abort signal are injected (core has no globals). */
export interface CallOptions {
  /** Full URL of POST …/chat/completions. */
  url: string;
  apiKey: string;
  body: import('./request').ChatRequestBody;
  fetch: (
    input: string,
    init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
  ) => Promise<Response>;
  signal: AbortSignal;
  onEvent: (event: StreamEvent) => void;
  /** No byte for this long → status 'stalled'. Default: defaultStallTimeoutMs (stallTimeout.ts). */
  stallTimeoutMs?: number;
  /** True when the URL is cross-origin to the page (network errors are then reported as likely CORS). */
  crossOrigin?: boolean;
  /** Injected timers, for tests. */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Injected clock (ms since epoch), used to resolve an HTTP-date Retry-After. Default Date.now. */
  now?: () => number;
}
