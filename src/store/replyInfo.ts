// A reply's state before and while it streams: what the store needs at once when Send is pressed. The streaming
// call itself (replyStream.ts, with the network and error code) loads on first use.
import type { ChatRequest } from '../core/request';
import { mergeWarnings } from '../core/replyWarnings';
import { startMetrics, type ReplyMetrics } from '../core/metrics';
import { mergeWebSearchSources } from '../core/webSearch';
import type { ToolCall } from '../core/toolCalls';
import type { ReplyInfo, ReplyStatus, Turn } from './types';

/** The reply is still arriving: waiting for its first byte or streaming. */
export function isLiveStatus(status: ReplyStatus | null | undefined): boolean {
  return status === 'waiting' || status === 'streaming';
}

/**
 * A turn as kept (saved, restored): a reply that was still arriving can only be partial, and a scheduled
 * automatic retry does not outlive its timer.
 */
export function settledTurn(turn: Turn): Turn {
  if (!turn.reply) return turn;
  const reply = settledReplyInfo(turn.reply);
  return reply === turn.reply ? turn : { ...turn, reply };
}

/** A reply as kept (see settledTurn), wherever it is stored. */
export function settledReplyInfo(reply: ReplyInfo): ReplyInfo {
  if (!isLiveStatus(reply.status) && reply.retry === null) return reply;
  const status = isLiveStatus(reply.status) ? 'interrupted' : reply.status;
  return { ...reply, status, retry: null };
}

export function newReplyInfo(request: ChatRequest, nowMs: number = Date.now()): ReplyInfo {
  return {
    status: 'waiting',
    request,
    error: null,
    finishReason: null,
    usage: null,
    metrics: startMetrics(nowMs),
    warnings: [],
    retry: null,
  };
}

/** What arrived since the last commit. */
export interface ReplyDelta {
  reasoning: string;
  content: string;
  /** finishReason / usage when they arrived, plus the metrics so far. */
  reply: Partial<ReplyInfo> & { metrics: ReplyMetrics };
  warnings: string[];
  /** Every tool call so far (docs/wire-format.md#streamed-tool-calls), when a piece of one arrived. */
  toolCalls?: ToolCall[];
}

/** Adds a delta to a reply: the text grows, 'waiting' becomes 'streaming', warnings accumulate, tool calls update. */
export function applyDelta<T extends { content: string; reasoning: string; reply: ReplyInfo; toolCalls?: ToolCall[] }>(
  target: T,
  delta: ReplyDelta,
): T {
  const status = target.reply.status === 'waiting' ? 'streaming' : target.reply.status;
  const reply = {
    ...target.reply,
    ...delta.reply,
    status,
    warnings: mergeWarnings(target.reply.warnings, delta.warnings),
  };
  // A continued reply keeps the sources found before and adds the new ones.
  const sources = delta.reply.webSearchSources;
  if (sources) reply.webSearchSources = mergeWebSearchSources(target.reply.webSearchSources ?? [], sources);
  return {
    ...target,
    reasoning: target.reasoning + delta.reasoning,
    content: target.content + delta.content,
    ...(delta.toolCalls ? { toolCalls: delta.toolCalls } : {}),
    reply,
  };
}
