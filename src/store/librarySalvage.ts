// Saved conversations as read back from a saved state, and the move from version 1's single conversation (loaded with
// the saved state, not before the first paint).
import * as z from 'zod/mini';
import { settingsWithOwnedExtraFields } from '../core/bodySettings';
import { isRecord } from '../core/json';
import { newId } from './ids';
import type { PersistedLibrary, SavedConversation } from './librarySlice';
import { settledTurn } from './replyInfo';
import { settingsSchema, turnSchema } from './schema';
import { initialSettings } from './settingsSlice';
import type { Turn } from './types';

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

export function skippedConversationsText(count: number): string {
  return count === 1
    ? '1 saved conversation could not be read and was skipped.'
    : `${count} saved conversations could not be read and were skipped.`;
}
