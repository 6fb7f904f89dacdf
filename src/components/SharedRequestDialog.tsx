import { useEffect, useId, useState } from 'react';
import { decodeShareFragment, isShareFragment, summarizeSharedRequest, type SharedRequest } from '../core/shareLink';
import { usePlaygroundStore } from '../store';
import { openSharedRequest } from '../store/importActions';
import { ModalDialog } from './import/ModalDialog';

type LinkState = { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'confirm'; shared: SharedRequest };

function readLocation(): LinkState {
  const { hash } = window.location;
  if (!isShareFragment(hash)) return { kind: 'none' };
  const decoded = decodeShareFragment(hash);
  return decoded.ok ? { kind: 'confirm', shared: decoded.shared } : { kind: 'error', message: decoded.message };
}

/** The fragment goes once read: a reload must not ask again, and the link is not left in the address bar. */
function removeFragment(): void {
  if (!isShareFragment(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/**
 * Opening a share link: shows what it contains and asks before the conversation is replaced ("Open shared
 * request" / "Keep current"). A damaged link changes nothing and says so. Mounted once, in App.
 */
export function SharedRequestDialog() {
  const [state, setState] = useState<LinkState>(readLocation);
  const [switchEndpoint, setSwitchEndpoint] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const currentEndpoint = usePlaygroundStore((store) => store.connection.endpointId);
  const id = useId();

  useEffect(() => {
    removeFragment();
    const onHashChange = () => {
      const next = readLocation();
      if (next.kind === 'none') return;
      removeFragment();
      setSwitchEndpoint(false);
      setRefusal(null);
      setState(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const close = () => setState({ kind: 'none' });
  if (state.kind === 'none') return null;
  if (state.kind === 'error') {
    return (
      <ModalDialog title="This link cannot be opened" onCancel={close}>
        <p role="alert">{state.message}</p>
        <div className="button-row">
          <button type="button" className="button-primary" onClick={close}>
            OK
          </button>
        </div>
      </ModalDialog>
    );
  }

  const { shared } = state;
  const summary = summarizeSharedRequest(shared);
  const offerEndpoint = shared.endpointId !== null && shared.endpointId !== currentEndpoint;
  function open() {
    if (openSharedRequest(shared, offerEndpoint && switchEndpoint)) close();
    else setRefusal('A reply is on its way — stop it first, then open the shared request.');
  }

  return (
    <ModalDialog title="Open a shared request?" onCancel={close}>
      <p>This link contains a request. Opening it replaces what is in the composer; a conversation you have open is kept in your saved conversations.</p>
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
          <input type="checkbox" checked={switchEndpoint} onChange={(event) => setSwitchEndpoint(event.target.checked)} />
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
        <button type="button" onClick={close}>
          Keep current
        </button>
      </div>
    </ModalDialog>
  );
}
