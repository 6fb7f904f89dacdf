// How much room each saved conversation takes, for the Storage section: the largest first, so the user sees what
// to delete when storage runs low.
import { activeAsSaved, conversationTitle } from './librarySlice';
import type { PlaygroundState } from './types';

export interface ConversationSize {
  id: string;
  title: string;
  /** Characters of its saved form (about its size in bytes for most text). */
  characters: number;
}

export function largestConversations(state: PlaygroundState, count = 5): ConversationSize[] {
  return state.library.conversations
    .map((entry) => (entry.id === state.library.activeId ? activeAsSaved(state, entry.updatedAt) : entry))
    .map((entry) => ({ id: entry.id, title: conversationTitle(entry), characters: JSON.stringify(entry).length }))
    .sort((a, b) => b.characters - a.characters)
    .slice(0, count);
}
