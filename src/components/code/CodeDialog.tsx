import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { preloadCodeViewer } from './loadCodeViewer';
import '../../styles/code.css';

interface CodeDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal <dialog>: the browser traps focus, makes the page behind it inert and closes it on Esc. Where showModal
 * is missing (jsdom) it is simply shown open. The opener restores focus after onClose. Rendered into <body>, so
 * the styles of wherever its button sits (sidebar, transcript) do not leak in, and key presses inside it do not
 * reach the handlers of the components around that button.
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
    // showModal focuses the first control; without it (jsdom, older engines) do the same, so Esc works at once.
    if (!dialog.contains(document.activeElement)) dialog.querySelector('button')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      className="code-dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        event.stopPropagation();
        // Esc closes through React (also where the browser has no modal dialogs), so focus goes back to the opener;
        // unless the editor inside used it (e.g. to clear a selection).
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
      onCancel={(event) => {
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
    </dialog>,
    document.body,
  );
}
