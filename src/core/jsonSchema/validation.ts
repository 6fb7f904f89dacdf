// JSON Schema checks for tool parameters, tool-call arguments and JSON-mode answers. The validator
// (@cfworker/json-schema: no code generation, so it runs under the app's CSP) and the checker built on it load on
// demand, only when a schema is actually checked; see docs/wire-format.md#tools.

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
  checkerLoad ??= import('./schemaChecker').then(({ createChecker }) => createChecker());
  return checkerLoad;
}
