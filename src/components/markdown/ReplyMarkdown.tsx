// The reply as GitHub-flavoured Markdown, rendered block by block so a long, fast stream stays cheap, and safely:
// no raw HTML, only safe links, remote images on request. Definitions and footnotes apply to the whole reply.
import './markdown.css';
import { memo, useId, useMemo, useState } from 'react';
import { endsInBlockTooLargeToFormat, type SourceBlock } from '../../core/markdownBlocks';
import type { BlockContext } from '../../core/markdownDocument';
import { renderLimits, replyTooLargeToFormat } from '../../core/renderLimits';
import { BlockErrorBoundary } from './BlockErrorBoundary';
import { groupBlocks, sameBlocks, sameItems } from './blockGroups';
import { FootnoteSection } from './FootnoteSection';
import { MarkdownBlock } from './MarkdownBlock';
import { replyIdPrefix } from './markdownPipeline';
import { PlainChunks, PlainReply, TooLargeNote } from './PlainReply';
import {
  useDocumentContext,
  useFormattingBudget,
  useLaidOutComplete,
  useMarkdownBlocksWithinBudget,
} from './useBlocks';

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
  /** No block will be added to this group. */
  complete: boolean;
}

const BlockGroup = memo(
  function BlockGroup({ blocks, contexts, idPrefix, liveIndex, complete }: BlockGroupProps) {
    const laidOut = useLaidOutComplete(complete);
    return (
      <div className={laidOut ? 'markdown-group markdown-group-laid-out' : 'markdown-group'}>
        {blocks.map((block, index) => {
          const context = contexts[index];
          if (context === undefined) return null;
          return (
            <MarkdownBlock
              key={block.key}
              block={block}
              context={context}
              idPrefix={idPrefix}
              live={index === liveIndex}
            />
          );
        })}
      </div>
    );
  },
  (previous, next) =>
    previous.liveIndex === next.liveIndex &&
    previous.complete === next.complete &&
    previous.idPrefix === next.idPrefix &&
    sameBlocks(previous.blocks, next.blocks) &&
    sameItems(previous.contexts, next.contexts),
);

/**
 * A reply too large to format from the start is shown as plain text (never split into blocks) until the user asks
 * otherwise; one that outgrows the limit while shown keeps its formatted start, and the rest is plain.
 */
export function ReplyMarkdown({ text, streaming }: ReplyMarkdownProps) {
  const [formatAnyway, setFormatAnyway] = useState(false);
  const [startedSmall] = useState(() => !replyTooLargeToFormat(text));
  if (!formatAnyway && !startedSmall && replyTooLargeToFormat(text))
    return <PlainReply text={text} streaming={streaming} onFormatAnyway={() => setFormatAnyway(true)} />;
  return (
    <FormattedReply
      text={text}
      streaming={streaming}
      limited={!formatAnyway}
      onFormatAnyway={() => setFormatAnyway(true)}
    />
  );
}

interface FormattedReplyProps extends ReplyMarkdownProps {
  /** Past the reply limit, the rest is plain text. */
  limited: boolean;
  onFormatAnyway: () => void;
}

function FormattedReply({ text, streaming, limited, onFormatAnyway }: FormattedReplyProps) {
  const idPrefix = replyIdPrefix(useId());
  const tooLarge = limited && replyTooLargeToFormat(text);
  // Past the limit only the reply's start is split; the block the limit cuts and all after it stay plain.
  const { split, complete } = useMarkdownBlocksWithinBudget(
    tooLarge ? text.slice(0, renderLimits.maxFormattedReplyCharacters) : text,
    streaming,
  );
  // Where the split stops short (the limit, or the frame's budget), its last block may go on: it stays plain too.
  // So does a last block too large to format while the reply streams: always here, not moved between the blocks
  // and the plain rest (a remount of all its text) each time the split catches up with it.
  const cut = tooLarge || !complete || (streaming && endsInBlockTooLargeToFormat(split));
  const formattable = useMemo(() => (cut ? split.blocks.slice(0, -1) : split.blocks), [cut, split]);
  const shownCount = useFormattingBudget(formattable);
  const blocks = useMemo(() => formattable.slice(0, shownCount), [formattable, shownCount]);
  const plainFrom = formattable[shownCount]?.start ?? (cut ? (split.blocks.at(-1)?.start ?? 0) : text.length);
  const reply = useDocumentContext(blocks);
  const groups = groupBlocks(blocks);
  const contextGroups = groupBlocks(reply.blocks);
  const lastGroup = groups.length - 1;
  const allShown = shownCount === formattable.length;
  const live = streaming && allShown && !cut;
  // No block will be added to any group: the reply has ended and all of it is split and shown.
  const final = !streaming && complete && allShown;
  return (
    <div className="reply-markdown" aria-busy={streaming}>
      {groups.map((group, index) => (
        <BlockGroup
          key={index}
          blocks={group}
          contexts={contextGroups[index] ?? []}
          idPrefix={idPrefix}
          liveIndex={live && index === lastGroup ? group.length - 1 : -1}
          complete={index < lastGroup || final}
        />
      ))}
      {plainFrom < text.length &&
        (tooLarge ? (
          <div className="markdown-plain-block">
            <TooLargeNote characters={text.length} onFormatAnyway={onFormatAnyway} />
            <PlainChunks text={text.slice(plainFrom)} offset={plainFrom} />
          </div>
        ) : (
          <PlainChunks text={text.slice(plainFrom)} offset={plainFrom} />
        ))}
      {reply.footnotes !== null && (
        <BlockErrorBoundary text={reply.footnotes.markdown}>
          <FootnoteSection section={reply.footnotes} idPrefix={idPrefix} />
        </BlockErrorBoundary>
      )}
    </div>
  );
}
