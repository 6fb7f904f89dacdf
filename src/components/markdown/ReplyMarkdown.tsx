// The reply as GitHub-flavoured Markdown, rendered block by block so a long, fast stream stays cheap, and safely:
// no raw HTML, only safe links, remote images on request. Definitions and footnotes apply to the whole reply.
import './markdown.css';
import { memo, useId, useState } from 'react';
import type { SourceBlock } from '../../core/markdownBlocks';
import type { BlockContext } from '../../core/markdownDocument';
import { replyTooLargeToFormat } from '../../core/renderLimits';
import { BlockErrorBoundary } from './BlockErrorBoundary';
import { groupBlocks, sameBlocks, sameItems } from './blockGroups';
import { FootnoteSection } from './FootnoteSection';
import { MarkdownBlock } from './MarkdownBlock';
import { replyIdPrefix } from './markdownPipeline';
import { PlainReply } from './PlainReply';
import { useDocumentContext, useMarkdownBlocks } from './useBlocks';

export interface ReplyMarkdownProps {
  text: string;
  /** True while the reply is still growing. */
  streaming: boolean;
}

interface BlockGroupProps {
  blocks: readonly SourceBlock[];
  contexts: readonly BlockContext[];
  idPrefix: string;
  /** Index of the block still streaming in this group, or -1. */
  liveIndex: number;
}

const BlockGroup = memo(
  function BlockGroup({ blocks, contexts, idPrefix, liveIndex }: BlockGroupProps) {
    return (
      <div className="markdown-group">
        {blocks.map((block, index) => {
          const context = contexts[index];
          if (context === undefined) return null;
          return (
            <BlockErrorBoundary key={block.key} text={block.text}>
              <MarkdownBlock block={block} context={context} idPrefix={idPrefix} live={index === liveIndex} />
            </BlockErrorBoundary>
          );
        })}
      </div>
    );
  },
  (previous, next) =>
    previous.liveIndex === next.liveIndex &&
    previous.idPrefix === next.idPrefix &&
    sameBlocks(previous.blocks, next.blocks) &&
    sameItems(previous.contexts, next.contexts),
);

/** A reply too large to format is shown as plain text (never split into blocks) until the user asks otherwise. */
export function ReplyMarkdown({ text, streaming }: ReplyMarkdownProps) {
  const [formatAnyway, setFormatAnyway] = useState(false);
  if (!formatAnyway && replyTooLargeToFormat(text))
    return <PlainReply text={text} streaming={streaming} onFormatAnyway={() => setFormatAnyway(true)} />;
  return <FormattedReply text={text} streaming={streaming} />;
}

function FormattedReply({ text, streaming }: ReplyMarkdownProps) {
  const idPrefix = replyIdPrefix(useId());
  const { blocks } = useMarkdownBlocks(text);
  const reply = useDocumentContext(blocks);
  const groups = groupBlocks(blocks);
  const contextGroups = groupBlocks(reply.blocks);
  const lastGroup = groups.length - 1;
  return (
    <div className="reply-markdown" aria-busy={streaming}>
      {groups.map((group, index) => (
        <BlockGroup
          key={index}
          blocks={group}
          contexts={contextGroups[index] ?? []}
          idPrefix={idPrefix}
          liveIndex={streaming && index === lastGroup ? group.length - 1 : -1}
        />
      ))}
      {reply.footnotes !== null && (
        <BlockErrorBoundary text={reply.footnotes.markdown}>
          <FootnoteSection section={reply.footnotes} idPrefix={idPrefix} />
        </BlockErrorBoundary>
      )}
    </div>
  );
}
