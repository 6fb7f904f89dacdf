// The block still streaming is formatted again on every frame, and most often it is a paragraph of plain words. Such
// a block needs no Markdown parser: it renders as one paragraph of its own text.

/**
 * One line that opens with a letter (so no heading, list, quote, fence, table or indented code) and holds only
 * letters, digits, spaces and punctuation that no Markdown or GFM syntax uses. Left out, among others: `* _ ~ `` ` ``
 * (emphasis, code), `[ ] !` (links, images, footnotes), `< > &` (HTML, autolinks, entities), `\` (escapes, hard
 * breaks), `|` (tables), `@ /` (e-mail and URL autolinks), tabs and line breaks.
 */
const plainLine = /^\p{L}[\p{L}\p{M}\p{N} .,;:?'"()-]*$/u;
/** GFM links a `www.` address without any scheme or punctuation around it. */
const wwwAutolink = /www\./i;

/**
 * The text of the paragraph `markdown` renders as, when it is one plain line (see plainLine); null when it may hold
 * any Markdown syntax. A paragraph drops its trailing spaces.
 */
export function plainParagraphText(markdown: string): string | null {
  if (!plainLine.test(markdown) || wwwAutolink.test(markdown)) return null;
  return markdown.trimEnd();
}
