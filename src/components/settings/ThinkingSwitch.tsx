import { useId, useMemo } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { endpointKeepsReasoning } from '../../core/endpoints';
import { modelInfo, supportsThinking, type ModelInfo } from '../../core/models';
import { reasoningGoesBack } from '../../core/sentTurns';

function thinkingHint(model: ModelInfo, on: boolean): string {
  if (!supportsThinking(model)) return 'This model has no thinking mode';
  if (model.thinking === 'required') return 'Always on: this model cannot answer without reasoning.';
  if (!on) return 'Off: the model answers without reasoning first.';
  if (model.thinking === 'always') return 'On: the model reasons before every answer.';
  return 'On: the model decides when a question needs reasoning.';
}

function preserveHint(preserve: boolean, keptByEndpoint: boolean, endpointDefault: boolean): string {
  const origin = endpointDefault ? (keptByEndpoint ? ' (the Coding Plan default)' : ' (the default here)') : '';
  if (preserve) return `Sends earlier replies' reasoning back (clear_thinking: false)${origin}.`;
  if (keptByEndpoint)
    return 'Earlier reasoning is not sent; clear_thinking: true tells the Coding Plan not to keep it.';
  return `Sends answers only; earlier reasoning stays here${origin}.`;
}

/** "Thinking" switch, disabled with the reason on models without it; "Preserve reasoning" where the model allows. */
export function ThinkingSwitch() {
  const modelId = usePlaygroundStore((state) => state.settings.model);
  const thinking = usePlaygroundStore((state) => state.settings.thinking);
  const preserveReasoning = usePlaygroundStore((state) => reasoningGoesBack(state.settings, state.connection.baseUrl));
  const choice = usePlaygroundStore((state) => state.settings.preserveReasoning);
  const keptByEndpoint = usePlaygroundStore((state) => endpointKeepsReasoning(state.connection.baseUrl));
  const model = useMemo(() => modelInfo(modelId), [modelId]);
  const supported = supportsThinking(model);
  const on = supported && (thinking || model.thinking === 'required');
  const id = useId();

  return (
    <div className="sidebar-field">
      <label className="sidebar-check sidebar-switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={!supported || model.thinking === 'required'}
          aria-describedby={`${id}-hint`}
          onChange={(event) => settingsActions.setThinking(event.target.checked)}
        />
        Thinking
      </label>
      <p id={`${id}-hint`} className="sidebar-hint">
        {thinkingHint(model, on)}
      </p>
      {supported && model.preservedThinking && (
        <>
          <label className="sidebar-check">
            <input
              type="checkbox"
              checked={preserveReasoning}
              // With thinking off there is no reasoning to send back.
              disabled={!on}
              aria-describedby={`${id}-preserve-hint`}
              onChange={(event) => settingsActions.setPreserveReasoning(event.target.checked)}
            />
            Preserve reasoning
          </label>
          <p id={`${id}-preserve-hint`} className="sidebar-hint">
            {on
              ? preserveHint(preserveReasoning, keptByEndpoint, choice === null)
              : 'Turn Thinking on to use this: with thinking off there is no reasoning to send back.'}
          </p>
        </>
      )}
    </div>
  );
}
