// Most blocks of a reply are paragraphs and headings of plain words. Such a block needs no Markdown parser, neither
// while it streams (formatted again on every frame) nor once complete: it is one element holding its own text.

/**
 * Words: a letter first (so no list, quote, fence, table or indented code), then only letters, digits, spaces and
 * punctuation that no Markdown or GFM syntax uses. Left out, among others: `* _ ~ `` ` `` (emphasis, code), `[ ] !`
 * (links, images, footnotes), `< > &` (HTML, autolinks, entities), `\` (escapes, hard breaks), `|` (tables), `@ /`
 * (e-mail and URL autolinks), `#` (closing a heading), tabs and line breaks.
 */
const words = String.raw`\p{L}[\p{L}\p{M}\p{N} .,;:?'"()-]*`;
/** One line of words, or a heading of them (`#` to `######`, a space), with the blank lines that end the block. */
const plainBlock = new RegExp(String.raw`^(?:(#{1,6}) +)?(${words})[ \n]*$`, 'u');
/** GFM links a `www.` address without any scheme or punctuation around it. */
const wwwAutolink = /www\./i;

export type PlainBlockElement = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export interface PlainMarkdownBlock {
  element: PlainBlockElement;
  /** The element's text: trailing spaces, like the blank lines after it, are not part of it. */
  text: string;
}

const headings: readonly PlainBlockElement[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The paragraph or heading `markdown` renders as, when it is one line of plain words; null when it may be more. */
export function plainMarkdownBlock(markdown: string): PlainMarkdownBlock | null {
  const match = plainBlock.exec(markdown);
  const text = match?.[2];
  if (match === null || text === undefined || wwwAutolink.test(text)) return null;
  const level = match[1]?.length;
  return { element: level === undefined ? 'p' : (headings[level - 1] ?? 'h6'), text: text.trimEnd() };
}
