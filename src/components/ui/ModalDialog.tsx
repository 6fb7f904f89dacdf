import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './ui.css';

const focusableSelector = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

function focusableIn(dialog: HTMLElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>(focusableSelector)).filter(
    (element) => !element.hasAttribute('disabled') && element.getAttribute('aria-hidden') !== 'true',
  );
}

interface ModalDialogProps {
  /** The heading; it also names the dialog. */
  title: string;
  /** Esc, the Close button and the browser's own cancel: what happens when the user backs out. */
  onClose: () => void;
  children: ReactNode;
  /** A "Close" button beside the title (for dialogs that have no answer buttons of their own). */
  closeButton?: boolean;
  /** Extra class for the <dialog> (its width, its contents' styles). */
  className?: string;
  /** What takes focus on opening: a control, or the dialog itself ('dialog'); default the first control. */
  initialFocus?: RefObject<HTMLElement | null> | 'dialog';
  /** The title is for screen readers only (the view says what it is some other way). */
  titleHidden?: boolean;
  /** More of the title row, after the title (e.g. a caption and the view's own controls). */
  headerContent?: ReactNode;
  /** Id of the text that describes the dialog (aria-describedby). */
  describedBy?: string;
}

/**
 * The app's one modal dialog: a <dialog> opened with showModal (the page behind goes inert), named by its title.
 * Focus moves in, Tab cycles inside, Esc closes (unless a control inside used it, e.g. an editor clearing a
 * selection), and focus goes back where it was. Where showModal is missing (jsdom, older engines) it is shown open
 * and the same keyboard rules apply. Rendered into <body>, so the styles around the opener do not leak in; key
 * presses inside stay inside (the global shortcuts and the opener's handlers do not see them).
 */
export function ModalDialog(props: ModalDialogProps) {
  const {
    title,
    onClose,
    children,
    closeButton = false,
    className,
    initialFocus,
    describedBy,
    titleHidden = false,
    headerContent,
  } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    if (initialFocus === 'dialog') dialog.focus();
    else if (initialFocus?.current) initialFocus.current.focus();
    else if (!dialog.contains(document.activeElement)) focusableIn(dialog)[0]?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // Only when focus was lost with the dialog: an opener that moved focus on purpose keeps its choice.
      const active = document.activeElement;
      if (returnTo?.isConnected && (active === null || active === document.body || !active.isConnected))
        returnTo.focus();
    };
    // initialFocus is read once, on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    event.stopPropagation();
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      // Esc closes through React (also where the browser has no modal dialogs), so focus goes back to the opener.
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const controls = focusableIn(event.currentTarget);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    const current = document.activeElement;
    const inside = controls.some((control) => control === current);
    if (event.shiftKey && (current === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      className={className ? `modal-dialog ${className}` : 'modal-dialog'}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={describedBy}
      tabIndex={initialFocus === 'dialog' ? -1 : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-dialog-header">
        <h2 id={`${id}-title`} className={titleHidden ? 'visually-hidden' : undefined}>
          {title}
        </h2>
        {headerContent}
        {closeButton && (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </header>
      {children}
    </dialog>,
    document.body,
  );
}
