// Limits checked before any Markdown parser sees a text. Parsers and renderers recurse once per nesting level (a
// few thousand `>` overflow the stack) and match emphasis and link markers in quadratic time (tens of thousands of
// `*` freeze the page), so such a stretch is shown as plain text instead of being parsed.

/** Deepest nesting of quotes and lists parsed as Markdown. */
export const maxNestingDepth = 100;
/** Most emphasis, strikethrough and link markers in one paragraph parsed as Markdown. */
export const maxInlineMarkers = 2000;

export type UnsafeReason = 'too deeply nested' | 'too many markers';

export interface UnsafeRegion {
  start: number;
  end: number;
  reason: UnsafeReason;
}

const containerMarker = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const fence = /^[ \t>]*(`{3,}|~{3,})/;

/** Quote and list markers opening the line, plus list levels implied by its indentation. */
function nestingDepth(line: string): number {
  let markers = 0;
  containerMarker.lastIndex = 0;
  while (containerMarker.test(line)) markers++;
  if (markers === 0) return 0;
  const indentation = /^[ \t]*/.exec(line)?.[0] ?? '';
  const width = indentation.replace(/\t/g, '    ').length;
  // A nested list level takes at least two columns of indentation.
  return markers + Math.floor(width / 2);
}

/** Emphasis, strikethrough and link markers in `text` (each may become an element of its own). */
export function inlineMarkerCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // * _ ~ [ ]
    if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) count++;
  }
  return count;
}

/**
 * The first stretch of `text` (whole lines, from the blank line before to the blank line after) that breaks a
 * limit, or null. Lines inside fenced code are not Markdown and do not count.
 */
export function findUnsafeRegion(text: string): UnsafeRegion | null {
  let chunkStart = 0;
  let markers = 0;
  let openFence: string | null = null;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    const fenceMarker = fence.exec(line)?.[1];
    if (openFence !== null) {
      if (fenceMarker !== undefined && fenceMarker[0] === openFence[0] && fenceMarker.length >= openFence.length)
        openFence = null;
    } else if (line.trim() === '') {
      chunkStart = lineEnd;
      markers = 0;
    } else {
      if (fenceMarker !== undefined) openFence = fenceMarker;
      const depth = nestingDepth(line);
      // A list item starts a paragraph of its own.
      if (depth > 0) markers = 0;
      markers += inlineMarkerCount(line);
      const reason =
        depth > maxNestingDepth ? 'too deeply nested' : markers > maxInlineMarkers ? 'too many markers' : null;
      if (reason !== null) return { start: chunkStart, end: endOfChunk(text, lineEnd), reason };
    }
    lineStart = lineEnd;
  }
  return null;
}

/** Where the paragraph containing the line ending at `from` ends: after the next blank line's break, or the end. */
function endOfChunk(text: string, from: number): number {
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = Math.max(0, from - 1);
  const match = blank.exec(text);
  return match === null ? text.length : match.index + 1;
}
