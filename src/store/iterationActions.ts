// Iterating on a prompt: saving an edit (later replies become stale), "Save & resend" (keeping the old branch as
// an alternative or dropping it), Resend of a stale reply, and switching between a turn's alternatives.
import { markStaleAfter, switchAlternative } from './alternatives';
import { keyMayGoToBaseUrl } from './connectionActions';
import { handWrittenTurn } from './conversationSlice';
import { replyAgain, setTurns, startReply } from './actions';
import { usePlaygroundStore } from './index';
import { settlePendingReplies } from './replyCall';

const get = () => usePlaygroundStore.getState();

/** What happens to the turns after an edited one when it is resent. */
export type LaterTurns = 'keep' | 'drop';

/** Saves an edit without sending: the replies after the turn no longer answer this conversation. */
export function saveTurnEdit(turnId: string, content: string): void {
  const turn = get().conversation.turns.find((candidate) => candidate.id === turnId);
  if (!turn || turn.content === content) return;
  setTurns((turns) =>
    markStaleAfter(
      turns.map((candidate) => (candidate.id === turnId ? { ...candidate, content } : candidate)),
      turnId,
    ),
  );
}

/**
 * Saves an edit and sends the conversation up to it again. The turns after it are replaced by the new reply:
 * kept as an alternative of that reply (the old branch, marked stale, stays one switch away) or dropped.
 */
export function editAndResend(turnId: string, content: string, later: LaterTurns): void {
  settlePendingReplies();
  if (get().ui.sending) return;
  if (!keyMayGoToBaseUrl(() => editAndResend(turnId, content, later))) return;
  const edited = get().conversation.turns.map((turn) => (turn.id === turnId ? { ...turn, content } : turn));
  const index = edited.findIndex((turn) => turn.id === turnId);
  if (index < 0) return;
  const upToEdit = edited.slice(0, index + 1);
  const branch = markStaleAfter(edited, turnId).slice(index + 1);
  if (later === 'drop' || branch.length === 0) {
    setTurns(() => upToEdit);
    startReply(upToEdit);
    return;
  }
  // The branch hangs off the reply that answered the edited turn; an empty placeholder holds it when none did.
  const [first, ...rest] = branch;
  const holder = first?.role === 'assistant' ? first : handWrittenTurn('assistant', '');
  setTurns(() => [...upToEdit, holder]);
  replyAgain(holder.id, holder === first ? rest : branch);
}

/** A stale reply sent again with the turns before it as they are now; the stale one stays as an alternative. */
export function resendReply(turnId: string): void {
  replyAgain(turnId);
}

/** Shows the turn's alternative number `index` (0-based), with the branch that followed it. */
export function showAlternative(turnId: string, index: number): void {
  if (get().ui.sending) return;
  setTurns((turns) => switchAlternative(turns, turnId, index));
}
