import { usePlaygroundStore } from '../../store';
import { discardRequestJsonEdit } from '../../store/actions';
import { Drawer } from '../ui/Drawer';
import { LoadBoundary } from '../ui/LoadBoundary';
import { useDialogOpener } from '../ui/useDialogOpener';
import { preloadable } from '../ui/preloadable';

// The JSON editor and its parser load when the drawer is first opened.
const RequestJsonEditor = preloadable(() =>
  import('./RequestJsonEditor').then((module) => module.RequestJsonEditor),
).Component;

/**
 * "Edit request JSON": the raw body editor in a drawer, where it has the room the sidebar lacks. An unfinished
 * edit is announced beside the button too, since it blocks Send.
 */
export function RequestJsonDrawer() {
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  const hasDraft = usePlaygroundStore((state) => state.ui.requestJsonDraft !== null);
  return (
    <>
      {hasDraft && !open && (
        <div className="request-json-problems" role="alert">
          <p>The request JSON has an edit with a problem; Send waits until it is fixed.</p>
          <div className="button-row">
            <button type="button" onClick={openDialog}>
              Show JSON
            </button>
            <button type="button" onClick={discardRequestJsonEdit}>
              Discard JSON edits
            </button>
          </div>
        </div>
      )}
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={openDialog}>
        Edit request JSON
      </button>
      {open && (
        <Drawer title="Request JSON" className="request-json-drawer" onClose={closeDialog}>
          <LoadBoundary
            fallback={
              <p role="alert">The JSON editor could not be loaded. Check your connection and reload the page.</p>
            }
          >
            <RequestJsonEditor whileLoading={<p className="sidebar-hint">Loading the JSON editor…</p>} />
          </LoadBoundary>
        </Drawer>
      )}
    </>
  );
}
