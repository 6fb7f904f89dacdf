// Markdown (with GitHub's extensions) as a syntax tree, parsed by micromark: the parser react-markdown renders
// with, so the definitions and references found here are exactly the ones the renderer sees.
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

const parseOptions = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, parseOptions);
}

/** Every node under `nodes` (them included), in document order; iterative, so deep nesting cannot overflow. */
export function* descendants(nodes: readonly Nodes[]): Generator<Nodes> {
  const stack: Nodes[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
    }
  }
}

/**
 * Identifiers of the footnote references in `text` outside footnote definitions (those count when the footnotes
 * section renders), upper-cased as the renderer counts them, in order.
 */
export function footnoteReferencesIn(text: string): string[] {
  const identifiers: string[] = [];
  const stack: Nodes[] = [...parseMarkdown(text).children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'footnoteReference') identifiers.push(node.identifier.toUpperCase());
    if ('children' in node && node.type !== 'footnoteDefinition') {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
    }
  }
  return identifiers;
}
