import { describe, expect, it } from 'vitest';
import { customModel, fallbackMaxOutputTokens, modelInfo } from '../../src/core/models';
import {
  buildChatRequest,
  buildRequestBody,
  clampMaxTokens,
  clampTemperature,
  clampTopP,
  defaultSettingsFor,
  type ConversationTurn,
  type RequestSettings,
} from '../../src/core/request';

const hello: ConversationTurn[] = [{ role: 'user', content: 'Hello' }];

function settingsFor(model: string, changes: Partial<RequestSettings> = {}): RequestSettings {
  return { ...defaultSettingsFor(model), ...changes };
}

describe('buildRequestBody: minimal bodies', () => {
  it('omits temperature, top_p and max_tokens left at the model defaults', () => {
    expect(buildRequestBody(settingsFor('glm-4.5'), hello)).toEqual({
      model: 'glm-4.5',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      thinking: { type: 'enabled' },
    });
  });

  it('sends a parameter that differs from the model default', () => {
    const body = buildRequestBody(settingsFor('glm-4.5', { temperature: 0.2, topP: 0.5, maxTokens: 1024 }), hello);
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.5, max_tokens: 1024 });
  });

  it('sends a pinned parameter even when it equals the default', () => {
    const body = buildRequestBody(
      settingsFor('glm-4.5', {
        pinned: { temperature: true, top_p: true, max_tokens: true, reasoning_effort: false, response_format: false },
      }),
      hello,
    );
    expect(body).toMatchObject({ temperature: 0.6, top_p: 0.95, max_tokens: 65_536 });
  });

  it('pins each parameter on its own', () => {
    const body = buildRequestBody(
      settingsFor('glm-4.7', {
        pinned: { temperature: false, top_p: true, max_tokens: false, reasoning_effort: false, response_format: false },
      }),
      hello,
    );
    expect(body.top_p).toBe(0.95);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('uses each model its own defaults (temperature 1.0 is the default on GLM-4.7, not on GLM-4.5)', () => {
    expect(buildRequestBody(settingsFor('glm-4.7', { temperature: 1 }), hello)).not.toHaveProperty('temperature');
    expect(buildRequestBody(settingsFor('glm-4.5', { temperature: 1 }), hello).temperature).toBe(1);
  });

  it('sends stream only when it is on (the API default is off)', () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { stream: false }), hello)).not.toHaveProperty('stream');
  });

  it('does not send max_tokens for a model without a published default left at its starting value', () => {
    expect(buildRequestBody(settingsFor('glm-4.7-flash'), hello)).not.toHaveProperty('max_tokens');
  });
});

describe('buildRequestBody: thinking', () => {
  it('always sends thinking.type "enabled" on a model with thinking', () => {
    expect(buildRequestBody(settingsFor('glm-4.7', { thinking: true }), hello).thinking).toEqual({ type: 'enabled' });
  });

  it('always sends thinking.type "disabled" when switched off on a model with thinking', () => {
    expect(buildRequestBody(settingsFor('glm-4.6', { thinking: false }), hello).thinking).toEqual({ type: 'disabled' });
  });

  it('never sends thinking to glm-4-32b-0414-128k, even if the setting says on', () => {
    expect(buildRequestBody(settingsFor('glm-4-32b-0414-128k', { thinking: true }), hello)).not.toHaveProperty(
      'thinking',
    );
  });

  it('a detour through glm-4-32b sends no thinking there and keeps the choice for the next model', () => {
    const onNoThinkingModel = defaultSettingsFor('glm-4-32b-0414-128k', { thinking: false });
    expect(buildRequestBody(onNoThinkingModel, hello)).not.toHaveProperty('thinking');
    expect(buildRequestBody(defaultSettingsFor('glm-4.7', onNoThinkingModel), hello).thinking).toEqual({
      type: 'disabled',
    });
  });
});

describe('buildRequestBody: clamping', () => {
  it('clamps temperature to [0, 1]', () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { temperature: 1.7 }), hello).temperature).toBe(1);
    expect(buildRequestBody(settingsFor('glm-4.5', { temperature: -0.5 }), hello).temperature).toBe(0);
  });

  it('clamps top_p to [0.01, 1]', () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { topP: 0 }), hello).top_p).toBe(0.01);
    expect(
      buildRequestBody(
        settingsFor('glm-4.5', {
          topP: 3,
          pinned: {
            temperature: false,
            top_p: true,
            max_tokens: false,
            reasoning_effort: false,
            response_format: false,
          },
        }),
        hello,
      ).top_p,
    ).toBe(1);
  });

  it("clamps max_tokens to the model's maximum", () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { maxTokens: 500_000 }), hello).max_tokens).toBe(98_304);
    expect(
      buildRequestBody(
        settingsFor('glm-4-32b-0414-128k', {
          maxTokens: 20_000,
          pinned: {
            temperature: false,
            top_p: false,
            max_tokens: true,
            reasoning_effort: false,
            response_format: false,
          },
        }),
        hello,
      ).max_tokens,
    ).toBe(16_384);
  });

  it('keeps max_tokens at least 1 and whole', () => {
    expect(clampMaxTokens(0, modelInfo('glm-4.5'))).toBe(1);
    expect(clampMaxTokens(99.6, modelInfo('glm-4.5'))).toBe(100);
  });

  it('rounds temperature and top_p to the 0.01 step', () => {
    expect(clampTemperature(0.123_456)).toBe(0.12);
    expect(clampTopP(0.456_789)).toBe(0.46);
  });

  it('turns a non-number into the lowest valid value instead of sending NaN', () => {
    expect(clampTemperature(Number.NaN)).toBe(0);
    expect(clampTopP(Number.NaN)).toBe(0.01);
  });
});

describe('buildRequestBody: messages', () => {
  const conversation: ConversationTurn[] = [
    { role: 'user', content: 'First question' },
    { role: 'assistant', content: 'First answer', reasoning: 'First thoughts' },
    { role: 'user', content: 'Side remark', excluded: true },
    { role: 'user', content: 'Second question' },
  ];

  it('puts a non-blank system prompt first', () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { systemPrompt: 'Be brief.' }), hello).messages[0]).toEqual({
      role: 'system',
      content: 'Be brief.',
    });
  });

  it('leaves out a blank system prompt', () => {
    expect(buildRequestBody(settingsFor('glm-4.5', { systemPrompt: '  \n' }), hello).messages).toEqual([
      { role: 'user', content: 'Hello' },
    ]);
  });

  it('skips excluded turns', () => {
    const contents = buildRequestBody(settingsFor('glm-4.5'), conversation).messages.map((message) => message.content);
    expect(contents).toEqual(['First question', 'First answer', 'Second question']);
  });

  it('skips turns with no text', () => {
    const turns: ConversationTurn[] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: '  ' },
      { role: 'user', content: 'Again' },
    ];
    expect(buildRequestBody(settingsFor('glm-4.5'), turns).messages.map((message) => message.content)).toEqual([
      'Hi',
      'Again',
    ]);
  });

  it('does not send earlier reasoning back by default', () => {
    const body = buildRequestBody(settingsFor('glm-4.7'), conversation);
    expect(body.messages.some((message) => 'reasoning_content' in message)).toBe(false);
    expect(body.thinking).toEqual({ type: 'enabled' });
  });

  it('sends earlier reasoning back unmodified with preserved thinking on a model that supports it', () => {
    const body = buildRequestBody(settingsFor('glm-4.7', { preserveReasoning: true }), conversation);
    expect(body.thinking).toEqual({ type: 'enabled', clear_thinking: false });
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: 'First answer',
      reasoning_content: 'First thoughts',
    });
  });

  it('ignores preserved thinking on a model without the flag', () => {
    const body = buildRequestBody({ ...settingsFor('glm-4.6'), preserveReasoning: true }, conversation);
    expect(body.thinking).toEqual({ type: 'enabled' });
    expect(body.messages.some((message) => 'reasoning_content' in message)).toBe(false);
  });

  it('keeps an assistant turn with reasoning but no answer text when reasoning is preserved', () => {
    const turns: ConversationTurn[] = [
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: '', reasoning: 'Only thoughts' },
      { role: 'user', content: 'Go on' },
    ];
    const body = buildRequestBody(settingsFor('glm-5', { preserveReasoning: true }), turns);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: '', reasoning_content: 'Only thoughts' });
  });
});

describe('buildRequestBody: custom model ids', () => {
  it('sends a custom id as typed (trimmed) with thinking.type, since it may support thinking', () => {
    const body = buildRequestBody(settingsFor('  my-local-glm  '), hello);
    expect(body.model).toBe('my-local-glm');
    expect(body.thinking).toEqual({ type: 'enabled' });
  });

  it('lets a custom id use the fallback max_tokens limit', () => {
    expect(customModel('x').maxOutputTokens).toBeNull();
    const pinned = {
      temperature: false,
      top_p: false,
      max_tokens: true,
      reasoning_effort: false,
      response_format: false,
    };
    expect(buildRequestBody(settingsFor('my-local-glm', { maxTokens: 10_000_000, pinned }), hello).max_tokens).toBe(
      fallbackMaxOutputTokens,
    );
  });

  it('never sends reasoning back for a custom id', () => {
    const turns: ConversationTurn[] = [
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: 'A', reasoning: 'R' },
    ];
    const body = buildRequestBody({ ...settingsFor('my-local-glm'), preserveReasoning: true }, turns);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'A' });
  });
});

describe('defaultSettingsFor', () => {
  it('sends a catalogue id in its canonical case', () => {
    expect(buildRequestBody(defaultSettingsFor(' GLM-4.5 '), hello).model).toBe('glm-4.5');
  });

  it("applies the new model's defaults and keeps thinking, stream and the system prompt", () => {
    const settings = defaultSettingsFor('glm-4-32b-0414-128k', {
      thinking: true,
      stream: false,
      systemPrompt: 'Be kind.',
      temperature: 0.1,
    });
    expect(settings).toMatchObject({
      temperature: 0.75,
      topP: 0.9,
      maxTokens: 16_384,
      stream: false,
      systemPrompt: 'Be kind.',
    });
  });
});

describe('buildChatRequest', () => {
  it('pairs the base URL with the same body buildRequestBody gives', () => {
    const settings = settingsFor('glm-4.5');
    expect(buildChatRequest('https://api.z.ai/api/paas/v4', settings, hello)).toEqual({
      baseUrl: 'https://api.z.ai/api/paas/v4',
      body: buildRequestBody(settings, hello),
    });
  });
});
