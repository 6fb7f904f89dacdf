// Saved conversations. The working copy stays in `settings` + `conversation`; the library holds every saved
// conversation, one of which (activeId) is the working copy's place. Its stored turns are stale while it is active:
// read entries through librarySummaries / activeAsSaved, which take the working copy for the active one.
import { messageContent } from '../core/messageContent';
import * as z from 'zod/mini';
import { settingsWithOwnedExtraFields } from '../core/bodySettings';
import type { RequestSettings } from '../core/request';
import { newId } from './ids';
import { settledTurn } from './replyInfo';
import { settingsSchema, turnSchema } from './schema';
import { initialSettings } from './settingsSlice';
import type { PlaygroundState, Turn } from './types';
import { isRecord } from '../core/json';
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

/** Version 1 kept one conversation: it becomes the active (and only) entry of the library. */
export function wrapConversationInLibrary(
  persisted: Record<string, unknown>,
  now = Date.now(),
): Record<string, unknown> {
  if ('library' in persisted) return persisted;
  const id = newId('conversation');
  const settings = isRecord(persisted.settings) ? persisted.settings : {};
  return {
    ...persisted,
    library: {
      activeId: id,
      conversations: [{ id, title: null, createdAt: now, updatedAt: now, settings, turns: [], draft: '' }],
    },
  };
}

const savedConversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.nullable(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  settings: settingsSchema,
  // Turn by turn (salvageTurns): one bad turn must not cost the whole conversation.
  turns: z.array(z.unknown()),
  draft: z.string(),
});

/** The turns that can be read; the rest are counted. */
export function salvageTurns(raw: readonly unknown[]): { turns: Turn[]; dropped: number } {
  const turns: Turn[] = [];
  let dropped = 0;
  for (const candidate of raw) {
    // A reply saved before automatic retries existed has no retry field.
    const parsed = turnSchema.safeParse(
      isRecord(candidate) && isRecord(candidate.reply)
        ? { ...candidate, reply: { retry: null, ...candidate.reply } }
        : candidate,
    );
    if (parsed.success) turns.push(settledTurn(parsed.data as Turn));
    else dropped += 1;
  }
  return { turns, dropped };
}

export interface SalvagedLibrary {
  library: PersistedLibrary | null;
  /** Entries that could not be read and were left out. */
  skipped: number;
  /** Turns of readable entries that could not be read and were left out. */
  droppedTurns: number;
}

/** Every readable entry; a damaged one is skipped (and counted), never the whole list. */
export function salvageLibrary(raw: unknown): SalvagedLibrary {
  if (raw === undefined) return { library: null, skipped: 0, droppedTurns: 0 };
  if (!isRecord(raw) || !Array.isArray(raw.conversations)) return { library: null, skipped: 1, droppedTurns: 0 };
  const conversations: SavedConversation[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let droppedTurns = 0;
  for (const entry of raw.conversations as unknown[]) {
    // Settings saved by an older version may lack newer fields: those take their defaults.
    const candidate = isRecord(entry)
      ? { ...entry, settings: { ...initialSettings(), ...(isRecord(entry.settings) ? entry.settings : {}) } }
      : entry;
    const parsed = savedConversationSchema.safeParse(candidate);
    if (!parsed.success || seen.has(parsed.data.id)) {
      skipped += 1;
      continue;
    }
    seen.add(parsed.data.id);
    const { turns, dropped } = salvageTurns(parsed.data.turns);
    droppedTurns += dropped;
    conversations.push({ ...parsed.data, settings: settingsWithOwnedExtraFields(parsed.data.settings), turns });
  }
  const activeId = typeof raw.activeId === 'string' ? raw.activeId : '';
  return { library: { conversations, activeId }, skipped, droppedTurns };
}

/** The restored library, with an entry for the working copy whatever was lost. */
export function restoredLibrary(saved: PersistedLibrary | null, settings: RequestSettings): LibraryState {
  const conversations = saved?.conversations ?? [];
  if (saved && conversations.some((entry) => entry.id === saved.activeId))
    return { conversations, activeId: saved.activeId, recentlyDeleted: null };
  const active = emptyConversation(settings);
  return { conversations: [active, ...conversations], activeId: active.id, recentlyDeleted: null };
}

export function skippedConversationsText(count: number): string {
  return count === 1
    ? '1 saved conversation could not be read and was skipped.'
    : `${count} saved conversations could not be read and were skipped.`;
}
