import { useMemo, useState } from 'react';
import { createBlockSplitter, type BlockSplit, type SourceBlock } from '../../core/markdownBlocks';
import { createDocumentTracker, type DocumentContext } from '../../core/markdownDocument';

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
