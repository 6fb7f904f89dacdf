import { usePlaygroundStore } from '../../store';
import { Drawer } from '../ui/Drawer';
import { useDialogOpener } from '../ui/useDialogOpener';
import { HistoryPanel } from './HistoryPanel';

/** "Open history": the sent requests in a drawer, where entries, their diffs and their code have room. */
export function HistoryDrawer() {
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  const count = usePlaygroundStore((state) => state.history.entries.length);
  return (
    <div className="sidebar-drawer-opener">
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={openDialog}>
        Open history
      </button>
      <span className="sidebar-hint">{count === 1 ? '1 request sent' : `${count} requests sent`}</span>
      {open && (
        <Drawer title="History" className="history-drawer" onClose={closeDialog}>
          <HistoryPanel />
        </Drawer>
      )}
    </div>
  );
}
