// Compare mode's side effects: open/close, columns and their settings, running the same conversation in every
// column at once (one AbortController and one frame scheduler per column), Stop per column, and "Keep this one".
import { modelInfo } from '../core/models';
import { buildChatRequest, clampMaxTokens, clampTemperature, clampTopP, type ChatRequest } from '../core/request';
import { isCrossOrigin, keyMayGoToBaseUrl, replyStreamWhenReady, streamLoadError } from './actions';
import {
  columnSettingsForModel,
  defaultCompareColumns,
  describeColumnSettings,
  effectiveColumnSettings,
  maxCompareColumns,
  minCompareColumns,
  newCompareColumn,
  type CompareColumn,
  type CompareColumnSettings,
  type CompareResult,
  type CompareState,
} from './compareSlice';
import { selectCanKeepColumn, selectCanRunCompare } from './compareSelectors';
import { outgoingApiKey } from './connectionSlice';
import { handWrittenTurn } from './conversationSlice';
import { newId } from './ids';
import { flushSavedState, usePlaygroundStore } from './index';
import { applyDelta, newReplyInfo } from './replyInfo';
import { pendingTurns } from './selectors';
import type { Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState;

function patchCompare(update: (compare: CompareState) => Partial<CompareState>): void {
  set((state) => ({ compare: { ...state.compare, ...update(state.compare) } }));
}

function updateColumn(columnId: string, update: (column: CompareColumn) => CompareColumn): void {
  patchCompare((compare) => ({
    columns: compare.columns.map((column) => (column.id === columnId ? update(column) : column)),
  }));
}

function updateResult(columnId: string, update: (result: CompareResult) => CompareResult): void {
  updateColumn(columnId, (column) => (column.result ? { ...column, result: update(column.result) } : column));
}

// ---- mode and columns -------------------------------------------------------------------------------

/** Opens Compare; the first time, with the sidebar's model, Thinking on vs off. */
export function openCompare(): void {
  const { settings } = get();
  patchCompare((compare) => ({
    open: true,
    columns: compare.columns.length > 0 ? compare.columns : defaultCompareColumns(settings),
  }));
}

/** Closes Compare and stops whatever still runs there (the columns and their settings stay for next time). */
export function closeCompare(): void {
  stopAllColumns();
  patchCompare(() => ({ open: false }));
}

export function toggleCompare(): void {
  if (get().compare.open) closeCompare();
  else openCompare();
}

/** A new column starts as a copy of the last one's settings (change one thing, compare). */
export function addCompareColumn(): void {
  const { columns } = get().compare;
  const last = columns[columns.length - 1];
  if (!last || columns.length >= maxCompareColumns) return;
  patchCompare((compare) => ({ columns: [...compare.columns, newCompareColumn({ ...last.settings })] }));
}

export function removeCompareColumn(columnId: string): void {
  if (get().compare.columns.length <= minCompareColumns) return;
  stopColumn(columnId);
  calls.delete(columnId);
  patchCompare((compare) => ({ columns: compare.columns.filter((column) => column.id !== columnId) }));
}

function patchColumnSettings(
  columnId: string,
  patch: (settings: CompareColumnSettings) => Partial<CompareColumnSettings>,
): void {
  updateColumn(columnId, (column) => ({ ...column, settings: { ...column.settings, ...patch(column.settings) } }));
}

export function setColumnModel(columnId: string, model: string): void {
  if (model.trim() === '') return;
  patchColumnSettings(columnId, (settings) => columnSettingsForModel(settings, model));
}

export function setColumnThinking(columnId: string, thinking: boolean): void {
  patchColumnSettings(columnId, () => ({ thinking }));
}

export function setColumnStream(columnId: string, stream: boolean): void {
  patchColumnSettings(columnId, () => ({ stream }));
}

/** Clamped like the sidebar; returns the value applied. */
export function setColumnTemperature(columnId: string, value: number): number {
  const temperature = clampTemperature(value);
  patchColumnSettings(columnId, () => ({ temperature }));
  return temperature;
}

export function setColumnTopP(columnId: string, value: number): number {
  const topP = clampTopP(value);
  patchColumnSettings(columnId, () => ({ topP }));
  return topP;
}

export function setColumnMaxTokens(columnId: string, value: number): number {
  const column = get().compare.columns.find((candidate) => candidate.id === columnId);
  const maxTokens = clampMaxTokens(value, modelInfo(column?.settings.model ?? ''));
  patchColumnSettings(columnId, () => ({ maxTokens }));
  return maxTokens;
}

// ---- running ----------------------------------------------------------------------------------------

interface ColumnCall {
  columnId: string;
  controller: AbortController;
  retryTimer: ReturnType<typeof setTimeout> | null;
}

/** The call in flight (or waiting to retry) per column id. */
const calls = new Map<string, ColumnCall>();

/**
 * Sends the conversation — the transcript plus the draft, exactly what Send would send — once per column, with
 * that column's settings, all at once. The draft stays in the Message box until a column is kept.
 */
export function runCompare(): void {
  const state = get();
  if (!state.compare.open || !selectCanRunCompare(state).ok) return;
  if (!keyMayGoToBaseUrl(runCompare)) return;
  const turns = pendingTurns(state);
  const { baseUrl } = state.connection;
  const columns = state.compare.columns.map((column): CompareColumn => {
    const request = buildChatRequest(baseUrl, effectiveColumnSettings(state.settings, column.settings), turns);
    return { ...column, result: { content: '', reasoning: '', reply: newReplyInfo(request) } };
  });
  patchCompare(() => ({
    columns,
    run: { turns: state.conversation.turns, draft: state.conversation.draft },
    kept: null,
  }));
  for (const column of columns) if (column.result) beginColumnCall(column.id, column.result.reply.request, 0);
}

/** Stops one column at any moment (before the first byte, while thinking, answering or waiting to retry). */
export function stopColumn(columnId: string): void {
  const call = calls.get(columnId);
  if (!call) return;
  if (call.retryTimer !== null) {
    clearTimeout(call.retryTimer);
    calls.delete(columnId);
    updateResult(columnId, (result) => ({ ...result, reply: { ...result.reply, retry: null } }));
    return;
  }
  call.controller.abort();
}

export function stopAllColumns(): void {
  for (const columnId of [...calls.keys()]) stopColumn(columnId);
}

function beginColumnCall(columnId: string, request: ChatRequest, attempt: number): void {
  const call: ColumnCall = { columnId, controller: new AbortController(), retryTimer: null };
  calls.set(columnId, call);
  void runColumnCall(call, request, attempt);
}

async function runColumnCall(call: ColumnCall, request: ChatRequest, attempt: number): Promise<void> {
  const current = () => calls.get(call.columnId) === call;
  const ready = replyStreamWhenReady();
  const replyStream = ready instanceof Promise ? await ready : ready;
  if (!current()) return;
  if (!replyStream) {
    updateResult(call.columnId, (result) => ({
      ...result,
      reply: { ...result.reply, status: 'error', error: streamLoadError, retry: null },
    }));
    calls.delete(call.columnId);
    return;
  }
  const { settledReply, streamReply } = replyStream;
  const { connection } = get();
  const outcome = await streamReply({
    request,
    apiKey: outgoingApiKey(connection),
    signal: call.controller.signal,
    crossOrigin: isCrossOrigin(request.baseUrl),
    stallTimeoutMs: connection.stallTimeoutSeconds * 1000,
    fetch: (input, init) => globalThis.fetch(input, init),
    accepts: current,
    commit: (delta) => {
      if (current()) updateResult(call.columnId, (result) => applyDelta(result, delta));
    },
  });
  if (!current()) return;

  updateResult(call.columnId, (result) => ({
    ...result,
    reply: settledReply(result.reply, result.content, outcome, attempt, Date.now(), Math.random),
  }));
  const retry = get().compare.columns.find((column) => column.id === call.columnId)?.result?.reply.retry ?? null;
  if (retry === null) {
    calls.delete(call.columnId);
    return;
  }
  call.retryTimer = setTimeout(() => {
    if (!current()) return;
    updateResult(call.columnId, () => ({
      content: '',
      reasoning: '',
      reply: { ...newReplyInfo(request), retry: null },
    }));
    beginColumnCall(call.columnId, request, attempt + 1);
  }, retry.delayMs);
}

// ---- keeping a column -------------------------------------------------------------------------------

/**
 * "Keep this one": the draft that was compared becomes a user turn and this column's reply the assistant turn
 * after it (with its request, metrics and warnings), as if it had been sent alone. The sidebar settings stay as
 * they are — the column's settings applied to this one reply only. The comparison is then spent: its columns
 * empty, ready for the next message.
 */
export function keepColumn(columnId: string): void {
  const state = get();
  const { run } = state.compare;
  const index = state.compare.columns.findIndex((column) => column.id === columnId);
  const column = state.compare.columns[index];
  if (!run || !column?.result || !selectCanKeepColumn(state, columnId).ok) return;
  const { content, reasoning, reply } = column.result;
  const added: Turn[] = [];
  if (run.draft.trim() !== '') added.push(handWrittenTurn('user', run.draft));
  added.push({ id: newId('turn'), role: 'assistant', content, reasoning, excluded: false, reply });
  set((current) => ({
    conversation: {
      ...current.conversation,
      turns: [...current.conversation.turns, ...added],
      // Typed after the run: a newer draft is the user's next message, not the one just kept.
      draft: current.conversation.draft === run.draft ? '' : current.conversation.draft,
    },
    ui: { ...current.ui, selectedReplyId: null },
    compare: {
      ...current.compare,
      run: null,
      kept: { columnNumber: index + 1, description: describeColumnSettings(column.settings) },
      columns: current.compare.columns.map((candidate) => ({ ...candidate, result: null })),
    },
  }));
  flushSavedState();
}
