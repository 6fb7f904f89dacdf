// The text of a reply that "Continue" extends: the partial answer stays as it was, and what the continuation sends
// is added once any repeat of the partial's end is dropped (continuation.ts). The continuation's raw text is kept
// apart, so the repeat is judged on everything received so far, not one frame's piece.
import { continuationText } from '../core/continuation';
import { describeFinishReason } from '../core/finishReasons';
import type { ChatRequest } from '../core/request';
import { applyDelta, newReplyInfo, type ReplyDelta } from './replyInfo';
import type { Usage } from '../core/contracts';
import type { ReplyInfo, ReplyPart } from './types';

interface Texts {
  content: string;
  reasoning: string;
}

export interface ContinuedReply {
  /** The text before the continuation. */
  partial: Texts;
  /** The continuation as received (repeat included). */
  received: Texts;
}

export function startContinuation(partial: Texts): ContinuedReply {
  return {
    partial: { content: partial.content, reasoning: partial.reasoning },
    received: { content: '', reasoning: '' },
  };
}

function joined(continued: ContinuedReply, final: boolean): Texts {
  const { partial, received } = continued;
  return {
    content: partial.content + continuationText(partial.content, received.content, final),
    reasoning: partial.reasoning + continuationText(partial.reasoning, received.reasoning, final),
  };
}

/** The holder with one more delta of the continuation. */
export function applyContinuationDelta<T extends Texts & { reply: ReplyInfo }>(
  holder: T,
  continued: ContinuedReply,
  delta: ReplyDelta,
): T {
  continued.received.content += delta.content;
  continued.received.reasoning += delta.reasoning;
  return { ...applyDelta(holder, { ...delta, content: '', reasoning: '' }), ...joined(continued, false) };
}

/** The holder's text once the continuation ended: a repeat still held back is judged now. */
export function finishContinuation<T extends Texts>(holder: T, continued: ContinuedReply): T {
  return { ...holder, ...joined(continued, true) };
}

/** Back to the partial text, for an automatic retry of the continuation. */
export function restartContinuation<T extends Texts>(holder: T, continued: ContinuedReply): T {
  continued.received = { content: '', reasoning: '' };
  return { ...holder, ...continued.partial };
}

/**
 * The reply of a new continuation attempt: the attempt so far becomes an earlier part (with its own metrics and
 * usage, so nothing is counted twice), and its finish-reason note goes (the answer goes on now).
 */
export function continuedReplyInfo(previous: ReplyInfo, request: ChatRequest): ReplyInfo {
  const { status, finishReason, usage, metrics } = previous;
  const finishNotes = finishReason
    ? [describeFinishReason(finishReason, 'answer'), describeFinishReason(finishReason, 'reasoning')]
    : [];
  return {
    ...newReplyInfo(request),
    warnings: previous.warnings.filter((warning) => !finishNotes.includes(warning)),
    earlierParts: [...(previous.earlierParts ?? []), { status, finishReason, usage, metrics }],
  };
}

/** Every attempt of a reply, oldest first: the earlier parts, then the reply's own (latest) attempt. */
export function replyParts(reply: ReplyInfo): ReplyPart[] {
  const { status, finishReason, usage, metrics } = reply;
  return [...(reply.earlierParts ?? []), { status, finishReason, usage, metrics }];
}

/**
 * The output of all attempts of a reply counted once each: completion and reasoning tokens summed, the prompt as
 * the latest request sent it. Null unless every attempt reported usage (the text estimate is better then).
 */
export function wholeReplyUsage(reply: ReplyInfo): Usage | null {
  const parts = replyParts(reply);
  if (parts.length === 1) return reply.usage;
  const usages = parts.map((part) => part.usage);
  if (usages.some((usage) => usage === null) || !reply.usage) return null;
  const sum = (read: (usage: Usage) => number | undefined) =>
    usages.reduce((total, usage) => total + (usage ? (read(usage) ?? 0) : 0), 0);
  const completion = sum((usage) => usage.completion_tokens);
  const reasoning = usages.some((usage) => usage?.completion_tokens_details?.reasoning_tokens !== undefined)
    ? {
        completion_tokens_details: {
          reasoning_tokens: sum((usage) => usage.completion_tokens_details?.reasoning_tokens),
        },
      }
    : {};
  return {
    ...reply.usage,
    completion_tokens: completion,
    total_tokens: reply.usage.prompt_tokens + completion,
    ...reasoning,
  };
}
