import { useEffect, useRef, useState } from 'react';

/**
 * Open/close state for a button that opens a modal dialog, with focus returned to the button once the dialog has
 * left the page (while a modal dialog is open the rest of the page is inert and cannot take focus).
 */
export function useDialogOpener() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    buttonRef.current?.focus();
  }, [open]);

  return {
    open,
    buttonRef,
    openDialog: () => setOpen(true),
    closeDialog: () => {
      returnFocus.current = true;
      setOpen(false);
    },
  };
}
