// One streamed reply, accumulated and committed at most once per animation frame: the part of a send that does
// not care where the reply is stored. The transcript (actions.ts) and compare columns (compareActions.ts) both
// use it, so both kinds of reply read alike.
import type { CallOutcome, StreamEvent } from '../core/contracts';
import { chatCompletionsUrl } from '../core/endpoints';
import { describeFinishReason } from '../core/finishReasons';
import { completeMetrics, recordEvent, startMetrics, type ReplyMetrics } from '../core/metrics';
import type { ChatRequest } from '../core/request';
import { invalidJsonEventWarning, mergeWarnings, wrongTypeEventWarning } from '../core/replyWarnings';
import { nextRetryDelay } from '../core/retry';
import { sendChatCompletion } from '../core/streaming';
import { mergeWebSearchSources } from '../core/webSearch';
import { finishedToolCalls, mergeToolCallDeltas, type AssembledToolCall } from '../core/toolCalls';
import { createFrameScheduler } from './frameScheduler';
import { sendInWorker, streamWorkerAvailable } from './streamWorkerClient';
import type { ReplyDelta } from './replyInfo';
import type { ReplyInfo } from './types';
import { hasVisibleText } from '../core/visibleText';

export interface StreamReplyOptions {
  request: ChatRequest;
  apiKey: string;
  signal: AbortSignal;
  crossOrigin: boolean;
  fetch: Parameters<typeof sendChatCompletion>[0]['fetch'];
  /** No byte for this long → 'stalled' (the core's default when absent). */
  stallTimeoutMs?: number;
  /** Metrics to continue from ("Continue" extends a partial reply); fresh ones otherwise. */
  initialMetrics?: ReplyMetrics;
  /** False once the caller no longer wants events (stopped and replaced, column removed). */
  accepts: () => boolean;
  commit: (delta: ReplyDelta) => void;
}

/** Sends the request and streams it into `commit`, one commit per frame; the final commit happens before it returns. */
export async function streamReply(options: StreamReplyOptions): Promise<CallOutcome> {
  let pendingReasoning = '';
  let pendingContent = '';
  let toolCalls: AssembledToolCall[] = [];
  let toolCallsChanged = false;
  const updates: Partial<ReplyInfo> = {};
  // New notes since the last commit, repeats already counted (a server may send thousands of broken events).
  let warnings: string[] = [];
  const note = (text: string) => {
    warnings = mergeWarnings(warnings, [text]);
  };
  let metrics = options.initialMetrics ?? startMetrics(Date.now());
  // The first reasoning and the first answer text are committed on the next frame, not after the interval.
  let reasoningSeen = false;
  let answerSeen = false;

  const scheduler = createFrameScheduler(() => {
    const delta: ReplyDelta = {
      reasoning: pendingReasoning,
      content: pendingContent,
      reply: { ...updates, metrics },
      warnings,
      ...(toolCallsChanged ? { toolCalls: finishedToolCalls(toolCalls) } : {}),
    };
    pendingReasoning = '';
    pendingContent = '';
    warnings = [];
    toolCallsChanged = false;
    options.commit(delta);
  });

  const onEvent = (event: StreamEvent, atMs: number) => {
    if (!options.accepts()) return;
    // The arrival time, not the render time: metrics stay true when frames are throttled.
    metrics = recordEvent(metrics, event, atMs);
    let firstText = false;
    switch (event.kind) {
      case 'delta':
        pendingReasoning += event.reasoning;
        pendingContent += event.content;
        if (!reasoningSeen && hasVisibleText(event.reasoning)) firstText = reasoningSeen = true;
        if (!answerSeen && hasVisibleText(event.content)) firstText = answerSeen = true;
        if (event.toolCalls) {
          toolCalls = mergeToolCallDeltas(toolCalls, event.toolCalls);
          toolCallsChanged = true;
        }
        break;
      case 'finish':
        updates.finishReason = event.reason;
        break;
      case 'usage':
        updates.usage = event.usage;
        break;
      case 'web-search':
        updates.webSearchSources = mergeWebSearchSources(updates.webSearchSources ?? [], event.sources);
        break;
      case 'malformed':
        note(event.field === undefined ? invalidJsonEventWarning : wrongTypeEventWarning(event.field));
        break;
      case 'unknown-event':
        note(`An unknown event type "${event.event}" was ignored.`);
        break;
      case 'error':
      case 'meta':
        break;
    }
    scheduler.schedule(firstText);
  };

  const call = {
    url: chatCompletionsUrl(options.request.baseUrl),
    apiKey: options.apiKey,
    body: options.request.body,
    signal: options.signal,
    crossOrigin: options.crossOrigin,
    ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
  };
  // Off the main thread where a worker can run it; on the page otherwise (or when the worker could not start).
  const outcome =
    (streamWorkerAvailable()
      ? await sendInWorker(call, (events) => {
          for (const timed of events) onEvent(timed.event, timed.atMs);
        })
      : null) ??
    (await sendChatCompletion({ ...call, fetch: options.fetch, onEvent: (event) => onEvent(event, Date.now()) }));
  scheduler.flush();
  return outcome;
}

/**
 * The reply once the call ended: status, error, finish time, the finish-reason note, and the automatic
 * retry (only where docs/wire-format.md#retry allows one; `attempt` counts retries already made).
 */
export function settledReply(
  reply: ReplyInfo,
  content: string,
  outcome: CallOutcome,
  attempt: number,
  finishedAtMs: number,
  random: () => number,
): ReplyInfo {
  const retryDelay =
    outcome.status === 'error' && outcome.error ? nextRetryDelay(outcome.error, attempt, outcome, random) : null;
  const finishNote = reply.finishReason
    ? describeFinishReason(reply.finishReason, !hasVisibleText(content) ? 'reasoning' : 'answer')
    : null;
  return {
    ...reply,
    status: outcome.status,
    error: outcome.error ?? null,
    metrics: completeMetrics(reply.metrics, finishedAtMs),
    warnings: finishNote && !reply.warnings.includes(finishNote) ? [...reply.warnings, finishNote] : reply.warnings,
    retry: retryDelay === null ? null : { attempt: attempt + 1, delayMs: retryDelay, at: finishedAtMs + retryDelay },
    ...(attempt > 0 ? { retriesMade: attempt } : {}),
  };
}
