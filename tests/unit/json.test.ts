import { describe, expect, it } from 'vitest';
import { isRecord } from '../../src/core/json';

describe('isRecord', () => {
  it('accepts a plain object, empty or not', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ model: 'glm-4.6' })).toBe(true);
  });

  it('rejects null', () => {
    expect(isRecord(null)).toBe(false);
  });

  it('rejects an array', () => {
    expect(isRecord([])).toBe(false);
    expect(isRecord([{ role: 'user' }])).toBe(false);
  });

  it('rejects primitives and undefined', () => {
    for (const value of [undefined, 0, 'text', true]) expect(isRecord(value)).toBe(false);
  });
});
