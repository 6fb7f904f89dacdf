// The shapes the scenario table works with: a scenario as queued or written in a message, and what its hooks see
// and return.

export interface Scenario {
  /** A name in the scenario table, or a member of one of its families (`error-<code>`, `finish-<reason>`). */
  name: string;
  /** How many chat requests it applies to (default 1). */
  times?: number;
  /** Only requests with this API key consume it (lets parallel tests share one server). */
  key?: string;
  /** Per-event delay for this request (slow, split-writes, long…). */
  delayMs?: number;
  /** Reply text instead of the default reply. */
  content?: string;
  /** Reasoning text instead of the default ('' = none). */
  reasoning?: string;
  /** For cut/eof/stall/error-midstream/finish-*: delta events sent before the fault. */
  afterChunks?: number;
  /** HTTP status for error-* (overrides the default for the code). */
  status?: number;
  /** Business code for error-* / error-midstream. */
  code?: string | number;
  /** Error message for error-* / error-midstream. */
  message?: string;
  /** Retry-After header for error-* (null = none). */
  retryAfter?: string | number | null;
  /** contentFilter array for error-1301. */
  contentFilter?: unknown[];
  /** error-*: send this body verbatim (e.g. an HTML gateway page) instead of JSON. */
  rawBody?: string;
  /** error-*: Content-Type for rawBody. */
  contentType?: string;
  /** error-*: send `code` as a JSON number (the schema's type). */
  numericCode?: boolean;
  /** keep-alive: a comment every N events (default 2). */
  every?: number;
  /** split-writes: bytes per write (default 5). */
  bytes?: number;
  /** finish-*: where the stream stops. */
  during?: 'reasoning' | 'answer';
  /** eof-without-done: still send the finish_reason chunk, only [DONE] is missing. */
  withFinish?: boolean;
  /** long: characters of Markdown answer (default 100000). */
  contentChars?: number;
  /** long: characters of reasoning (default 20000). */
  reasoningChars?: number;
  /** keep-alive-only: comments sent; junk-events: broken events sent. */
  count?: number;
  /** huge-event, huge-error-body: size in MB. */
  sizeMb?: number;
  /** long/slow: delivery rate (overrides delayMs). */
  chunksPerSecond?: number;
  /** tool-calls: how many calls (default 2). */
  calls?: number;
  /** Characters per delta instead of one token-like piece per delta (huge-reply: 65536). */
  chunkChars?: number;
  /** huge-table: rows and columns (2000 × 20). */
  rows?: number;
  columns?: number;
  /** emphasis-bomb: emphasis markers (20000); nesting-bomb: nesting depth (5000). */
  markers?: number;
  depth?: number;
}

/** Where the reply's phases start, counted in deltas: what the fault hooks cut at. */
export interface ReplyPhases {
  /** Deltas in the reply (for `stream`: after any max_tokens or finish-* cut). */
  deltaCount: number;
  reasoningStart: number;
  answerStart: number;
  /** Deltas that carry tool calls (after answerStart; 0 for a text reply). */
  toolCallDeltas: number;
}

/** How a stream ends. The normal ending sends every delta, the finish chunk and [DONE], then ends the body. */
export interface StreamEnding {
  /** Delta events sent. */
  deltas: number;
  /** The chunk with finish_reason and usage follows the deltas. */
  finishChunk: boolean;
  /** `data: [DONE]` follows. */
  done: boolean;
  /** One more data payload after the deltas (an `{"error":…}` object). */
  trailer?: unknown;
  /** 'end' the body cleanly, 'drop' the connection mid-body, or 'hold' it open in silence. */
  close: 'end' | 'drop' | 'hold';
  /** The last delta event goes out only up to the middle of its tool-call arguments (then the close). */
  cutInsideLastEvent?: boolean;
}
