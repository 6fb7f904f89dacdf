import { lazy } from 'react';
import { LazyRegion } from '../ui/LazyRegion';

// Share links are read once the Message box has painted: a page opened without one never needs this code.
const SharedRequestDialog = lazy(() =>
  import('./SharedRequestDialog').then((module) => ({ default: module.SharedRequestDialog })),
);

/** SharedRequestDialog, loaded after the first paint. */
export function LazySharedRequestDialog() {
  return (
    <LazyRegion
      placeholder={null}
      failure={
        <p role="alert" className="notice notice-error">
          Shared links cannot be opened: part of the app failed to load. Check your connection and reload the page.
        </p>
      }
    >
      <SharedRequestDialog />
    </LazyRegion>
  );
}
