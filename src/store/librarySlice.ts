// Saved conversations. The working copy stays in `settings` + `conversation`; the library holds every saved
// conversation, one of which (activeId) is the working copy's place. Its stored turns are stale while it is active:
// read entries through librarySummaries / activeAsSaved, which take the working copy for the active one.
import { messageContent } from '../core/messageContent';
import type { RequestSettings } from '../core/request';
import { newId } from './ids';
import { initialSettings } from './settingsSlice';
import type { PlaygroundState, Turn } from './types';
import { hasVisibleText } from '../core/visibleText';

export interface SavedConversation {
  id: string;
  /** Set by Rename; null: derived from the first user message. */
  title: string | null;
  createdAt: number;
  updatedAt: number;
  settings: RequestSettings;
  turns: Turn[];
  draft: string;
}

export interface LibraryState {
  conversations: SavedConversation[];
  /** The conversation the working copy belongs to. */
  activeId: string;
  /** The last deleted conversation, for Undo (not saved). */
  recentlyDeleted: { conversation: SavedConversation; index: number; wasActive: boolean } | null;
}

/** What is saved: the active entry without its turns (they are saved once, as the working copy). */
export interface PersistedLibrary {
  conversations: SavedConversation[];
  activeId: string;
}

export const untitled = 'Untitled';
const titleLength = 60;

export function emptyConversation(settings: RequestSettings, now = Date.now()): SavedConversation {
  return { id: newId('conversation'), title: null, createdAt: now, updatedAt: now, settings, turns: [], draft: '' };
}

export function initialLibrary(): LibraryState {
  const first = emptyConversation(initialSettings());
  return { conversations: [first], activeId: first.id, recentlyDeleted: null };
}

/** The first user message, on one line and cut to a readable length. */
export function derivedTitle(turns: readonly Pick<Turn, 'role' | 'content'>[]): string {
  const first = turns.find((turn) => turn.role === 'user' && hasVisibleText(turn.content));
  if (!first) return untitled;
  // A title is plain text: emphasis, inline-code and heading markers typed in the message are dropped.
  const line = first.content
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|`)/g, '')
    .trim()
    .replace(/\s+/g, ' ');
  return line.length > titleLength ? `${line.slice(0, titleLength - 1)}…` : line;
}

export function conversationTitle(conversation: Pick<SavedConversation, 'title' | 'turns'>): string {
  return conversation.title ?? derivedTitle(conversation.turns);
}

/** The working copy as a saved conversation (for the active entry). */
export function activeAsSaved(state: PlaygroundState, now = Date.now()): SavedConversation {
  const stored = state.library.conversations.find((entry) => entry.id === state.library.activeId);
  return {
    id: state.library.activeId,
    title: stored?.title ?? null,
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
    settings: state.settings,
    turns: state.conversation.turns,
    // Saved conversations keep typed text only: attached texts go along as text, so switching loses nothing.
    draft: messageContent(state.conversation.draft, state.conversation.draftTexts),
  };
}

export interface ConversationSummary {
  id: string;
  title: string;
  active: boolean;
  messageCount: number;
}

/** Search over the title, the system prompt, the draft and every turn; `query` is trimmed and lower-case. */
export function conversationMatches(
  entry: Pick<SavedConversation, 'title' | 'turns' | 'settings' | 'draft'>,
  query: string,
): boolean {
  if (query === '') return true;
  const haystacks = [
    conversationTitle(entry),
    entry.settings.systemPrompt,
    entry.draft,
    ...entry.turns.map((turn) => turn.content),
  ];
  return haystacks.some((text) => text.toLowerCase().includes(query));
}

/** The list as shown: the active entry read from the working copy, filtered by a search over titles and text. */
export function librarySummaries(state: PlaygroundState, search = ''): ConversationSummary[] {
  const query = search.trim().toLowerCase();
  const { activeId } = state.library;
  return state.library.conversations
    .map((entry) =>
      entry.id === activeId
        ? { ...entry, settings: state.settings, turns: state.conversation.turns, draft: state.conversation.draft }
        : entry,
    )
    .filter((entry) => conversationMatches(entry, query))
    .map((entry) => ({
      id: entry.id,
      title: conversationTitle(entry),
      active: entry.id === activeId,
      messageCount: entry.turns.length,
    }));
}

// ---- saving and restoring ---------------------------------------------------------------------------

export function partializeLibrary(library: LibraryState, settings: RequestSettings): PersistedLibrary {
  return {
    activeId: library.activeId,
    conversations: library.conversations.map((entry) =>
      entry.id === library.activeId ? { ...entry, settings, turns: [], draft: '' } : entry,
    ),
  };
}

/** The restored library, with an entry for the working copy whatever was lost. */
export function restoredLibrary(saved: PersistedLibrary | null, settings: RequestSettings): LibraryState {
  const conversations = saved?.conversations ?? [];
  if (saved && conversations.some((entry) => entry.id === saved.activeId))
    return { conversations, activeId: saved.activeId, recentlyDeleted: null };
  const active = emptyConversation(settings);
  return { conversations: [active, ...conversations], activeId: active.id, recentlyDeleted: null };
}
