import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { usePlaygroundStore } from '../store';
import * as actions from '../store/actions';

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * Asks before a send would take the key to a server it was not entered for. Modal: focus moves in (to Cancel, the
 * safe answer), Tab cycles between the two buttons, Esc cancels, and focus returns where it was.
 */
export function KeyOriginDialog() {
  const targetOrigin = usePlaygroundStore((state) => state.ui.keyConfirmation?.targetOrigin ?? null);
  const keyOrigin = usePlaygroundStore((state) => state.connection.keyOrigin);
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = targetOrigin !== null;

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => previous?.focus();
  }, [open]);

  if (targetOrigin === null) return null;
  const target = hostOf(targetOrigin);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      actions.cancelKeyConfirmation();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = Array.from(dialogRef.current?.querySelectorAll('button') ?? []);
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    const current = document.activeElement;
    if (event.shiftKey && (current === first || !buttons.includes(current as HTMLButtonElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !buttons.includes(current as HTMLButtonElement))) {
      event.preventDefault();
      first.focus();
    }
  }

  // Portalled to <body> so no sidebar scroll box or stacking context can clip the modal.
  return createPortal(
    <div
      className="key-origin-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) event.preventDefault(); // a click beside the dialog keeps focus in it
      }}
    >
      <div
        ref={dialogRef}
        className="key-origin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>Send your API key to {target}?</h2>
        <p id={`${id}-body`}>
          {keyOrigin
            ? `Your key was entered for ${hostOf(keyOrigin)}. `
            : 'Your key has not been sent anywhere yet. '}
          Whoever runs {target} can use a key sent to it. Send it only to a server you trust.
        </p>
        <div className="key-origin-actions">
          <button ref={cancelRef} type="button" onClick={() => actions.cancelKeyConfirmation()}>
            Cancel
          </button>
          <button type="button" className="button-primary" onClick={() => actions.confirmKeyForOrigin()}>
            Send key to {target}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
