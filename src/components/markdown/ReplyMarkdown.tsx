// The reply as GitHub-flavoured Markdown, rendered block by block so a long, fast stream stays cheap, and safely:
// no raw HTML, only safe links, remote images on request.
import './markdown.css';
import { memo } from 'react';
import type { SourceBlock } from '../../core/markdownBlocks';
import { groupBlocks, sameBlocks } from './blockGroups';
import { MarkdownBlock } from './MarkdownBlock';
import { useMarkdownBlocks } from './useBlocks';

export interface ReplyMarkdownProps {
  text: string;
  /** True while the reply is still growing. */
  streaming: boolean;
}

interface BlockGroupProps {
  blocks: readonly SourceBlock[];
  /** Index of the block still streaming in this group, or -1. */
  liveIndex: number;
}

const BlockGroup = memo(
  function BlockGroup({ blocks, liveIndex }: BlockGroupProps) {
    return (
      <div className="markdown-group">
        {blocks.map((block, index) => (
          <MarkdownBlock key={block.key} block={block} live={index === liveIndex} />
        ))}
      </div>
    );
  },
  (previous, next) => previous.liveIndex === next.liveIndex && sameBlocks(previous.blocks, next.blocks),
);

export function ReplyMarkdown({ text, streaming }: ReplyMarkdownProps) {
  const { blocks } = useMarkdownBlocks(text);
  const groups = groupBlocks(blocks);
  const lastGroup = groups.length - 1;
  return (
    <div className="reply-markdown" aria-busy={streaming}>
      {groups.map((group, index) => (
        <BlockGroup key={index} blocks={group} liveIndex={streaming && index === lastGroup ? group.length - 1 : -1} />
      ))}
    </div>
  );
}
