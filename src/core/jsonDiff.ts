// A structural diff of two JSON values (request bodies): which paths were added, removed or changed. Arrays are
// compared index by index, which is what a reader expects for `messages` (message 3 changed, message 5 added).

import { isRecord } from './json';
import { childPath } from './jsonPaths';

export type JsonDiffKind = 'added' | 'removed' | 'changed';

export interface JsonDiffEntry {
  kind: JsonDiffKind;
  /** Readable path: `temperature`, `thinking.type`, `messages[2].content`. */
  path: string;
  /** The value on the left (absent for 'added'). */
  before?: unknown;
  /** The value on the right (absent for 'removed'). */
  after?: unknown;
}

function walk(before: unknown, after: unknown, path: string, out: JsonDiffEntry[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) {
      const next = childPath(path, index);
      if (index >= before.length) out.push({ kind: 'added', path: next, after: after[index] });
      else if (index >= after.length) out.push({ kind: 'removed', path: next, before: before[index] });
      else walk(before[index], after[index], next, out);
    }
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) {
      const next = childPath(path, key);
      if (!(key in after) || after[key] === undefined) {
        if (before[key] !== undefined) out.push({ kind: 'removed', path: next, before: before[key] });
      } else {
        walk(before[key], after[key], next, out);
      }
    }
    for (const key of Object.keys(after)) {
      if ((!(key in before) || before[key] === undefined) && after[key] !== undefined)
        out.push({ kind: 'added', path: childPath(path, key), after: after[key] });
    }
    return;
  }
  if (!Object.is(before, after))
    out.push({ kind: 'changed', path: path === '' ? '(whole value)' : path, before, after });
}

/** Every difference from `before` to `after`, in document order (the left's keys first, then keys only on the right). */
export function diffJson(before: unknown, after: unknown): JsonDiffEntry[] {
  const out: JsonDiffEntry[] = [];
  walk(before, after, '', out);
  return out;
}

/** A one-line rendering of a value for the diff list; long values are cut with an ellipsis. */
export function describeJsonValue(value: unknown, maxLength = 120): string {
  // JSON.stringify gives undefined for undefined and functions, though its type says string.
  const text = (JSON.stringify(value) as string | undefined) ?? String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
