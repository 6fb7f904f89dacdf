// Request history: every request sent, exactly as sent, with how it ended. Newest first, bounded.
import type { Usage } from '../core/contracts';
import { settingsFromParsed, settingsPatchFromBody } from '../core/bodySettings';
import { messageImageUrls, messageText } from '../core/contentParts';
import { isFormOwnedField, type ChatRequest, type ChatRequestBody, type RequestSettings } from '../core/request';
import { sinceStartMs, usageCostUsd } from '../core/metricFigures';
import { modelInfo } from '../core/models';
import { newId } from './ids';
import { handWrittenTurn } from './conversationSlice';
import { describeImageUrls } from './imageSelectors';
import type { ReplyInfo, ReplyStatus, Turn } from './types';

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

// ---- "Open": a sent request back into settings and turns ---------------------------------------------

export interface RestoredRequest {
  settings: RequestSettings;
  turns: Turn[];
  /** What the form cannot show (kept out of the restored request), for the user to read. */
  notes: string[];
  /** The bytes of the turns' inline images by image id (null: left out of the saved copy). */
  imageBytes: Record<string, string | null>;
}

/**
 * Settings and turns that rebuild this body: the form values as bodySettings.ts maps them (parameters pinned where
 * present), the leading system message, the turns and any other fields.
 */
export function restoreRequest(body: ChatRequestBody, current: RequestSettings): RestoredRequest {
  const notes: string[] = [];
  const messages = [...body.messages];
  let systemPrompt = '';
  if (messages[0]?.role === 'system') systemPrompt = messageText(messages.shift()?.content ?? '');
  const turns: Turn[] = [];
  const imageBytes: Record<string, string | null> = {};
  for (const message of messages) {
    if (message.role !== 'user' && message.role !== 'assistant') {
      notes.push(`A ${message.role} message cannot be shown in the conversation and was left out.`);
      continue;
    }
    const turn = {
      ...handWrittenTurn(message.role, messageText(message.content)),
      reasoning: message.reasoning_content ?? '',
    };
    const imageUrls = messageImageUrls(message.content);
    const { images, bytes } = describeImageUrls(imageUrls);
    Object.assign(imageBytes, bytes);
    turns.push(imageUrls.length > 0 ? { ...turn, images } : turn);
  }
  // Fields without a form control (stop, do_sample…) go back verbatim.
  const model = modelInfo(body.model);
  const extraFields = Object.fromEntries(Object.entries(body).filter(([name]) => !isFormOwnedField(name, model)));
  const settings = settingsFromParsed(
    { settingsPatch: settingsPatchFromBody(body, systemPrompt), extraFields },
    current,
  );
  return { settings, turns, notes, imageBytes };
}
