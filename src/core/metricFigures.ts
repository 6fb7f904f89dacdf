// The numbers shown for a reply, derived from its measurements (metrics.ts), the usage the server reported and the
// model's catalogue entry. Pure and cheap; the store memoises it per reply (selectReplyFigures).
import type { Usage } from './contracts';
import type { ReplyMetrics } from './metrics';
import { estimateCost, type ModelInfo } from './models';

/** Null while unknown. */
export interface MetricFigures {
  timeToFirstReasoningMs: number | null;
  timeToFirstAnswerMs: number | null;
  totalMs: number | null;
  /** Thinking time by the wall clock: first reasoning token → first answer token (or last reasoning token). */
  reasoningMs: number | null;
  /** The same from the server's chunk timestamps (1 s resolution); null when they do not vary. */
  serverReasoningMs: number | null;
  /** What to show: the server's figure when the wall clock disagrees by more than the timestamps' resolution
   *  (a background tab delivered events late), else the wall clock. */
  thinkingMs: number | null;
  tokensPerSecond: number | null;
  /** True when tokensPerSecond comes from the text estimate, not from usage. */
  tokensPerSecondEstimated: boolean;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  /** USD, from the catalogue price; null without usage or for a custom model. */
  estimatedCostUsd: number | null;
}

/** Beyond this gap the wall clock is considered wrong (server timestamps are whole seconds). */
const clockDisagreementMs = 2_000;
/** Below this the reply arrived in one piece (non-streaming): rate over the whole call instead. */
const minimumGenerationWindowMs = 50;

function difference(later: number | null, earlier: number | null): number | null {
  return later === null || earlier === null ? null : Math.max(0, later - earlier);
}

/** From the request to a recorded moment; null until that moment came. */
export function sinceStartMs(metrics: ReplyMetrics, atMs: number | null): number | null {
  return difference(atMs, metrics.startedAtMs);
}

/** The server's timing when the wall clock disagrees with it beyond the timestamps' resolution, else the wall clock. */
export function preferredDurationMs(wall: number | null, server: number | null): number | null {
  if (wall === null || server === null) return wall ?? server;
  return Math.abs(wall - server) > clockDisagreementMs ? server : wall;
}

/** Whether the chunk timestamps are per-chunk times (a constant over the reply is a per-response stamp). */
export function serverTimestampsVary(metrics: ReplyMetrics): boolean {
  return metrics.firstCreated !== null && metrics.lastCreated !== null && metrics.lastCreated !== metrics.firstCreated;
}

function wallReasoningMs(metrics: ReplyMetrics): number | null {
  return difference(metrics.firstAnswerAtMs ?? metrics.lastReasoningAtMs, metrics.firstReasoningAtMs);
}

function serverReasoningMs(metrics: ReplyMetrics): number | null {
  if (!serverTimestampsVary(metrics)) return null;
  const seconds = difference(metrics.firstAnswerCreated ?? metrics.lastReasoningCreated, metrics.firstReasoningCreated);
  return seconds === null ? null : seconds * 1000;
}

/** The thinking time to show (see MetricFigures.thinkingMs). */
export function thinkingMs(metrics: ReplyMetrics): number | null {
  return preferredDurationMs(wallReasoningMs(metrics), serverReasoningMs(metrics));
}

function tokensPerSecond(metrics: ReplyMetrics, completionTokens: number, totalMs: number | null): number | null {
  const generationMs = difference(metrics.lastTokenAtMs, metrics.firstTokenAtMs);
  const windowMs = generationMs !== null && generationMs >= minimumGenerationWindowMs ? generationMs : totalMs;
  if (windowMs === null || windowMs <= 0 || completionTokens <= 0) return null;
  return completionTokens / (windowMs / 1000);
}

/** USD for this usage at the model's catalogue price; null without usage, without a model or for a custom model. */
export function usageCostUsd(usage: Usage | null, model: ModelInfo | null): number | null {
  return usage && model ? estimateCost(model, usage) : null;
}

/** Every figure of one reply. `usage` is the reply's (ReplyInfo.usage); `model` prices it (null: no cost). */
export function metricFigures(metrics: ReplyMetrics, usage: Usage | null, model: ModelInfo | null): MetricFigures {
  const totalMs = sinceStartMs(metrics, metrics.finishedAtMs);
  const completionTokens = usage ? usage.completion_tokens : Math.round(metrics.estimatedTokens);
  return {
    timeToFirstReasoningMs: sinceStartMs(metrics, metrics.firstReasoningAtMs),
    timeToFirstAnswerMs: sinceStartMs(metrics, metrics.firstAnswerAtMs),
    totalMs,
    reasoningMs: wallReasoningMs(metrics),
    serverReasoningMs: serverReasoningMs(metrics),
    thinkingMs: thinkingMs(metrics),
    tokensPerSecond: tokensPerSecond(metrics, completionTokens, totalMs),
    tokensPerSecondEstimated: usage === null,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
    estimatedCostUsd: usageCostUsd(usage, model),
  };
}

/** The live "Thinking… N s" value: runs from the first reasoning token until the answer starts or the call ends. */
export function thinkingElapsedMs(metrics: ReplyMetrics, nowMs: number): number | null {
  if (metrics.firstReasoningAtMs === null) return null;
  if (metrics.phase === 'answer' || metrics.finishedAtMs !== null) return thinkingMs(metrics);
  return Math.max(0, nowMs - metrics.firstReasoningAtMs);
}
