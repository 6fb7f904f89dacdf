// "Turn deleted. Undo": the deleted turn is kept for a few seconds, as a deleted conversation is (libraryActions.ts).
import { usePlaygroundStore } from './index';
import { onRuntimeReset } from './runtime';
import type { Turn } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

/** How long "Undo" stays offered after a delete (of a turn, or of a conversation: libraryActions.ts). */
export const undoDeleteMs = 8000;

let undoTimer: ReturnType<typeof setTimeout> | null = null;
onRuntimeReset(() => {
  if (undoTimer !== null) clearTimeout(undoTimer);
  undoTimer = null;
});

function forgetDeletedTurn(): void {
  if (undoTimer !== null) clearTimeout(undoTimer);
  undoTimer = null;
  set((state) => ({ ui: { ...state.ui, deletedTurn: null } }));
}

/** Keeps a just-deleted turn for Undo (the previous one can no longer be brought back). */
export function rememberDeletedTurn(turn: Turn, index: number): void {
  if (undoTimer !== null) clearTimeout(undoTimer);
  set((state) => ({ ui: { ...state.ui, deletedTurn: { turn, index, conversationId: state.library.activeId } } }));
  undoTimer = setTimeout(forgetDeletedTurn, undoDeleteMs);
}

/** Puts the last deleted turn back where it was, if its conversation is still the open one. */
export function undoDeleteTurn(): void {
  const { ui, library, conversation } = get();
  const deleted = ui.deletedTurn;
  forgetDeletedTurn();
  if (!deleted || deleted.conversationId !== library.activeId) return;
  if (conversation.turns.some((turn) => turn.id === deleted.turn.id)) return;
  const turns = [...conversation.turns];
  turns.splice(Math.min(deleted.index, turns.length), 0, deleted.turn);
  set((state) => ({ conversation: { ...state.conversation, turns } }));
}
