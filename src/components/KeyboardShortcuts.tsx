import { useEffect, useRef, useState } from 'react';
import { usePlaygroundStore } from '../store';
import * as actions from '../store/actions';
import { selectPendingRequest } from '../store/selectors';
import { copyText } from './ui/clipboard';
import { ModalDialog } from './ui/ModalDialog';
import { focusMessageBox } from './welcome/messageBox';
import './app.css';

const shortcutList: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl/Cmd + Enter', action: 'Send (in the Message box)' },
  { keys: 'Esc', action: 'Stop the reply that is on its way' },
  { keys: 'Ctrl/Cmd + K', action: 'Go to the Message box' },
  { keys: '/', action: 'Go to the Message box (not while typing in a field)' },
  { keys: 'Ctrl/Cmd + Shift + C', action: 'Copy the next request as cURL (without your key)' },
  { keys: '?', action: 'Show this list (not while typing in a field)' },
];

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

const copiedCurlText = 'Copied the next request as cURL (without your key).';

async function copyPendingCurl(): Promise<string> {
  const request = selectPendingRequest(usePlaygroundStore.getState());
  // The code generators load on first use: the page's first paint does not need them.
  const codegen = await import('../core/codegen').catch(() => null);
  if (!codegen)
    return 'The request could not be copied: part of the app failed to load. Reload the page and try again.';
  try {
    await copyText(codegen.generateCode(request, { library: 'curl', includeKey: false }));
    return copiedCurlText;
  } catch {
    return 'The request could not be copied: this browser refused clipboard access. Use Code → Copy instead.';
  }
}

/**
 * The global shortcuts and the "Keyboard shortcuts" list (button in the header, or `?`). Ctrl/Cmd+Enter and Esc
 * inside the composer are handled there; Esc here stops a reply from anywhere else on the page.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
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
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 5000);
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
      <div role="status" className={status === copiedCurlText ? 'shortcuts-status status-success' : 'shortcuts-status'}>
        {status}
      </div>
      {open && (
        <ModalDialog closeButton className="wide-dialog" title="Keyboard shortcuts" onClose={close}>
          <dl className="shortcut-list">
            {shortcutList.map((shortcut) => (
              <div key={shortcut.keys} className="shortcut-row">
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </ModalDialog>
      )}
    </>
  );
}
