import { useState, useSyncExternalStore } from 'react';
import { storageSectionRequests, subscribeToStorageSectionRequests } from '../storage/storageSectionRequest';
import { LoadBoundary } from '../ui/LoadBoundary';
import { useDialogOpener } from '../ui/useDialogOpener';
import { useMediaQuery } from '../ui/useMediaQuery';
import { LazySettingsSidebar, settingsLoadFailureText } from './LazySettingsSidebar';
import { preloadable } from '../ui/preloadable';

const SettingsSheet = preloadable(() => import('./SettingsSheet').then((module) => module.SettingsSheet)).Component;

/** Below this width the settings leave the page for a sheet, so the conversation and the Message box come first. */
const sheetQuery = '(max-width: 1099.98px)';

/** The settings as the first column of a wide window. */
export function SettingsColumn() {
  const sheet = useMediaQuery(sheetQuery);
  return sheet ? null : <LazySettingsSidebar />;
}

/** On a phone or a tablet: a "Settings" button in the header that opens the settings as a sheet. */
export function SettingsSheetButton() {
  const sheet = useMediaQuery(sheetQuery);
  const { open, buttonRef, openDialog, closeDialog } = useDialogOpener();
  // "Manage storage" in a notice: the Storage section is in the sheet here, so the sheet opens with it.
  const storageRequests = useSyncExternalStore(subscribeToStorageSectionRequests, storageSectionRequests);
  const [seenStorageRequests, setSeenStorageRequests] = useState(storageRequests);
  if (storageRequests !== seenStorageRequests) {
    setSeenStorageRequests(storageRequests);
    if (sheet && !open) openDialog();
  }
  if (!sheet) return null;
  return (
    <>
      <button ref={buttonRef} type="button" className="settings-sheet-open" aria-haspopup="dialog" onClick={openDialog}>
        Settings
      </button>
      {open && (
        <LoadBoundary
          fallback={
            <p role="alert" className="notice notice-error">
              {settingsLoadFailureText}
            </p>
          }
        >
          <SettingsSheet onClose={closeDialog} />
        </LoadBoundary>
      )}
    </>
  );
}
