import { useMemo, useState } from 'react';
import { createBlockSplitter, type BlockSplit } from '../../core/markdownBlocks';

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
