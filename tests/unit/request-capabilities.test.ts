import { describe, expect, it } from 'vitest';
import { endpointKeepsReasoning } from '../../src/core/endpoints';
import {
  buildRequestBody,
  defaultSettingsFor,
  type ConversationTurn,
  type RequestSettings,
} from '../../src/core/request';
import { requestFromBody } from '../../src/core/requestJson';
import { reasoningGoesBack } from '../../src/core/sentTurns';

const hello: ConversationTurn[] = [{ role: 'user', content: 'Hello' }];
const unpinned = {
  temperature: false,
  top_p: false,
  max_tokens: false,
  reasoning_effort: false,
  response_format: false,
};

function settingsFor(model: string, changes: Partial<RequestSettings> = {}): RequestSettings {
  return { ...defaultSettingsFor(model), ...changes };
}

describe('buildRequestBody: reasoning effort', () => {
  it('starts at the model default and does not send it', () => {
    const settings = settingsFor('glm-5.2');
    expect(settings.reasoningEffort).toBe('max');
    expect(buildRequestBody(settings, hello)).not.toHaveProperty('reasoning_effort');
  });

  it('sends the default once pinned', () => {
    const pinned = { ...unpinned, reasoning_effort: true };
    expect(buildRequestBody(settingsFor('glm-5.2', { pinned }), hello).reasoning_effort).toBe('max');
  });

  it('sends a level other than the default', () => {
    expect(buildRequestBody(settingsFor('glm-5.2', { reasoningEffort: 'high' }), hello).reasoning_effort).toBe('high');
  });

  it('sends it with thinking off too (the thinking-only rule is unconfirmed)', () => {
    const settings = settingsFor('glm-5.2', { reasoningEffort: 'high', thinking: false });
    expect(buildRequestBody(settings, hello)).toMatchObject({
      reasoning_effort: 'high',
      thinking: { type: 'disabled' },
    });
  });

  it('never sends it on a model without effort levels, even pinned', () => {
    const settings = settingsFor('glm-4.7', {
      reasoningEffort: 'high',
      pinned: { ...unpinned, reasoning_effort: true },
    });
    expect(buildRequestBody(settings, hello)).not.toHaveProperty('reasoning_effort');
  });

  it('lets a custom id carry reasoning_effort as an extra field, and the form win on an effort model', () => {
    const extraFields = { reasoning_effort: 'low' };
    expect(buildRequestBody(settingsFor('glm-5.3', { extraFields }), hello).reasoning_effort).toBe('low');
    expect(buildRequestBody(settingsFor('glm-5.2', { extraFields }), hello)).not.toHaveProperty('reasoning_effort');
  });
});

describe('buildRequestBody: output limits', () => {
  it('omits max_tokens by default on a model without a documented default output', () => {
    expect(buildRequestBody(settingsFor('glm-5.2'), hello)).not.toHaveProperty('max_tokens');
    expect(buildRequestBody(settingsFor('glm-4.6v'), hello)).not.toHaveProperty('max_tokens');
  });

  it('clamps max_tokens to the limit the user set for a custom id', () => {
    const customModelLimits = { 'my-model': { contextTokens: null, maxOutputTokens: 4_096 } };
    const settings = settingsFor('my-model', { customModelLimits, maxTokens: 100_000 });
    expect(buildRequestBody(settings, hello)).not.toHaveProperty('max_tokens');
    expect(buildRequestBody({ ...settings, maxTokens: 2_000 }, hello).max_tokens).toBe(2_000);
  });
});

describe('requestFromBody: reasoning effort', () => {
  const body = { model: 'glm-5.2', messages: [{ role: 'user', content: 'Hi' }] };

  it('reads a level into the form, pinned like every parameter present in the body', () => {
    const high = requestFromBody({ ...body, reasoning_effort: 'high' });
    const max = requestFromBody({ ...body, reasoning_effort: 'max' });
    const absent = requestFromBody(body);
    expect(high.ok && high.settingsPatch).toMatchObject({
      reasoningEffort: 'high',
      pinned: { reasoning_effort: true },
    });
    expect(absent.ok && absent.settingsPatch).toMatchObject({
      reasoningEffort: 'max',
      pinned: { reasoning_effort: false },
    });
    expect(max.ok && max.settingsPatch).toMatchObject({ reasoningEffort: 'max', pinned: { reasoning_effort: true } });
  });

  it('reports an unknown level on an effort model', () => {
    expect(requestFromBody({ ...body, reasoning_effort: 'huge' }).ok).toBe(false);
  });

  it('keeps reasoning_effort as an extra field on other models', () => {
    const result = requestFromBody({ ...body, model: 'glm-5.3', reasoning_effort: 'low' });
    expect(result.ok && result.extraFields).toEqual({ reasoning_effort: 'low' });
  });
});

describe('buildRequestBody: preserved thinking follows the endpoint', () => {
  const codingPlan = 'https://api.z.ai/api/coding/paas/v4';
  const general = 'https://api.z.ai/api/paas/v4';
  const custom = 'http://localhost:8080/v1';
  const conversation: ConversationTurn[] = [
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello', reasoning: 'Greet back.' },
    { role: 'user', content: 'Again' },
  ];

  it('knows which endpoints keep reasoning by default, proxied ones included', () => {
    expect(endpointKeepsReasoning(codingPlan)).toBe(true);
    expect(endpointKeepsReasoning('https://open.bigmodel.cn/api/coding/paas/v4/')).toBe(true);
    expect(endpointKeepsReasoning('/proxy/zai/api/coding/paas/v4')).toBe(true);
    expect(endpointKeepsReasoning(general)).toBe(false);
    expect(endpointKeepsReasoning(custom)).toBe(false);
  });

  it('sends earlier reasoning back with clear_thinking false by default on a Coding Plan endpoint', () => {
    const body = buildRequestBody(settingsFor('glm-4.7'), conversation, codingPlan);
    expect(body.thinking).toEqual({ type: 'enabled', clear_thinking: false });
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'Hello', reasoning_content: 'Greet back.' });
  });

  it('sends clear_thinking true and no reasoning when preservation is turned off on a Coding Plan endpoint', () => {
    const body = buildRequestBody(settingsFor('glm-4.7', { preserveReasoning: false }), conversation, codingPlan);
    expect(body.thinking).toEqual({ type: 'enabled', clear_thinking: true });
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'Hello' });
  });

  it('leaves the general endpoint as before: answers only by default, reasoning when switched on', () => {
    expect(buildRequestBody(settingsFor('glm-4.7'), conversation, general)).toMatchObject({
      thinking: { type: 'enabled' },
      messages: [{ content: 'Hi' }, { role: 'assistant', content: 'Hello' }, { content: 'Again' }],
    });
    expect(buildRequestBody(settingsFor('glm-4.7'), conversation, general).messages[1]).not.toHaveProperty(
      'reasoning_content',
    );
    const on = buildRequestBody(settingsFor('glm-4.7', { preserveReasoning: true }), conversation, general);
    expect(on.thinking).toEqual({ type: 'enabled', clear_thinking: false });
  });

  it('leaves a custom endpoint as before', () => {
    const body = buildRequestBody(settingsFor('glm-4.7'), conversation, custom);
    expect(body.thinking).toEqual({ type: 'enabled' });
    expect(body.messages[1]).not.toHaveProperty('reasoning_content');
  });

  it('sends no clear_thinking on a Coding Plan endpoint to a model without preserved thinking', () => {
    expect(buildRequestBody(settingsFor('glm-4.6'), conversation, codingPlan).thinking).toEqual({ type: 'enabled' });
  });

  it('agrees with reasoningGoesBack, the rule the transcript and the JSON tab use', () => {
    expect(reasoningGoesBack(settingsFor('glm-4.7'), codingPlan)).toBe(true);
    expect(reasoningGoesBack(settingsFor('glm-4.7', { preserveReasoning: false }), codingPlan)).toBe(false);
    expect(reasoningGoesBack(settingsFor('glm-4.7'), general)).toBe(false);
  });
});
