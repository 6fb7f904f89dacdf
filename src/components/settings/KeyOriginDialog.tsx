import { useId, useRef } from 'react';
import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';
import { ModalDialog } from '../ui/ModalDialog';
import './settings.css';

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * Asks before a send would take the key to a server it was not entered for. Modal: focus moves in (to Cancel, the
 * safe answer), Tab stays inside, Esc cancels, and focus returns where it was.
 */
export function KeyOriginDialog() {
  const targetOrigin = usePlaygroundStore((state) => state.ui.keyConfirmation?.targetOrigin ?? null);
  const keyOrigin = usePlaygroundStore((state) => state.connection.keyOrigin);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  if (targetOrigin === null) return null;
  const target = hostOf(targetOrigin);

  return (
    <ModalDialog
      title={`Send your API key to ${target}?`}
      onClose={() => connectionActions.cancelKeyConfirmation()}
      className="key-origin-dialog"
      initialFocus={cancelRef}
      describedBy={`${id}-body`}
    >
      <p id={`${id}-body`}>
        {keyOrigin
          ? `Your key was entered for ${hostOf(keyOrigin)}. `
          : 'This browser has no record of which server your key was entered for. '}
        Whoever runs {target} can use a key sent to it. Send it only to a server you trust.
      </p>
      <div className="key-origin-actions">
        <button ref={cancelRef} type="button" onClick={() => connectionActions.cancelKeyConfirmation()}>
          Cancel
        </button>
        <button type="button" className="button-primary" onClick={() => connectionActions.confirmKeyForOrigin()}>
          Send key to {target}
        </button>
      </div>
    </ModalDialog>
  );
}
