import type { ChatRequest } from '../../core/request';
import { ModalDialog } from '../ui/ModalDialog';
import { LazyCodeExportPanel } from './LazyCodeExportPanel';
import { useDialogOpener } from '../ui/useDialogOpener';
import './code.css';

interface ViewCodeButtonProps {
  /** The request exactly as it was sent (ReplyInfo.request). */
  request: ChatRequest;
  /** Button text; default "View code". */
  label?: string;
  /** Dialog heading; default "Code for this request". */
  title?: string;
}

/** "View code" on a past reply: opens the Code panel for the request that produced it, in a modal dialog. */
export function ViewCodeButton({ request, label = 'View code', title = 'Code for this request' }: ViewCodeButtonProps) {
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  return (
    <>
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={openDialog}>
        {label}
      </button>
      {open && (
        <ModalDialog closeButton className="code-dialog" title={title} onClose={closeDialog}>
          <LazyCodeExportPanel request={request} />
        </ModalDialog>
      )}
    </>
  );
}
