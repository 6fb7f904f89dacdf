import type { TurnRole } from '../core/request';
import { newId } from './ids';
import type { ConversationState, Turn } from './types';

export function initialConversation(): ConversationState {
  return { turns: [], draft: '' };
}

export function handWrittenTurn(role: TurnRole, content: string): Turn {
  return { id: newId('turn'), role, content, reasoning: '', excluded: false, reply: null };
}

/** The turn with this id, if the conversation still has it. */
export function findTurn(turns: readonly Turn[], turnId: string): Turn | undefined {
  return turns.find((turn) => turn.id === turnId);
}

export function moveItem<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(target, 0, item);
  return moved;
}
