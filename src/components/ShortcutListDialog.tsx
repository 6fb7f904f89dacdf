import { ModalDialog } from './ui/ModalDialog';
import './app.css';

const shortcutList: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl/Cmd + Enter', action: 'Send (in the Message box)' },
  { keys: 'Esc', action: 'Stop the reply that is on its way' },
  { keys: 'Ctrl/Cmd + K', action: 'Go to the Message box' },
  { keys: '/', action: 'Go to the Message box (not while typing in a field)' },
  { keys: 'Ctrl/Cmd + Shift + C', action: 'Copy the next request as cURL (without your key)' },
  { keys: '?', action: 'Show this list (not while typing in a field)' },
];

/** The "Keyboard shortcuts" list, in a modal dialog. */
export function ShortcutListDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog closeButton className="wide-dialog" title="Keyboard shortcuts" onClose={onClose}>
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
  );
}
