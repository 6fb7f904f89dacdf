// The notes a reply collects while it streams (skipped events, ignored event types, finish reasons). A server can
// send the same fault thousands of times: repeats become one counted note, and the list stays short.
import { formatInteger } from './numberFormat';

/** Distinct notes kept for one reply; further ones are summed up in one last note. */
export const maxReplyWarnings = 20;

export const invalidJsonEventWarning = 'One event from the server was not valid JSON and was skipped.';

/** A valid event with a field of the wrong type (e.g. `"content": 5`): that field is skipped, the rest is read. */
export function wrongTypeEventWarning(field: string): string {
  return `One event from the server had a field of the wrong type ("${field}"), which was skipped.`;
}

const wrongTypePattern = /^One event from the server had a field of the wrong type \("[^"]*"\), which was skipped\.$/;
const malformedManyPattern = /^([\d,]+) events from the server were malformed/;
const repeatedPattern = /^(.*) \(([\d,]+) times\)$/;
const moreNotesPattern = /^([\d,]+) more notes? (?:was|were) left out\.$/;

/** A note and how often it came, as read from its text: malformed events of any kind share one note. */
function readNote(text: string): { key: string; base: string; count: number } {
  if (text === invalidJsonEventWarning || wrongTypePattern.test(text))
    return { key: 'malformed', base: text, count: 1 };
  const many = malformedManyPattern.exec(text);
  if (many) return { key: 'malformed', base: text, count: Number((many[1] ?? '0').replace(/,/g, '')) };
  const more = moreNotesPattern.exec(text);
  if (more) return { key: 'more', base: text, count: Number((more[1] ?? '0').replace(/,/g, '')) };
  const repeated = repeatedPattern.exec(text);
  if (repeated) {
    const base = repeated[1] ?? text;
    return { key: base, base, count: Number((repeated[2] ?? '0').replace(/,/g, '')) };
  }
  return { key: text, base: text, count: 1 };
}

function writeNote(key: string, base: string, count: number): string {
  if (key === 'more') return `${formatInteger(count)} more ${count === 1 ? 'note was' : 'notes were'} left out.`;
  if (count === 1) return base;
  if (key === 'malformed')
    return `${formatInteger(count)} events from the server were malformed (not valid JSON, or a field of the wrong type); what they held was skipped.`;
  return `${base} (${formatInteger(count)} times)`;
}

/** `existing` followed by `added`: a note that is already there is counted instead of repeated; bounded. */
export function mergeWarnings(existing: readonly string[], added: readonly string[]): string[] {
  if (added.length === 0) return [...existing];
  const notes = new Map<string, { base: string; count: number }>();
  for (const text of [...existing, ...added]) {
    const note = readNote(text);
    const known = notes.get(note.key);
    if (known) known.count += note.count;
    else notes.set(note.key, { base: note.base, count: note.count });
  }
  const more = notes.get('more');
  notes.delete('more');
  const entries = [...notes.entries()];
  const kept = entries.slice(0, maxReplyWarnings);
  const leftOut = entries.slice(maxReplyWarnings).reduce((sum, [, note]) => sum + note.count, more?.count ?? 0);
  const list = kept.map(([key, note]) => writeNote(key, note.base, note.count));
  if (leftOut > 0) list.push(writeNote('more', '', leftOut));
  return list;
}
