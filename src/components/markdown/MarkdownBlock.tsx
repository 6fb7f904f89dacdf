import { memo } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { SourceBlock } from '../../core/markdownBlocks';
import { CodeBlock } from './CodeBlock';
import { completeComponents, liveComponents } from './markdownComponents';
import { safeUrlTransform } from './safeUrl';

const remarkPlugins = [remarkGfm];

interface MarkdownBlockProps {
  block: SourceBlock;
  /** True for the last block while the reply streams. */
  live: boolean;
}

function MarkdownBlockView({ block, live }: MarkdownBlockProps) {
  // A fenced code block needs no Markdown parse: show the lexer's code directly (cheap while it grows).
  if (block.fencedCode !== undefined) {
    const { code, language } = block.fencedCode;
    return <CodeBlock code={code} language={language} highlight={!live} />;
  }
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      urlTransform={safeUrlTransform}
      components={live ? liveComponents : completeComponents}
    >
      {block.text}
    </Markdown>
  );
}

/** One top-level block. Memoised on its text: a completed block never renders again while the reply grows. */
export const MarkdownBlock = memo(
  MarkdownBlockView,
  (previous, next) => previous.live === next.live && previous.block.text === next.block.text,
);
