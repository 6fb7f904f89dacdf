import { useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { TurnRole } from '../../core/request';
import * as actions from '../../store/actions';

/** "Add message": appends a hand-written user or assistant turn without sending anything. */
export function AddMessageForm() {
  const [role, setRole] = useState<TurnRole>('user');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  function add(event?: SyntheticEvent) {
    event?.preventDefault();
    if (text.trim() === '') {
      setError('Type the text of the message to add.');
      textRef.current?.focus();
      return;
    }
    actions.addTurn(role, text);
    setText('');
    setError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) add(event);
  }

  return (
    <form className="add-message" aria-labelledby={`${id}-title`} onSubmit={add}>
      <h3 id={`${id}-title`} className="add-message-title">
        Add a turn by hand
      </h3>
      <div className="add-message-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>Add as</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value === 'assistant' ? 'assistant' : 'user')}
          >
            <option value="user">user</option>
            <option value="assistant">assistant</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-text`}>Text to add</label>
          <textarea
            id={`${id}-text`}
            ref={textRef}
            rows={2}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="submit">Add message</button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
