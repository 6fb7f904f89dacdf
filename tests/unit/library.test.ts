// Saved conversations (src/store/librarySlice.ts): titles, search, what is saved, the 1 → 2 migration and
// damaged entries.
import { describe, expect, it } from 'vitest';
import { defaultSettingsFor } from '../../src/core/request';
import { initialState, type PlaygroundState, type Turn } from '../../src/store';
import {
  conversationTitle,
  derivedTitle,
  librarySummaries,
  partializeLibrary,
  restoredLibrary,
  untitled,
  type SavedConversation,
} from '../../src/store/librarySlice';
import { salvageLibrary, skippedConversationsText } from '../../src/store/librarySalvage';
import { partialize, persistVersion } from '../../src/store/persistence';
import { migrate, salvage } from '../../src/store/savedStateRestore';

function turn(role: Turn['role'], content: string, id = `${role}-${content}`): Turn {
  return { id, role, content, reasoning: '', excluded: false, reply: null };
}

function saved(id: string, turns: Turn[], title: string | null = null): SavedConversation {
  return { id, title, createdAt: 1, updatedAt: 1, settings: defaultSettingsFor('glm-4.6'), turns, draft: '' };
}

/** A state whose working copy is `working` and whose library also holds `others`. */
function stateWith(working: Turn[], others: SavedConversation[]): PlaygroundState {
  const state = initialState();
  const active = saved('active', [], null);
  return {
    ...state,
    conversation: { turns: working, draft: '' },
    library: { conversations: [active, ...others], activeId: 'active', recentlyDeleted: null },
  };
}

describe('titles', () => {
  it('derives the title from the first user message, on one line', () => {
    expect(derivedTitle([turn('assistant', 'Hello there'), turn('user', '  Explain\n\nrecursion   briefly ')])).toBe(
      'Explain recursion briefly',
    );
  });

  it('shows Markdown markers typed in the first message as plain text', () => {
    expect(derivedTitle([turn('user', '## Explain **quicksort** with `code`')])).toBe('Explain quicksort with code');
  });

  it('cuts a long first message to 60 characters with an ellipsis', () => {
    const title = derivedTitle([turn('user', 'word '.repeat(40))]);
    expect(title).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
  });

  it('calls a conversation without a user message "Untitled"', () => {
    expect(derivedTitle([])).toBe(untitled);
    expect(derivedTitle([turn('assistant', 'Only the model spoke')])).toBe(untitled);
  });

  it('prefers a title set by Rename over the derived one', () => {
    expect(conversationTitle({ title: 'My title', turns: [turn('user', 'First message')] })).toBe('My title');
    expect(conversationTitle({ title: null, turns: [turn('user', 'First message')] })).toBe('First message');
  });
});

describe('search', () => {
  const others = [
    saved('a', [turn('user', 'Paris weather'), turn('assistant', 'Sunny and MILD')]),
    saved('b', [turn('user', 'Rust lifetimes')], 'Borrow checker notes'),
  ];

  it('matches titles and message text, ignoring case', () => {
    const state = stateWith([turn('user', 'Working copy text')], others);
    expect(librarySummaries(state, 'mild').map((entry) => entry.id)).toEqual(['a']);
    expect(librarySummaries(state, 'borrow').map((entry) => entry.id)).toEqual(['b']);
    expect(librarySummaries(state, '  LIFETIMES ').map((entry) => entry.id)).toEqual(['b']);
    expect(librarySummaries(state, 'nothing like this')).toEqual([]);
  });

  it('reads the open conversation from the working copy, not from its stale saved copy', () => {
    const state = stateWith([turn('user', 'Fresh words in the composer')], others);
    expect(librarySummaries(state, 'fresh words')).toEqual([
      { id: 'active', title: 'Fresh words in the composer', active: true, messageCount: 1 },
    ]);
  });

  it('lists everything for an empty search', () => {
    expect(librarySummaries(stateWith([], others), '').map((entry) => entry.id)).toEqual(['active', 'a', 'b']);
  });
});

describe('saving', () => {
  it('saves the open conversation once: as the working copy, with its library entry empty', () => {
    const state = stateWith([turn('user', 'Working copy text')], [saved('a', [turn('user', 'Other')])]);
    const library = partializeLibrary(state.library, state.settings);
    expect(library.conversations.find((entry) => entry.id === 'active')?.turns).toEqual([]);
    expect(
      library.conversations.find((entry) => entry.id === 'a')?.turns.map((candidate) => candidate.content),
    ).toEqual(['Other']);
    expect(partialize(state).conversation.turns.map((candidate) => candidate.content)).toEqual(['Working copy text']);
  });

  it('does not save the Undo buffer', () => {
    const state = stateWith([], []);
    const withDeleted = {
      ...state,
      library: { ...state.library, recentlyDeleted: { conversation: saved('gone', []), index: 0, wasActive: false } },
    };
    expect(JSON.stringify(partialize(withDeleted))).not.toContain('gone');
  });
});

describe('migration from version 1', () => {
  const versionOne = {
    connection: { rememberKey: true, endpointId: 'zai', baseUrl: 'https://api.z.ai/api/paas/v4', keyOrigin: null },
    settings: { ...defaultSettingsFor('glm-4.6'), systemPrompt: 'Be brief.' },
    conversation: { turns: [turn('user', 'Hello from version 1')], draft: 'unsent' },
  };

  it('is version 4', () => {
    expect(persistVersion).toBe(4);
  });

  it('leaves a version 3 state as it is: version 4 changes only how the database stores it', () => {
    const versionThree = { ...versionOne, library: { entries: [], activeId: null } };
    expect(migrate(versionThree, 3)).toBe(versionThree);
  });

  it('wraps the single conversation into the library as its open entry and keeps the working copy', () => {
    const migrated = migrate(versionOne, 1) as Record<string, unknown>;
    const { state, skippedConversations } = salvage(migrated, initialState());
    expect(skippedConversations).toBe(0);
    expect(state.conversation?.turns.map((candidate) => candidate.content)).toEqual(['Hello from version 1']);
    expect(state.conversation?.draft).toBe('unsent');
    const library = restoredLibrary(state.library ?? null, state.settings ?? initialState().settings);
    expect(library.conversations).toHaveLength(1);
    expect(library.conversations[0]?.id).toBe(library.activeId);
    expect(library.conversations[0]?.settings.systemPrompt).toBe('Be brief.');
  });

  it('leaves a state of the current version as it is', () => {
    const current = { ...versionOne, library: { activeId: 'x', conversations: [] } };
    expect(migrate(current, persistVersion)).toBe(current);
  });
});

describe('damaged entries', () => {
  const good = saved('good', [turn('user', 'Readable')]);

  it('skips an unreadable entry, keeps the others and counts it', () => {
    const result = salvageLibrary({
      activeId: 'good',
      conversations: [good, { id: 'bad', title: 42, turns: 'not a list' }, saved('also-good', [])],
    });
    expect(result.skipped).toBe(1);
    expect(result.library?.conversations.map((entry) => entry.id)).toEqual(['good', 'also-good']);
  });

  it('keeps an entry with one broken turn, minus that turn, and skips a repeated id', () => {
    const brokenTurn = {
      ...saved('broken', []),
      turns: [turn('user', 'Kept'), { id: 't', role: 'narrator', content: 'x' }],
    };
    const result = salvageLibrary({ activeId: 'good', conversations: [good, brokenTurn, good] });
    expect(result.skipped).toBe(1);
    expect(result.droppedTurns).toBe(1);
    expect(result.library?.conversations.map((entry) => entry.id)).toEqual(['good', 'broken']);
    expect(result.library?.conversations[1]?.turns.map((entry) => entry.content)).toEqual(['Kept']);
  });

  it('says how many were skipped, in words', () => {
    expect(skippedConversationsText(1)).toBe('1 saved conversation could not be read and was skipped.');
    expect(skippedConversationsText(3)).toBe('3 saved conversations could not be read and were skipped.');
  });

  it('gives the working copy an entry when the open one was lost', () => {
    const result = salvageLibrary({ activeId: 'lost', conversations: [good, { broken: true }] });
    const library = restoredLibrary(result.library, defaultSettingsFor('glm-4.7'));
    expect(library.conversations.map((entry) => entry.id)).toContain('good');
    expect(library.conversations.some((entry) => entry.id === library.activeId)).toBe(true);
    expect(library.conversations).toHaveLength(2);
  });

  it('settles a reply saved while streaming as interrupted', () => {
    const streaming: Turn = {
      ...turn('assistant', 'Partial'),
      reply: {
        status: 'streaming',
        request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } },
        error: null,
        finishReason: null,
        usage: null,
        metrics: {} as never,
        warnings: [],
        retry: null,
      },
    };
    const result = salvageLibrary({ activeId: 'x', conversations: [saved('s', [turn('user', 'Hi'), streaming])] });
    expect(result.library?.conversations[0]?.turns[1]?.reply?.status).toBe('interrupted');
  });
});
