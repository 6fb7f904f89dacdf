import type { ComponentPropsWithoutRef } from 'react';
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

function CompletePre({ node }: PreProps) {
  const { language, code } = codeOf(node);
  return <CodeBlock code={code} language={language} highlight />;
}

function LivePre({ node }: PreProps) {
  const { language, code } = codeOf(node);
  return <CodeBlock code={code} language={language} highlight={false} />;
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

const shared: Components = { a: SafeLink, img: DeferredImage, table: ScrollingTable, input: TaskCheckbox };

/** For completed blocks: code is highlighted. */
export const completeComponents: Components = { ...shared, pre: CompletePre };
/** For the block still streaming: code stays plain until the block is complete. */
export const liveComponents: Components = { ...shared, pre: LivePre };
