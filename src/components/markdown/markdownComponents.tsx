import { createContext, useContext, type ComponentPropsWithoutRef } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import type { Element, ElementContent } from 'hast';
import { CodeBlock } from './CodeBlock';
import { DeferredImage } from './DeferredImage';
import { SafeLink } from './SafeLink';

function textOf(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : ''))
    .join('');
}

/** The code element react-markdown puts inside `pre`, as language and text. */
function codeOf(node: Element | undefined): { language: string; code: string } {
  const code = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties.className;
  const languageClass = Array.isArray(classes) ? classes.find((name) => name.startsWith('language-')) : undefined;
  const text = code ? textOf(code.children) : '';
  return {
    language: languageClass === undefined ? '' : languageClass.slice('language-'.length),
    code: text.endsWith('\n') ? text.slice(0, -1) : text,
  };
}

type PreProps = ComponentPropsWithoutRef<'pre'> & ExtraProps;

/**
 * True inside a block that is still streaming. Its code is highlighted once the block is complete; told through
 * context, so the block's parsed tree stays as it is when it completes instead of being parsed again.
 */
export const LiveBlock = createContext(false);

function MarkdownPre({ node }: PreProps) {
  const live = useContext(LiveBlock);
  const { language, code } = codeOf(node);
  return <CodeBlock code={code} language={language} highlight={!live} />;
}

/** Wide tables scroll on their own instead of widening the reply. */
function ScrollingTable({ node: _node, ...props }: ComponentPropsWithoutRef<'table'> & ExtraProps) {
  return (
    <div className="markdown-table-scroll">
      <table {...props} />
    </div>
  );
}

/** GFM task-list boxes are read-only; give them a name. */
function TaskCheckbox({ node: _node, checked, type, ...props }: ComponentPropsWithoutRef<'input'> & ExtraProps) {
  if (type !== 'checkbox') return <input type={type} {...props} />;
  return <input type="checkbox" checked={checked} disabled readOnly aria-label={checked ? 'Done' : 'Not done'} />;
}

/** What Markdown elements render as: safe links, images on request, scrolling tables, code blocks (see LiveBlock). */
export const markdownComponents: Components = {
  a: SafeLink,
  img: DeferredImage,
  table: ScrollingTable,
  input: TaskCheckbox,
  pre: MarkdownPre,
};
