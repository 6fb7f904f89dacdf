// JSON Schema checks for tool parameters, tool-call arguments and JSON-mode answers. The validator
// (@cfworker/json-schema: no code generation, so it runs under the app's CSP) is loaded on demand, only when a
// schema is actually checked; see docs/wire-format.md#tools.
import type { Schema } from '@cfworker/json-schema';
import { isRecord } from '../json';
import { draft07MetaSchema } from './draft07MetaSchema';

/** One reason a value does not match a schema: where in the value, and what is wrong. */
export interface SchemaViolation {
  /** A JSON pointer into the checked value ("" is the value itself). */
  path: string;
  message: string;
}

export interface JsonSchemaChecker {
  /** Why a schema is not a usable JSON Schema object (empty when it is). */
  schemaProblems(schema: unknown): SchemaViolation[];
  /** Every way a value breaks a (valid) schema; empty when it matches. */
  violations(schema: Record<string, unknown>, value: unknown): SchemaViolation[];
}

let checkerLoad: Promise<JsonSchemaChecker> | null = null;

/** Loads the validator once; later calls share the same load. */
export function loadJsonSchemaChecker(): Promise<JsonSchemaChecker> {
  checkerLoad ??= import('@cfworker/json-schema').then(({ Validator }) => createChecker(Validator));
  return checkerLoad;
}

type ValidatorClass = typeof import('@cfworker/json-schema').Validator;

/** Keywords whose unit only says "a part below failed"; the part's own unit says why. */
const summaryKeywords = new Set(['properties', 'items', '$ref', 'additionalItems', 'dependencies']);
/** Keywords whose branches' own failures are noise: the alternatives failing is the reason. */
const alternativeKeywords = new Set(['anyOf', 'oneOf']);

/** The validator's unit errors → violations: the leaf reasons, one per value location and message. */
function violationsOf(Validator: ValidatorClass, schema: Schema | boolean, value: unknown): SchemaViolation[] {
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

function createChecker(Validator: ValidatorClass): JsonSchemaChecker {
  return {
    schemaProblems(schema) {
      if (!isRecord(schema)) return [{ path: '', message: 'A schema must be a JSON object.' }];
      return violationsOf(Validator, draft07MetaSchema as unknown as Schema, schema);
    },
    violations(schema, value) {
      return violationsOf(Validator, schema, value);
    },
  };
}
