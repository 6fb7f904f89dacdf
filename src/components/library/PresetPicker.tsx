import { useId, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import { allPresets, applyPreset, deletePreset, savePreset } from '../../store/libraryActions';
import { describePresetValues } from '../../store/presets';
import './library.css';

/** "Presets": apply one in a click (built-in and saved), save the current model and parameters under a name. */
export function PresetPicker() {
  const id = useId();
  const presets = usePlaygroundStore(useShallow(allPresets));
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  function apply(presetId: string, presetName: string) {
    applyPreset(presetId);
    setStatus(`Applied the preset “${presetName}”.`);
  }

  function save(event: SubmitEvent) {
    event.preventDefault();
    const saved = savePreset(name);
    if (!saved) {
      setStatus('Give the preset a name first.');
      return;
    }
    setName('');
    setStatus(`Saved the preset “${saved.name}”.`);
  }

  return (
    <div className="preset-picker" role="group" aria-labelledby={`${id}-title`}>
      {/* The Presets section's heading shows the name; this one names the group for screen readers. */}
      <h3 id={`${id}-title`} className="visually-hidden">
        Presets
      </h3>
      <ul className="preset-list">
        {presets.map((preset) => (
          <li key={preset.id} className="preset-item">
            <button
              type="button"
              title={preset.description || describePresetValues(preset.values)}
              onClick={() => apply(preset.id, preset.name)}
            >
              {preset.name}
            </button>
            {!preset.builtIn && (
              <button
                type="button"
                className="button-quiet preset-delete"
                aria-label={`Delete preset ${preset.name}`}
                onClick={() => deletePreset(preset.id)}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="preset-save" onSubmit={save}>
        <label htmlFor={`${id}-name`}>Preset name</label>
        <div className="preset-save-row">
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            placeholder="e.g. Short answers"
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit">Save preset</button>
        </div>
        <p className="sidebar-hint">Saves the current model and parameters (not the system prompt).</p>
      </form>
      <div role="status" className="library-status">
        {status !== null && <p className="sidebar-hint">{status}</p>}
      </div>
    </div>
  );
}
