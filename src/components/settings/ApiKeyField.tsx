import { useId, useRef, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';

/** "API key" (hidden by default, with Show/Hide), "Remember key" and "Forget key". */
export function ApiKeyField() {
  const apiKey = usePlaygroundStore((state) => state.connection.apiKey);
  const rememberKey = usePlaygroundStore((state) => state.connection.rememberKey);
  const [visible, setVisible] = useState(false);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function forget() {
    connectionActions.forgetKey();
    setVisible(false);
    setStatus('Key forgotten: removed from this browser.');
    inputRef.current?.focus(); // the button disables itself; keep focus somewhere useful
  }

  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-key`}>API key</label>
      <div className="sidebar-key-row">
        <input
          ref={inputRef}
          id={`${id}-key`}
          type={visible ? 'text' : 'password'}
          value={apiKey}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="Paste your key"
          onChange={(event) => {
            connectionActions.setApiKey(event.target.value);
            setStatus('');
          }}
        />
        <button type="button" aria-controls={`${id}-key`} onClick={() => setVisible(!visible)}>
          {visible ? 'Hide key' : 'Show key'}
        </button>
      </div>
      <label className="sidebar-check">
        <input
          type="checkbox"
          checked={rememberKey}
          aria-describedby={`${id}-remember-hint`}
          onChange={(event) => connectionActions.setRememberKey(event.target.checked)}
        />
        Remember key
      </label>
      <p id={`${id}-remember-hint`} className="sidebar-hint">
        {rememberKey
          ? "On: kept in this browser's localStorage until you forget it."
          : 'Off: kept for this tab only (sessionStorage), gone when the tab closes.'}
      </p>
      <div className="sidebar-key-actions">
        <button type="button" className="button-danger" disabled={apiKey === ''} onClick={forget}>
          Forget key
        </button>
        <span role="status" className="sidebar-note">
          {status}
        </span>
      </div>
    </div>
  );
}
