import { useId, useMemo, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import { newConversation } from '../../store/libraryActions';
import { conversationMatches, conversationTitle, type ConversationSummary } from '../../store/librarySlice';
import { ConversationItem } from './ConversationItem';
import { DeletedConversationStatus } from './DeletedConversationStatus';
import { SidebarSection } from '../ui/SidebarSection';
import './library.css';

/** The saved conversations as shown: the open one read from the working copy, filtered by the search. */
function useConversationSummaries(search: string): ConversationSummary[] {
  const query = search.trim().toLowerCase();
  const conversations = usePlaygroundStore((state) => state.library.conversations);
  const activeId = usePlaygroundStore((state) => state.library.activeId);
  // Narrow values for the open conversation, so that streaming tokens do not rebuild the list.
  const activeTitle = usePlaygroundStore((state) =>
    conversationTitle({
      title: state.library.conversations.find((entry) => entry.id === activeId)?.title ?? null,
      turns: state.conversation.turns,
    }),
  );
  const activeCount = usePlaygroundStore((state) => state.conversation.turns.length);
  const activeMatches = usePlaygroundStore((state) =>
    conversationMatches(
      {
        title: activeTitle,
        settings: state.settings,
        turns: state.conversation.turns,
        draft: state.conversation.draft,
      },
      query,
    ),
  );
  return useMemo(
    () =>
      conversations.flatMap((entry) => {
        const active = entry.id === activeId;
        if (active ? !activeMatches : !conversationMatches(entry, query)) return [];
        return [
          {
            id: entry.id,
            active,
            title: active ? activeTitle : conversationTitle(entry),
            messageCount: active ? activeCount : entry.turns.length,
          },
        ];
      }),
    [conversations, activeId, activeTitle, activeCount, activeMatches, query],
  );
}

/** "Conversations": saved conversations with New, search, and per item open / Rename / Duplicate / Delete. */
export function ConversationList() {
  const id = useId();
  const [search, setSearch] = useState('');
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const summaries = useConversationSummaries(search);

  return (
    <SidebarSection
      title="Conversations"
      sectionKey="conversations"
      defaultOpen
      className="conversation-library"
      classPrefix="library"
    >
      <div className="library-toolbar">
        <button
          type="button"
          onClick={() => newConversation()}
          disabled={sending}
          aria-describedby={sending ? `${id}-busy` : undefined}
        >
          New conversation
        </button>
      </div>
      <div className="sidebar-field">
        <label htmlFor={`${id}-search`}>Search conversations</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder="Title or text"
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {sending && (
        <p id={`${id}-busy`} className="sidebar-hint">
          A reply is on its way: stop it to switch conversations.
        </p>
      )}
      <DeletedConversationStatus />
      {summaries.length === 0 ? (
        <p className="sidebar-hint">No conversation matches “{search.trim()}”.</p>
      ) : (
        <ul className="library-list" aria-label="Saved conversations">
          {summaries.map((summary) => (
            <ConversationItem key={summary.id} summary={summary} sending={sending} />
          ))}
        </ul>
      )}
    </SidebarSection>
  );
}
