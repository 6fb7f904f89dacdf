import { useId, type ReactNode } from 'react';
import { useSectionOpen } from './sectionOpen';

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
