import { memo, useMemo, useState } from 'react';
import Markdown from 'react-markdown';
import type { SourceBlock } from '../../core/markdownBlocks';
import type { BlockContext } from '../../core/markdownDocument';
import { plainMarkdownBlock } from '../../core/plainMarkdownBlock';
import { blockTooLargeToFormat, liveBlockTooLargeToFormat, tooLargeToFormatNote } from '../../core/renderLimits';
import { BlockErrorBoundary } from './BlockErrorBoundary';
import { CodeBlock } from './CodeBlock';
import { useFrameShare } from './frameShare';
import { LiveBlock, markdownComponents } from './markdownComponents';
import { blockPipeline, type MarkdownPipeline } from './markdownPipeline';
import { PlainChunks } from './PlainReply';
import { PlainTextBlock, unsafeBlockNotes } from './PlainTextBlock';
import { safeUrlTransform } from './safeUrl';

interface MarkdownBlockProps {
  block: SourceBlock;
  /** The definitions and footnote numbering the block takes from the rest of the reply. */
  context: BlockContext;
  /** Prefix of the ids the reply's footnotes get. */
  idPrefix: string;
  /** True for the last block while the reply streams. */
  live: boolean;
}

/** A block's Markdown, parsed when its text or pipeline changes: not when the block stops streaming. */
const FormattedMarkdown = memo(function FormattedMarkdown({
  markdown,
  pipeline,
}: {
  markdown: string;
  pipeline: MarkdownPipeline;
}) {
  return (
    <Markdown {...pipeline} urlTransform={safeUrlTransform} components={markdownComponents}>
      {markdown}
    </Markdown>
  );
});

function MarkdownBlockView({ block, context, idPrefix, live }: MarkdownBlockProps) {
  const pipeline = useMemo(() => blockPipeline(idPrefix, context.footnotesBefore), [idPrefix, context.footnotesBefore]);
  const [formatAnyway, setFormatAnyway] = useState(false);
  const share = useFrameShare();
  if (block.unsafe !== undefined) return <PlainTextBlock text={block.text} note={unsafeBlockNotes[block.unsafe]} />;
  if (!formatAnyway && blockTooLargeToFormat(block.text)) {
    const note = tooLargeToFormatNote(block.text.length);
    return <PlainTextBlock text={block.text} note={note} onFormatAnyway={() => setFormatAnyway(true)} />;
  }
  // Formatting a long block again on every frame would not fit in one: it is formatted once complete.
  if (live && !formatAnyway && block.fencedCode === undefined && liveBlockTooLargeToFormat(block.text, share))
    return <PlainChunks text={block.text} />;
  // A fenced code block needs no Markdown parse: show the lexer's code directly (cheap while it grows).
  if (block.fencedCode !== undefined) {
    const { code, language } = block.fencedCode;
    return <CodeBlock code={code} language={language} highlight={!live} />;
  }
  // A paragraph or heading of plain words needs no parse: it is the element Markdown would make of it.
  const plain = plainMarkdownBlock(block.text);
  if (plain !== null) {
    const Element = plain.element;
    return <Element>{plain.text}</Element>;
  }
  return (
    <LiveBlock value={live}>
      <FormattedMarkdown markdown={context.before + block.text + context.after} pipeline={pipeline} />
    </LiveBlock>
  );
}

/** A block whose failure to render leaves the rest of the reply standing: it shows its plain text instead. */
function ContainedBlock(props: MarkdownBlockProps) {
  return (
    <BlockErrorBoundary text={props.block.text}>
      <MarkdownBlockView {...props} />
    </BlockErrorBoundary>
  );
}

/**
 * One top-level block. Memoised on its text and context (its error boundary included, so a reply that grows does not
 * render every block's boundary again): a completed block renders again only when a definition it refers to arrives.
 */
export const MarkdownBlock = memo(
  ContainedBlock,
  (previous, next) =>
    previous.live === next.live &&
    previous.block.text === next.block.text &&
    previous.context === next.context &&
    previous.idPrefix === next.idPrefix,
);
