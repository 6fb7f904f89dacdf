// Open/closed choices of collapsible parts (the sidebar sections, the first-run card), remembered per browser. Apart
// from SidebarSection.tsx, which loads with the settings: the first-run card needs its choice at the first paint.
import { useState } from 'react';

/** Where the open/closed state of each sidebar section is kept (a layout preference, not part of the saved state). */
const storageKey = 'glm-playground:sidebar-sections';

function readSavedSections(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/**
 * Open/closed state of one collapsible section: the user's last choice for `sectionKey`, else `defaultOpen`.
 * Saving is best effort: private windows or a full storage only lose the memory, never the toggle.
 */
export function useSectionOpen(sectionKey: string, defaultOpen: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => {
    const saved = readSavedSections()[sectionKey];
    return typeof saved === 'boolean' ? saved : defaultOpen;
  });
  function setOpen(next: boolean) {
    setOpenState(next);
    rememberSectionOpen(sectionKey, next);
  }
  return [open, setOpen];
}

/** Remembers a section open or closed (read when it is next mounted). */
export function rememberSectionOpen(sectionKey: string, open: boolean): void {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify({ ...readSavedSections(), [sectionKey]: open }));
  } catch {
    // Storage unavailable: the section still toggles for this page.
  }
}
