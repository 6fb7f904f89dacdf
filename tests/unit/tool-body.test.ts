// Tools in the request body: what the form sends, what a body maps back to, and saved extra fields moving in.
import { describe, expect, it } from 'vitest';
import { settingsFromParsed, settingsWithOwnedExtraFields } from '../../src/core/bodySettings';
import { buildRequestBody, defaultSettingsFor, type RequestSettings } from '../../src/core/request';
import { parseRequestJson, requestFromBody } from '../../src/core/requestJson';
import { initialState } from '../../src/store';
import { partialize } from '../../src/store/persistence';
import { salvage } from '../../src/store/savedStateRestore';
import { defaultWebSearch, type FunctionToolDefinition } from '../../src/core/toolSettings';

const hello = [{ role: 'user' as const, content: 'Hi' }];
const weather: FunctionToolDefinition = {
  id: 'tool-1',
  enabled: true,
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: '{\n  "type": "object",\n  "properties": { "city": { "type": "string" } }\n}',
};
const weatherEntry = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

function settingsWith(tools: Partial<RequestSettings['tools']>, model = 'glm-4.7', stream = true): RequestSettings {
  const settings = defaultSettingsFor(model, { stream });
  return { ...settings, tools: { ...settings.tools, ...tools } };
}

describe('buildRequestBody with tools', () => {
  it('sends nothing about tools while none is on', () => {
    const body = buildRequestBody(
      settingsWith({ functions: [{ ...weather, enabled: false }], choice: 'auto', stream: true }),
      hello,
    );
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('tool_stream');
  });

  it('sends enabled functions with parsed parameters, then web search with only the options set', () => {
    const webSearch = { ...defaultWebSearch(), enabled: true, count: 5, searchRecencyFilter: 'oneWeek' as const };
    const body = buildRequestBody(
      settingsWith({ functions: [weather, { ...weather, id: 'tool-2', name: 'off', enabled: false }], webSearch }),
      hello,
    );
    expect(body.tools).toEqual([
      weatherEntry,
      {
        type: 'web_search',
        web_search: { enable: true, search_engine: 'search_pro_jina', count: 5, search_recency_filter: 'oneWeek' },
      },
    ]);
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('leaves web search out on a vision model, whose requests take function tools only', () => {
    const webSearch = { ...defaultWebSearch(), enabled: true };
    const body = buildRequestBody(settingsWith({ functions: [weather], webSearch }, 'glm-4.6v'), hello);
    expect(body.tools).toEqual([weatherEntry]);
    expect(buildRequestBody(settingsWith({ webSearch }, 'glm-4.6v'), hello)).not.toHaveProperty('tools');
  });

  it('states tool_choice "auto" only when chosen', () => {
    expect(buildRequestBody(settingsWith({ functions: [weather], choice: 'auto' }), hello).tool_choice).toBe('auto');
  });

  it('sends tool_stream only with streaming on and a model that streams tool calls', () => {
    const on = { functions: [weather], stream: true };
    expect(buildRequestBody(settingsWith(on, 'glm-4.7', true), hello).tool_stream).toBe(true);
    expect(buildRequestBody(settingsWith(on, 'glm-4.7', false), hello)).not.toHaveProperty('tool_stream');
    expect(buildRequestBody(settingsWith(on, 'glm-4.5', true), hello)).not.toHaveProperty('tool_stream');
    expect(buildRequestBody(settingsWith(on, 'glm-5-turbo', true), hello).tool_stream).toBe(true);
  });
});

describe('tools read back from a body', () => {
  const body = {
    model: 'glm-4.7',
    messages: hello,
    stream: true,
    thinking: { type: 'enabled' },
    tools: [
      weatherEntry,
      { type: 'web_search', web_search: { enable: true, search_engine: 'search_pro', search_intent: true } },
    ],
    tool_choice: 'auto',
    tool_stream: true,
  };

  it('round-trips body → settings → body', () => {
    const parsed = requestFromBody(body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.extraFields).toEqual({});
    const settings = settingsFromParsed(parsed, defaultSettingsFor('glm-4.7'));
    expect(settings.tools.functions[0]?.name).toBe('get_weather');
    expect(buildRequestBody(settings, parsed.turns)).toEqual(body);
  });

  it('reports what the form could not send back the same way, with the line', () => {
    const text = JSON.stringify({ ...body, stream: false, tool_choice: 'required' }, null, 2);
    const result = parseRequestJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path)).toEqual(['tool_choice', 'tool_stream']);
    expect(result.problems[0]?.line).toBeGreaterThan(1);
  });

  it('reports retrieval tools and unknown function fields', () => {
    const result = requestFromBody({
      model: 'glm-4.7',
      messages: hello,
      tools: [
        { type: 'retrieval', retrieval: { knowledge_id: 'k' } },
        { ...weatherEntry, function: { ...weatherEntry.function, strict: true } },
      ],
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual([
      'tools[0]',
      'tools[1].function.strict',
    ]);
  });

  it('keeps disabled tools, ids and the user’s schema formatting when a body is applied', () => {
    const previous = settingsWith({
      functions: [weather, { ...weather, id: 'tool-9', name: 'draft', enabled: false }],
    });
    const parsed = requestFromBody({ ...body, tools: [weatherEntry] });
    if (!parsed.ok) throw new Error('expected ok');
    expect(settingsFromParsed(parsed, previous).tools.functions).toEqual(previous.tools.functions);
  });
});

describe('saved extra tool fields', () => {
  it('move into the form, so the same tools are still sent', () => {
    const saved = {
      ...defaultSettingsFor('glm-4.7', { stream: true }),
      extraFields: { tools: [weatherEntry], tool_choice: 'auto', tool_stream: true, stop: ['x'] },
    };
    const moved = settingsWithOwnedExtraFields(saved);
    expect(moved.extraFields).toEqual({ stop: ['x'] });
    expect(moved.tools.functions).toHaveLength(1);
    expect(buildRequestBody(moved, hello)).toMatchObject({
      tools: [weatherEntry],
      tool_choice: 'auto',
      tool_stream: true,
      stop: ['x'],
    });
  });

  it('leave settings without them untouched', () => {
    const settings = defaultSettingsFor('glm-4.7');
    expect(settingsWithOwnedExtraFields(settings)).toBe(settings);
  });
});

describe('a saved state from before the form had tools', () => {
  it('loads with its extra tool fields in the form, and saves them there', () => {
    const { settings } = initialState();
    const saved = {
      settings: { ...settings, tools: undefined, extraFields: { tools: [weatherEntry], tool_choice: 'auto' } },
    };
    const loaded = salvage(saved, initialState());
    expect(loaded.problems).toBe(0);
    const restored = loaded.state.settings;
    expect(restored?.extraFields).toEqual({});
    expect(restored?.tools.functions.map((tool) => tool.name)).toEqual(['get_weather']);
    expect(restored?.tools.choice).toBe('auto');
    if (!restored) return;
    const resaved = partialize({ ...initialState(), settings: restored });
    expect(resaved.settings.tools.functions).toHaveLength(1);
    expect(resaved.settings.extraFields).toEqual({});
  });
});
