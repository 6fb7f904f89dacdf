// Reply metrics, fed incrementally: startMetrics when the request goes out, recordEvent for every StreamEvent as it
// arrives (with the arrival time, not the render time), completeMetrics when the call ends. ReplyMetrics is plain
// data (it is persisted with the conversation); the derived numbers are recomputed on every update.
import type { StreamEvent, Usage } from './contracts';
import type { GenerationPhase } from './finishReasons';
import { estimateCost, type ModelInfo } from './models';

export interface ReplyMetrics {
  /** Wall-clock times in ms (Date.now()-like). */
  startedAtMs: number;
  firstReasoningAtMs: number | null;
  lastReasoningAtMs: number | null;
  /** The first non-whitespace answer text (a stream may open with a lone "\n" content delta). */
  firstAnswerAtMs: number | null;
  firstTokenAtMs: number | null;
  lastTokenAtMs: number | null;
  finishedAtMs: number | null;
  /** Server chunk `created` timestamps, in seconds. */
  firstCreated: number | null;
  lastCreated: number | null;
  firstReasoningCreated: number | null;
  lastReasoningCreated: number | null;
  firstAnswerCreated: number | null;
  /** Token estimate from the text received, for when the server sends no usage. */
  estimatedTokens: number;
  phase: GenerationPhase;
  finishReason: string | null;
  usage: Usage | null;

  // Derived; null while unknown.
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

export function startMetrics(nowMs: number): ReplyMetrics {
  return {
    startedAtMs: nowMs,
    firstReasoningAtMs: null,
    lastReasoningAtMs: null,
    firstAnswerAtMs: null,
    firstTokenAtMs: null,
    lastTokenAtMs: null,
    finishedAtMs: null,
    firstCreated: null,
    lastCreated: null,
    firstReasoningCreated: null,
    lastReasoningCreated: null,
    firstAnswerCreated: null,
    estimatedTokens: 0,
    phase: 'waiting',
    finishReason: null,
    usage: null,
    timeToFirstReasoningMs: null,
    timeToFirstAnswerMs: null,
    totalMs: null,
    reasoningMs: null,
    serverReasoningMs: null,
    thinkingMs: null,
    tokensPerSecond: null,
    tokensPerSecondEstimated: false,
    promptTokens: null,
    completionTokens: null,
    reasoningTokens: null,
    estimatedCostUsd: null,
  };
}

/** Rough token count: one per CJK character, one per four other characters (fractional, summed per reply). */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu)?.length ?? 0;
  return cjk + (text.length - cjk) / 4;
}

function earliest(current: number | null, value: number | null): number | null {
  return current ?? value;
}

function recordDelta(
  metrics: ReplyMetrics,
  event: Extract<StreamEvent, { kind: 'delta' }>,
  nowMs: number,
): ReplyMetrics {
  const next = { ...metrics };
  const created = event.created;
  if (created !== null) {
    next.firstCreated = earliest(next.firstCreated, created);
    next.lastCreated = created;
  }
  const hasReasoning = event.reasoning !== '';
  const hasAnswer = event.content.trim() !== '';
  if (hasReasoning) {
    next.firstReasoningAtMs = earliest(next.firstReasoningAtMs, nowMs);
    next.lastReasoningAtMs = nowMs;
    if (created !== null) {
      next.firstReasoningCreated = earliest(next.firstReasoningCreated, created);
      next.lastReasoningCreated = created;
    }
  }
  if (hasAnswer) {
    next.firstAnswerAtMs = earliest(next.firstAnswerAtMs, nowMs);
    if (created !== null) next.firstAnswerCreated = earliest(next.firstAnswerCreated, created);
  }
  if (event.reasoning !== '' || event.content !== '') {
    next.firstTokenAtMs = earliest(next.firstTokenAtMs, nowMs);
    next.lastTokenAtMs = nowMs;
    next.estimatedTokens += estimateTokens(event.reasoning) + estimateTokens(event.content);
  }
  if (next.firstAnswerAtMs !== null) next.phase = 'answer';
  else if (next.firstReasoningAtMs !== null) next.phase = 'reasoning';
  return next;
}

/** Folds one event, received at nowMs, into the metrics. Returns the same object when nothing changed. */
export function recordEvent(metrics: ReplyMetrics, event: StreamEvent, nowMs: number): ReplyMetrics {
  switch (event.kind) {
    case 'delta':
      return withDerived(recordDelta(metrics, event, nowMs), null);
    case 'finish':
      return { ...metrics, finishReason: event.reason };
    case 'usage':
      return withDerived({ ...metrics, usage: event.usage }, null);
    default:
      return metrics;
  }
}

/** The call ended at finishedAtMs: fixes the total time and, given the model, the cost. */
export function completeMetrics(
  metrics: ReplyMetrics,
  finishedAtMs: number,
  usage?: Usage | null,
  model?: ModelInfo | null,
): ReplyMetrics {
  return withDerived({ ...metrics, finishedAtMs, usage: usage ?? metrics.usage }, model ?? null);
}

function difference(later: number | null, earlier: number | null): number | null {
  return later === null || earlier === null ? null : Math.max(0, later - earlier);
}

function wallReasoningMs(metrics: ReplyMetrics): number | null {
  return difference(metrics.firstAnswerAtMs ?? metrics.lastReasoningAtMs, metrics.firstReasoningAtMs);
}

function serverReasoningMs(metrics: ReplyMetrics): number | null {
  // Timestamps that never change over a reply are per-response constants, not per-chunk times.
  if (metrics.firstCreated === null || metrics.lastCreated === null || metrics.lastCreated === metrics.firstCreated)
    return null;
  const seconds = difference(metrics.firstAnswerCreated ?? metrics.lastReasoningCreated, metrics.firstReasoningCreated);
  return seconds === null ? null : seconds * 1000;
}

function preferredThinkingMs(wall: number | null, server: number | null): number | null {
  if (wall === null || server === null) return wall ?? server;
  return Math.abs(wall - server) > clockDisagreementMs ? server : wall;
}

function tokensPerSecond(metrics: ReplyMetrics, completionTokens: number, totalMs: number | null): number | null {
  const generationMs = difference(metrics.lastTokenAtMs, metrics.firstTokenAtMs);
  const windowMs = generationMs !== null && generationMs >= minimumGenerationWindowMs ? generationMs : totalMs;
  if (windowMs === null || windowMs <= 0 || completionTokens <= 0) return null;
  return completionTokens / (windowMs / 1000);
}

function withDerived(metrics: ReplyMetrics, model: ModelInfo | null): ReplyMetrics {
  const usage = metrics.usage;
  const totalMs = difference(metrics.finishedAtMs, metrics.startedAtMs);
  const reasoningMs = wallReasoningMs(metrics);
  const server = serverReasoningMs(metrics);
  const completionTokens = usage ? usage.completion_tokens : Math.round(metrics.estimatedTokens);
  return {
    ...metrics,
    timeToFirstReasoningMs: difference(metrics.firstReasoningAtMs, metrics.startedAtMs),
    timeToFirstAnswerMs: difference(metrics.firstAnswerAtMs, metrics.startedAtMs),
    totalMs,
    reasoningMs,
    serverReasoningMs: server,
    thinkingMs: preferredThinkingMs(reasoningMs, server),
    tokensPerSecond: tokensPerSecond(metrics, completionTokens, totalMs),
    tokensPerSecondEstimated: usage === null,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
    estimatedCostUsd: usage && model ? estimateCost(model, usage) : metrics.estimatedCostUsd,
  };
}

/** The live "Thinking… N s" value: runs from the first reasoning token until the answer starts or the call ends. */
export function thinkingElapsedMs(metrics: ReplyMetrics, nowMs: number): number | null {
  if (metrics.firstReasoningAtMs === null) return null;
  if (metrics.phase === 'answer' || metrics.finishedAtMs !== null) return metrics.thinkingMs;
  return Math.max(0, nowMs - metrics.firstReasoningAtMs);
}

/** "850 ms", "4.2 s", "42 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** "$0.0012", "< $0.0001", "free". */
export function formatCost(usd: number): string {
  if (usd === 0) return 'free';
  if (usd < 0.0001) return '< $0.0001';
  return `$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(3)}`;
}
