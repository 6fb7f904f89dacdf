import { useId } from 'react';
import { toolStreamAvailability } from '../../core/toolBody';
import { usePlaygroundStore } from '../../store';
import { setToolStream } from '../../store/toolDefinitionActions';
import { useSettingsModel } from '../settings/useSettingsModel';

/** "Stream tool calls" (tool_stream), disabled with the reason where the model or the Stream setting rules it out. */
export function ToolStreamToggle() {
  const checked = usePlaygroundStore((state) => state.settings.tools.stream);
  const stream = usePlaygroundStore((state) => state.settings.stream);
  const model = useSettingsModel();
  const availability = toolStreamAvailability(model, stream);
  const id = useId();
  return (
    <div className="sidebar-field">
      <label className="sidebar-check">
        <input
          type="checkbox"
          checked={checked && availability.available}
          disabled={!availability.available}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setToolStream(event.target.checked)}
        />
        Stream tool calls
      </label>
      <p id={`${id}-hint`} className="sidebar-hint">
        {availability.reason}
      </p>
    </div>
  );
}
