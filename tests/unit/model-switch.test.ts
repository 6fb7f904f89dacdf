import { describe, expect, it } from 'vitest';
import { settingsForModel } from '../../src/core/modelSwitch';
import { defaultSettingsFor, type RequestSettings } from '../../src/core/request';

function pinnedSettings(patch: Partial<RequestSettings>, pins: Partial<RequestSettings['pinned']>): RequestSettings {
  const settings = defaultSettingsFor('glm-5.2');
  return { ...settings, ...patch, pinned: { ...settings.pinned, ...pins } };
}

describe('settingsForModel', () => {
  it('keeps pinned values and pins, and gives unpinned values the new model’s defaults', () => {
    const previous = pinnedSettings({ temperature: 0.3, topP: 0.5 }, { temperature: true });
    const { settings, notes } = settingsForModel(previous, 'glm-4.5v');
    expect(settings.temperature).toBe(0.3);
    expect(settings.pinned.temperature).toBe(true);
    expect(settings.topP).toBe(0.6);
    expect(settings.model).toBe('glm-4.5v');
    expect(notes).toEqual({});
  });

  it('lowers a pinned max tokens to the new model’s limit, with a note saying so', () => {
    const previous = pinnedSettings({ maxTokens: 100_000 }, { max_tokens: true });
    const { settings, notes } = settingsForModel(previous, 'glm-4-32b-0414-128k');
    expect(settings.maxTokens).toBe(16_384);
    expect(notes.max_tokens).toBe("Max tokens lowered to 16,384: GLM-4-32B-0414-128K's limit.");
  });

  it('keeps a pinned max tokens that fits, without a note', () => {
    const previous = pinnedSettings({ maxTokens: 8_000 }, { max_tokens: true });
    const { settings, notes } = settingsForModel(previous, 'glm-4-32b-0414-128k');
    expect(settings.maxTokens).toBe(8_000);
    expect(notes).toEqual({});
  });

  it('an unpinned max tokens follows the new model’s default, without a note', () => {
    const previous = pinnedSettings({ maxTokens: 100_000 }, {});
    const { settings, notes } = settingsForModel(previous, 'glm-4-32b-0414-128k');
    expect(settings.maxTokens).toBe(16_384);
    expect(notes).toEqual({});
  });

  it('keeps a pinned reasoning effort across a model that does not take it', () => {
    const previous = pinnedSettings({ reasoningEffort: 'low' }, { reasoning_effort: true });
    const there = settingsForModel(previous, 'glm-4.7').settings;
    expect(there.reasoningEffort).toBe('low');
    expect(settingsForModel(there, 'glm-5.2').settings.reasoningEffort).toBe('low');
  });
});
