// One mapping from a request body to the form (bodySettings.ts): the JSON tab, share links, the cURL import and
// restoring from the history all read a body the same way.
import { describe, expect, it } from 'vitest';
import { settingsFromParsed, settingsPatchFromBody } from '../../src/core/bodySettings';
import { buildRequestBody, defaultSettingsFor, type ChatRequestBody } from '../../src/core/request';
import { parseRequestJson } from '../../src/core/requestJson';
import { restoreRequest } from '../../src/store/requestRestore';

const messages: ChatRequestBody['messages'] = [{ role: 'user', content: 'Hi' }];

describe('settingsPatchFromBody', () => {
  it('pins a parameter present in the body at the model default', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4.5', temperature: 0.6 }, '');
    expect(patch.temperature).toBe(0.6);
    expect(patch.pinned.temperature).toBe(true);
  });

  it('pins a parameter present in the body away from the model default', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4.5', top_p: 0.5 }, '');
    expect(patch.topP).toBe(0.5);
    expect(patch.pinned.top_p).toBe(true);
  });

  it('takes the model default, unpinned, for an absent parameter', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4.5' }, '');
    expect(patch).toMatchObject({
      temperature: 0.6,
      topP: 0.95,
      maxTokens: 65_536,
      pinned: { temperature: false, top_p: false, max_tokens: false },
    });
  });

  it('writes a catalogue model id in its canonical case', () => {
    expect(settingsPatchFromBody({ model: 'GLM-4.7' }, '').model).toBe('glm-4.7');
  });

  it("reads absent thinking on a thinking model as enabled (the API default), preservation as the endpoint's", () => {
    expect(settingsPatchFromBody({ model: 'glm-4.7' }, '')).toMatchObject({ thinking: true, preserveReasoning: null });
  });

  it('reads clear_thinking: true as preservation turned off', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4.7', thinking: { type: 'enabled', clear_thinking: true } }, '');
    expect(patch.preserveReasoning).toBe(false);
  });

  it('pins reasoning_effort when present on a model that takes it, at the default or not', () => {
    expect(settingsPatchFromBody({ model: 'glm-5.2', reasoning_effort: 'max' }, '')).toMatchObject({
      reasoningEffort: 'max',
      pinned: { reasoning_effort: true },
    });
    expect(settingsPatchFromBody({ model: 'glm-5.2', reasoning_effort: 'high' }, '')).toMatchObject({
      reasoningEffort: 'high',
      pinned: { reasoning_effort: true },
    });
    expect(settingsPatchFromBody({ model: 'glm-5.2' }, '').pinned.reasoning_effort).toBe(false);
  });

  it('leaves reasoning_effort unpinned on a model that does not take it', () => {
    expect(settingsPatchFromBody({ model: 'glm-4.7', reasoning_effort: 'high' }, '').pinned.reasoning_effort).toBe(
      false,
    );
  });

  it('reads thinking disabled', () => {
    expect(settingsPatchFromBody({ model: 'glm-4.7', thinking: { type: 'disabled' } }, '').thinking).toBe(false);
  });

  it('reads clear_thinking: false as preserved thinking', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4.7', thinking: { type: 'enabled', clear_thinking: false } }, '');
    expect(patch.preserveReasoning).toBe(true);
  });

  it('leaves thinking choices out on a model without thinking, so the previous ones carry over', () => {
    const patch = settingsPatchFromBody({ model: 'glm-4-32b-0414-128k' }, '');
    expect(patch.thinking).toBeUndefined();
    expect(patch.preserveReasoning).toBeUndefined();
    const previous = { ...defaultSettingsFor('glm-4.7'), thinking: false, preserveReasoning: true };
    expect(settingsFromParsed({ settingsPatch: patch, extraFields: {} }, previous)).toMatchObject({
      thinking: false,
      preserveReasoning: true,
    });
  });

  it('streams only when the body says stream: true', () => {
    expect(settingsPatchFromBody({ model: 'glm-4.7', stream: true }, '').stream).toBe(true);
    expect(settingsPatchFromBody({ model: 'glm-4.7' }, '').stream).toBe(false);
  });
});

describe('the JSON tab and the history restore agree', () => {
  const bodies: Record<string, ChatRequestBody> = {
    'a parameter at its default': { model: 'glm-4.5', messages, thinking: { type: 'enabled' }, temperature: 0.6 },
    'a parameter away from its default': { model: 'glm-4.5', messages, thinking: { type: 'enabled' }, top_p: 0.5 },
    'preserved thinking and a system prompt': {
      model: 'glm-4.7',
      messages: [{ role: 'system', content: 'Be brief.' }, ...messages],
      stream: true,
      thinking: { type: 'enabled', clear_thinking: false },
      max_tokens: 1024,
    },
    'reasoning effort at its default': {
      model: 'glm-5.2',
      messages,
      thinking: { type: 'enabled' },
      reasoning_effort: 'max',
    },
    'reasoning effort on a model without it (an extra field)': {
      model: 'glm-4.7',
      messages,
      thinking: { type: 'enabled' },
      reasoning_effort: 'high',
    },
  };

  for (const [name, body] of Object.entries(bodies)) {
    it(name, () => {
      const current = defaultSettingsFor('glm-4.7');
      const parsed = parseRequestJson(JSON.stringify(body));
      if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
      const fromJson = settingsFromParsed(parsed, current);
      const restored = restoreRequest(body, current);
      expect(restored.settings).toEqual(fromJson);
      expect(buildRequestBody(restored.settings, restored.turns)).toEqual(body);
    });
  }
});
