// The fields of a reply chunk the playground reads, checked for their type: a chunk with `"content": 5` is not
// silently read as empty text but reported (as a malformed event) with the field's path.
import { isRecord } from './json';

type Check = (value: unknown) => boolean;

const text: Check = (value) => typeof value === 'string';
const number: Check = (value) => typeof value === 'number';
const record: Check = (value) => isRecord(value);
const list: Check = (value) => Array.isArray(value);

/** Absent and null are allowed everywhere: servers leave fields out or send null for "none". */
function wrong(value: unknown, check: Check): boolean {
  return value !== undefined && value !== null && !check(value);
}

const bodyFields: Array<[string, Check]> = [
  ['id', text],
  ['model', text],
  ['created', number],
  ['choices', list],
  ['usage', record],
];
const partFields: Array<[string, Check]> = [
  ['content', text],
  ['reasoning_content', text],
  ['tool_calls', list],
];

/** The path of the first read field with the wrong type (e.g. "choices[0].delta.content"), or null. */
export function wrongTypedField(body: Record<string, unknown>, part: 'delta' | 'message'): string | null {
  for (const [name, check] of bodyFields) if (wrong(body[name], check)) return name;
  const choices = Array.isArray(body.choices) ? body.choices : [];
  const index = choices.findIndex((choice) => !isRecord(choice) || choice.index === 0 || choice.index === undefined);
  if (index < 0) return null;
  const choice: unknown = choices[index];
  if (!isRecord(choice)) return `choices[${index}]`;
  if (wrong(choice.finish_reason, text)) return `choices[${index}].finish_reason`;
  const value = choice[part];
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return `choices[${index}].${part}`;
  for (const [name, check] of partFields) if (wrong(value[name], check)) return `choices[${index}].${part}.${name}`;
  return null;
}
