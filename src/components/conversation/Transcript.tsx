import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import { LazyTurnArticle } from './LazyTurnArticle';

/**
 * The turns in order. Subscribes to the list of ids only, so a streaming reply (which changes one turn's text)
 * does not re-render the list; each TurnArticle selects its own turn.
 */
export function Transcript() {
  const turnIds = usePlaygroundStore(useShallow((state) => state.conversation.turns.map((turn) => turn.id)));
  const listRef = useRef<HTMLOListElement>(null);
  const previousCount = useRef(turnIds.length);

  useEffect(() => {
    // Bring a newly appended turn into view (Send, Add message); not on delete or reorder.
    if (turnIds.length > previousCount.current) {
      const last = listRef.current?.lastElementChild;
      if (last && typeof last.scrollIntoView === 'function') last.scrollIntoView({ block: 'nearest' });
    }
    previousCount.current = turnIds.length;
  }, [turnIds.length]);

  if (turnIds.length === 0) {
    return (
      <p className="transcript-empty">
        No messages yet. Type a message below and press Send, or write turns by hand with “Add message”.
      </p>
    );
  }
  return (
    <ol className="transcript" aria-label="Transcript" ref={listRef}>
      {turnIds.map((turnId, index) => (
        <li key={turnId}>
          <LazyTurnArticle
            turnId={turnId}
            position={index + 1}
            isFirst={index === 0}
            isLast={index === turnIds.length - 1}
          />
        </li>
      ))}
    </ol>
  );
}
