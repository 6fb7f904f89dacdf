import { useEffect, useRef, useState } from 'react';
import { usePlaygroundStore } from '../store';
import * as actions from '../store/actions';
import { LoadBoundary } from './ui/LoadBoundary';
import { focusMessageBox } from './welcome/messageBox';
import './app.css';
import { preloadable } from './ui/preloadable';

// The list opens on request (button or `?`): its dialog loads then.
const ShortcutListDialog = preloadable(() =>
  import('./ShortcutListDialog').then((module) => module.ShortcutListDialog),
).Component;

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True where a printable key is text: text fields, text areas, selects and editable content (Monaco included). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable=""], [contenteditable="true"], .monaco-editor'))
    return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}

/** Code editors and dialogs have keys of their own (Monaco's Ctrl+K chords, a dialog's Esc). */
function ownsItsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor, dialog, [role="dialog"]') !== null;
}

interface CopyStatus {
  text: string;
  copied: boolean;
}
const noStatus: CopyStatus = { text: '', copied: false };

/** Ctrl/Cmd+Shift+C: the copying (and the code generators) load on first use. */
async function copyPendingCurl(): Promise<CopyStatus> {
  const copying = await import('./copyPendingCurl').catch(() => null);
  if (!copying)
    return {
      text: 'The request could not be copied: part of the app failed to load. Reload the page and try again.',
      copied: false,
    };
  return copying.copyPendingCurl();
}

/**
 * The global shortcuts and the "Keyboard shortcuts" list (button in the header, or `?`). Ctrl/Cmd+Enter and Esc
 * inside the composer are handled there; Esc here stops a reply from anywhere else on the page.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(noStatus);
  const returnFocus = useRef<HTMLElement | null>(null);

  function show() {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }

  function close() {
    setOpen(false);
    // After the dialog has left the page (a modal dialog makes everything else inert).
    setTimeout(() => returnFocus.current?.focus(), 0);
  }

  useEffect(() => {
    if (status.text === '') return;
    const timer = setTimeout(() => setStatus(noStatus), 5000);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey) return;
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && !event.shiftKey && key === 'k') {
        if (ownsItsKeys(event.target)) return;
        event.preventDefault();
        focusMessageBox();
      } else if (modifier && event.shiftKey && (key === 'c' || event.code === 'KeyC')) {
        if (ownsItsKeys(event.target)) return;
        event.preventDefault();
        void copyPendingCurl().then(setStatus);
      } else if (event.key === 'Escape' && !modifier && usePlaygroundStore.getState().ui.sending) {
        if (ownsItsKeys(event.target)) return;
        event.preventDefault();
        actions.stop();
      } else if (event.key === '/' && !modifier) {
        if (isTypingTarget(event.target) || ownsItsKeys(event.target)) return;
        event.preventDefault();
        focusMessageBox();
      } else if (event.key === '?' && !modifier) {
        if (isTypingTarget(event.target) || ownsItsKeys(event.target)) return;
        event.preventDefault();
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button type="button" className="button-quiet shortcuts-open" aria-haspopup="dialog" onClick={show}>
        Keyboard shortcuts
      </button>
      <div role="status" className={status.copied ? 'shortcuts-status status-success' : 'shortcuts-status'}>
        {status.text}
      </div>
      {open && (
        <LoadBoundary
          fallback={
            <p role="alert" className="shortcuts-status">
              The list of shortcuts could not be loaded. Check your connection and reload the page.
            </p>
          }
        >
          <ShortcutListDialog onClose={close} />
        </LoadBoundary>
      )}
    </>
  );
}
