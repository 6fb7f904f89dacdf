// Definitions Markdown applies to the whole document — link reference definitions (`[1]: https://…`) and footnote
// definitions (`[^1]: note`) — found in one block, and written back as Markdown for another block to parse with.
import type { Nodes } from 'mdast';
import { descendants, parseMarkdown } from './markdownTree';

export interface LinkDefinition {
  /** Normalised label (lower case, collapsed white space), as the parser matches references by it. */
  readonly identifier: string;
  readonly url: string;
  readonly title: string | null;
}

export interface FootnoteDefinition {
  readonly identifier: string;
  /** The definition's Markdown, outside any container it sat in. */
  readonly source: string;
}

export interface BlockDefinitions {
  readonly links: readonly LinkDefinition[];
  readonly footnotes: readonly FootnoteDefinition[];
}

function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** A nested definition's lines, without the container markers (`> `, list indentation) before its first line. */
function sourceOutsideContainers(text: string, start: number, end: number): string {
  const prefix = text.slice(lineStart(text, start), start);
  const lines = text.slice(start, end).split(/(?<=\n)/);
  if (prefix === '') return lines.join('');
  return lines.map((line, index) => (index > 0 && line.startsWith(prefix) ? line.slice(prefix.length) : line)).join('');
}

/** The definitions in `text` (at any depth), in document order; undefined when there are none. */
export function definitionsIn(text: string): BlockDefinitions | undefined {
  // Every definition has "]:" right after its label: most blocks need no parse at all.
  if (!text.includes(']:')) return undefined;
  const nodes: readonly Nodes[] = parseMarkdown(text).children;
  const links: LinkDefinition[] = [];
  const footnotes: FootnoteDefinition[] = [];
  for (const node of descendants(nodes)) {
    if (node.type === 'definition') {
      links.push({ identifier: node.identifier, url: node.url, title: node.title ?? null });
    } else if (node.type === 'footnoteDefinition') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      footnotes.push({ identifier: node.identifier, source: sourceOutsideContainers(text, start, end) });
    }
  }
  return links.length === 0 && footnotes.length === 0 ? undefined : { links, footnotes };
}

// In a destination or title, backslash escapes and character references are read; line breaks are written as
// references so the definition stays on one line.
function escapeDefinitionPart(value: string, quote: string): string {
  return value
    .replace(new RegExp(`[\\\\&<>${quote}]`, 'g'), (character) => '\\' + character)
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A link reference definition as one line of Markdown that parses back to `definition`. */
export function linkDefinitionMarkdown(definition: LinkDefinition): string {
  const title = definition.title === null ? '' : ` "${escapeDefinitionPart(definition.title, '"')}"`;
  return `[${definition.identifier}]: <${escapeDefinitionPart(definition.url, '')}>${title}\n`;
}

/** A footnote definition with placeholder content: enough for the parser to read `[^label]` as a reference. */
export function footnoteStubMarkdown(definition: FootnoteDefinition): string {
  return `[^${definition.identifier}]: -\n`;
}

/** Case- and white-space-insensitive form used to find which labels a block's text may refer to. */
export function foldLabelText(text: string): string {
  return text
    .replace(/[\s>]+/g, ' ')
    .toLowerCase()
    .toUpperCase();
}
