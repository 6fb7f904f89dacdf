import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';
import { stallTimeoutRange } from '../../core/stallTimeout';
import { useNumberDraft } from '../ui/useNumberDraft';

/** "Stall timeout (s)": how long a silent stream may hang before it is reported as stalled. */
export function StallTimeoutField() {
  const seconds = usePlaygroundStore((state) => state.connection.stallTimeoutSeconds);
  const number = useNumberDraft(seconds, stallTimeoutRange, connectionActions.setStallTimeout);
  const id = useId();
  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-input`}>Stall timeout (s)</label>
      <input
        id={`${id}-input`}
        type="number"
        min={stallTimeoutRange.min}
        max={stallTimeoutRange.max}
        step={1}
        value={number.draft}
        aria-describedby={`${id}-hint ${id}-note`}
        onChange={number.onChange}
        onBlur={number.onBlur}
      />
      <p id={`${id}-hint`} className="sidebar-hint">
        A stream with no data for this long is marked “stalled”; Stop always works.
      </p>
      <p id={`${id}-note`} className="sidebar-note" role="status">
        {number.note}
      </p>
    </div>
  );
}
