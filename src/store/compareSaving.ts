// Compare mode as saved and restored: whether it is open, its columns with their settings and last replies, and what
// the last run answered. A reply still arriving cannot survive a reload: it comes back interrupted, its text kept.
import { initialCompare, type CompareColumn, type CompareState } from './compareSlice';
import { settledReplyInfo } from './replyInfo';
import type { Turn } from './types';

export interface PersistedCompare {
  open: boolean;
  columns: CompareColumn[];
  /** The run by turn ids: restored only while the conversation is still the one it answered. */
  run: { turnIds: string[]; draft: string } | null;
}

export function settledColumn(column: CompareColumn): CompareColumn {
  if (!column.result) return column;
  const reply = settledReplyInfo(column.result.reply);
  return reply === column.result.reply ? column : { ...column, result: { ...column.result, reply } };
}

export function partializeCompare(compare: CompareState): PersistedCompare {
  return {
    open: compare.open,
    columns: compare.columns.map(settledColumn),
    run: compare.run ? { turnIds: compare.run.turns.map((turn) => turn.id), draft: compare.run.draft } : null,
  };
}

function sameIds(turns: readonly Turn[], ids: readonly string[]): boolean {
  return turns.length === ids.length && turns.every((turn, index) => turn.id === ids[index]);
}

/**
 * Compare mode as it was saved, tied to the restored conversation. "Keep this one" needs the very transcript the run
 * answered (compareSelectors.ts): when it is still the same turns, the run points at them; otherwise at none.
 */
export function restoredCompare(saved: PersistedCompare | null, turns: Turn[]): CompareState {
  if (!saved) return initialCompare();
  const run = saved.run ? { turns: sameIds(turns, saved.run.turnIds) ? turns : [], draft: saved.run.draft } : null;
  return { ...initialCompare(), open: saved.open, columns: saved.columns, run };
}
