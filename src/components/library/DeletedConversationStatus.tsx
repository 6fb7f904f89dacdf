import { usePlaygroundStore } from '../../store';
import { undoDelete } from '../../store/libraryActions';
import { conversationTitle } from '../../store/librarySlice';

/** "Deleted “…”. Undo" for a few seconds after a delete (the store clears it, see undoDeleteMs). */
export function DeletedConversationStatus() {
  const title = usePlaygroundStore((state) => {
    const deleted = state.library.recentlyDeleted;
    return deleted ? conversationTitle(deleted.conversation) : null;
  });
  return (
    // The live region stays in the page so that the message is announced when it appears.
    <div role="status" className="library-status">
      {title !== null && (
        <p className="library-undo">
          <span>Deleted “{title}”.</span>
          <button type="button" onClick={() => undoDelete()}>
            Undo
          </button>
        </p>
      )}
    </div>
  );
}
