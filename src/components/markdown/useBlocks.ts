import { useEffect, useMemo, useState } from 'react';
import { createBlockSplitter, nextSplit, type BlockSplit, type SourceBlock } from '../../core/markdownBlocks';
import { createDocumentTracker, type DocumentContext } from '../../core/markdownDocument';
import { blocksWithinBudget, renderLimits } from '../../core/renderLimits';
import { sharedBudget, useFrameShare } from './frameShare';

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
  const share = useFrameShare();
  const budget = sharedBudget(renderLimits.formattedCharactersPerFrame, share, 256);
  const count = blocksWithinBudget(blocks, shown, budget);
  useEffect(() => {
    if (count === shown) return;
    const frame = requestAnimationFrame(() => setShown(count));
    return () => cancelAnimationFrame(frame);
  }, [count, shown]);
  return count;
}

/**
 * The blocks of `text` as far as a frame's budget splits them (see nextSplit), and whether that is all of it: a reply
 * that arrives in large pieces, or is opened whole, is split over the next frames. While the text `grows` behind a
 * last block too large to format, it is split again only once it has to be (see nextSplit).
 */
export function useMarkdownBlocksWithinBudget(text: string, grows: boolean): { split: BlockSplit; complete: boolean } {
  const [splitter] = useState(() => createBlockSplitter('markdown'));
  const [, splitMore] = useState(0);
  const share = useFrameShare();
  const budget = sharedBudget(renderLimits.splitCharactersPerFrame, share, 2048);
  const { end, waiting } = nextSplit(text, splitter.last(), budget, grows);
  const split = useMemo(() => splitter.split(end < text.length ? text.slice(0, end) : text), [splitter, text, end]);
  const complete = end === text.length;
  useEffect(() => {
    // Waiting for more text: the next text (or the end of the stream) renders again, no frame needs to.
    if (complete || waiting) return;
    const frame = requestAnimationFrame(() => splitMore((count) => count + 1));
    return () => cancelAnimationFrame(frame);
  }, [complete, waiting, split]);
  return { split, complete };
}

/**
 * True once a `complete` group of blocks has been laid out complete (a frame, then a task). Only then may the group be
 * skipped while off screen (content-visibility: auto), which keeps the size it was last laid out at: a group that
 * completed and left the view in the same frame would keep the size of its start and overlap the next one.
 */
export function useLaidOutComplete(complete: boolean): boolean {
  const [laidOut, setLaidOut] = useState(false);
  useEffect(() => {
    if (!complete || laidOut) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLaidOut(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete, laidOut]);
  return complete && laidOut;
}
