// The rules a function tool must meet before Send: one test group per rule, then the reason Send shows.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJsonSchemaChecker, type JsonSchemaChecker } from '../../src/core/jsonSchema/validation';
import {
  duplicateNameProblem,
  functionCountProblem,
  parametersJsonProblem,
  parametersSchemaProblem,
  searchEngineProblem,
  toolDescriptionProblem,
  toolNameProblem,
  toolProblems,
  toolsSendProblem,
} from '../../src/core/toolValidation';
import { defaultToolSettings, type FunctionToolDefinition } from '../../src/core/toolSettings';

let checker: JsonSchemaChecker;
beforeAll(async () => {
  checker = await loadJsonSchemaChecker();
});

function tool(name: string, patch: Partial<FunctionToolDefinition> = {}): FunctionToolDefinition {
  return {
    id: `id-${name}`,
    enabled: true,
    name,
    description: 'Does a thing',
    parameters: '{"type": "object", "properties": {}}',
    ...patch,
  };
}

describe('toolNameProblem', () => {
  it('accepts letters, digits, underscore and hyphen up to 64 characters', () => {
    expect(toolNameProblem('get_weather-2')).toBeNull();
    expect(toolNameProblem('a'.repeat(64))).toBeNull();
  });
  it('rejects an empty name, spaces, other characters and names over 64 characters', () => {
    expect(toolNameProblem('')).toMatch(/required/);
    expect(toolNameProblem('get weather')).toMatch(/letters, digits/);
    expect(toolNameProblem('météo')).toMatch(/letters, digits/);
    expect(toolNameProblem('a'.repeat(65))).toMatch(/At most 64 characters \(this one has 65\)/);
  });
});

describe('duplicateNameProblem', () => {
  it('flags enabled tools sharing a name, and ignores disabled ones', () => {
    const first = tool('lookup');
    const twin = { ...tool('lookup'), id: 'other' };
    expect(duplicateNameProblem(first, [first, twin])).toMatch(/unique/);
    const off = { ...twin, enabled: false };
    expect(duplicateNameProblem(first, [first, off])).toBeNull();
  });
});

describe('toolDescriptionProblem', () => {
  it('requires a description that is not blank', () => {
    expect(toolDescriptionProblem('  ')).toMatch(/required/);
    expect(toolDescriptionProblem('Finds orders')).toBeNull();
  });
});

describe('parametersJsonProblem', () => {
  it('gives the line and column where the JSON breaks', () => {
    expect(parametersJsonProblem('{\n  "type": "object",\n  "properties": {,}\n}')).toMatchObject({
      line: 3,
      column: 18,
    });
  });
  it('requires some text, and accepts valid JSON', () => {
    expect(parametersJsonProblem('')?.message).toMatch(/required/);
    expect(parametersJsonProblem('{"type": "object"}')).toBeNull();
  });
});

describe('parametersSchemaProblem', () => {
  it('accepts an object schema', () => {
    expect(parametersSchemaProblem({ type: 'object', properties: { city: { type: 'string' } } }, checker)).toBeNull();
  });
  it('rejects a non-object, an invalid JSON Schema and a schema that does not describe an object', () => {
    expect(parametersSchemaProblem(['x'], checker)).toMatch(/JSON object/);
    expect(parametersSchemaProblem({ type: 'object', properties: { city: { type: 'text' } } }, checker)).toMatch(
      /Not a valid JSON Schema/,
    );
    expect(parametersSchemaProblem({ type: 'string' }, checker)).toMatch(/"type": "object"/);
  });
});

describe('functionCountProblem', () => {
  it('allows 128 enabled functions and no more', () => {
    const many = Array.from({ length: 129 }, (_, index) => tool(`tool_${index}`));
    expect(functionCountProblem(many.slice(0, 128))).toBeNull();
    expect(functionCountProblem(many)).toMatch(/At most 128/);
    expect(functionCountProblem([...many.slice(0, 128), { ...tool('off'), enabled: false }])).toBeNull();
  });
});

describe('searchEngineProblem', () => {
  it('requires a search engine for web search', () => {
    expect(searchEngineProblem(' ')).toMatch(/required/);
    expect(searchEngineProblem('search_pro')).toBeNull();
  });
});

describe('toolsSendProblem', () => {
  const settingsWith = (functions: FunctionToolDefinition[]) => ({ ...defaultToolSettings(), functions });

  it('names the tool, the field and where the JSON breaks', () => {
    const settings = settingsWith([tool('get_weather', { parameters: '{"type": "object",}' })]);
    expect(toolsSendProblem(settings, toolProblems(settings, checker))).toBe(
      'Fix the tool "get_weather" first: Parameters: line 1, column 19: Not valid JSON: A trailing comma is not allowed in JSON.',
    );
  });

  it('waits for the checker while tools are on, and has nothing to say once they are fine', () => {
    const settings = settingsWith([tool('get_weather')]);
    expect(toolsSendProblem(settings, toolProblems(settings, null))).toMatch(/Checking/);
    expect(toolsSendProblem(settings, toolProblems(settings, checker))).toBeNull();
  });

  it('blocks web search without a search engine', () => {
    const settings = {
      ...defaultToolSettings(),
      webSearch: { ...defaultToolSettings().webSearch, enabled: true, searchEngine: '' },
    };
    expect(toolsSendProblem(settings, toolProblems(settings, checker))).toMatch(
      /^Web search: A search engine is required/,
    );
  });

  it('does not block Send over web search where it is not sent (a vision model)', () => {
    const settings = {
      ...defaultToolSettings(),
      webSearch: { ...defaultToolSettings().webSearch, enabled: true, searchEngine: '' },
    };
    expect(toolsSendProblem(settings, toolProblems(settings, checker), false)).toBeNull();
  });

  it('does not check a disabled tool', () => {
    const settings = settingsWith([tool('bad name', { enabled: false, description: '' })]);
    expect(toolsSendProblem(settings, toolProblems(settings, checker))).toBeNull();
  });
});
