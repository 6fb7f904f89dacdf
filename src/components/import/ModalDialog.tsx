import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import '../../styles/import.css';

interface ModalDialogProps {
  title: string;
  /** Esc and the dialog's own "Cancel"-like answer: what happens when the user backs out. */
  onCancel: () => void;
  children: ReactNode;
  /** Extra class for the <dialog>. */
  className?: string;
}

/**
 * A modal <dialog> for the import and share flows: the browser traps focus, makes the page inert and closes on
 * Esc (as onCancel). Where showModal is missing (jsdom) it is simply shown open. Rendered into <body>.
 */
export function ModalDialog({ title, onCancel, children, className }: ModalDialogProps) {
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
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      className={`import-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </dialog>,
    document.body,
  );
}
