// The request diff (src/core/jsonDiff.ts): readable paths, added / removed / changed, arrays index by index.
import { describe, expect, it } from 'vitest';
import { describeJsonValue, diffJson } from '../../src/core/jsonDiff';

describe('diffJson', () => {
  it('finds nothing between equal bodies', () => {
    const body = { model: 'glm-4.7', messages: [{ role: 'user', content: 'Hi' }], thinking: { type: 'enabled' } };
    expect(diffJson(body, structuredClone(body))).toEqual([]);
  });

  it('reports added, removed and changed fields with their values', () => {
    const before = { model: 'glm-4.6', temperature: 0.5, stream: true };
    const after = { model: 'glm-4.7', stream: true, top_p: 0.9 };
    expect(diffJson(before, after)).toEqual([
      { kind: 'changed', path: 'model', before: 'glm-4.6', after: 'glm-4.7' },
      { kind: 'removed', path: 'temperature', before: 0.5 },
      { kind: 'added', path: 'top_p', after: 0.9 },
    ]);
  });

  it('walks nested objects and arrays, naming messages by index', () => {
    const before = {
      thinking: { type: 'enabled' },
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ],
    };
    const after = {
      thinking: { type: 'disabled' },
      messages: [
        { role: 'user', content: 'Hi there' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'More' },
      ],
    };
    expect(diffJson(before, after).map((entry) => `${entry.kind} ${entry.path}`)).toEqual([
      'changed thinking.type',
      'changed messages[0].content',
      'added messages[2]',
    ]);
  });

  it('reports a removed message and a changed type', () => {
    const before = {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
      stop: 'x',
    };
    const after = { messages: [{ role: 'user', content: 'a' }], stop: ['x'] };
    expect(diffJson(before, after)).toEqual([
      { kind: 'removed', path: 'messages[1]', before: { role: 'user', content: 'b' } },
      { kind: 'changed', path: 'stop', before: 'x', after: ['x'] },
    ]);
  });

  it('quotes keys that are not plain names', () => {
    expect(diffJson({ 'x-y': 1 }, { 'x-y': 2 })[0]?.path).toBe('["x-y"]');
    expect(diffJson({ a: { 'b c': 1 } }, { a: { 'b c': 2 } })[0]?.path).toBe('a["b c"]');
  });

  it('renders values on one line and cuts long ones', () => {
    expect(describeJsonValue('Hi')).toBe('"Hi"');
    expect(describeJsonValue({ role: 'user' })).toBe('{"role":"user"}');
    const long = describeJsonValue('x'.repeat(500), 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
