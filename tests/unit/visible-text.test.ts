import { describe, expect, it } from 'vitest';
import { hasVisibleText } from '../../src/core/visibleText';

describe('hasVisibleText', () => {
  it('is false for empty text and text of white space only (spaces, tabs, new lines, no-break spaces)', () => {
    expect(hasVisibleText('')).toBe(false);
    expect(hasVisibleText(' \t\n\r\u00a0\u2028')).toBe(false);
  });

  it('is true as soon as one character shows, wherever it is', () => {
    expect(hasVisibleText(`${' '.repeat(100_000)}x`)).toBe(true);
    expect(hasVisibleText('\n\n.')).toBe(true);
  });
});
