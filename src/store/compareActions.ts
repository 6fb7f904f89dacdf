// Compare mode's side effects: open/close, columns and their settings, running the same conversation in every
// column at once (each column its own lane in replyCall.ts), Stop per column, and "Keep this one".
import { messageContent } from '../core/messageContent';
import { modelInfo } from '../core/models';
import { buildChatRequest, clampMaxTokens, clampTemperature, clampTopP } from '../core/request';
import { keyMayGoToBaseUrl } from './connectionActions';
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
import { handWrittenTurn } from './conversationSlice';
import { newId } from './ids';
import { flushSavedState, usePlaygroundStore } from './index';
import { recordHistory } from './historyActions';
import { settlePendingReplies, startReplyCall, stopReplyCall, type ReplyTarget } from './replyCall';
import { newReplyInfo } from './replyInfo';
import { pendingTurns } from './selectors';
import type { Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

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

/** Each column runs in its own lane, so all columns stream at once. */
function columnLane(columnId: string): string {
  return `column:${columnId}`;
}

/** The column a call writes its reply into. */
function columnTarget(columnId: string): ReplyTarget {
  return {
    lane: columnLane(columnId),
    replyId: columnId,
    read: () => get().compare.columns.find((column) => column.id === columnId)?.result ?? null,
    write: (update) => updateResult(columnId, update),
    attemptSettled: recordHistory,
  };
}

/**
 * Sends the conversation — the transcript plus the draft, exactly what Send would send — once per column, with
 * that column's settings, all at once. The draft stays in the Message box until a column is kept.
 */
export function runCompare(): void {
  settlePendingReplies();
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
    // The message as sent, attached texts and all: Keep adds it as the user turn.
    run: {
      turns: state.conversation.turns,
      draft: messageContent(state.conversation.draft, state.conversation.draftTexts),
    },
    kept: null,
  }));
  for (const column of columns) if (column.result) startReplyCall(columnTarget(column.id), column.result.reply.request);
}

/** Stops one column at any moment (before the first byte, while thinking, answering or waiting to retry). */
export function stopColumn(columnId: string): void {
  stopReplyCall(columnLane(columnId));
}

export function stopAllColumns(): void {
  for (const column of get().compare.columns) stopColumn(column.id);
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
  set((current) => {
    const { draft, draftTexts } = current.conversation;
    // Typed after the run: a newer draft is the user's next message, not the one just kept.
    const kept = messageContent(draft, draftTexts) === run.draft;
    return {
      conversation: {
        ...current.conversation,
        turns: [...current.conversation.turns, ...added],
        ...(kept ? { draft: '', draftTexts: [] } : {}),
      },
      ui: { ...current.ui, selectedReplyId: null },
      compare: {
        ...current.compare,
        run: null,
        kept: { columnNumber: index + 1, description: describeColumnSettings(column.settings) },
        columns: current.compare.columns.map((candidate) => ({ ...candidate, result: null })),
      },
    };
  });
  flushSavedState();
}
