import { useEffect, useState } from 'react';
import { isShareFragment } from '../../core/shareFragment';
import { LoadBoundary } from '../ui/LoadBoundary';
import { ModalDialog } from '../ui/ModalDialog';
import './request.css';
import { preloadable } from '../ui/preloadable';

// The decoder (and its decompressor) loads only when the page is opened with a share link.
const SharedRequestPrompt = preloadable(() =>
  import('./SharedRequestPrompt').then((module) => module.SharedRequestPrompt),
).Component;

/** A share link to read; `id` tells a link pasted again apart, so that its dialog starts afresh. */
interface PendingLink {
  hash: string;
  id: number;
}

function shareHash(): string | null {
  const { hash } = window.location;
  return isShareFragment(hash) ? hash : null;
}

/** The fragment goes once read: a reload must not ask again, and the link is not left in the address bar. */
function removeFragment(): void {
  if (!isShareFragment(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Opening a share link: shows what it contains and asks before the conversation is replaced ("Open shared
 * request" / "Keep current"). A damaged link changes nothing and says so. Loaded and mounted by SharedLinkWatcher.
 */
export function SharedRequestDialog() {
  const [link, setLink] = useState<PendingLink | null>(() => {
    const hash = shareHash();
    return hash === null ? null : { hash, id: 0 };
  });

  useEffect(() => {
    removeFragment();
    const onHashChange = () => {
      const hash = shareHash();
      if (hash === null) return;
      removeFragment();
      setLink((previous) => ({ hash, id: (previous?.id ?? 0) + 1 }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (link === null) return null;
  const close = () => setLink(null);
  const loadFailure = (
    <ModalDialog title="This link cannot be opened" className="import-dialog" onClose={close}>
      <p role="alert">
        The part of the app that reads shared links could not be loaded. Check your connection and open the link again.
      </p>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={close}>
          OK
        </button>
      </div>
    </ModalDialog>
  );
  return (
    <LoadBoundary fallback={loadFailure}>
      <SharedRequestPrompt key={link.id} hash={link.hash} onClose={close} />
    </LoadBoundary>
  );
}
