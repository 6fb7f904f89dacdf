// The arguments of a finished tool call: parsed as JSON (an error says where), then checked against the
// `parameters` schema of the function the request offered (docs/wire-format.md#tools). Nothing here throws.
import { isRecord } from './json';
import { lineAndColumn, locateJson } from './jsonLocations';
import { loadJsonSchemaChecker, type SchemaViolation } from './jsonSchema/validation';

export type ParsedArguments =
  { ok: true; value: unknown; pretty: string } | { ok: false; message: string; line: number; column: number };

/** The arguments text as a value and pretty-printed, or why it is not JSON and where. */
export function parseToolArguments(text: string): ParsedArguments {
  if (text.trim() === '') return { ok: false, message: 'The arguments are empty.', line: 1, column: 1 };
  const located = locateJson(text);
  if (!located.ok) {
    const { line, column } = lineAndColumn(text, located.error.offset);
    return { ok: false, message: located.error.message, line, column };
  }
  const value = JSON.parse(text) as unknown;
  return { ok: true, value, pretty: JSON.stringify(value, null, 2) };
}

/** The `parameters` schema of the function tool named `name` in a request body's `tools`, if it has one. */
export function toolParametersSchema(body: Record<string, unknown>, name: string): Record<string, unknown> | null {
  const tools = body.tools;
  if (!Array.isArray(tools)) return null;
  for (const tool of tools) {
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function)) continue;
    if (tool.function.name === name && isRecord(tool.function.parameters)) return tool.function.parameters;
  }
  return null;
}

/** Every way the arguments break the schema (the validator loads on first use); a schema it cannot use is one. */
export async function argumentViolations(schema: Record<string, unknown>, value: unknown): Promise<SchemaViolation[]> {
  try {
    const checker = await loadJsonSchemaChecker();
    const schemaProblems = checker.schemaProblems(schema);
    if (schemaProblems.length > 0)
      return [{ path: '', message: 'The tool’s parameters are not a valid JSON Schema, so they were not checked.' }];
    return checker.violations(schema, value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: '', message: `The arguments could not be checked: ${reason}` }];
  }
}
