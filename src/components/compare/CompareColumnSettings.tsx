import { useId, useMemo } from 'react';
import { modelCatalogue, modelInfo, supportsThinking } from '../../core/models';
import { maxTokensLimit, temperatureRange, topPRange } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import * as compareActions from '../../store/compareActions';
import { findCompareColumn } from '../../store/compareSelectors';
import { CompareNumberField } from './CompareNumberField';

interface CompareColumnSettingsProps {
  columnId: string;
  /** While the column runs, its settings are what was sent: locked. */
  disabled: boolean;
}

/** A column's own model, thinking, stream, temperature, top_p and max_tokens (the rest comes from the sidebar). */
export function CompareColumnSettings({ columnId, disabled }: CompareColumnSettingsProps) {
  const settings = usePlaygroundStore((state) => findCompareColumn(state, columnId)?.settings ?? null);
  const model = useMemo(() => modelInfo(settings?.model ?? ''), [settings?.model]);
  const id = useId();
  if (!settings) return null;
  const thinkingSupported = supportsThinking(model);
  const custom = !modelCatalogue.some((entry) => entry.id === settings.model);

  return (
    <fieldset className="compare-settings" disabled={disabled}>
      <legend className="visually-hidden">Settings</legend>
      <div className="compare-field compare-field-wide">
        <label htmlFor={`${id}-model`}>Model</label>
        <select
          id={`${id}-model`}
          value={settings.model}
          onChange={(event) => compareActions.setColumnModel(columnId, event.target.value)}
        >
          {custom && <option value={settings.model}>{settings.model}</option>}
          {modelCatalogue.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          checked={thinkingSupported && settings.thinking}
          disabled={!thinkingSupported}
          onChange={(event) => compareActions.setColumnThinking(columnId, event.target.checked)}
        />
        Thinking
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.stream}
          onChange={(event) => compareActions.setColumnStream(columnId, event.target.checked)}
        />
        Stream
      </label>
      <CompareNumberField
        label="Temperature"
        value={settings.temperature}
        range={temperatureRange}
        commit={(value) => compareActions.setColumnTemperature(columnId, value)}
      />
      <CompareNumberField
        label="Top P"
        value={settings.topP}
        range={topPRange}
        commit={(value) => compareActions.setColumnTopP(columnId, value)}
      />
      <CompareNumberField
        label="Max tokens"
        value={settings.maxTokens}
        range={{ min: 1, max: maxTokensLimit(model), step: 1 }}
        commit={(value) => compareActions.setColumnMaxTokens(columnId, value)}
      />
    </fieldset>
  );
}
