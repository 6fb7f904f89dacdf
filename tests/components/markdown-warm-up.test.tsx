// The Markdown warm-up runs in idle periods before Send: in small steps, each one block, and never throws.
import { describe, expect, it } from 'vitest';
import { markdownWarmUp } from '../../src/components/markdown/warmUp';

describe('the Markdown warm-up', () => {
  it('splits its sample in one step and formats one block per later step, until it says it is done', () => {
    const step = markdownWarmUp();
    let steps = 1;
    while (step()) steps++;
    // The split, then headings, lists, quotes, tables, code, footnotes and definitions one at a time.
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(step()).toBe(false);
  });
});
