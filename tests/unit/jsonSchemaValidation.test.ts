import { describe, expect, it } from 'vitest';
import { loadJsonSchemaChecker } from '../../src/core/jsonSchema/validation';

const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
  required: ['city'],
};

describe('JSON Schema checks', () => {
  it('accepts a value that matches the schema', async () => {
    const checker = await loadJsonSchemaChecker();
    expect(checker.violations(weatherParameters, { city: 'Beijing', days: 3 })).toEqual([]);
  });

  it('lists every violation with where it is, not only the first', async () => {
    const checker = await loadJsonSchemaChecker();
    const violations = checker.violations(weatherParameters, { days: 0 });
    expect(violations.map((violation) => violation.path).sort()).toEqual(['', '/days']);
    expect(violations.some((violation) => violation.message.includes('city'))).toBe(true);
  });

  it('reports a schema that is not an object', async () => {
    const checker = await loadJsonSchemaChecker();
    expect(checker.schemaProblems([1, 2])).toHaveLength(1);
  });

  it('reports a schema that breaks the JSON Schema meta-schema', async () => {
    const checker = await loadJsonSchemaChecker();
    const problems = checker.schemaProblems({ type: 'obj', required: 'city' });
    expect(problems.map((problem) => problem.path).sort()).toEqual(['/required', '/type']);
  });

  it('accepts a valid schema', async () => {
    const checker = await loadJsonSchemaChecker();
    expect(checker.schemaProblems(weatherParameters)).toEqual([]);
  });

  it('loads the validator once', () => {
    expect(loadJsonSchemaChecker()).toBe(loadJsonSchemaChecker());
  });
});

describe('JSON Schema checks of alternatives', () => {
  it('reports a value matching none of anyOf once, not once per branch', async () => {
    const checker = await loadJsonSchemaChecker();
    const schema = { properties: { id: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } };
    expect(checker.violations(schema, { id: 1.5 })).toHaveLength(1);
  });
});
