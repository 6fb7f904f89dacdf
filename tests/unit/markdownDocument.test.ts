import { describe, expect, it } from 'vitest';
import { createBlockSplitter } from '../../src/core/markdownBlocks';
import { createDocumentTracker, emptyBlockContext } from '../../src/core/markdownDocument';

function track(texts: readonly string[]) {
  const splitter = createBlockSplitter('markdown');
  const tracker = createDocumentTracker();
  return texts.map((text) => {
    const { blocks } = splitter.split(text);
    return { blocks, context: tracker.update(blocks) };
  });
}

describe('document context', () => {
  it('gives no block a context while the reply defines nothing', () => {
    const [step] = track(['# Title\n\nSee [docs][1].\n']);
    expect(step?.context.blocks.every((context) => context === emptyBlockContext)).toBe(true);
    expect(step?.context.footnotes).toBeNull();
  });

  it('hands a definition to the blocks that refer to it, and only to those', () => {
    const [before, after] = track([
      'Intro.\n\nSee [docs][1].\n\n',
      'Intro.\n\nSee [docs][1].\n\n[1]: https://example.com/docs "Docs"\n',
    ]);
    expect(before?.context.blocks[1]).toBe(emptyBlockContext);
    expect(after?.context.blocks[0]).toBe(emptyBlockContext);
    expect(after?.context.blocks[1]?.before).toBe('[1]: <https://example.com/docs> "Docs"\n\n');
  });

  it('keeps the same context objects while the reply grows without new definitions', () => {
    const [first, second] = track([
      'See [a].\n\n[a]: https://a.example\n\nMore',
      'See [a].\n\n[a]: https://a.example\n\nMore text',
    ]);
    expect(second?.context.blocks[0]).toBe(first?.context.blocks[0]);
  });

  it('numbers footnotes across blocks and collects them for one section', () => {
    const [step] = track(['One[^b].\n\nTwo[^a] and[^b].\n\n[^a]: Ay.\n[^b]: Bee.\n']);
    const second = step?.context.blocks[1]?.footnotesBefore;
    expect(second?.order).toEqual(['B']);
    expect(step?.context.footnotes?.references.order).toEqual(['B', 'A']);
    expect(step?.context.footnotes?.references.counts.get('B')).toBe(2);
    expect(step?.context.footnotes?.markdown).toContain('[^a]: Ay.');
  });
});
