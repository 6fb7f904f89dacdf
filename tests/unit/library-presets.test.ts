// Presets (src/store/presets.ts): the built-ins produce the request they promise; a saved preset restores the
// model and parameters it captured.
import { describe, expect, it } from 'vitest';
import { buildRequestBody, defaultSettingsFor } from '../../src/core/request';
import { salvagePresets } from '../../src/store/presetsSalvage';
import { applyPresetValues, builtInPresets, presetValuesFrom } from '../../src/store/presets';

const turns = [{ role: 'user' as const, content: 'Hi' }];

function builtIn(name: string) {
  const preset = builtInPresets.find((candidate) => candidate.name === name);
  if (!preset) throw new Error(`No built-in preset ${name}`);
  return preset;
}

describe('built-in presets', () => {
  it('ships Deterministic, Creative and Thinking demo', () => {
    expect(builtInPresets.map((preset) => preset.name)).toEqual(['Deterministic', 'Creative', 'Thinking demo']);
  });

  it('Deterministic sends temperature 0 (the bottom of the API range), even on a model whose default is higher', () => {
    const settings = applyPresetValues(defaultSettingsFor('glm-4.6'), builtIn('Deterministic').values);
    const body = buildRequestBody(settings, turns);
    expect(body.temperature).toBe(0);
    expect(body.model).toBe('glm-4.6');
  });

  it('Creative sends temperature 1 and top_p 0.95 pinned, although they are GLM-4.7 defaults', () => {
    const body = buildRequestBody(applyPresetValues(defaultSettingsFor('glm-4.7'), builtIn('Creative').values), turns);
    expect(body.temperature).toBe(1);
    expect(body.top_p).toBe(0.95);
  });

  it('Thinking demo switches to glm-4.7 with thinking and streaming on, keeping the system prompt', () => {
    const start = { ...defaultSettingsFor('glm-4.5-air'), thinking: false, stream: false, systemPrompt: 'Keep me' };
    const settings = applyPresetValues(start, builtIn('Thinking demo').values);
    expect(settings.systemPrompt).toBe('Keep me');
    expect(buildRequestBody(settings, turns)).toEqual({
      model: 'glm-4.7',
      messages: [{ role: 'system', content: 'Keep me' }, ...turns],
      stream: true,
      thinking: { type: 'enabled' },
    });
  });
});

describe('saved presets', () => {
  it('restore the captured model and parameters onto other settings', () => {
    const captured = {
      ...defaultSettingsFor('glm-4.5'),
      temperature: 0.3,
      topP: 0.7,
      maxTokens: 1000,
      stream: false,
      thinking: false,
      responseFormat: 'json_object' as const,
      pinned: { temperature: true, top_p: false, max_tokens: true, reasoning_effort: false, response_format: true },
    };
    const other = { ...defaultSettingsFor('glm-4.7'), systemPrompt: 'Other prompt' };
    const applied = applyPresetValues(other, presetValuesFrom(captured));
    expect(applied).toEqual({ ...captured, systemPrompt: 'Other prompt' });
  });

  it('clamp out-of-range values to the model limits', () => {
    const applied = applyPresetValues(defaultSettingsFor('glm-4-32b-0414-128k'), {
      temperature: 3,
      topP: 0,
      maxTokens: 1_000_000,
    });
    expect(applied).toMatchObject({ temperature: 1, topP: 0.01, maxTokens: 16_384 });
  });

  it('drop a damaged saved preset and keep the rest', () => {
    const good = { id: 'p1', name: 'Short', description: '', builtIn: false, values: { temperature: 0.2 } };
    expect(salvagePresets({ saved: [good, { id: 'p2', name: '' }, null] }).saved).toEqual([good]);
    expect(salvagePresets('garbage').saved).toEqual([]);
  });
});
