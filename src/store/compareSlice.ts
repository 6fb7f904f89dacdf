// Compare mode: the same conversation sent with two to four settings at once. This slice is
// plain data and pure helpers; the calls themselves live in compareActions.ts, saving and restoring in
// compareSaving.ts (a stream cannot survive a reload: a reply in flight comes back interrupted).
import { modelInfo, supportsThinking } from '../core/models';
import { defaultSettingsFor, type RequestSettings } from '../core/request';
import { newId } from './ids';
import { isLiveStatus } from './replyInfo';
import type { ReplyInfo, Turn } from './types';

export const minCompareColumns = 2;
export const maxCompareColumns = 4;

/** What a column may set differently; everything else (system prompt, pins, extra fields…) comes from the sidebar. */
export type CompareColumnSettings = Pick<
  RequestSettings,
  'model' | 'thinking' | 'stream' | 'temperature' | 'topP' | 'maxTokens'
>;

/** One column's reply, shaped like an assistant turn so that "Keep this one" can append it as it is. */
export interface CompareResult {
  content: string;
  reasoning: string;
  reply: ReplyInfo;
}

export interface CompareColumn {
  id: string;
  settings: CompareColumnSettings;
  result: CompareResult | null;
}

/** What the last "Run comparison" sent: the transcript as it was (by reference) and the draft. */
export interface CompareRun {
  turns: Turn[];
  draft: string;
}

export interface CompareState {
  open: boolean;
  columns: CompareColumn[];
  run: CompareRun | null;
  /** Set by "Keep this one", for the confirmation line; cleared by the next run. */
  kept: { columnNumber: number; description: string } | null;
}

export function initialCompare(): CompareState {
  return { open: false, columns: [], run: null, kept: null };
}

export function columnSettingsFrom(settings: RequestSettings, thinking: boolean): CompareColumnSettings {
  const { model, stream, temperature, topP, maxTokens } = settings;
  return { model, thinking, stream, temperature, topP, maxTokens };
}

export function newCompareColumn(settings: CompareColumnSettings): CompareColumn {
  return { id: newId('column'), settings, result: null };
}

/** The default demonstration: the sidebar's model with Thinking on, and the same with Thinking off. */
export function defaultCompareColumns(settings: RequestSettings): CompareColumn[] {
  return [newCompareColumn(columnSettingsFrom(settings, true)), newCompareColumn(columnSettingsFrom(settings, false))];
}

/** A model switch in a column applies that model's defaults, as the sidebar does (thinking and stream stay). */
export function columnSettingsForModel(current: CompareColumnSettings, model: string): CompareColumnSettings {
  const defaults = defaultSettingsFor(model, { thinking: current.thinking, stream: current.stream });
  return columnSettingsFrom(defaults, current.thinking);
}

/** The settings a column sends: the sidebar's, with the column's own choices on top. */
export function effectiveColumnSettings(main: RequestSettings, column: CompareColumnSettings): RequestSettings {
  return { ...main, ...column };
}

/** "glm-4.7, thinking on" — the column's accessible name and its row in the summary. */
export function describeColumnSettings(settings: CompareColumnSettings): string {
  const thinking = supportsThinking(modelInfo(settings.model))
    ? `thinking ${settings.thinking ? 'on' : 'off'}`
    : 'no thinking mode';
  return `${settings.model}, ${thinking}`;
}

export function isLiveResult(result: CompareResult | null): boolean {
  return isLiveStatus(result?.reply.status) || Boolean(result?.reply.retry);
}

export function isCompareRunning(compare: CompareState): boolean {
  return compare.columns.some((column) => isLiveResult(column.result));
}
