import { useEffect, useState } from 'react';
import { isShareFragment } from '../../core/shareFragment';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';

// Most pages never see a share link: its dialog (and the modal dialog it is built on) loads only once one is there.
const SharedRequestDialog = preloadable(() =>
  import('./SharedRequestDialog').then((module) => module.SharedRequestDialog),
).Component;

const hasShareLink = () => isShareFragment(window.location.hash);

/** Mounted once, in App: shows the share-link dialog when the page is opened with a share link, or is given one. */
export function SharedLinkWatcher() {
  const [linked, setLinked] = useState(hasShareLink);

  useEffect(() => {
    if (linked) return;
    const onHashChange = () => {
      if (hasShareLink()) setLinked(true);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [linked]);

  if (!linked) return null;
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="send-reason">
          The part of the app that reads shared links could not be loaded. Check your connection and open the link
          again.
        </p>
      }
    >
      <SharedRequestDialog />
    </LoadBoundary>
  );
}
