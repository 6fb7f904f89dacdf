import { LazyRegion } from '../ui/LazyRegion';
import { preloadable } from '../ui/preloadable';

// The settings (with the tools, JSON mode, library and history inside) load once the Message box has painted.
const settingsSidebar = preloadable(() => import('./SettingsSidebar').then((module) => module.SettingsSidebar));

export const settingsLoadFailureText = 'The settings could not be loaded. Check your connection and reload the page.';

/** SettingsSidebar, loaded after the first paint; an empty sidebar of the same size stands in for it meanwhile. */
export function LazySettingsSidebar() {
  return (
    <LazyRegion
      placeholder={<aside className="settings-sidebar" aria-label="Settings" aria-busy="true" />}
      failure={
        <aside className="settings-sidebar" aria-label="Settings">
          <p role="alert" className="notice notice-error">
            {settingsLoadFailureText}
          </p>
        </aside>
      }
      region={settingsSidebar}
    />
  );
}
