import { useState } from 'react';
import { LoadBoundary } from '../ui/LoadBoundary';
import { useDialogOpener } from '../ui/useDialogOpener';
import { ModalDialog } from '../ui/ModalDialog';
import './request.css';
import { preloadable } from '../ui/preloadable';

// The dialog and the cURL parser load when first opened: the first paint does not need them.
const CurlImportForm = preloadable(() => import('./CurlImportForm').then((module) => module.CurlImportForm)).Component;

/**
 * "Paste cURL": a curl command (the vendor docs' samples, or this app's exported script) fills the model,
 * parameters, system prompt and conversation. A key or endpoint in the command is used only after asking, and
 * whatever could not be imported is listed.
 */
export function CurlImportDialog() {
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  function imported() {
    setText('');
    closeDialog();
  }

  const loadFailure = (
    <ModalDialog title="Import from cURL" className="import-dialog" onClose={closeDialog}>
      <p role="alert">The cURL import could not be loaded. Check your connection and reload the page.</p>
      <div className="button-row">
        <button type="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </ModalDialog>
  );

  return (
    <div className="curl-import">
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={openDialog}>
        Paste cURL
      </button>
      {status && (
        <p className="sidebar-note status-success" role="status">
          {status}
        </p>
      )}
      {open && (
        <LoadBoundary fallback={loadFailure}>
          <CurlImportForm
            text={text}
            onTextChange={setText}
            onStatus={setStatus}
            onImported={imported}
            onCancel={closeDialog}
          />
        </LoadBoundary>
      )}
    </div>
  );
}
