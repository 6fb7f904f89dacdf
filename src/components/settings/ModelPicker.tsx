import { useId, useState, type KeyboardEvent } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { findModel, isCatalogued, modelCatalogue, modelGroups } from '../../core/models';
import { CustomModelLimitsForm } from './CustomModelLimitsForm';
import { ModelDetails } from './ModelDetails';
import { describeModel } from './modelDescription';
import { useSettingsModel } from './useSettingsModel';

/** A datalist pick arrives as one replacing input event; typing arrives as "insertText" / "delete…". */
function pickedFromList(event: Event): boolean {
  const inputType = 'inputType' in event ? event.inputType : undefined;
  return inputType === undefined || inputType === '' || inputType === 'insertReplacementText';
}

/**
 * "Model": a combobox over the catalogue that accepts any id. A catalogue pick applies at once; a typed custom id
 * applies on Enter or when leaving the field, so the model's defaults are not re-applied on every keystroke.
 */
export function ModelPicker() {
  const modelId = usePlaygroundStore((state) => state.settings.model);
  const [draft, setDraft] = useState(modelId);
  const [synced, setSynced] = useState(modelId);
  if (modelId !== synced) {
    setSynced(modelId);
    setDraft(modelId);
  }
  const model = useSettingsModel();
  const catalogued = isCatalogued(modelId);
  const id = useId();

  function apply(value: string) {
    const typed = value.trim();
    const chosen = findModel(typed)?.id ?? typed;
    if (chosen === '') {
      setDraft(modelId); // an empty id is never sent: back to the current model
      return;
    }
    if (chosen !== modelId) settingsActions.setModel(chosen);
    setDraft(chosen);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply(draft);
    } else if (event.key === 'Escape') {
      setDraft(modelId);
    }
  }

  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-input`}>Model</label>
      <input
        id={`${id}-input`}
        role="combobox"
        list={`${id}-catalogue`}
        value={draft}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-info`}
        onChange={(event) => {
          setDraft(event.target.value);
          if (pickedFromList(event.nativeEvent) && findModel(event.target.value)) apply(event.target.value);
        }}
        onBlur={() => apply(draft)}
        onKeyDown={onKeyDown}
      />
      <datalist id={`${id}-catalogue`}>
        {modelCatalogue.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </datalist>
      <p id={`${id}-info`} className="sidebar-hint">
        {describeModel(model)}
        {draft.trim() !== modelId && draft.trim() !== '' && ' · press Enter to switch'}
      </p>
      <label htmlFor={`${id}-catalogue-select`}>Catalogue</label>
      <select
        id={`${id}-catalogue-select`}
        value={catalogued ? model.id : ''}
        onChange={(event) => {
          if (event.target.value !== '') apply(event.target.value);
        }}
      >
        <option value="" disabled={catalogued}>
          Custom id (type it under Model)
        </option>
        {modelGroups.map((group) => (
          <optgroup key={group.id} label={group.label}>
            {modelCatalogue
              .filter((entry) => entry.group === group.id)
              .map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                  {entry.unconfirmed ? ' (partly unconfirmed)' : ''}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <ModelDetails model={model} />
      {!catalogued && <CustomModelLimitsForm model={model} />}
    </div>
  );
}
