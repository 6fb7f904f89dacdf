import { Drawer } from '../ui/Drawer';
import { useDialogOpener } from '../ui/useDialogOpener';
import { useMediaQuery } from '../ui/useMediaQuery';
import { LazySettingsSidebar } from './LazySettingsSidebar';

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
  if (!sheet) return null;
  return (
    <>
      <button ref={buttonRef} type="button" className="settings-sheet-open" aria-haspopup="dialog" onClick={openDialog}>
        Settings
      </button>
      {open && (
        <Drawer title="Settings" className="settings-sheet" onClose={closeDialog}>
          <LazySettingsSidebar />
        </Drawer>
      )}
    </>
  );
}
