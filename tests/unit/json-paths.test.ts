// How a place in a JSON value is written (src/core/jsonPaths.ts): the one form every path the app shows uses.
import { describe, expect, it } from 'vitest';
import { childPath } from '../../src/core/jsonPaths';

describe('childPath', () => {
  it('writes a plain key at the root as the name alone', () => {
    expect(childPath('', 'temperature')).toBe('temperature');
  });

  it('joins a plain key to its parent with a dot', () => {
    expect(childPath('thinking', 'type')).toBe('thinking.type');
  });

  it('writes an array index in brackets', () => {
    expect(childPath('messages', 2)).toBe('messages[2]');
  });

  it('quotes a key that is not a plain name, in brackets, at the root too', () => {
    expect(childPath('', 'x-y')).toBe('["x-y"]');
    expect(childPath('tools[0]', 'odd key')).toBe('tools[0]["odd key"]');
  });
});
