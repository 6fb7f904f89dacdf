// JSON mode's client-side checks (docs/wire-format.md#structured-output): is an answer JSON, and if not, where does
// it stop being JSON; and the user's answer schema, read from the text they typed. Matching an answer against the
// schema is jsonSchema/validation.ts's job (loaded on demand).
import { lineAndColumn, locateJson } from './jsonLocations';

/** Why a text is not JSON, and where (1-based line and column). */
export interface JsonTextProblem {
  message: string;
  line: number;
  column: number;
  /** The offending line, cut to a readable width around the column. */
  excerpt: string;
}

export type JsonTextReading = { ok: true; value: unknown } | { ok: false; problem: JsonTextProblem };

/** Characters of the offending line shown on each side of the column. */
const excerptReach = 40;

function excerptAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, offset - excerptReach);
  const to = Math.min(lineEnd, offset + excerptReach);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to).replace(/\r$/, '')}${to < lineEnd ? '…' : ''}`;
}

/**
 * Parses `text` as JSON. JSON.parse decides (exact semantics, no depth limit to speak of); on failure the project's
 * scanner says where, in the same words in every browser. `base` is where `text` starts inside `whole`, whose lines
 * and columns are the ones reported.
 */
function readJsonPart(text: string, whole: string, base: number): JsonTextReading {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const located = locateJson(text);
    const offset = base + (located.ok ? 0 : located.error.offset);
    const message = located.ok ? (error instanceof Error ? error.message : 'Not valid JSON.') : located.error.message;
    return { ok: false, problem: { message, ...lineAndColumn(whole, offset), excerpt: excerptAt(whole, offset) } };
  }
}

export function readJsonText(text: string): JsonTextReading {
  return readJsonPart(text, text, 0);
}

export interface JsonAnswerReading {
  /** The answer came inside one ``` code fence, which was removed before parsing. */
  fenced: boolean;
  reading: JsonTextReading;
}

/** One fenced block and nothing else: ```json (or bare ```) on its own line, the body, then a closing ```. */
const fencePattern = /^```[ \t]*(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n?[ \t]*```[ \t]*$/i;

/**
 * Reads a JSON-mode answer. Lines count from the first line that is not blank, as the answer is shown. An answer
 * wrapped in a single ```json fence is read from inside the fence (models often add one), and says so.
 */
export function readJsonAnswer(answer: string): JsonAnswerReading {
  const shown = answer.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const fence = fencePattern.exec(shown);
  if (fence?.[1] === undefined) return { fenced: false, reading: readJsonPart(shown, shown, 0) };
  const body = fence[1];
  return { fenced: true, reading: readJsonPart(body, shown, shown.indexOf('\n') + 1) };
}

export type AnswerSchemaReading =
  { kind: 'none' } | { kind: 'invalid-json'; problem: JsonTextProblem } | { kind: 'schema'; schema: unknown };

/** The answer schema as typed: none (blank), not JSON (with where), or a value to check as a schema. */
export function readAnswerSchema(text: string): AnswerSchemaReading {
  if (text.trim() === '') return { kind: 'none' };
  const reading = readJsonText(text);
  return reading.ok ? { kind: 'schema', schema: reading.value } : { kind: 'invalid-json', problem: reading.problem };
}
