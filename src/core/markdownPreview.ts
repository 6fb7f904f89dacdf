// The start of a Markdown text for a clipped view ("Show more"), with the definitions the rest of the text holds:
// models put footnote and link definitions at the very end, and without them the start would show `[^1]` and
// `[docs][1]` as written. How the whole reply applies them across its blocks: markdownDefinitions.ts.
import { textPreview, type PreviewLimits } from './textPreview';

/** A line that can start a link reference or footnote definition: `[label]:` or `[^label]:`, indented up to 3. */
const definitionStart = /^ {0,3}\[[^\]\n]+\]:/gm;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isIndented(line: string): boolean {
  return line.startsWith('    ') || line.startsWith('\t');
}

/** Where the line starting at `start` ends (its newline, or the end of the text). */
function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 ? text.length : newline;
}

/**
 * Where a definition starting at `start` ends: its following lines belong to it until a blank line that an indented
 * line does not follow (a footnote's next paragraph is indented), or until the next definition.
 */
function definitionEnd(text: string, start: number): number {
  let end = lineEnd(text, start);
  while (end < text.length) {
    const next = end + 1;
    const line = text.slice(next, lineEnd(text, next));
    definitionStart.lastIndex = 0;
    if (definitionStart.test(line)) return end;
    if (isBlank(line)) {
      let after = lineEnd(text, next);
      while (after < text.length && isBlank(text.slice(after + 1, lineEnd(text, after + 1))))
        after = lineEnd(text, after + 1);
      if (after >= text.length || !isIndented(text.slice(after + 1, lineEnd(text, after + 1)))) return end;
      end = after;
      continue;
    }
    end = lineEnd(text, next);
  }
  return end;
}

/** The definitions in `text` as written, each with the lines that continue it, in order. */
export function definitionBlocks(text: string): string[] {
  // Every definition has "]:" right after its label: most texts need no search at all.
  if (!text.includes(']:')) return [];
  const blocks: string[] = [];
  let from = 0;
  for (;;) {
    definitionStart.lastIndex = from;
    const match = definitionStart.exec(text);
    if (match === null) return blocks;
    const end = definitionEnd(text, match.index);
    blocks.push(text.slice(match.index, end));
    from = Math.max(end, match.index + 1);
  }
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
