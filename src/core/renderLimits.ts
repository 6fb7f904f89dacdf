// Sizes above which a reply, or one block of it, is shown as plain text instead of formatted Markdown: parsing and
// laying out a table of tens of thousands of cells or a reply of megabytes takes the page far past a frame, and a
// user reading it as text loses little. The user can still ask for formatting ("Format anyway").
// With its extension: the mock server loads this file into the Vite config, whose loader wants one.
import { sizeLabel } from './jsonLimits.ts';
import { inlineMarkerCount } from './markdownSafety.ts';

export const renderLimits = {
  /** A whole reply longer than this (characters) is shown as plain text, in chunks. */
  maxFormattedReplyCharacters: 1024 * 1024,
  /** One block longer than this (characters) is shown as plain text: formatting it takes about a frame's budget. */
  maxFormattedBlockCharacters: 16 * 1024,
  /** One block with more table cells than this is shown as plain text. */
  maxFormattedTableCells: 1000,
  /**
   * The block still streaming is formatted again on every frame: costlier than this (see formattingWeight), it is
   * shown as plain text until it is complete (then formatted once, within the limits above).
   */
  maxLiveBlockCharacters: 8 * 1024,
  /** Characters of Markdown formatted afresh per frame; blocks beyond wait as plain text for the next frames. */
  formattedCharactersPerFrame: 2 * 1024,
  /** What one block costs to format beyond its characters (a parser set up per block), counted in characters. */
  formattingCharactersPerBlock: 128,
  /** What one emphasis or link marker or table cell costs to format, counted in characters (see formattingWeight). */
  formattingCharactersPerMarker: 8,
  /**
   * Characters of new text split into blocks per frame: a reply arriving in large pieces (or opened whole) is split
   * over the next frames, the rest shown plain meanwhile. An ordinary stream adds far less per frame.
   */
  splitCharactersPerFrame: 16 * 1024,
} as const;

/**
 * Characters per text node of a reply shown as plain text: each is laid out (and skipped off-screen) on its own, and
 * text added to the last one makes the browser shape that node again, so it stays small.
 */
export const plainTextChunkCharacters = 16 * 1024;

/** Table cells in `text`, counted as the cell separators (`|`) of its table rows: cheap, and never fewer. */
export function tableCellCount(text: string): number {
  let separators = 0;
  for (let index = text.indexOf('|'); index !== -1; index = text.indexOf('|', index + 1)) separators++;
  return separators;
}

/** True when one Markdown block is too large to format within a frame. */
export function blockTooLargeToFormat(text: string): boolean {
  return (
    text.length > renderLimits.maxFormattedBlockCharacters || tableCellCount(text) > renderLimits.maxFormattedTableCells
  );
}

/**
 * What formatting `text` costs, counted in characters: each emphasis or link marker and each table cell separator
 * counts as more, since the elements they make cost far more to build, render and lay out than plain characters (a
 * paragraph of markers, or a table, can cost ten times a plain paragraph of the same length).
 */
export function formattingWeight(text: string): number {
  return text.length + renderLimits.formattingCharactersPerMarker * (inlineMarkerCount(text) + tableCellCount(text));
}

/**
 * True when the block still streaming costs too much to format again on every frame; `share`: the part of a frame
 * this reply gets (several replies streaming side by side share one).
 */
export function liveBlockTooLargeToFormat(text: string, share = 1): boolean {
  const limit = renderLimits.maxLiveBlockCharacters * share;
  return text.length > limit || formattingWeight(text) > limit;
}

/** Characters a block costs to format: none for one shown as plain text anyway (unsafe or too large). */
function formattingCost(block: { text: string; unsafe?: unknown }, perBlock: number): number {
  return block.unsafe !== undefined || blockTooLargeToFormat(block.text) ? 0 : formattingWeight(block.text) + perBlock;
}

/**
 * How many of `blocks` to show formatted now, when `shown` of them were formatted in the last commit: those, then
 * more while the characters formatted afresh (counting the last shown block, which may have grown, and `perBlock`
 * for each block) stay within the frame's budget, and always at least one block more than before.
 */
export function blocksWithinBudget(
  blocks: readonly { text: string; unsafe?: unknown }[],
  shown: number,
  budget: number = renderLimits.formattedCharactersPerFrame,
  perBlock: number = renderLimits.formattingCharactersPerBlock,
): number {
  let count = Math.min(shown, blocks.length);
  const last = blocks[count - 1];
  let spent = last === undefined ? 0 : formattingCost(last, perBlock);
  while (count < blocks.length) {
    const next = blocks[count];
    spent += next === undefined ? 0 : formattingCost(next, perBlock);
    if (spent > budget && count > shown) break;
    count++;
  }
  return count;
}

/** True when a whole reply is too large to format: it is shown as plain text without being split into blocks. */
export function replyTooLargeToFormat(text: string): boolean {
  return text.length > renderLimits.maxFormattedReplyCharacters;
}

/** The note beside a text shown plain because of its size. */
export function tooLargeToFormatNote(characters: number): string {
  return `Shown as plain text: too large to format (${sizeLabel(characters)})`;
}

/**
 * `text` cut into consecutive pieces of at most `size` characters (none when it is empty). `offset` is where `text`
 * starts in a longer one: the cuts fall at multiples of `size` in that one, so when `text` starts further on, only
 * its first piece changes.
 */
export function textChunks(text: string, size = plainTextChunkCharacters, offset = 0): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (let end = size - (offset % size); start < text.length; end += size) {
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
