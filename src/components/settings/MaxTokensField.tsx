import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { isCatalogued } from '../../core/models';
import { maxTokensLimit } from '../../core/request';
import { sendHint, useNumberDraft } from './ParameterField';
import { useSettingsModel } from './useSettingsModel';

const formatter = new Intl.NumberFormat('en-US');

/** "Max tokens": an integer up to the model's maximum output; larger numbers are clamped with a note. */
export function MaxTokensField() {
  const value = usePlaygroundStore((state) => state.settings.maxTokens);
  const pinned = usePlaygroundStore((state) => state.settings.pinned.max_tokens);
  const model = useSettingsModel();
  const limit = maxTokensLimit(model);
  // A model without a published default starts at its limit, which then counts as the default (see request.ts).
  const modelDefault = model.defaultMaxTokens ?? limit;
  const number = useNumberDraft(value, { min: 1, max: limit }, settingsActions.setMaxTokens);
  const id = useId();
  const limitText =
    model.maxOutputTokens !== null
      ? `Model maximum ${formatter.format(limit)}`
      : `${isCatalogued(model.id) ? 'No published maximum' : 'Custom model'}: up to ${formatter.format(limit)}`;

  return (
    <div className="sidebar-field sidebar-parameter">
      <div className="sidebar-parameter-header">
        <label htmlFor={`${id}-input`}>Max tokens</label>
        <label className="sidebar-pin">
          <input
            type="checkbox"
            aria-label="Always send max tokens"
            checked={pinned}
            onChange={(event) => settingsActions.setPinned('max_tokens', event.target.checked)}
          />
          Always send
        </label>
      </div>
      <input
        id={`${id}-input`}
        type="number"
        min={1}
        max={limit}
        step={1}
        value={number.draft}
        aria-describedby={`${id}-hint ${id}-note`}
        onChange={number.onChange}
        onBlur={number.onBlur}
      />
      <p id={`${id}-hint`} className="sidebar-hint">
        {limitText} · {sendHint(value === modelDefault, pinned, formatter.format(modelDefault))}
      </p>
      <p id={`${id}-note`} className="sidebar-note" role="status">
        {number.note}
      </p>
    </div>
  );
}
