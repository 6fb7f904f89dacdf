/** The composer's id: the target of the "Skip to message" link. */
export const composerId = 'composer';

/** Puts the keyboard in the Message box (the skip link, the "/" and Ctrl/Cmd+K shortcuts, the first-run card). */
export function focusMessageBox(): void {
  const box = document.querySelector<HTMLTextAreaElement>(`#${composerId} textarea`);
  box?.focus();
}
