import { useId, useState, type KeyboardEvent } from 'react';
import { usePlaygroundStore } from '../../store';
import { editAndResend, saveTurnEdit, type LaterTurns } from '../../store/iterationActions';

interface TurnEditorProps {
  turnId: string;
  initialText: string;
  /** The editor is done (saved, resent or cancelled). */
  onClose: () => void;
}

/**
 * Editing a turn in place. Save keeps the change (later replies are then marked stale); on a user turn, "Save &
 * resend" sends the conversation up to it again, and when turns follow it the user chooses what becomes of them.
 */
export function TurnEditor({ turnId, initialText, onClose }: TurnEditorProps) {
  const [text, setText] = useState(initialText);
  const [later, setLater] = useState<LaterTurns>('keep');
  const isUser = usePlaygroundStore(
    (state) => state.conversation.turns.find((turn) => turn.id === turnId)?.role === 'user',
  );
  const laterCount = usePlaygroundStore((state) => {
    const index = state.conversation.turns.findIndex((turn) => turn.id === turnId);
    return index < 0 ? 0 : state.conversation.turns.length - index - 1;
  });
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const id = useId();

  function save() {
    saveTurnEdit(turnId, text);
    onClose();
  }

  function resend() {
    editAndResend(turnId, text, later);
    onClose();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  }

  const laterText = laterCount === 1 ? 'the turn after this one' : `the ${laterCount} turns after this one`;
  return (
    <div className="turn-editor">
      <label htmlFor={`${id}-edit`}>Edit message</label>
      <textarea
        id={`${id}-edit`}
        autoFocus
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-keys`}
      />
      <p id={`${id}-keys`} className="hint">
        Ctrl/Cmd+Enter saves, Esc cancels.{laterCount > 0 ? ' Save alone marks the later replies as stale.' : ''}
      </p>
      {isUser && laterCount > 0 && (
        <fieldset className="turn-editor-later">
          <legend>On Save &amp; resend, {laterText}</legend>
          <label className="checkbox">
            <input type="radio" name={`${id}-later`} checked={later === 'keep'} onChange={() => setLater('keep')} />
            Keep as an alternative of the new reply
          </label>
          <label className="checkbox">
            <input type="radio" name={`${id}-later`} checked={later === 'drop'} onChange={() => setLater('drop')} />
            Drop
          </label>
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button-primary" onClick={save}>
          Save
        </button>
        {isUser && (
          <button type="button" disabled={sending} onClick={resend}>
            Save &amp; resend
          </button>
        )}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
