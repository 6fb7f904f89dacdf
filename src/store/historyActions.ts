// Actions for the request history: recording each call as it ends, its limit, clearing it. Apart from the other
// library actions (libraryActions.ts), which Send does not need before the Message box is shown.
import { usePlaygroundStore } from './index';
import { historyEntryFor, withEntry, withLimit } from './historySlice';
import type { ReplyInfo } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

/** Called once when a call's attempt ends (replyCall.ts): the request exactly as sent and how it ended. */
export function recordHistory(holder: { reply: ReplyInfo | null }): void {
  const entry = historyEntryFor(holder);
  if (entry) set((state) => ({ history: withEntry(state.history, entry) }));
}

export function setHistoryLimit(limit: number): number {
  set((state) => ({ history: withLimit(state.history, limit) }));
  return get().history.limit;
}

export function clearHistory(): void {
  set((state) => ({ history: { ...state.history, entries: [] } }));
}
