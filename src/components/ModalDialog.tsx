import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import '../styles/library.css';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal <dialog> for the library features (keyboard shortcuts, request diff): the browser traps focus and closes
 * it on Esc; where showModal is missing (jsdom) it is simply shown open. Rendered into <body>; key presses inside
 * stay inside (the global shortcuts do not see them).
 */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
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
      className="library-dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key !== 'Escape') return;
        // Esc closes through React (also where the browser has no modal dialogs), so focus goes back to the opener.
        event.preventDefault();
        onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="library-dialog-header">
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
