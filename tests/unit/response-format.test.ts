import { describe, expect, it } from 'vitest';
import { settingsFromParsed, settingsWithOwnedExtraFields } from '../../src/core/bodySettings';
import { buildRequestBody, defaultSettingsFor, type RequestSettings } from '../../src/core/request';
import { parseRequestJson } from '../../src/core/requestJson';
import { settingsSchema } from '../../src/store/schema';

const hello = [{ role: 'user' as const, content: 'Hello' }];

function settings(model: string, patch: Partial<RequestSettings> = {}): RequestSettings {
  return { ...defaultSettingsFor(model), ...patch };
}

describe('response_format in the request body', () => {
  it('leaves out the text default unless pinned', () => {
    expect(buildRequestBody(settings('glm-4.7'), hello)).not.toHaveProperty('response_format');
    const pinned = settings('glm-4.7', { pinned: { ...defaultSettingsFor('glm-4.7').pinned, response_format: true } });
    expect(buildRequestBody(pinned, hello).response_format).toEqual({ type: 'text' });
  });

  it('sends json_object when JSON mode is chosen', () => {
    const body = buildRequestBody(settings('glm-4.7', { responseFormat: 'json_object' }), hello);
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('never sends it to a vision model, whose schema has no response_format', () => {
    const vision = settings('glm-4.6v', { responseFormat: 'json_object' });
    expect(buildRequestBody(vision, hello)).not.toHaveProperty('response_format');
  });

  it('does not send the answer schema', () => {
    const body = buildRequestBody(settings('glm-4.7', { responseFormat: 'json_object', answerSchema: '{}' }), hello);
    expect(JSON.stringify(body)).not.toContain('answer');
  });

  it('keeps the choice and the schema when the model changes', () => {
    const previous = settings('glm-4.7', { responseFormat: 'json_object', answerSchema: '{"type":"object"}' });
    expect(defaultSettingsFor('glm-4.5', previous)).toMatchObject({
      responseFormat: 'json_object',
      answerSchema: '{"type":"object"}',
    });
  });
});

describe('response_format read from a body (JSON tab, share links, cURL import)', () => {
  function parsed(body: Record<string, unknown>) {
    const result = parseRequestJson(JSON.stringify(body, null, 2));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result;
  }

  it('goes into the form, pinned, and comes back out the same', () => {
    for (const type of ['text', 'json_object']) {
      const result = parsed({ model: 'glm-4.7', messages: hello, response_format: { type } });
      expect(result.extraFields).toEqual({});
      expect(result.settingsPatch).toMatchObject({ responseFormat: type, pinned: { response_format: true } });
      const rebuilt = buildRequestBody(settingsFromParsed(result, defaultSettingsFor('glm-4.7')), result.turns);
      expect(rebuilt.response_format).toEqual({ type });
    }
  });

  it('keeps the current answer schema, which no body carries', () => {
    const result = parsed({ model: 'glm-4.7', messages: hello, response_format: { type: 'json_object' } });
    const previous = settings('glm-4.7', { answerSchema: '{"type":"array"}' });
    expect(settingsFromParsed(result, previous).answerSchema).toBe('{"type":"array"}');
  });

  it('reports a type the API does not have, with its line', () => {
    const text = JSON.stringify(
      { model: 'glm-4.7', messages: hello, response_format: { type: 'json_schema', json_schema: {} } },
      null,
      2,
    );
    const result = parseRequestJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ path: 'response_format', line: 9 });
    expect(result.problems[0]?.message).toContain('json_schema');
  });

  it('passes through verbatim on a vision model, as an unknown field', () => {
    const result = parsed({ model: 'glm-4.6v', messages: hello, response_format: { type: 'json_object' } });
    expect(result.extraFields).toEqual({ response_format: { type: 'json_object' } });
    expect(result.settingsPatch.responseFormat).toBe('text');
  });
});

describe('a saved extraFields.response_format', () => {
  it('moves into the form on load, pinned', () => {
    const saved = settingsSchema.parse({
      ...defaultSettingsFor('glm-4.7'),
      extraFields: { response_format: { type: 'json_object' }, stop: ['x'] },
    });
    expect(settingsWithOwnedExtraFields(saved)).toMatchObject({
      responseFormat: 'json_object',
      pinned: { response_format: true },
      extraFields: { stop: ['x'] },
    });
  });

  it('stays an extra field on a vision model, and moves in when the model changes to a text model', () => {
    const vision = settings('glm-4.6v', { extraFields: { response_format: { type: 'json_object' } } });
    expect(settingsWithOwnedExtraFields(vision).extraFields).toEqual({ response_format: { type: 'json_object' } });
    const text = defaultSettingsFor('glm-4.7', vision);
    expect(text).toMatchObject({ responseFormat: 'json_object', extraFields: {} });
    expect(buildRequestBody(text, hello).response_format).toEqual({ type: 'json_object' });
  });

  it('is dropped when the form cannot hold it', () => {
    const saved = settings('glm-4.7', { extraFields: { response_format: { type: 'json_schema' } } });
    expect(settingsWithOwnedExtraFields(saved)).toMatchObject({ responseFormat: 'text', extraFields: {} });
  });

  it('gives settings saved before JSON mode text and no schema', () => {
    const { responseFormat: _format, answerSchema: _schema, ...older } = defaultSettingsFor('glm-4.7');
    expect(settingsSchema.parse(older)).toMatchObject({ responseFormat: 'text', answerSchema: '' });
  });
});
