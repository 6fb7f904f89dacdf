import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { isCatalogued } from '../../core/models';
import { maxTokensLimit } from '../../core/request';
import { ParameterHeader, sendHint } from './ParameterField';
import { useSettingsModel } from './useSettingsModel';
import { NumberDraftInput } from '../ui/NumberDraftInput';
import { formatInteger } from '../../core/numberFormat';

/** "Max tokens": an integer up to the model's maximum output; larger numbers are clamped with a note. */
export function MaxTokensField() {
  const value = usePlaygroundStore((state) => state.settings.maxTokens);
  const pinned = usePlaygroundStore((state) => state.settings.pinned.max_tokens);
  const model = useSettingsModel();
  const limit = maxTokensLimit(model);
  // A model without a published default starts at its limit, which then counts as the default (see request.ts).
  const modelDefault = model.defaultMaxTokens ?? limit;
  const id = useId();
  const limitText =
    model.maxOutputTokens !== null
      ? `Model maximum ${formatInteger(limit)}`
      : `${isCatalogued(model.id) ? 'No published maximum' : 'Custom model'}: up to ${formatInteger(limit)}`;

  return (
    <div className="sidebar-field sidebar-parameter">
      <ParameterHeader controlId={`${id}-input`} label="Max tokens" parameter="max_tokens" pinName="max tokens" />
      <NumberDraftInput
        id={id}
        value={value}
        range={{ min: 1, max: limit }}
        commit={settingsActions.setMaxTokens}
        hint={`${limitText} · ${sendHint(value === modelDefault, pinned, formatInteger(modelDefault))}`}
      />
    </div>
  );
}
