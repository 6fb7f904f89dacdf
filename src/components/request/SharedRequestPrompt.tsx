import { useId, useMemo, useState } from 'react';
import { decodeShareFragment, summarizeSharedRequest } from '../../core/shareLink';
import { usePlaygroundStore } from '../../store';
import { openSharedRequest } from '../../store/importActions';
import { ModalDialog } from '../ui/ModalDialog';
import './request.css';

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/**
 * The question a share link asks (loaded with the decoder when a link is opened): what the link contains, and
 * "Open shared request" / "Keep current" before the conversation is replaced. A damaged link changes nothing.
 */
export function SharedRequestPrompt({ hash, onClose }: { hash: string; onClose: () => void }) {
  const decoded = useMemo(() => decodeShareFragment(hash), [hash]);
  const [switchEndpoint, setSwitchEndpoint] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const currentEndpoint = usePlaygroundStore((store) => store.connection.endpointId);
  const id = useId();

  if (!decoded.ok) {
    return (
      <ModalDialog title="This link cannot be opened" className="import-dialog" onClose={onClose}>
        <p role="alert">{decoded.message}</p>
        <div className="button-row">
          <button type="button" className="button-primary" onClick={onClose}>
            OK
          </button>
        </div>
      </ModalDialog>
    );
  }

  const { shared } = decoded;
  const summary = summarizeSharedRequest(shared);
  const offerEndpoint = shared.endpointId !== null && shared.endpointId !== currentEndpoint;

  function open() {
    if (openSharedRequest(shared, offerEndpoint && switchEndpoint)) onClose();
    else setRefusal('A reply is on its way — stop it first, then open the shared request.');
  }

  return (
    <ModalDialog title="Open a shared request?" className="import-dialog" onClose={onClose}>
      <p>
        This link contains a request. Opening it replaces what is in the composer; a conversation you have open is kept
        in your saved conversations.
      </p>
      <dl className="shared-summary" aria-label="What the link contains">
        <dt>Model</dt>
        <dd>{summary.model}</dd>
        <dt>Messages</dt>
        <dd>
          {countText(summary.turnCount)}
          {summary.hasSystemPrompt && ', and a system prompt'}
        </dd>
        {summary.firstMessagePreview !== '' && (
          <>
            <dt>First message</dt>
            <dd className="shared-preview">{summary.firstMessagePreview}</dd>
          </>
        )}
        {summary.extraFieldNames.length > 0 && (
          <>
            <dt>Other fields</dt>
            <dd>{summary.extraFieldNames.join(', ')}</dd>
          </>
        )}
      </dl>
      {offerEndpoint && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={switchEndpoint}
            onChange={(event) => setSwitchEndpoint(event.target.checked)}
          />
          Also switch the endpoint to {summary.endpointLabel ?? shared.endpointId}
        </label>
      )}
      {refusal && (
        <p id={`${id}-refusal`} className="field-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button-primary" onClick={open}>
          Open shared request
        </button>
        <button type="button" onClick={onClose}>
          Keep current
        </button>
      </div>
    </ModalDialog>
  );
}
