// The one function that calls POST /chat/completions and turns the reply — SSE or JSON — into typed StreamEvents
// (docs/wire-format.md#streamed-response). fetch, the abort signal and timers are injected; nothing here
// touches a global, and the API key never reaches an event, an error or a log.
import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import type { ApiError, CallOptions, CallOutcome, CallStatus } from './contracts';
import {
  apiErrorFromResponse,
  eventTooLargeError,
  htmlPageError,
  networkError,
  unreadableResponseError,
} from './errors';
import { isRecord } from './json';
import { redactApiError } from './redaction';
import { createCallGuard, untilInterrupted, type CallGuard, type Raced } from './callGuard';
import { hasErrorPayload, parseJson, ReplyReader } from './replyReader';
import { SseTextWatch } from './sseWatch';

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
  if (isHtmlPage(response)) return readHtmlPage(response, guard);
  if (isEventStream(response, streamRequested)) return readEventStream(response, options, guard);
  return readJsonBody(response, options, guard);
}

function isHtmlPage(response: Response): boolean {
  return response.headers.get('content-type')?.toLowerCase().includes('text/html') === true;
}

/** A 2xx HTML page is not the API: said so, with the start of the page, not mistaken for a dropped stream. */
async function readHtmlPage(response: Response, guard: CallGuard): Promise<CallOutcome> {
  const raced = await readBodyText(response, guard);
  if (raced && 'interruption' in raced)
    return buildOutcome({ status: raced.interruption, receivedAnyByte: true }, null);
  const error = htmlPageError(response.status, raced?.value.slice(0, 1024) ?? '');
  return buildOutcome({ status: 'error', error, receivedAnyByte: true }, null);
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
  if (!isRecord(payload)) {
    const markup = raced.value.trimStart().startsWith('<');
    const error = markup ? htmlPageError(response.status, raced.value.slice(0, 1024)) : null;
    return buildOutcome(
      { status: 'error', error: error ?? unreadableResponseError(response.status), receivedAnyByte: true },
      reader,
    );
  }
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
      if (chunk.byteLength > 0) receivedAnyByte = true;
      controller.enqueue(chunk);
    },
  });
  // Only text other than comments restarts the stall timer: a server that sends nothing but `: keep-alive`
  // stalls all the same. An event over the size limit stops the stream here, before the parser buffers it.
  const watch = new SseTextWatch();
  const textWatch = new TransformStream<string, string>({
    transform(text, controller) {
      const { active, forward } = watch.read(text);
      if (active) guard.touch();
      if (forward !== '') controller.enqueue(forward);
      if (watch.tooLargeEventChars !== null) controller.error(new RangeError('event too large'));
    },
    flush(controller) {
      watch.end();
      if (watch.tooLargeEventChars !== null) controller.error(new RangeError('event too large'));
    },
  });
  // TextDecoderStream keeps a multi-byte character split across reads whole; the parser handles CRLF,
  // comments (`: keep-alive`) and events split across reads.
  const messages = response.body
    .pipeThrough(byteWatch)
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(textWatch)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  const reader = new ReplyReader(options.onEvent, options.apiKey);
  const ending = await readMessages(messages, reader, guard, watch, response.status);
  void messages.cancel().catch(() => undefined);
  reader.close();
  return buildOutcome({ ...ending, receivedAnyByte }, reader);
}

type StreamEnding = Pick<OutcomeDetails, 'status' | 'error' | 'endedWithoutDone'>;

async function readMessages(
  messages: ReadableStreamDefaultReader<EventSourceMessage>,
  reader: ReplyReader,
  guard: CallGuard,
  watch: SseTextWatch,
  status: number,
): Promise<StreamEnding> {
  let sawMessage = false;
  for (;;) {
    let raced: Raced<ReadableStreamReadResult<EventSourceMessage>>;
    try {
      raced = await untilInterrupted(messages.read(), guard);
    } catch {
      if (watch.tooLargeEventChars !== null)
        return { status: 'error', error: eventTooLargeError(watch.tooLargeEventChars) };
      // The connection dropped (or was aborted) after the response started.
      return { status: guard.reason() ?? 'interrupted' };
    }
    if ('interruption' in raced) return { status: raced.interruption };
    if (raced.value.done) {
      if (!sawMessage && watch.startsWithMarkup())
        return { status: 'error', error: htmlPageError(status, watch.start) };
      return endOfStream(reader);
    }
    sawMessage = true;
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
