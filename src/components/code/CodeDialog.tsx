import { useEffect, useId, useRef, type ReactNode } from 'react';
import { preloadCodeViewer } from './loadCodeViewer';
import '../../styles/code.css';

interface CodeDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal <dialog>: the browser traps focus, makes the page behind it inert and closes it on Esc. Where showModal
 * is missing (jsdom) it is simply shown open. The opener restores focus after onClose.
 */
export function CodeDialog({ title, onClose, children }: CodeDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    preloadCodeViewer();
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="code-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Esc: close through React so that the dialog unmounts and focus goes back to its button.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="code-dialog-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
