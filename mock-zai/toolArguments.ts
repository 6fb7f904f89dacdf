// Plausible tool-call arguments made from a function's `parameters` schema: required properties filled in (a place
// taken from the user's message where the property asks for one, number 1, enum the first value…), plus the broken
// variants the fault scenarios send (invalid JSON, values of the wrong type).
import { isRecord } from './http.ts';

/** A `{"type":"function"}` tool of the request, reduced to what the mock reads. */
export interface FunctionTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** What the user's message offers to fill string properties with. */
export interface ArgumentSource {
  /** The last user message, without any `[mock:…]` directive. */
  question: string;
  /** The place this call is about (one per call when the user names several). */
  place: string;
}

/** Used when the message names no place: the first call gets the first, the next the second… */
export const defaultPlaces = ['Beijing', 'Paris', 'Tokyo', 'London', 'Rome'];

/** Capitalised words that start questions or name formats rather than places. */
const notPlaces = new Set(
  'I What When Where Which Who Why How Is Are Can Could Please Tell Give Show Find Get Weather The A An And Or In On At For Compare Check Look Also Then Today Tomorrow Celsius Fahrenheit'.split(
    ' ',
  ),
);

/** The places a message names: runs of capitalised words (acronyms and sentence openers left out), in order. */
export function placesIn(text: string): string[] {
  const places: string[] = [];
  for (const match of text.matchAll(/\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)*/gu)) {
    const words = match[0].split(/\s+/).filter((word) => !notPlaces.has(word));
    const place = words.join(' ');
    if (place !== '' && !places.includes(place)) places.push(place);
  }
  return places;
}

const placeProperty = /city|location|place|town|country|region|destination|where/i;
const questionProperty = /query|question|search|prompt|text|message|topic|keyword/i;

function firstType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((entry): entry is string => typeof entry === 'string' && entry !== 'null');
  if (isRecord(schema.properties)) return 'object';
  return undefined;
}

function stringValue(name: string, schema: Record<string, unknown>, source: ArgumentSource): string {
  if (schema.format === 'date') return '2026-01-01';
  if (schema.format === 'date-time') return '2026-01-01T12:00:00Z';
  if (schema.format === 'email') return 'user@example.com';
  if (schema.format === 'uri' || /url|link/i.test(name)) return 'https://example.com/';
  if (placeProperty.test(name)) return source.place;
  if (questionProperty.test(name) && source.question !== '') return source.question;
  if (/date/i.test(name)) return '2026-01-01';
  if (/unit/i.test(name)) return 'celsius';
  return `example ${name}`;
}

/** A plausible value for one property schema. */
export function valueFor(name: string, schema: unknown, source: ArgumentSource): unknown {
  if (!isRecord(schema)) return `example ${name}`;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  switch (firstType(schema)) {
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' && schema.minimum > 1 ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [valueFor(name.replace(/s$/, ''), schema.items, source)];
    case 'object':
      return objectFor(schema, source);
    case 'null':
      return null;
    default:
      return stringValue(name, schema, source);
  }
}

function requiredNames(schema: Record<string, unknown>): string[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [];
  return required.filter((name) => name in properties);
}

/** An object with every required property of `schema` filled in. */
export function objectFor(schema: Record<string, unknown>, source: ArgumentSource): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const filled: Record<string, unknown> = {};
  for (const name of requiredNames(schema)) filled[name] = valueFor(name, properties[name], source);
  return filled;
}

/** Valid JSON that breaks the schema: each required property (or the first one) with a value of the wrong type. */
export function schemaViolatingArguments(parameters: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const names = requiredNames(parameters);
  const targets = names.length > 0 ? names : Object.keys(properties).slice(0, 1);
  if (targets.length === 0) return { unexpected_argument: true };
  const violating: Record<string, unknown> = {};
  for (const name of targets) {
    const schema = properties[name];
    const type = isRecord(schema) ? firstType(schema) : undefined;
    violating[name] = type === 'number' || type === 'integer' ? 'not a number' : type === 'boolean' ? 'yes' : 42;
  }
  return violating;
}

/** Arguments that are not JSON: the object with its closing brace missing and a trailing comma. */
export function malformedArguments(valid: string): string {
  return valid.replace(/\}\s*$/, '') + ',';
}

/** The function tools of a request body, in order; other tool types and malformed entries are skipped. */
export function functionTools(body: Record<string, unknown>): FunctionTool[] {
  if (!Array.isArray(body.tools)) return [];
  const functions: FunctionTool[] = [];
  for (const tool of body.tools) {
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function)) continue;
    const { name, description, parameters } = tool.function;
    if (typeof name !== 'string' || name === '') continue;
    functions.push({
      name,
      description: typeof description === 'string' ? description : '',
      parameters: isRecord(parameters) ? parameters : {},
    });
  }
  return functions;
}

/** The function whose name and description share the most words with the question (the first on a tie). */
export function bestFunction(functions: readonly FunctionTool[], question: string): FunctionTool | undefined {
  const words = new Set(
    question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2),
  );
  let best: FunctionTool | undefined;
  let bestScore = -1;
  for (const tool of functions) {
    const toolWords = `${tool.name} ${tool.description}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    const score = toolWords.filter((word) => words.has(word)).length;
    if (score > bestScore) ({ best, bestScore } = { best: tool, bestScore: score });
  }
  return best;
}

/** Whether the function takes a place, so that a message naming several places asks for several calls. */
export function takesPlace(tool: FunctionTool): boolean {
  return requiredNames(tool.parameters).some((name) => placeProperty.test(name));
}
