import { Drawer } from '../ui/Drawer';
import { SettingsSidebar } from './SettingsSidebar';

/** The settings as a sheet over the page (phone, tablet); loaded when "Settings" is first pressed. */
export function SettingsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Drawer title="Settings" className="settings-sheet" onClose={onClose}>
      <SettingsSidebar />
    </Drawer>
  );
}
