import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';

// Asked only before a send to another server: the dialog loads then.
const KeyOriginDialog = preloadable(() =>
  import('./KeyOriginDialog').then((module) => module.KeyOriginDialog),
).Component;

/** KeyOriginDialog, loaded when a send asks where the key may go. */
export function LazyKeyOriginDialog() {
  const asking = usePlaygroundStore((state) => state.ui.keyConfirmation !== null);
  if (!asking) return null;
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="notice notice-error">
          Nothing was sent: the question whether to send your key to another server could not be loaded. Check your
          connection and reload the page.{' '}
          <button type="button" onClick={() => connectionActions.cancelKeyConfirmation()}>
            OK
          </button>
        </p>
      }
    >
      <KeyOriginDialog />
    </LoadBoundary>
  );
}
