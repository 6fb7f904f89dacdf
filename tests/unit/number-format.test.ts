import { describe, expect, it } from 'vitest';
import { formatInteger, formatOneDecimal } from '../../src/core/numberFormat';

describe('number formats', () => {
  it('groups the thousands of a whole number with commas', () => {
    expect(formatInteger(131072)).toBe('131,072');
  });

  it('rounds a count that is not whole to the nearest whole number', () => {
    expect(formatInteger(1234.6)).toBe('1,235');
  });

  it('shows a rate to at most one decimal', () => {
    expect([formatOneDecimal(1234.56), formatOneDecimal(42)]).toEqual(['1,234.6', '42']);
  });
});
