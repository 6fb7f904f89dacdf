// Depth and size limits for JSON that comes from outside: share links, conversation files, the raw JSON editor,
// cURL commands and server responses. Loosely checked fields (extra body fields, usage, tool calls, error
// payloads) are kept as they arrived and later serialised and rendered by recursive code (JSON.stringify, the
// tree views), so a value nested 100,000 levels deep would overflow the stack far from where it came in. Every
// entry point checks here first, iteratively, and refuses what is over the limits.
import { formatInteger } from './numberFormat';

/** Deeper than any real request or reply (a request body is about 6 levels deep). */
export const maxJsonDepth = 64;
/** Values (objects, arrays, strings, numbers…) in one document; a 20 MB conversation file holds far fewer. */
export const maxJsonValues = 1_000_000;

export interface JsonLimits {
  maxDepth: number;
  maxValues: number;
  /** Characters of text, checked before parsing. */
  maxChars: number;
}

export const defaultJsonLimits: JsonLimits = {
  maxDepth: maxJsonDepth,
  maxValues: maxJsonValues,
  maxChars: 20 * 1024 * 1024,
};

export type JsonLimitProblem =
  { kind: 'too-deep'; message: string; offset?: number } | { kind: 'too-large'; message: string };

export function sizeLabel(characters: number): string {
  if (characters >= 1024 * 1024) return `${(characters / (1024 * 1024)).toFixed(1)} MB`;
  if (characters >= 1024) return `${Math.ceil(characters / 1024)} KB`;
  return `${characters} bytes`;
}

function tooDeep(maxDepth: number, offset?: number): JsonLimitProblem {
  const message = `it is nested more than ${maxDepth} levels deep`;
  return offset === undefined ? { kind: 'too-deep', message } : { kind: 'too-deep', message, offset };
}

function tooLarge(message: string): JsonLimitProblem {
  return { kind: 'too-large', message };
}

/**
 * Checks a JSON text without parsing it: its length, and how deep its brackets nest (strings skipped). Returns the
 * first problem, with the offset of the bracket that went too deep.
 */
export function jsonTextProblem(text: string, limits: JsonLimits = defaultJsonLimits): JsonLimitProblem | null {
  if (text.length > limits.maxChars)
    return tooLarge(`it is ${sizeLabel(text.length)}, over the limit of ${sizeLabel(limits.maxChars)}`);
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c) index += 1;
      else if (character === 0x22) inString = false;
    } else if (character === 0x22) inString = true;
    else if (character === 0x5b || character === 0x7b) {
      depth += 1;
      if (depth > limits.maxDepth) return tooDeep(limits.maxDepth, index);
    } else if (character === 0x5d || character === 0x7d) depth -= 1;
  }
  return null;
}

/** Checks a parsed value, iteratively: how deep it nests and how many values it holds. */
export function jsonValueProblem(value: unknown, limits: JsonLimits = defaultJsonLimits): JsonLimitProblem | null {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let count = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    count += 1;
    if (count > limits.maxValues) return tooLarge(`it holds more than ${formatInteger(limits.maxValues)} values`);
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limits.maxDepth) return tooDeep(limits.maxDepth);
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return null;
}

export type LimitedParse =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'syntax'; message: string }
  | { ok: false; reason: JsonLimitProblem['kind']; message: string };

/** JSON.parse (which itself does not recurse) followed by the limits. Never throws. */
export function parseJsonWithinLimits(text: string, limits: JsonLimits = defaultJsonLimits): LimitedParse {
  if (text.length > limits.maxChars) {
    const problem = jsonTextProblem(text, limits) as JsonLimitProblem;
    return { ok: false, reason: problem.kind, message: problem.message };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'syntax', message: error instanceof Error ? error.message : 'not valid JSON' };
  }
  const problem = jsonValueProblem(value, limits);
  if (problem) return { ok: false, reason: problem.kind, message: problem.message };
  return { ok: true, value };
}
