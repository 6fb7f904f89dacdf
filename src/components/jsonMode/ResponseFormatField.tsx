import { useId } from 'react';
import { takesResponseFormat, responseFormatTypes } from '../../core/responseFormat';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { ParameterHeader, sendHint } from '../settings/ParameterField';
import { useSettingsModel } from '../settings/useSettingsModel';
import { AnswerSchemaField } from './AnswerSchemaField';
import './jsonMode.css';

const formatLabels = { text: 'Text', json_object: 'JSON object' } as const;

/**
 * "Response format": text, or JSON mode (`response_format: {"type": "json_object"}`), pinned like a parameter; with
 * JSON mode, the answer schema the reply is checked against. Vision models do not take the field.
 */
export function ResponseFormatField() {
  const model = useSettingsModel();
  const format = usePlaygroundStore((state) => state.settings.responseFormat);
  const pinned = usePlaygroundStore((state) => state.settings.pinned.response_format);
  const id = useId();
  const offered = takesResponseFormat(model);

  return (
    <div className="sidebar-field sidebar-parameter">
      <ParameterHeader
        controlId={`${id}-select`}
        label="Response format"
        parameter="response_format"
        pinName="response format"
      />
      <select
        id={`${id}-select`}
        value={format}
        disabled={!offered}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const chosen = responseFormatTypes.find((type) => type === event.target.value);
          if (chosen) settingsActions.setResponseFormat(chosen);
        }}
      >
        {responseFormatTypes.map((type) => (
          <option key={type} value={type}>
            {formatLabels[type]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="sidebar-hint">
        {!offered
          ? `Not sent: ${model.id} is a vision model, and their requests have no response_format.`
          : format === 'json_object'
            ? 'JSON mode: sent as {"type": "json_object"}. Ask for JSON in your message too.'
            : sendHint(true, pinned, 'text')}
      </p>
      {offered && format === 'json_object' && <AnswerSchemaField />}
    </div>
  );
}
