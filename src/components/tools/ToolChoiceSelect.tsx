import { useId } from 'react';
import type { ToolChoice } from '../../core/toolSettings';
import { usePlaygroundStore } from '../../store';
import { setToolChoice } from '../../store/toolDefinitionActions';

/** "Tool choice": the API allows only "auto", so the one choice is whether to state it in the request. */
export function ToolChoiceSelect() {
  const choice = usePlaygroundStore((state) => state.settings.tools.choice);
  const id = useId();
  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-choice`}>Tool choice</label>
      <select
        id={`${id}-choice`}
        value={choice}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setToolChoice(event.target.value as ToolChoice)}
      >
        <option value="unset">auto (default, not sent)</option>
        <option value="auto">auto (sent as tool_choice)</option>
      </select>
      <p id={`${id}-hint`} className="sidebar-hint">
        The model decides whether to call a tool; &quot;auto&quot; is the only value the API accepts. Sent only with
        tools.
      </p>
    </div>
  );
}
