// The JSON Schema checker on @cfworker/json-schema, loaded by loadJsonSchemaChecker (validation.ts) on first use.
import { Validator, type Schema } from '@cfworker/json-schema';
import { isRecord } from '../json';
import { draft07MetaSchema } from './draft07MetaSchema';
import type { JsonSchemaChecker, SchemaViolation } from './validation';

/** Keywords whose unit only says "a part below failed"; the part's own unit says why. */
const summaryKeywords = new Set(['properties', 'items', '$ref', 'additionalItems', 'dependencies']);
/** Keywords whose branches' own failures are noise: the alternatives failing is the reason. */
const alternativeKeywords = new Set(['anyOf', 'oneOf']);

/** The validator's unit errors → violations: the leaf reasons, one per value location and message. */
function violationsOf(schema: Schema | boolean, value: unknown): SchemaViolation[] {
  // shortCircuit false: list every violation, not just the first.
  const result = new Validator(schema, '7', false).validate(value);
  if (result.valid) return [];
  const alternatives = result.errors
    .filter((unit) => alternativeKeywords.has(unit.keyword))
    .map((unit) => `${unit.keywordLocation}/`);
  const seen = new Set<string>();
  const violations: SchemaViolation[] = [];
  for (const unit of result.errors) {
    if (summaryKeywords.has(unit.keyword)) continue;
    if (alternatives.some((prefix) => unit.keywordLocation.startsWith(prefix))) continue;
    const path = unit.instanceLocation.replace(/^#/, '');
    const key = `${path}\u0000${unit.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ path, message: unit.error });
  }
  if (violations.length === 0) violations.push({ path: '', message: 'The value does not match the schema.' });
  return violations;
}

export function createChecker(): JsonSchemaChecker {
  return {
    schemaProblems(schema) {
      if (!isRecord(schema)) return [{ path: '', message: 'A schema must be a JSON object.' }];
      return violationsOf(draft07MetaSchema as unknown as Schema, schema);
    },
    violations(schema, value) {
      return violationsOf(schema, value);
    },
  };
}
