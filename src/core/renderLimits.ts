// Sizes above which a reply, or one block of it, is shown as plain text instead of formatted Markdown: parsing and
// laying out a table of tens of thousands of cells or a reply of megabytes takes the page far past a frame, and a
// user reading it as text loses little. The user can still ask for formatting ("Format anyway").
import { sizeLabel } from './jsonLimits';

export const renderLimits = {
  /** A whole reply longer than this (characters) is shown as plain text, in chunks. */
  maxFormattedReplyCharacters: 1024 * 1024,
  /** One block longer than this (characters) is shown as plain text. */
  maxFormattedBlockCharacters: 100 * 1024,
  /** One block with more table cells than this is shown as plain text. */
  maxFormattedTableCells: 5000,
} as const;

/** Characters per text node of a reply shown as plain text: each is laid out (and skipped off-screen) on its own. */
export const plainTextChunkCharacters = 64 * 1024;

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

/** True when a whole reply is too large to format: it is shown as plain text without being split into blocks. */
export function replyTooLargeToFormat(text: string): boolean {
  return text.length > renderLimits.maxFormattedReplyCharacters;
}

/** The note beside a text shown plain because of its size. */
export function tooLargeToFormatNote(characters: number): string {
  return `Shown as plain text: too large to format (${sizeLabel(characters)})`;
}

/** `text` cut into consecutive pieces of at most `size` characters (none when it is empty). */
export function textChunks(text: string, size = plainTextChunkCharacters): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}
