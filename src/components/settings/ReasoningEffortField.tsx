import { useId } from 'react';
import { reasoningEffortValues } from '../../core/models';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { ParameterHeader, sendHint } from './ParameterField';
import { useSettingsModel } from './useSettingsModel';

/** "Reasoning effort", on models that take `reasoning_effort`: the documented levels, pinned like a parameter. */
export function ReasoningEffortField() {
  const model = useSettingsModel();
  const value = usePlaygroundStore((state) => state.settings.reasoningEffort);
  const pinned = usePlaygroundStore((state) => state.settings.pinned.reasoning_effort);
  const thinking = usePlaygroundStore((state) => state.settings.thinking);
  const id = useId();
  const effort = model.reasoningEffort;
  if (!effort) return null;
  // A level saved on another model may not be offered here: show the model default instead.
  const shown = effort.levels.includes(value) ? value : effort.default;

  return (
    <div className="sidebar-field sidebar-parameter">
      <ParameterHeader
        controlId={`${id}-select`}
        label="Reasoning effort"
        parameter="reasoning_effort"
        pinName="reasoning effort"
      />
      <select
        id={`${id}-select`}
        value={shown}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const level = reasoningEffortValues.find((candidate) => candidate === event.target.value);
          if (level) settingsActions.setReasoningEffort(level);
        }}
      >
        {effort.levels.map((level) => (
          <option key={level} value={level}>
            {level === effort.default ? `${level} (default)` : level}
            {effort.confirmed.includes(level) ? '' : ' — unconfirmed'}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="sidebar-hint">
        {sendHint(shown === effort.default, pinned, effort.default)}
        {!thinking && ' · thinking is off: the model may ignore it'}
      </p>
    </div>
  );
}
