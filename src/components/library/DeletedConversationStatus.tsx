import { usePlaygroundStore } from '../../store';
import { undoDelete } from '../../store/libraryActions';
import { conversationTitle } from '../../store/librarySlice';
import { UndoStatus } from '../ui/UndoStatus';

/** "Deleted “…”. Undo" for a few seconds after a delete (the store clears it, see undoDeleteMs). */
export function DeletedConversationStatus() {
  const title = usePlaygroundStore((state) => {
    const deleted = state.library.recentlyDeleted;
    return deleted ? conversationTitle(deleted.conversation) : null;
  });
  return (
    <UndoStatus
      className="library-status"
      message={title === null ? null : `Deleted “${title}”.`}
      onUndo={undoDelete}
    />
  );
}
