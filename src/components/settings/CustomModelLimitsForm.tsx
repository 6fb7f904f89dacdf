import { useId, useState, type KeyboardEvent } from 'react';
import { fallbackMaxOutputTokens, type CustomModelLimits, type ModelInfo } from '../../core/models';
import * as settingsActions from '../../store/settingsActions';
import { formatInteger } from '../../core/numberFormat';

type LimitName = keyof CustomModelLimits;

const fields: { name: LimitName; label: string }[] = [
  { name: 'contextTokens', label: 'Context tokens' },
  { name: 'maxOutputTokens', label: 'Max output tokens' },
];

function limitsOf(model: ModelInfo): Record<LimitName, string> {
  return { contextTokens: String(model.contextTokens), maxOutputTokens: String(model.maxOutputTokens ?? '') };
}

/** A positive whole number, or null for an empty box (back to the fallback). undefined: not a valid entry. */
function parseLimit(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** "Custom model limits" for an id outside the catalogue; applied on Enter or when leaving a box. */
export function CustomModelLimitsForm({ model }: { model: ModelInfo }) {
  const [drafts, setDrafts] = useState(() => limitsOf(model));
  const [syncedId, setSyncedId] = useState(model.id);
  const id = useId();
  if (model.id !== syncedId) {
    setSyncedId(model.id);
    setDrafts(limitsOf(model));
  }

  function apply() {
    const contextTokens = parseLimit(drafts.contextTokens);
    const maxOutputTokens = parseLimit(drafts.maxOutputTokens);
    if (contextTokens === undefined || maxOutputTokens === undefined) return;
    settingsActions.setCustomModelLimits({ contextTokens, maxOutputTokens });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    }
  }

  return (
    <fieldset className="sidebar-field custom-model-limits">
      <legend>Custom model limits</legend>
      {fields.map((field) => (
        <label key={field.name} className="custom-model-limit">
          {field.label}
          <input
            type="number"
            min={1}
            step={1}
            value={drafts[field.name]}
            aria-invalid={parseLimit(drafts[field.name]) === undefined}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setDrafts({ ...drafts, [field.name]: event.target.value })}
            onBlur={apply}
            onKeyDown={onKeyDown}
          />
        </label>
      ))}
      <p id={`${id}-hint`} className="sidebar-hint">
        Not in the catalogue: set what your model allows. An empty max output means up to{' '}
        {formatInteger(fallbackMaxOutputTokens)}.
      </p>
    </fieldset>
  );
}
