// The start of a Markdown text for a clipped view ("Show more"), with the definitions the rest of the text holds:
// models put footnote and link definitions at the very end, and without them the start would show `[^1]` and
// `[docs][1]` as written. How the whole reply applies them across its blocks: markdownDefinitions.ts.
import { textPreview, type PreviewLimits } from './textPreview';
import { hasVisibleText } from './visibleText';

/** A line that can start a link reference or footnote definition: `[label]:` or `[^label]:`, indented up to 3. */
const definitionLine = /^ {0,3}\[[^\]\n]+\]:/;

function isIndented(line: string): boolean {
  return line.startsWith('    ') || line.startsWith('\t');
}

/** Where the line starting at `start` ends (its newline, or the end of the text). */
function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 ? text.length : newline;
}

/** The line after the one that ends at `end` (a newline), or null at the end of the text. */
function lineAfter(text: string, end: number): string | null {
  return end >= text.length ? null : text.slice(end + 1, lineEnd(text, end + 1));
}

/**
 * Where a definition starting at `start` ends: its following lines belong to it until a blank line that an indented
 * line does not follow (a footnote's next paragraph is indented), or until the next definition.
 */
function definitionEnd(text: string, start: number): number {
  let end = lineEnd(text, start);
  for (let line = lineAfter(text, end); line !== null && !definitionLine.test(line); line = lineAfter(text, end)) {
    if (hasVisibleText(line)) {
      end = lineEnd(text, end + 1);
      continue;
    }
    let blanksEnd = lineEnd(text, end + 1);
    let next = lineAfter(text, blanksEnd);
    while (next !== null && !hasVisibleText(next)) {
      blanksEnd = lineEnd(text, blanksEnd + 1);
      next = lineAfter(text, blanksEnd);
    }
    if (next === null || !isIndented(next)) return end;
    end = blanksEnd;
  }
  return end;
}

/** The definitions in `text` as written, each with the lines that continue it, in order. */
export function definitionBlocks(text: string): string[] {
  // Every definition has "]:" right after its label: most texts need no search at all.
  if (!text.includes(']:')) return [];
  const blocks: string[] = [];
  const starts = new RegExp(definitionLine.source, 'gm');
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    const end = definitionEnd(text, match.index);
    blocks.push(text.slice(match.index, end));
    starts.lastIndex = Math.max(end, match.index + 1);
  }
  return blocks;
}

/**
 * The start of `text` (see textPreview), followed by the definitions in the rest of it, so that references in the
 * start resolve as in the whole text. A line in the rest that only looks like a definition (inside a code block)
 * is taken as one: the clipped view may then link a label the whole text leaves as written.
 */
export function markdownPreview(text: string, limits: PreviewLimits): string {
  const preview = textPreview(text, limits);
  if (preview.length === text.length) return text;
  // A start cut inside a line: the rest of that line is no line start, so no definition.
  const nextLine = text.indexOf('\n', preview.length);
  const definitions = nextLine === -1 ? [] : definitionBlocks(text.slice(nextLine));
  return definitions.length === 0 ? preview : `${preview.trimEnd()}\n\n${definitions.join('\n\n')}`;
}
