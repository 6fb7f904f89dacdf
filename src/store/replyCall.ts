// The one runner for every call that streams a reply into the store: transcript turns, compare columns and any
// later kind. It owns the lifecycle — abort controller, loading the streaming code, the stream itself, painting the
// final text before settling, the automatic retry and its timer — and writes through a small target that says
// where the reply lives. One call per lane at a time: two quick Sends never interleave two streams in one place.
import type { ApiError, CallOutcome } from '../core/contracts';
import { chatCompletionsUrl } from '../core/endpoints';
import type { ChatRequest } from '../core/request';
import type { ToolCall } from '../core/toolCalls';
import { outgoingApiKey } from './connectionSlice';
import { afterNextPaint, framesAreRunning } from './frameScheduler';
import { flushSavedState, usePlaygroundStore } from './index';
import {
  applyContinuationDelta,
  finishContinuation,
  restartContinuation,
  startContinuation,
  type ContinuedReply,
} from './continuedReply';
import { applyDelta } from './replyInfo';
import type * as ReplyStreamModule from './replyStream';
import { onRuntimeReset } from './runtime';
import type { ReplyInfo } from './types';

/** A reply and its text, wherever it is stored (a transcript turn, a compare column). */
export interface ReplyHolder {
  content: string;
  reasoning: string;
  reply: ReplyInfo;
  /** The reply's tool calls, once one arrives. */
  toolCalls?: ToolCall[];
}

/** Where a call's reply lives. */
export interface ReplyTarget {
  /** At most one call per lane ('transcript', one per compare column). */
  lane: string;
  /** The turn or column the reply belongs to. */
  replyId: string;
  /** The reply as stored now; null once it is gone (turn deleted, column removed). */
  read(): ReplyHolder | null;
  write(update: (holder: ReplyHolder) => ReplyHolder): void;
  /** Each attempt whose reply has settled (every request sent, however it ended): e.g. into the history. */
  attemptSettled?(holder: ReplyHolder): void;
  /** The call is over — done, stopped or given up — and no retry is pending. */
  finished?(): void;
}

interface ReplyCall {
  target: ReplyTarget;
  request: ChatRequest;
  /** Retries already made. */
  attempt: number;
  /** "Continue": the reply extends the text already there (continuedReply.ts); null for a reply of its own. */
  continued: ContinuedReply | null;
  controller: AbortController;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** The stream has ended and the reply settles once its final text has painted; `run` settles it now. */
  settling: { run(): void; cancel(): void } | null;
}

const calls = new Map<string, ReplyCall>();
/** Set once the streaming module has loaded: from then on a call starts without waiting a tick. */
let replyStreamModule: typeof ReplyStreamModule | null = null;

onRuntimeReset(() => {
  for (const call of calls.values()) {
    if (call.retryTimer !== null) clearTimeout(call.retryTimer);
    call.settling?.cancel();
    call.controller.abort();
  }
  calls.clear();
});

const get = () => usePlaygroundStore.getState();

/** The streaming call and its error handling load on first use (prefetched when the user turns to the Message box). */
export async function loadReplyStream(): Promise<typeof ReplyStreamModule> {
  replyStreamModule ??= await import('./replyStream');
  return replyStreamModule;
}

/** The streaming module, at once when it is loaded, else once it arrives (null: it could not be loaded). */
function replyStreamWhenReady(): typeof ReplyStreamModule | Promise<typeof ReplyStreamModule | null> {
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

export function isCrossOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin !== window.location.origin;
  } catch {
    return false;
  }
}

/** True while a call runs in the lane (or waits to settle, or waits to retry). */
export function isLaneBusy(lane: string): boolean {
  return calls.has(lane);
}

/** The turn or column the lane's call writes to, if one runs. */
export function activeReplyId(lane: string): string | null {
  return calls.get(lane)?.target.replyId ?? null;
}

/** The lanes with a call, for "stop everything" (compare). */
export function busyLanes(): string[] {
  return [...calls.keys()];
}

/** Starts a call into the target; false (nothing sent) when its lane is busy. */
export function startReplyCall(target: ReplyTarget, request: ChatRequest, appending = false): boolean {
  settlePendingReplies();
  if (calls.has(target.lane)) return false;
  const call: ReplyCall = {
    target,
    request,
    attempt: 0,
    continued: appending ? startContinuation(target.read() ?? { content: '', reasoning: '' }) : null,
    controller: new AbortController(),
    retryTimer: null,
    settling: null,
  };
  calls.set(target.lane, call);
  void runCall(call);
  return true;
}

/** A reply that finished but waits for the next paint to settle, settled now: whatever comes next sees it done. */
export function settlePendingReplies(): void {
  for (const call of [...calls.values()]) call.settling?.run();
}

/** Aborts the lane's call at any moment (before the first byte, while thinking or answering, waiting to retry). */
export function stopReplyCall(lane: string): void {
  calls.get(lane)?.settling?.run();
  const call = calls.get(lane);
  if (!call) return;
  if (call.retryTimer !== null) {
    clearTimeout(call.retryTimer);
    call.target.write((holder) => ({ ...holder, reply: { ...holder.reply, retry: null } }));
    finish(call);
    return;
  }
  call.controller.abort();
}

function isCurrent(call: ReplyCall): boolean {
  return calls.get(call.target.lane) === call;
}

function finish(call: ReplyCall): void {
  if (!isCurrent(call)) return;
  calls.delete(call.target.lane);
  call.target.finished?.();
  flushSavedState();
}

async function runCall(call: ReplyCall): Promise<void> {
  const ready = replyStreamWhenReady();
  const replyStream = ready instanceof Promise ? await ready : ready;
  if (!isCurrent(call)) return;
  if (!replyStream) {
    call.target.write((holder) => ({
      ...holder,
      reply: { ...holder.reply, status: 'error', error: streamLoadError, retry: null },
    }));
    finish(call);
    return;
  }
  const { connection } = get();
  const outcome = await replyStream.streamReply({
    request: call.request,
    apiKey: outgoingApiKey(connection),
    signal: call.controller.signal,
    crossOrigin: isCrossOrigin(chatCompletionsUrl(call.request.baseUrl)),
    stallTimeoutMs: connection.stallTimeoutSeconds * 1000,
    fetch: (input, init) => globalThis.fetch(input, init),
    accepts: () => isCurrent(call),
    commit: (delta) => {
      if (!isCurrent(call)) return;
      const { continued } = call;
      call.target.write((holder) =>
        continued ? applyContinuationDelta(holder, continued, delta) : applyDelta(holder, delta),
      );
    },
  });
  if (!isCurrent(call)) return;
  const ended: EndedCall = { outcome, finishedAt: Date.now(), settledReply: replyStream.settledReply };
  // A reply that completed: its final text paints first, then the reply settles (status, metrics, history, save —
  // work that re-renders the transcript). The call stays in its lane until then, so a Send in that frame settles
  // it first. Where no frames run (a background or frozen tab) nothing is painted to wait for: it settles at once.
  if (outcome.status === 'complete' && framesAreRunning()) {
    call.settling = afterNextPaint(() => {
      call.settling = null;
      if (isCurrent(call)) settle(call, ended);
    });
    return;
  }
  settle(call, ended);
}

interface EndedCall {
  outcome: CallOutcome;
  finishedAt: number;
  settledReply: typeof ReplyStreamModule.settledReply;
}

/** The reply's final status, metrics and retry; the attempt recorded; then done, or the automatic retry. */
function settle(call: ReplyCall, { outcome, finishedAt, settledReply }: EndedCall): void {
  const { continued } = call;
  call.target.write((written) => {
    const holder = continued ? finishContinuation(written, continued) : written;
    return {
      ...holder,
      reply: settledReply(holder.reply, holder.content, outcome, call.attempt, finishedAt, Math.random),
    };
  });
  const settled = call.target.read();
  if (settled) call.target.attemptSettled?.(settled);
  const retry = settled?.reply.retry ?? null;
  if (retry === null) {
    finish(call);
    return;
  }
  call.retryTimer = setTimeout(() => {
    if (!isCurrent(call)) return;
    call.target.write((holder) => ({
      ...(continued
        ? restartContinuation(holder, continued)
        : { ...holder, content: '', reasoning: '', toolCalls: undefined }),
      reply: { ...holder.reply, status: 'waiting', error: null, retry: null, retriesMade: call.attempt + 1 },
    }));
    const next: ReplyCall = {
      ...call,
      attempt: call.attempt + 1,
      controller: new AbortController(),
      retryTimer: null,
      settling: null,
    };
    calls.set(call.target.lane, next);
    void runCall(next);
  }, retry.delayMs);
}
