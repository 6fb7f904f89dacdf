// The one function that calls POST /chat/completions and turns the reply — SSE or JSON — into typed StreamEvents
// (docs/wire-format.md#streamed-response). fetch, the abort signal and timers are injected; nothing here
// touches a global, and the API key never reaches an event, an error or a log.
import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import type { ApiError, CallOptions, CallOutcome, CallStatus, FinishReason, StreamEvent, Usage } from './contracts';
import { apiErrorFromPayload, apiErrorFromResponse, networkError, unreadableResponseError } from './errors';
import { isRecord } from './json';
import { redactApiError, redactSecret } from './redaction';
import { defaultStallTimeoutMs } from './stallTimeout';

/** The only payload that completes a stream. */
const doneMarker = '[DONE]';

type Interruption = 'stopped' | 'stalled';
type Raced<T> = { value: T } | { interruption: Interruption };

/** Watches the caller's signal and the stall timer; aborts the request (fetch and body) on either. */
interface CallGuard {
  /** Passed to fetch: aborted on stop or stall. */
  signal: AbortSignal;
  interrupted: Promise<Interruption>;
  reason(): Interruption | null;
  /** Something arrived: restart the stall timer. */
  touch(): void;
  dispose(): void;
}

function createCallGuard(options: CallOptions, watchStall: boolean): CallGuard {
  const stallTimeoutMs = options.stallTimeoutMs ?? defaultStallTimeoutMs;
  const stallEnabled = watchStall && stallTimeoutMs > 0 && Number.isFinite(stallTimeoutMs);
  const schedule = options.setTimeout ?? ((callback: () => void, ms: number): unknown => setTimeout(callback, ms));
  const unschedule =
    options.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const controller = new AbortController();
  let reason: Interruption | null = null;
  let timer: unknown = null;
  let resolveInterrupted: (why: Interruption) => void = () => undefined;
  const interrupted = new Promise<Interruption>((resolve) => {
    resolveInterrupted = resolve;
  });

  const clearTimer = (): void => {
    if (timer === null) return;
    unschedule(timer);
    timer = null;
  };
  const interrupt = (why: Interruption): void => {
    if (reason !== null) return;
    reason = why;
    clearTimer();
    controller.abort();
    resolveInterrupted(why);
  };
  const onAbort = (): void => interrupt('stopped');
  const touch = (): void => {
    if (!stallEnabled || reason !== null) return;
    clearTimer();
    timer = schedule(() => interrupt('stalled'), stallTimeoutMs);
  };

  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  touch();
  return {
    signal: controller.signal,
    interrupted,
    reason: () => reason,
    touch,
    dispose: () => {
      clearTimer();
      options.signal.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits for `work` unless the call is stopped or stalls first. Rejections of `work` propagate. */
function untilInterrupted<T>(work: Promise<T>, guard: CallGuard): Promise<Raced<T>> {
  return Promise.race([
    work.then((value) => ({ value })),
    guard.interrupted.then((interruption) => ({ interruption })),
  ]);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function usageFrom(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  const prompt = numberOrNull(value.prompt_tokens);
  const completion = numberOrNull(value.completion_tokens);
  if (prompt === null || completion === null) return null;
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: numberOrNull(value.total_tokens) ?? prompt + completion,
  };
  if (isRecord(value.prompt_tokens_details)) {
    const cached = numberOrNull(value.prompt_tokens_details.cached_tokens);
    usage.prompt_tokens_details = cached === null ? {} : { cached_tokens: cached };
  }
  if (isRecord(value.completion_tokens_details)) {
    const reasoning = numberOrNull(value.completion_tokens_details.reasoning_tokens);
    usage.completion_tokens_details = reasoning === null ? {} : { reasoning_tokens: reasoning };
  }
  return usage;
}

/** choices[0] (the playground never asks for n > 1). */
function firstChoice(body: Record<string, unknown>): Record<string, unknown> | null {
  const choices = body.choices;
  if (!Array.isArray(choices)) return null;
  const first: unknown =
    choices.find((choice) => isRecord(choice) && (choice.index === 0 || choice.index === undefined)) ?? choices[0];
  return isRecord(first) ? first : null;
}

/** A delta (streaming) or message (non-streaming) → a delta event. */
function deltaEvent(part: Record<string, unknown>, created: number | null): StreamEvent {
  const event: StreamEvent = {
    kind: 'delta',
    reasoning: stringOrNull(part.reasoning_content) ?? '',
    content: stringOrNull(part.content) ?? '',
    created,
  };
  if (Array.isArray(part.tool_calls)) event.toolCalls = part.tool_calls;
  return event;
}

function hasErrorPayload(body: Record<string, unknown>): boolean {
  return body.error !== undefined && body.error !== null;
}

type ChunkVerdict = 'continue' | 'done' | 'error';

/** What a reply has told us so far; emits events as chunks arrive and the closing finish/usage once. */
class ReplyReader {
  private metaSent = false;
  finishReason: FinishReason | null = null;
  private usage: Usage | null = null;
  error: ApiError | null = null;

  constructor(
    private readonly emit: (event: StreamEvent) => void,
    private readonly apiKey: string,
  ) {}

  /** One SSE message. */
  handleMessage(message: EventSourceMessage): ChunkVerdict {
    const eventName = message.event;
    if (eventName === 'error') return this.handleError(parseJsonOrText(message.data));
    if (eventName !== undefined && eventName !== 'message') {
      this.emit({ kind: 'unknown-event', event: eventName, data: this.redact(message.data) });
      return 'continue';
    }
    if (message.data === doneMarker) return 'done';
    const payload = parseJson(message.data);
    if (!isRecord(payload)) {
      this.emit({ kind: 'malformed', data: this.redact(message.data) });
      return 'continue';
    }
    if (hasErrorPayload(payload)) return this.handleError(payload);
    this.handleBody(payload, 'delta');
    return 'continue';
  }

  /** A chunk (`delta`) or a whole non-streaming body (`message`). */
  handleBody(body: Record<string, unknown>, part: 'delta' | 'message'): void {
    if (!this.metaSent) {
      this.metaSent = true;
      this.emit({
        kind: 'meta',
        id: stringOrNull(body.id),
        requestId: stringOrNull(body.request_id),
        model: stringOrNull(body.model),
      });
    }
    const choice = firstChoice(body);
    const text = choice?.[part];
    if (isRecord(text)) this.emit(deltaEvent(text, numberOrNull(body.created)));
    const finishReason = stringOrNull(choice?.finish_reason);
    // With tool calls two chunks may carry a finish_reason: the last one wins.
    if (finishReason) this.finishReason = finishReason;
    this.usage = usageFrom(body.usage) ?? this.usage;
  }

  handleError(payload: unknown, status: number | null = null): ChunkVerdict {
    this.error = redactApiError(apiErrorFromPayload(payload, status), this.apiKey);
    this.emit({ kind: 'error', error: this.error });
    return 'error';
  }

  /** Emits the closing finish and usage events (at most one each, in that order). */
  close(): void {
    if (this.finishReason) this.emit({ kind: 'finish', reason: this.finishReason });
    if (this.usage) this.emit({ kind: 'usage', usage: this.usage });
  }

  private redact(text: string): string {
    return redactSecret(text, this.apiKey);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseJsonOrText(text: string): unknown {
  return parseJson(text) ?? text;
}

interface OutcomeDetails {
  status: CallStatus;
  receivedAnyByte: boolean;
  error?: ApiError | null;
  endedWithoutDone?: boolean;
}

function buildOutcome(details: OutcomeDetails, reader: ReplyReader | null): CallOutcome {
  const outcome: CallOutcome = { status: details.status, receivedAnyByte: details.receivedAnyByte };
  if (details.error) outcome.error = details.error;
  if (reader?.finishReason) outcome.finishReason = reader.finishReason;
  if (details.endedWithoutDone) outcome.endedWithoutDone = true;
  return outcome;
}

function requestInit(options: CallOptions, signal: AbortSignal) {
  return {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.apiKey.trim()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(options.body),
    signal,
  };
}

/** SSE unless the server plainly answered JSON (some proxies do, e.g. for errors with status 200). */
function isEventStream(response: Response, streamRequested: boolean): boolean {
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
  if (contentType.includes('text/event-stream')) return true;
  return streamRequested && !contentType.includes('json');
}

/**
 * Sends one chat completion and reports every part of the reply through options.onEvent. Never throws: every
 * ending — complete, interrupted, stopped, stalled, error — is a CallOutcome. See CallStatus for the meanings.
 */
export async function sendChatCompletion(options: CallOptions): Promise<CallOutcome> {
  const streamRequested = options.body.stream === true;
  // A non-streaming reply sends no byte until it is whole, which can take minutes: only streams can stall.
  const guard = createCallGuard(options, streamRequested);
  try {
    return await runCall(options, guard, streamRequested);
  } finally {
    guard.dispose();
  }
}

async function runCall(options: CallOptions, guard: CallGuard, streamRequested: boolean): Promise<CallOutcome> {
  const early = guard.reason();
  if (early) return buildOutcome({ status: early, receivedAnyByte: false }, null);
  let raced: Raced<Response>;
  try {
    raced = await untilInterrupted(options.fetch(options.url, requestInit(options, guard.signal)), guard);
  } catch {
    // fetch rejects with a TypeError on a network or CORS failure, and with an AbortError when we aborted it.
    const interruption = guard.reason();
    if (interruption) return buildOutcome({ status: interruption, receivedAnyByte: false }, null);
    return buildOutcome(
      { status: 'error', error: networkError(options.crossOrigin === true), receivedAnyByte: false },
      null,
    );
  }
  if ('interruption' in raced) return buildOutcome({ status: raced.interruption, receivedAnyByte: false }, null);
  const response = raced.value;
  guard.touch();
  if (!response.ok) return readHttpError(response, options, guard);
  if (isEventStream(response, streamRequested)) return readEventStream(response, options, guard);
  return readJsonBody(response, options, guard);
}

async function readBodyText(response: Response, guard: CallGuard): Promise<Raced<string> | null> {
  try {
    return await untilInterrupted(response.text(), guard);
  } catch {
    return null;
  }
}

async function readHttpError(response: Response, options: CallOptions, guard: CallGuard): Promise<CallOutcome> {
  const raced = await readBodyText(response, guard);
  if (raced && 'interruption' in raced)
    return buildOutcome({ status: raced.interruption, receivedAnyByte: false }, null);
  const now = (options.now ?? Date.now)();
  const error = apiErrorFromResponse(response.status, raced?.value ?? '', response.headers.get('retry-after'), now);
  return buildOutcome({ status: 'error', error: redactApiError(error, options.apiKey), receivedAnyByte: false }, null);
}

async function readJsonBody(response: Response, options: CallOptions, guard: CallGuard): Promise<CallOutcome> {
  const raced = await readBodyText(response, guard);
  if (raced === null) return buildOutcome({ status: guard.reason() ?? 'interrupted', receivedAnyByte: false }, null);
  if ('interruption' in raced) return buildOutcome({ status: raced.interruption, receivedAnyByte: false }, null);
  const reader = new ReplyReader(options.onEvent, options.apiKey);
  const payload = parseJson(raced.value);
  if (!isRecord(payload))
    return buildOutcome(
      { status: 'error', error: unreadableResponseError(response.status), receivedAnyByte: true },
      reader,
    );
  if (hasErrorPayload(payload)) {
    reader.handleError(payload, response.status);
    return buildOutcome({ status: 'error', error: reader.error, receivedAnyByte: true }, reader);
  }
  reader.handleBody(payload, 'message');
  reader.close();
  return buildOutcome({ status: 'complete', receivedAnyByte: true }, reader);
}

async function readEventStream(response: Response, options: CallOptions, guard: CallGuard): Promise<CallOutcome> {
  if (!response.body) return buildOutcome({ status: 'interrupted', receivedAnyByte: false }, null);
  let receivedAnyByte = false;
  const byteWatch = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      if (chunk.byteLength > 0) {
        receivedAnyByte = true;
        guard.touch();
      }
      controller.enqueue(chunk);
    },
  });
  // TextDecoderStream keeps a multi-byte character split across reads whole; the parser handles CRLF,
  // comments (`: keep-alive`) and events split across reads.
  const messages = response.body
    .pipeThrough(byteWatch)
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  const reader = new ReplyReader(options.onEvent, options.apiKey);
  const ending = await readMessages(messages, reader, guard);
  void messages.cancel().catch(() => undefined);
  reader.close();
  return buildOutcome({ ...ending, receivedAnyByte }, reader);
}

type StreamEnding = Pick<OutcomeDetails, 'status' | 'error' | 'endedWithoutDone'>;

async function readMessages(
  messages: ReadableStreamDefaultReader<EventSourceMessage>,
  reader: ReplyReader,
  guard: CallGuard,
): Promise<StreamEnding> {
  for (;;) {
    let raced: Raced<ReadableStreamReadResult<EventSourceMessage>>;
    try {
      raced = await untilInterrupted(messages.read(), guard);
    } catch {
      // The connection dropped (or was aborted) after the response started.
      return { status: guard.reason() ?? 'interrupted' };
    }
    if ('interruption' in raced) return { status: raced.interruption };
    if (raced.value.done) return endOfStream(reader);
    const verdict = reader.handleMessage(raced.value.value);
    if (verdict === 'done') return { status: 'complete' };
    if (verdict === 'error') return { status: 'error', error: reader.error };
  }
}

/**
 * EOF without `[DONE]`: interrupted, unless a finish_reason already arrived — then the reply is whole and only the
 * terminator is missing, so it counts as complete (flagged endedWithoutDone). See docs/wire-format.md#end-of-stream.
 */
function endOfStream(reader: ReplyReader): StreamEnding {
  if (reader.finishReason) return { status: 'complete', endedWithoutDone: true };
  return { status: 'interrupted' };
}
