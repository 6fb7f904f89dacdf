import { describe, expect, it } from 'vitest';
import {
  defaultJsonLimits,
  jsonTextProblem,
  jsonValueProblem,
  maxJsonDepth,
  parseJsonWithinLimits,
} from '../../src/core/jsonLimits';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON limits', () => {
  it('accepts ordinary documents, including strings full of brackets', () => {
    const text = JSON.stringify({ model: 'glm-4.7', messages: [{ role: 'user', content: '[[[[{{{{' }], extra: [[1]] });
    expect(jsonTextProblem(text)).toBeNull();
    expect(parseJsonWithinLimits(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });

  it('accepts exactly the maximum depth and refuses one more level, in the text and in a parsed value', () => {
    expect(jsonTextProblem(nested(maxJsonDepth))).toBeNull();
    expect(jsonValueProblem(JSON.parse(nested(maxJsonDepth)))).toBeNull();
    expect(jsonTextProblem(nested(maxJsonDepth + 1))).toMatchObject({ kind: 'too-deep', offset: maxJsonDepth });
    expect(jsonValueProblem(JSON.parse(nested(maxJsonDepth + 1)))?.kind).toBe('too-deep');
  });

  it('checks 100,000 levels without overflowing the stack', () => {
    const text = `{"extra":${nested(100_000)}}`;
    expect(jsonTextProblem(text)?.message).toBe(`it is nested more than ${maxJsonDepth} levels deep`);
    expect(parseJsonWithinLimits(text)).toMatchObject({ ok: false, reason: 'too-deep' });
  });

  it('an escaped quote inside a string does not end it', () => {
    expect(jsonTextProblem(`["\\"${'['.repeat(100)}"]`)).toBeNull();
  });

  it('refuses text over the size limit before parsing, and documents with too many values', () => {
    const limits = { ...defaultJsonLimits, maxChars: 10 };
    expect(parseJsonWithinLimits('[1,2,3,4,5,6]', limits)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseJsonWithinLimits('[1,2,3]', { ...defaultJsonLimits, maxValues: 3 })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
  });

  it('reports a syntax error as such, without throwing', () => {
    expect(parseJsonWithinLimits('{"a":')).toMatchObject({ ok: false, reason: 'syntax' });
  });
});
