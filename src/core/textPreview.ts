// The start of a long text, for a view that shows only its first lines until "Show more": rendering (and for Markdown,
// parsing) all of a 100,000-character reply only to clip it to twelve lines costs a long task for nothing.
import { sizeLabel } from './jsonLimits';

export interface PreviewLimits {
  /** Whole lines kept at most. */
  maxLines: number;
  /** Characters kept at most (a long line is cut). */
  maxCharacters: number;
}

/**
 * The first `maxLines` lines of `text`, at most `maxCharacters` long; `text` itself when it is within both. A cut
 * may fall inside a Markdown construct (an open code fence, half a table): the clipped view shows its start alike.
 */
export function textPreview(text: string, { maxLines, maxCharacters }: PreviewLimits): string {
  let end = 0;
  for (let line = 0; line < maxLines; line++) {
    const newline = text.indexOf('\n', end);
    if (newline === -1 || newline >= maxCharacters)
      return text.length <= maxCharacters ? text : text.slice(0, maxCharacters);
    end = newline + 1;
  }
  return text.slice(0, end - 1);
}

/** Characters of a long text (a request body, generated code) put on screen at once; Copy and Download take all. */
export const maxShownCharacters = 200 * 1024;

export interface ShownPart {
  /** What is put on screen: the whole text, or its start. */
  text: string;
  /** Says how much is shown of how much, when the text was cut; null otherwise. */
  note: string | null;
}

/** The start of `text` to show, and a note stating the full size when it was cut. */
export function shownPart(text: string, maxCharacters = maxShownCharacters): ShownPart {
  if (text.length <= maxCharacters) return { text, note: null };
  return {
    text: text.slice(0, maxCharacters),
    note: `Showing the first ${sizeLabel(maxCharacters)} of ${sizeLabel(text.length)}`,
  };
}
