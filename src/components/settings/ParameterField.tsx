import { useId, useMemo } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { modelInfo, type ModelInfo } from '../../core/models';
import { temperatureRange, topPRange, type TunableParameter } from '../../core/request';
import type { PlaygroundState } from '../../store/types';
import { useNumberDraft } from '../ui/useNumberDraft';
import { ClampNote } from './ClampNote';

function differsFromDefault(value: number, modelDefault: number): boolean {
  return Math.abs(value - modelDefault) > 1e-9;
}

export function sendHint(atDefault: boolean, pinned: boolean, modelDefault: string): string {
  if (pinned) return 'pinned — always sent';
  return atDefault ? 'default — not sent' : `sent (model default ${modelDefault})`;
}

interface ParameterHeaderProps {
  /** The id of the control the label names. */
  controlId: string;
  label: string;
  parameter: TunableParameter;
  /** Words after "Always send" in the pin checkbox's name. */
  pinName: string;
}

/**
 * A parameter's label and its "Always send" pin (a pinned parameter is sent even at the model default), and what a
 * model switch changed in the pinned value.
 */
export function ParameterHeader({ controlId, label, parameter, pinName }: ParameterHeaderProps) {
  const pinned = usePlaygroundStore((state) => state.settings.pinned[parameter]);
  return (
    <>
      <div className="sidebar-parameter-header">
        <label htmlFor={controlId}>{label}</label>
        <label className="sidebar-pin">
          <input
            type="checkbox"
            aria-label={`Always send ${pinName}`}
            checked={pinned}
            onChange={(event) => settingsActions.setPinned(parameter, event.target.checked)}
          />
          Always send
        </label>
      </div>
      <ClampNote parameter={parameter} />
    </>
  );
}

interface ParameterConfig {
  label: string;
  /** Words after "Always send" in the pin checkbox's name. */
  pinName: string;
  range: { min: number; max: number; step: number };
  select: (state: PlaygroundState) => number;
  modelDefault: (model: ModelInfo) => number;
  set: (value: number) => number;
}

const parameters: Record<'temperature' | 'top_p', ParameterConfig> = {
  temperature: {
    label: 'Temperature',
    pinName: 'temperature',
    range: temperatureRange,
    select: (state) => state.settings.temperature,
    modelDefault: (model) => model.defaultTemperature,
    set: settingsActions.setTemperature,
  },
  top_p: {
    label: 'Top P',
    pinName: 'top P',
    range: topPRange,
    select: (state) => state.settings.topP,
    modelDefault: (model) => model.defaultTopP,
    set: settingsActions.setTopP,
  },
};

/** A sampling parameter: slider and number input kept in step, a pin, and whether it will be sent. */
export function ParameterField({ parameter }: { parameter: 'temperature' | 'top_p' }) {
  const config = parameters[parameter];
  const value = usePlaygroundStore(config.select);
  const modelId = usePlaygroundStore((state) => state.settings.model);
  const pinned = usePlaygroundStore((state) => state.settings.pinned[parameter]);
  const modelDefault = useMemo(() => config.modelDefault(modelInfo(modelId)), [config, modelId]);
  const number = useNumberDraft(value, config.range, config.set);
  const id = useId();

  return (
    <div className="sidebar-field sidebar-parameter">
      <ParameterHeader controlId={`${id}-slider`} label={config.label} parameter={parameter} pinName={config.pinName} />
      <div className="sidebar-parameter-controls">
        <input
          id={`${id}-slider`}
          type="range"
          min={config.range.min}
          max={config.range.max}
          step={config.range.step}
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(event) => config.set(Number(event.target.value))}
        />
        <input
          type="number"
          aria-label={`${config.label} value`}
          min={config.range.min}
          max={config.range.max}
          step={config.range.step}
          value={number.draft}
          aria-describedby={`${id}-hint ${id}-note`}
          onChange={number.onChange}
          onBlur={number.onBlur}
        />
      </div>
      <p id={`${id}-hint`} className="sidebar-hint">
        {sendHint(!differsFromDefault(value, modelDefault), pinned, String(modelDefault))}
      </p>
      <p id={`${id}-note`} className="sidebar-note" role="status">
        {number.note}
      </p>
    </div>
  );
}
