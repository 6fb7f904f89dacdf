import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';

/** "Stream": tokens as they arrive (SSE) or the whole reply at once. */
export function StreamToggle() {
  const stream = usePlaygroundStore((state) => state.settings.stream);
  const id = useId();
  return (
    <div className="sidebar-field">
      <label className="sidebar-check">
        <input
          type="checkbox"
          checked={stream}
          aria-describedby={`${id}-hint`}
          onChange={(event) => settingsActions.setStream(event.target.checked)}
        />
        Stream
      </label>
      <p id={`${id}-hint`} className="sidebar-hint">
        {stream ? 'On: reasoning and reply appear as they arrive.' : 'Off: the whole reply arrives at once.'}
      </p>
    </div>
  );
}
