import { usePlaygroundStore } from '../../store';
import { undoDeleteTurn } from '../../store/turnUndo';
import { UndoStatus } from '../ui/UndoStatus';

/** "Turn deleted. Undo" for a few seconds after a turn is deleted (the store clears it, see turnUndo.ts). */
export function DeletedTurnStatus() {
  const deleted = usePlaygroundStore((state) => Boolean(state.ui.deletedTurn));
  return (
    <UndoStatus className="transcript-status" message={deleted ? 'Turn deleted.' : null} onUndo={undoDeleteTurn} />
  );
}
