// "Export conversation" / "Import conversation": the request settings (never the key) and the turns as one JSON
// file. Import is all or nothing: the file is validated in full before anything in the playground changes.
import * as z from 'zod/mini';
import type { ApiError, ApiErrorKind } from '../core/contracts';
import { redactSecret } from '../core/redaction';
import { startMetrics, type ReplyMetrics } from '../core/metrics';
import { settingsWithOwnedExtraFields } from '../core/bodySettings';
import { modelInfo } from '../core/models';
import { clampMaxTokens, clampTemperature, clampTopP, type RequestSettings } from '../core/request';
import { newId } from './ids';
import { isLiveStatus } from './replyInfo';
import { usePlaygroundStore } from './index';
import { turnsWithMeasuredMetrics } from './metricsMigration';
import { conversationFileFormat, conversationFileSchema, conversationFileVersion, fileTurnSchema } from './schema';
import type { PlaygroundState, ReplyInfo, Turn, TurnAlternative } from './types';
import { isRecord } from '../core/json';
import { parseJsonWithinLimits } from '../core/jsonLimits';

/** Larger files are refused before parsing (a conversation this big would not fit in browser storage anyway). */
export const maxConversationFileBytes = 20 * 1024 * 1024;

export interface ConversationFile {
  format: typeof conversationFileFormat;
  version: number;
  exportedAt: string;
  settings: RequestSettings;
  turns: Turn[];
}

/** `glm-conversation-YYYY-MM-DD.json`, in the user's local date. */
export function conversationFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `glm-conversation-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** The file's text. The key is not part of it; should it appear anywhere (a pasted message), it is redacted. */
export function buildConversationFile(state: PlaygroundState, now: Date): string {
  const file: ConversationFile = {
    format: conversationFileFormat,
    version: conversationFileVersion,
    exportedAt: now.toISOString(),
    settings: state.settings,
    turns: state.conversation.turns.map((turn) =>
      turn.reply ? { ...turn, reply: { ...turn.reply, retry: null } } : turn,
    ),
  };
  return redactSecret(JSON.stringify(file, null, 2), state.connection.apiKey);
}

export interface ParsedConversation {
  settings: RequestSettings;
  turns: Turn[];
  /** Values that were out of range and clamped, for the user to read. */
  notes: string[];
}

export type ParseResult = { ok: true; conversation: ParsedConversation } | { ok: false; message: string };

// zod/mini ships without messages; the English ones name what was expected and what the file holds.
const englishMessages = z.locales.en().localeError;

const notAConversation = 'This file is not a GLM Playground conversation (export one with "Export conversation").';

/** Validates a file against the current settings (missing settings keep their current values). Changes nothing. */
export function parseConversationFile(text: string, currentSettings: RequestSettings): ParseResult {
  if (text.length > maxConversationFileBytes)
    return { ok: false, message: 'This file is too large to be a conversation (over 20 MB).' };
  const limited = parseJsonWithinLimits(text);
  if (!limited.ok)
    return {
      ok: false,
      message:
        limited.reason === 'syntax'
          ? 'This file is not valid JSON, so it cannot be a conversation export.'
          : `This file cannot be imported: ${limited.message}. Nothing was imported.`,
    };
  const data = limited.value;
  if (!isRecord(data) || data.format !== conversationFileFormat) return { ok: false, message: notAConversation };
  if (typeof data.version === 'number' && data.version > conversationFileVersion) {
    return {
      ok: false,
      message: `This file comes from a newer version of GLM Playground (file version ${data.version}); update the app to import it.`,
    };
  }
  // Files exported before reply metrics held measurements only carry derived figures and copies: stripped first.
  const parsed = conversationFileSchema.safeParse(
    { ...data, turns: turnsWithMeasuredMetrics(data.turns) },
    { error: englishMessages },
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? describePath(issue.path) : 'The file';
    return {
      ok: false,
      message: `The conversation file is damaged — ${where}: ${issue?.message ?? 'invalid value'}. Nothing was imported.`,
    };
  }
  const { settings, notes } = clampedSettings(
    settingsWithOwnedExtraFields({ ...currentSettings, ...parsed.data.settings }),
  );
  return { ok: true, conversation: { settings, turns: parsed.data.turns.map(importedTurn), notes } };
}

/** Replaces the settings and the conversation with an imported one (the draft and the connection stay). */
export function applyConversation(conversation: ParsedConversation): void {
  usePlaygroundStore.setState((state) => ({
    settings: conversation.settings,
    conversation: { ...state.conversation, turns: conversation.turns },
    ui: { ...state.ui, selectedReplyId: null },
  }));
}

/** The current conversation as a file to download (components save it with downloadText). */
export function exportConversation(now = new Date()): { fileName: string; text: string } {
  return { fileName: conversationFileName(now), text: buildConversationFile(usePlaygroundStore.getState(), now) };
}

// ---- helpers ----------------------------------------------------------------------------------------

/** ['turns', 2, 'content'] → "message 3, content". */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The file';
  const parts: string[] = [];
  for (let index = 0; index < path.length; index += 1) {
    const part = path[index];
    const next = path[index + 1];
    if (part === 'turns' && typeof next === 'number') {
      parts.push(`message ${next + 1}`);
      index += 1;
    } else {
      parts.push(String(part));
    }
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clampedSettings(settings: RequestSettings): { settings: RequestSettings; notes: string[] } {
  const notes: string[] = [];
  const clamped = {
    ...settings,
    temperature: clampTemperature(settings.temperature),
    topP: clampTopP(settings.topP),
    maxTokens: clampMaxTokens(settings.maxTokens, modelInfo(settings.model)),
  };
  if (clamped.temperature !== settings.temperature)
    notes.push(`Temperature ${settings.temperature} was out of range and set to ${clamped.temperature}.`);
  if (clamped.topP !== settings.topP) notes.push(`Top P ${settings.topP} was out of range and set to ${clamped.topP}.`);
  if (clamped.maxTokens !== settings.maxTokens)
    notes.push(`Max tokens ${settings.maxTokens} was out of range and set to ${clamped.maxTokens}.`);
  return { settings: clamped, notes };
}

type FileTurn = z.infer<typeof fileTurnSchema>;
type FileReply = NonNullable<FileTurn['reply']>;

/** A fresh id (files may repeat ids), and a reply that was still streaming when exported can only be partial. */
function importedTurn(turn: FileTurn): Turn {
  return {
    id: newId('turn'),
    role: turn.role,
    content: turn.content,
    reasoning: turn.reasoning,
    excluded: turn.excluded,
    reply: turn.reply ? importedReply(turn.reply) : null,
    ...(turn.images.length > 0 ? { images: turn.images } : {}),
    ...(turn.toolCalls ? { toolCalls: turn.toolCalls } : {}),
    ...(turn.toolCallId === undefined ? {} : { toolCallId: turn.toolCallId }),
    ...importedIteration(turn),
  };
}

/** An alternative as the file holds it: a turn's fields, and the turns of its branch. */
type FileAlternative = Omit<FileTurn, 'id'> & { followingTurns?: FileTurn[] };

/** Alternatives and staleness as in the file; turns of a kept branch get new ids like every imported turn. */
function importedIteration(turn: FileTurn): Partial<Turn> {
  const alternatives = (turn.alternatives as FileAlternative[] | undefined)?.map(
    ({ followingTurns, ...fields }): TurnAlternative => {
      const { id: _id, ...imported } = importedTurn(fields);
      return followingTurns ? { ...imported, followingTurns: followingTurns.map(importedTurn) } : imported;
    },
  );
  return {
    ...(turn.stale ? { stale: true } : {}),
    ...(alternatives && alternatives.length > 0
      ? { alternatives, alternativeIndex: Math.min(turn.alternativeIndex ?? alternatives.length, alternatives.length) }
      : {}),
  };
}

function importedReply(reply: FileReply): ReplyInfo {
  const status = isLiveStatus(reply.status) ? 'interrupted' : reply.status;
  return {
    status,
    request: { baseUrl: reply.request.baseUrl, body: reply.request.body as ReplyInfo['request']['body'] },
    error: reply.error ? importedError(reply.error) : null,
    finishReason: reply.finishReason,
    usage: reply.usage,
    metrics: importedMetrics(reply.metrics),
    warnings: reply.warnings,
    retry: null,
    ...(reply.earlierParts
      ? { earlierParts: reply.earlierParts.map((part) => ({ ...part, metrics: importedMetrics(part.metrics) })) }
      : {}),
  };
}

const errorKinds: readonly ApiErrorKind[] = [
  'auth',
  'account',
  'parameters',
  'model',
  'permission',
  'too-long',
  'content-blocked',
  'rate-limit',
  'quota',
  'plan',
  'server',
  'not-found',
  'network',
  'stream',
  'unknown',
];

/** Only the fields the UI reads, each with the right type (the file is untrusted input). */
function importedError(error: Record<string, unknown> & { title: string; advice: string }): ApiError {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return {
    kind: errorKinds.find((kind) => kind === error.kind) ?? 'unknown',
    status: number(error.status),
    code: text(error.code),
    serverMessage: text(error.serverMessage),
    title: error.title,
    advice: error.advice,
    retryable: false,
    retryAfterMs: null,
  };
}

/** Starts from empty metrics and keeps each imported value whose type matches. */
function importedMetrics(raw: Record<string, unknown>): ReplyMetrics {
  const metrics: Record<string, unknown> = { ...startMetrics(0) };
  for (const [key, fallback] of Object.entries(metrics)) {
    const value = raw[key];
    if (value === undefined) continue;
    const finiteNumber = typeof value === 'number' && Number.isFinite(value);
    if (typeof fallback === 'number' && finiteNumber) metrics[key] = value;
    else if (fallback === null && (value === null || finiteNumber)) metrics[key] = value;
    else if (key === 'phase' && (value === 'waiting' || value === 'reasoning' || value === 'answer'))
      metrics[key] = value;
  }
  return metrics as unknown as ReplyMetrics;
}
