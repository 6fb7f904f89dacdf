import { describe, expect, it } from 'vitest';
import { findUnsafeRegion, maxInlineMarkers, maxNestingDepth } from '../../src/core/markdownSafety';

describe('findUnsafeRegion', () => {
  it('finds nothing in ordinary Markdown', () => {
    expect(findUnsafeRegion('# A\n\n> > quote\n\n- a\n  - b\n\nSome *emphasis* and [a link](x).\n')).toBeNull();
  });

  it('marks the paragraph holding a line nested deeper than the limit, and only it', () => {
    const deep = '>'.repeat(maxNestingDepth + 1) + ' x\n';
    const text = 'before\n\n' + deep + '\nafter\n';
    expect(findUnsafeRegion(text)).toEqual({ start: 8, end: 8 + deep.length, reason: 'too deeply nested' });
  });

  it('counts list levels implied by indentation', () => {
    const text = ' '.repeat(2 * maxNestingDepth) + '- item\n';
    expect(findUnsafeRegion(text)?.reason).toBe('too deeply nested');
  });

  it('marks a paragraph with more emphasis markers than the limit', () => {
    expect(findUnsafeRegion('*a'.repeat(maxInlineMarkers + 1))?.reason).toBe('too many markers');
    expect(findUnsafeRegion('*a'.repeat(maxInlineMarkers / 2) + '\n\n' + '*a'.repeat(maxInlineMarkers / 2))).toBeNull();
  });

  it('ignores lines inside fenced code', () => {
    expect(findUnsafeRegion('```\n' + '>'.repeat(500) + '\n' + '*'.repeat(5000) + '\n```\n')).toBeNull();
  });
});
