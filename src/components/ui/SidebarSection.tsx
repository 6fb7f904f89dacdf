import { useId, useState, type ReactNode } from 'react';

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

interface SidebarSectionProps {
  title: string;
  /** Key under which the open/closed choice is remembered. */
  sectionKey: string;
  defaultOpen: boolean;
  className?: string;
  /** Prefix of the heading, toggle, caret and body classes: the library sections lay out their body their own way. */
  classPrefix?: 'section' | 'library';
  /** Render the body only while open (a body that measures or reads something costly when rendered). */
  bodyOnlyWhenOpen?: boolean;
  children: ReactNode;
}

/** A sidebar group with a heading that collapses it (a button with aria-expanded inside the h2). */
export function SidebarSection({
  title,
  sectionKey,
  defaultOpen,
  className,
  classPrefix = 'section',
  bodyOnlyWhenOpen = false,
  children,
}: SidebarSectionProps) {
  const [open, setOpen] = useSectionOpen(sectionKey, defaultOpen);
  const id = useId();
  return (
    <section className={`sidebar-section${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={`${classPrefix}-heading`}>
        <button
          type="button"
          className={`${classPrefix}-toggle`}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <span className={`${classPrefix}-caret`} aria-hidden="true" />
          {title}
        </button>
      </h2>
      <div id={`${id}-body`} className={`${classPrefix}-body`} hidden={!open}>
        {(open || !bodyOnlyWhenOpen) && children}
      </div>
    </section>
  );
}
