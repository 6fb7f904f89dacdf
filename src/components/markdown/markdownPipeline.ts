// The one Markdown pipeline of the app (with safeUrlTransform, passed where it renders): GFM, ids prefixed per reply. A whole document and a block of a
// document rendered on its own (see core/markdownDocument) go through the same steps, so they render alike.
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes, Root } from 'mdast';
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast';
import type { Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { FootnoteTally } from '../../core/markdownDocument';

export type MarkdownPipeline = Pick<Options, 'remarkPlugins' | 'rehypePlugins' | 'remarkRehypeOptions'>;

const footnoteLabelId = 'footnote-label';

/** The id prefix for one reply: footnote links of two replies on a page must not point into each other. */
export function replyIdPrefix(reactId: string): string {
  return `user-content-${reactId.replace(/[^\w-]/g, '')}-`;
}

/** GFM gives the footnotes heading a fixed id; prefix it like every other id the renderer makes. */
function prefixFootnoteLabel(prefix: string) {
  return () => (tree: HastRoot) => {
    const stack: (HastRoot | HastContent)[] = [tree];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.type === 'element') relabel(node, prefix);
      if ('children' in node) stack.push(...node.children);
    }
  };
}

function relabel(element: Element, prefix: string): void {
  const { properties } = element;
  if (properties.id === footnoteLabelId) properties.id = prefix + footnoteLabelId;
  const describedBy = properties.ariaDescribedBy;
  if (Array.isArray(describedBy) && describedBy.includes(footnoteLabelId)) {
    properties.ariaDescribedBy = describedBy.map((id) => (id === footnoteLabelId ? prefix + footnoteLabelId : id));
  }
}

/** A block's footnote definitions render in the reply's footnotes section, not after the block. */
function removeFootnoteDefinitions() {
  return (tree: Root) => {
    const stack: Nodes[] = [tree];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (!('children' in node)) continue;
      if (node.children.some((child) => child.type === 'footnoteDefinition')) {
        node.children = node.children.filter((child) => child.type !== 'footnoteDefinition');
      }
      stack.push(...node.children);
    }
  };
}

/** Numbers footnotes as if `before` had been referred to first; with `content` false renders only the section. */
function continueFootnotes(before: FootnoteTally, content: boolean): Handler {
  const root = (state: State, node: Root): HastRoot | HastContent => {
    state.footnoteOrder.push(...before.order);
    for (const [id, count] of before.counts) state.footnoteCounts.set(id, count);
    return content ? defaultHandlers.root(state, node) : { type: 'root', children: [] };
  };
  // The root handler returns a hast root, which the Handler type (made for element content) does not list.
  return root as unknown as Handler;
}

/** The pipeline for a whole Markdown document. */
export function documentPipeline(idPrefix: string): MarkdownPipeline {
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [prefixFootnoteLabel(idPrefix)],
    remarkRehypeOptions: { clobberPrefix: idPrefix },
  };
}

/** For one block of a document: footnotes numbered on from `footnotesBefore`, their definitions left out. */
export function blockPipeline(idPrefix: string, footnotesBefore: FootnoteTally | null): MarkdownPipeline {
  const handlers = footnotesBefore === null ? {} : { root: continueFootnotes(footnotesBefore, true) };
  return {
    ...documentPipeline(idPrefix),
    remarkPlugins: [remarkGfm, removeFootnoteDefinitions],
    remarkRehypeOptions: { clobberPrefix: idPrefix, handlers },
  };
}

/** For the footnotes section alone, after the document's references in `references`. */
export function footnoteSectionPipeline(idPrefix: string, references: FootnoteTally): MarkdownPipeline {
  return {
    ...documentPipeline(idPrefix),
    remarkRehypeOptions: { clobberPrefix: idPrefix, handlers: { root: continueFootnotes(references, false) } },
  };
}
