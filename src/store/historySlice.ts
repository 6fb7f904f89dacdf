// Request history: every request sent, exactly as sent, with how it ended. Newest first, bounded.
import type { Usage } from '../core/contracts';
import type { ChatRequest } from '../core/request';
import { sinceStartMs, usageCostUsd } from '../core/metricFigures';
import { modelInfo } from '../core/models';
import { newId } from './ids';
import type { ReplyInfo, ReplyStatus } from './types';

export interface HistoryEntry {
  id: string;
  /** When the request was sent (ms since epoch). */
  sentAt: number;
  /** Exactly what was sent (ReplyInfo.request). */
  request: ChatRequest;
  status: ReplyStatus;
  finishReason: string | null;
  usage: Usage | null;
  /** Whole call, request to last byte: the entry's one timing, measured when the call ended (it keeps no metrics). */
  latencyMs: number | null;
  /** The error's headline, for failed requests. */
  errorTitle: string | null;
}

export interface HistoryState {
  entries: HistoryEntry[];
  /** How many entries are kept. */
  limit: number;
}

export const defaultHistoryLimit = 50;
export const historyLimitRange = { min: 1, max: 500 } as const;

export function initialHistory(): HistoryState {
  return { entries: [], limit: defaultHistoryLimit };
}

export function clampHistoryLimit(value: number): number {
  if (!Number.isFinite(value)) return defaultHistoryLimit;
  return Math.min(historyLimitRange.max, Math.max(historyLimitRange.min, Math.round(value)));
}

/** The history entry for a turn's or a compare column's reply; null for a hand-written turn. */
export function historyEntryFor({ reply }: { reply: ReplyInfo | null }): HistoryEntry | null {
  if (!reply) return null;
  return {
    id: newId('request'),
    sentAt: reply.metrics.startedAtMs,
    request: reply.request,
    status: reply.status,
    finishReason: reply.finishReason,
    usage: reply.usage,
    latencyMs: sinceStartMs(reply.metrics, reply.metrics.finishedAtMs),
    errorTitle: reply.error?.title ?? null,
  };
}

/** The entry's cost at the catalogue price of the model it was sent to; null without usage or for a custom model. */
export function historyEntryCostUsd(entry: HistoryEntry): number | null {
  return usageCostUsd(entry.usage, modelInfo(entry.request.body.model));
}

/** Newest first; the oldest entries beyond the limit are dropped. */
export function withEntry(history: HistoryState, entry: HistoryEntry): HistoryState {
  return { ...history, entries: [entry, ...history.entries].slice(0, history.limit) };
}

export function withLimit(history: HistoryState, limit: number): HistoryState {
  const clamped = clampHistoryLimit(limit);
  return { limit: clamped, entries: history.entries.slice(0, clamped) };
}
