// Reply metrics, fed incrementally: startMetrics when the request goes out, recordEvent for every StreamEvent as it
// arrives (with the arrival time, not the render time), completeMetrics when the call ends. ReplyMetrics holds
// measurements only and is persisted with the conversation; the numbers shown are derived from it where they are
// read (metricFigures.ts), so a saved reply never carries figures computed by older rules.
import type { StreamEvent } from './contracts';
import type { GenerationPhase } from './finishReasons';

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
}

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
  };
}

/** Rough token count: one per CJK character, one per four other characters (fractional, summed per reply). */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu)?.length ?? 0;
  return cjk + (text.length - cjk) / 4;
}

/**
 * The whole-token estimate of a text, as shown with "≈": the one count used wherever a text's tokens are estimated,
 * live or final, so the same text never shows two different estimates.
 */
export function estimatedTokenCount(text: string): number {
  return Math.round(estimateTokens(text));
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

/**
 * Folds one event, received at nowMs, into the metrics. Returns the same object when nothing changed. The finish
 * reason and usage are not measurements: they live on the reply (ReplyInfo.finishReason / usage).
 */
export function recordEvent(metrics: ReplyMetrics, event: StreamEvent, nowMs: number): ReplyMetrics {
  return event.kind === 'delta' ? recordDelta(metrics, event, nowMs) : metrics;
}

/** The call ended at finishedAtMs. */
export function completeMetrics(metrics: ReplyMetrics, finishedAtMs: number): ReplyMetrics {
  return { ...metrics, finishedAtMs };
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
