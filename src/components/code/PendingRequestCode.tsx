import { useMemo, useState } from 'react';
import type { ChatRequestBody } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import { selectRequestBody } from '../../store/selectors';
import { ModalDialog } from '../ui/ModalDialog';
import { LazyCodeExportPanel } from './LazyCodeExportPanel';
import { useDialogOpener } from '../ui/useDialogOpener';
import './code.css';

/** The pending request (what Send would send now) as code; subscribes to the store only while it is shown. */
function PendingRequestPanel() {
  // While a reply streams the transcript changes every frame: keep the last body until the reply ends (as the
  // Request preview does) instead of regenerating code per frame.
  const liveBody = usePlaygroundStore((state) => (state.ui.sending ? null : selectRequestBody(state)));
  const [body, setBody] = useState<ChatRequestBody | null>(liveBody);
  if (liveBody !== null && liveBody !== body) setBody(liveBody);
  const baseUrl = usePlaygroundStore((state) => state.connection.baseUrl);
  const request = useMemo(() => (body === null ? null : { baseUrl, body }), [baseUrl, body]);

  if (request === null) return <p className="code-hint">A reply is on its way; the code is shown when it ends.</p>;
  return <LazyCodeExportPanel request={request} />;
}

/**
 * "Code" beside the request preview: the request Send would send now as cURL, Python or Java, in a dialog.
 * Mount it anywhere (it reads the store itself); Monaco loads the first time it is opened.
 */
export function PendingRequestCode() {
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  return (
    <>
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={openDialog}>
        Code
      </button>
      {open && (
        <ModalDialog closeButton className="code-dialog" title="Code for the next request" onClose={closeDialog}>
          <PendingRequestPanel />
        </ModalDialog>
      )}
    </>
  );
}
