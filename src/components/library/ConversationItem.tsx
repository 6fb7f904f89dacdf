import { useId, useState, type SubmitEvent } from 'react';
import {
  deleteConversation,
  duplicateConversation,
  renameConversation,
  switchConversation,
} from '../../store/libraryActions';
import type { ConversationSummary } from '../../store/librarySlice';

interface ConversationItemProps {
  summary: ConversationSummary;
  /** A reply is streaming: the open conversation stays put. */
  sending: boolean;
}

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/** One saved conversation: open it, or Rename (in place), Duplicate, Delete. */
export function ConversationItem({ summary, sending }: ConversationItemProps) {
  const { id: conversationId, title, active, messageCount } = summary;
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draftTitle, setDraftTitle] = useState(title);

  function startRename() {
    setDraftTitle(title);
    setEditing(true);
  }

  function saveTitle(event: SubmitEvent) {
    event.preventDefault();
    renameConversation(conversationId, draftTitle);
    setEditing(false);
  }

  return (
    <li className={active ? 'library-item library-item-active' : 'library-item'}>
      {editing ? (
        <form
          className="library-rename"
          onSubmit={saveTitle}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setEditing(false);
          }}
        >
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            value={draftTitle}
            autoFocus
            onChange={(event) => setDraftTitle(event.target.value)}
          />
          <div className="button-row">
            <button type="submit">Save title</button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          <p className="sidebar-hint">Leave it empty to use the first message again.</p>
        </form>
      ) : (
        <button
          type="button"
          className="library-open"
          aria-current={active ? 'true' : undefined}
          aria-describedby={`${id}-count`}
          disabled={sending && !active}
          onClick={() => switchConversation(conversationId)}
        >
          {title}
        </button>
      )}
      <div className="library-item-footer">
        <span id={`${id}-count`} className="library-count">
          {active ? `Open · ${countText(messageCount)}` : countText(messageCount)}
        </span>
        <span className="library-actions">
          <button
            type="button"
            className="button-quiet"
            aria-label={`Rename ${title}`}
            onClick={startRename}
            disabled={editing}
          >
            Rename
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Duplicate ${title}`}
            disabled={sending && active}
            onClick={() => duplicateConversation(conversationId)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Delete ${title}`}
            disabled={sending && active}
            onClick={() => deleteConversation(conversationId)}
          >
            Delete
          </button>
        </span>
      </div>
    </li>
  );
}
