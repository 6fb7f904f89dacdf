import { useId, useState } from 'react';
import { copyText } from '../ui/clipboard';
import './request.css';

// The encoder (and its compressor) loads on first use; pointing at the button starts the download, so that the
// click still has the user's gesture when the clipboard is written.
const loadShareActions = () => import('../../store/importActions');

type ShareState =
  | { kind: 'idle' }
  | { kind: 'copied' | 'manual'; link: string; keyRedacted: boolean }
  | { kind: 'refused'; message: string };

function linkFor(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${fragment}`;
}

/**
 * "Copy link": the current request in the URL fragment (compressed; never sent to any server, never the key or
 * the base URL). Too large a request is refused with a pointer to the JSON export.
 */
export function ShareLinkButton() {
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const id = useId();

  async function copyLink() {
    const shareActions = await loadShareActions().catch(() => null);
    if (!shareActions) {
      setState({
        kind: 'refused',
        message: 'The link could not be made: part of the app failed to load. Reload the page and try again.',
      });
      return;
    }
    const result = shareActions.currentShareFragment();
    if (!result.ok) {
      setState({ kind: 'refused', message: result.message });
      return;
    }
    const link = linkFor(result.fragment);
    try {
      await copyText(link);
      setState({ kind: 'copied', link, keyRedacted: result.keyRedacted });
    } catch {
      setState({ kind: 'manual', link, keyRedacted: result.keyRedacted });
    }
  }

  return (
    <div className="share-link">
      <button
        type="button"
        onClick={() => void copyLink()}
        onPointerEnter={() => void loadShareActions().catch(() => undefined)}
        onFocus={() => void loadShareActions().catch(() => undefined)}
        aria-describedby={`${id}-about`}
      >
        Copy link
      </button>
      <span id={`${id}-about`} className="visually-hidden">
        Copies a link that opens this request: messages, model and parameters, never your API key.
      </span>
      {state.kind === 'refused' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {(state.kind === 'copied' || state.kind === 'manual') && (
        <div className="share-link-result">
          <p role="status" className="sidebar-note">
            {state.kind === 'copied'
              ? 'Link copied. It holds the messages, model and parameters — not your API key or endpoint URL.'
              : 'The browser blocked the clipboard; copy the link below by hand.'}
            {state.keyRedacted &&
              ' Your API key appeared in the request and was replaced by “[redacted key]” in the link.'}
          </p>
          <label htmlFor={`${id}-link`}>Share link</label>
          <input
            id={`${id}-link`}
            type="text"
            readOnly
            value={state.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
