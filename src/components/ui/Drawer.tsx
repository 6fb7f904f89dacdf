import type { ReactNode, RefObject } from 'react';
import { ModalDialog } from './ModalDialog';

interface DrawerProps {
  /** The heading; it also names the drawer. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for the drawer's box (its width, its contents' styles). */
  className?: string;
  /** What takes focus on opening (see ModalDialog); default the first control. */
  initialFocus?: RefObject<HTMLElement | null> | 'dialog';
}

/**
 * A panel that slides over the page from the right edge (full width on a phone): room for work that does not fit
 * the sidebar. It is the shared modal dialog in another shape, so focus is trapped inside, Esc and "Close" close it
 * and focus returns to the opener.
 */
export function Drawer({ title, onClose, children, className, initialFocus }: DrawerProps) {
  return (
    <ModalDialog
      closeButton
      title={title}
      onClose={onClose}
      initialFocus={initialFocus}
      className={className ? `drawer ${className}` : 'drawer'}
    >
      <div className="drawer-body">{children}</div>
    </ModalDialog>
  );
}
