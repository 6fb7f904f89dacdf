import { useEffect, useMemo, useState } from 'react';
import { createBlockSplitter, type BlockSplit, type SourceBlock } from '../../core/markdownBlocks';
import { createDocumentTracker, type DocumentContext } from '../../core/markdownDocument';
import { blocksWithinBudget } from '../../core/renderLimits';

/**
 * Top-level Markdown blocks of `text`. The splitter remembers the previous split, so while the text grows only
 * the last block is lexed again; completed blocks keep their objects (and their memoised renders).
 */
export function useMarkdownBlocks(text: string): BlockSplit {
  const [splitter] = useState(() => createBlockSplitter('markdown'));
  return useMemo(() => splitter.split(text), [splitter, text]);
}

/** Paragraph blocks of plain text (reasoning), split incrementally the same way. */
export function useTextBlocks(text: string): BlockSplit {
  const [splitter] = useState(() => createBlockSplitter('text'));
  return useMemo(() => splitter.split(text), [splitter, text]);
}

/** Each block's context in the reply (definitions it refers to, footnote numbering), and the footnotes section. */
export function useDocumentContext(blocks: readonly SourceBlock[]): DocumentContext {
  const [tracker] = useState(createDocumentTracker);
  return useMemo(() => tracker.update(blocks), [tracker, blocks]);
}

/**
 * How many of `blocks` to show formatted in this commit: no more new Markdown than a frame's budget, so a reply
 * that arrives in large pieces (or whole) is formatted over the next frames instead of in one long task.
 */
export function useFormattingBudget(blocks: readonly SourceBlock[]): number {
  const [shown, setShown] = useState(0);
  const count = blocksWithinBudget(blocks, shown);
  useEffect(() => {
    if (count === shown) return;
    const frame = requestAnimationFrame(() => setShown(count));
    return () => cancelAnimationFrame(frame);
  }, [count, shown]);
  return count;
}
