import { useId, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import { clearHistory, setHistoryLimit } from '../../store/historyActions';
import { historyLimitRange } from '../../store/historySlice';
import { HistoryEntry } from './HistoryEntry';
import './library.css';

/** The "History size" field: typed freely, applied (and clamped) on Enter or when it loses focus. */
function HistoryLimitField() {
  const id = useId();
  const limit = usePlaygroundStore((state) => state.history.limit);
  const [text, setText] = useState(String(limit));
  const [shown, setShown] = useState(limit);
  if (shown !== limit) {
    setShown(limit);
    setText(String(limit));
  }
  function apply() {
    const value = Number(text);
    setText(String(setHistoryLimit(text.trim() === '' || Number.isNaN(value) ? limit : value)));
  }
  return (
    <div className="sidebar-field history-limit">
      <label htmlFor={`${id}-limit`}>History size</label>
      <input
        id={`${id}-limit`}
        type="number"
        inputMode="numeric"
        min={historyLimitRange.min}
        max={historyLimitRange.max}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
      <p id={`${id}-hint`} className="sidebar-hint">
        The newest {historyLimitRange.min}–{historyLimitRange.max} requests are kept in this browser.
      </p>
    </div>
  );
}

/** "History": every request sent, newest first, with Open / View code / Diff (shown in the History drawer). */
export function HistoryPanel() {
  const [message, setMessage] = useState<string | null>(null);
  const entries = usePlaygroundStore((state) => state.history.entries);

  return (
    <div className="history-panel">
      <HistoryLimitField />
      <div role="status" className="library-status">
        {message !== null && <p className="sidebar-hint">{message}</p>}
      </div>
      {entries.length === 0 ? (
        <p className="sidebar-hint">Requests you send are listed here, newest first.</p>
      ) : (
        <>
          <ol className="history-list" aria-label="Sent requests">
            {entries.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} onOpened={setMessage} />
            ))}
          </ol>
          <button type="button" className="button-quiet" onClick={() => clearHistory()}>
            Clear history
          </button>
        </>
      )}
    </div>
  );
}
