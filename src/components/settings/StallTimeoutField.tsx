import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';
import { stallTimeoutRange } from '../../core/stallTimeout';
import { NumberDraftInput } from '../ui/NumberDraftInput';

/** "Stall timeout (s)": how long a silent stream may hang before it is reported as stalled. */
export function StallTimeoutField() {
  const seconds = usePlaygroundStore((state) => state.connection.stallTimeoutSeconds);
  const id = useId();
  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-input`}>Stall timeout (s)</label>
      <NumberDraftInput
        id={id}
        value={seconds}
        range={stallTimeoutRange}
        commit={connectionActions.setStallTimeout}
        hint="A stream with no data for this long is marked “stalled”; Stop always works."
      />
    </div>
  );
}
